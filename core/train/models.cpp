#include "models.h"

#include "fusedbnact.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace scalescope::train {

namespace {
namespace nn = torch::nn;
constexpr double kBnMomentum = 0.1; // PyTorch's default (TF's 0.99 decay)
constexpr double kBnEps = 1e-5;     // timm's non-TF EfficientNets

nn::Conv2d conv(int in, int out, int k, int stride = 1, int groups = 1, bool bias = false) {
    return nn::Conv2d(
        nn::Conv2dOptions(in, out, k).stride(stride).padding(k / 2).groups(groups).bias(bias));
}
nn::BatchNorm2d bn(int c) {
    return nn::BatchNorm2d(nn::BatchNorm2dOptions(c).eps(kBnEps).momentum(kBnMomentum));
}
torch::Tensor act(const torch::Tensor& x, bool relu) {
    return relu ? torch::relu(x) : torch::silu(x);
}
// BatchNorm, then the activation: one fused operation where that is switched on and takes
// the input (SiLU, training; CUDA kernels, or the CPU reference for float), else LibTorch's
// two.
torch::Tensor bnAct(nn::BatchNorm2d& norm, const torch::Tensor& x, bool relu) {
    if (!relu && fusedBatchNormActEnabled() && fusedBatchNormActAccepts(x, *norm))
        return fusedBatchNormAct(x, *norm, /*silu=*/true);
    return act(norm(x), relu);
}

// Along one dimension of `size` pixels (kernel k, padding k / 2, stride s): the output
// count, and the kernel rows [first, last] that meet the input for some output position.
struct TapRange {
    std::int64_t out, first, last;
};
TapRange tapsUsed(std::int64_t size, std::int64_t k, std::int64_t s) {
    const std::int64_t p = k / 2, out = (size + 2 * p - k) / s + 1;
    TapRange r{out, k, -1};
    for (std::int64_t i = 0; i < out; ++i) { // output i reads input i * s - p + tap
        r.first = std::min(r.first, std::max<std::int64_t>(0, p - i * s));
        r.last = std::max(r.last, std::min(k - 1, size - 1 + p - i * s));
    }
    return r;
}

// Stochastic depth: drop the whole residual branch for a random subset of the batch.
torch::Tensor dropPath(const torch::Tensor& x, double p, bool training) {
    if (!training || p <= 0.0) return x;
    const double keep = 1.0 - p;
    auto mask = torch::empty({x.size(0), 1, 1, 1}, x.options()).bernoulli_(keep);
    return x * mask / keep;
}

// EfficientNet's squeeze-and-excitation (timm names conv_reduce / conv_expand); ResNet's
// uses fc1 / fc2. Same computation: pool, reduce, act, expand, sigmoid gate.
class SqueezeExciteImpl : public nn::Module {
  public:
    SqueezeExciteImpl(int channels, int rd, bool relu, bool resnetNames) : m_relu(relu) {
        m_reduce =
            register_module(resnetNames ? "fc1" : "conv_reduce", conv(channels, rd, 1, 1, 1, true));
        m_expand =
            register_module(resnetNames ? "fc2" : "conv_expand", conv(rd, channels, 1, 1, 1, true));
    }
    torch::Tensor forward(const torch::Tensor& x) {
        auto s = x.mean({2, 3}, /*keepdim=*/true);
        s = m_expand(act(m_reduce(s), m_relu));
        return x * torch::sigmoid(s);
    }

  private:
    bool m_relu;
    nn::Conv2d m_reduce{nullptr}, m_expand{nullptr};
};
TORCH_MODULE(SqueezeExcite);

// MBConv: timm's DepthwiseSeparableConv (expansion 1) or InvertedResidual.
class MBConvBlock : public BlockBase {
  public:
    MBConvBlock(const BlockGeometry& g, bool relu) : m_g(g), m_relu(relu) {
        const int mid = g.hiddenChannels;
        if (g.expand) {
            m_convPw = register_module("conv_pw", conv(g.inChannels, mid, 1));
            m_bnExp = register_module("bn1", bn(mid));
        }
        m_convDw = register_module("conv_dw", conv(mid, mid, g.kernel, g.stride, mid));
        // No bias: forward calls depthwiseConv with the weight alone.
        m_bnDw = register_module(g.expand ? "bn2" : "bn1", bn(mid));
        if (g.seChannels)
            m_se = register_module("se", SqueezeExcite(mid, g.seChannels, relu, false));
        m_convPwl = register_module(g.expand ? "conv_pwl" : "conv_pw", conv(mid, g.outChannels, 1));
        m_bnOut = register_module(g.expand ? "bn3" : "bn2", bn(g.outChannels));
        dropPath = g.dropPath;
    }
    torch::Tensor forward(torch::Tensor x) override {
        auto y = x;
        if (m_g.expand) y = bnAct(m_bnExp, m_convPw(y), m_relu);
        y = bnAct(m_bnDw, depthwiseConv(y, m_convDw->weight, m_g.stride), m_relu);
        if (m_se) y = m_se(y);
        y = m_bnOut(m_convPwl(y));
        if (m_g.residual) y = dropPath_(y) + x;
        return y;
    }
    void zeroInitLast() override {
        if (!m_g.residual) return;
        torch::NoGradGuard ng;
        m_bnOut->weight.zero_();
    }

  private:
    torch::Tensor dropPath_(const torch::Tensor& y) {
        return train::dropPath(y, dropPath, is_training());
    }
    BlockGeometry m_g;
    bool m_relu;
    nn::Conv2d m_convPw{nullptr}, m_convDw{nullptr}, m_convPwl{nullptr};
    nn::BatchNorm2d m_bnExp{nullptr}, m_bnDw{nullptr}, m_bnOut{nullptr};
    SqueezeExcite m_se{nullptr};
};

// Fused-MBConv: timm's EdgeResidual (expansion > 1) or ConvBnAct (expansion 1).
class FusedMBConvBlock : public BlockBase {
  public:
    FusedMBConvBlock(const BlockGeometry& g, bool relu) : m_g(g), m_relu(relu) {
        if (g.expand) {
            m_convExp = register_module("conv_exp",
                                        conv(g.inChannels, g.hiddenChannels, g.kernel, g.stride));
            m_bn1 = register_module("bn1", bn(g.hiddenChannels));
            if (g.seChannels)
                m_se = register_module("se",
                                       SqueezeExcite(g.hiddenChannels, g.seChannels, relu, false));
            m_convPwl = register_module("conv_pwl", conv(g.hiddenChannels, g.outChannels, 1));
            m_bn2 = register_module("bn2", bn(g.outChannels));
        } else {
            m_convExp =
                register_module("conv", conv(g.inChannels, g.outChannels, g.kernel, g.stride));
            m_bn1 = register_module("bn1", bn(g.outChannels));
            if (g.seChannels)
                m_se =
                    register_module("se", SqueezeExcite(g.outChannels, g.seChannels, relu, false));
        }
        dropPath = g.dropPath;
    }
    torch::Tensor forward(torch::Tensor x) override {
        auto y = bnAct(m_bn1, m_convExp(x), m_relu);
        if (m_se) y = m_se(y);
        if (m_g.expand) y = m_bn2(m_convPwl(y));
        if (m_g.residual) y = train::dropPath(y, dropPath, is_training()) + x;
        return y;
    }
    // Without expansion the last BatchNorm feeds the activation; that block keeps its init.
    void zeroInitLast() override {
        if (!m_g.residual || !m_g.expand) return;
        torch::NoGradGuard ng;
        m_bn2->weight.zero_();
    }

  private:
    BlockGeometry m_g;
    bool m_relu;
    nn::Conv2d m_convExp{nullptr}, m_convPwl{nullptr};
    nn::BatchNorm2d m_bn1{nullptr}, m_bn2{nullptr};
    SqueezeExcite m_se{nullptr};
};

// ResNet-RS bottleneck: 1x1, 3x3 (strided), 1x1, SE, and a ResNet-D shortcut
// (average pool, then 1x1 conv) when the shape changes.
class BottleneckBlock : public BlockBase {
  public:
    explicit BottleneckBlock(const BlockGeometry& g) : m_g(g) {
        const int w = g.hiddenChannels;
        m_conv1 = register_module("conv1", conv(g.inChannels, w, 1));
        m_bn1 = register_module("bn1", bn(w));
        m_conv2 = register_module("conv2", conv(w, w, g.kernel, g.stride));
        m_bn2 = register_module("bn2", bn(w));
        m_conv3 = register_module("conv3", conv(w, g.outChannels, 1));
        m_bn3 = register_module("bn3", bn(g.outChannels));
        if (g.seChannels)
            m_se = register_module("se", SqueezeExcite(g.outChannels, g.seChannels, true, true));
        if (g.downsample) {
            m_down = nn::Sequential();
            if (g.stride != 1)
                m_down->push_back(nn::AvgPool2d(
                    nn::AvgPool2dOptions(2).stride(g.stride).ceil_mode(true).count_include_pad(
                        false)));
            else
                m_down->push_back(nn::Identity());
            m_down->push_back(conv(g.inChannels, g.outChannels, 1));
            m_down->push_back(bn(g.outChannels));
            register_module("downsample", m_down);
        }
        torch::NoGradGuard ng;
        m_bn3->weight.zero_(); // zero-init the last BN: each block starts as identity
        dropPath = g.dropPath;
    }
    torch::Tensor forward(torch::Tensor x) override {
        auto y = torch::relu(m_bn1(m_conv1(x)));
        y = torch::relu(m_bn2(m_conv2(y)));
        y = m_bn3(m_conv3(y));
        if (m_se) y = m_se(y);
        auto shortcut = m_g.downsample ? m_down->forward(x) : x;
        return torch::relu(train::dropPath(y, dropPath, is_training()) + shortcut);
    }

  private:
    BlockGeometry m_g;
    nn::Conv2d m_conv1{nullptr}, m_conv2{nullptr}, m_conv3{nullptr};
    nn::BatchNorm2d m_bn1{nullptr}, m_bn2{nullptr}, m_bn3{nullptr};
    SqueezeExcite m_se{nullptr};
    nn::Sequential m_down{nullptr};
};

void initWeights(nn::Module& root) {
    torch::NoGradGuard ng;
    for (auto& m : root.modules(/*include_self=*/false)) {
        if (auto* c = m->as<nn::Conv2d>()) {
            // timm: normal(0, sqrt(2 / fan_out)), fan_out over one group.
            const auto& o = c->options;
            const double fanOut = double(o.kernel_size()->at(0)) * o.kernel_size()->at(1) *
                                  o.out_channels() / o.groups();
            c->weight.normal_(0.0, std::sqrt(2.0 / fanOut));
            if (c->bias.defined()) c->bias.zero_();
        } else if (auto* l = m->as<nn::Linear>()) {
            const double range = 1.0 / std::sqrt(double(l->options.out_features()));
            l->weight.uniform_(-range, range);
            l->bias.zero_();
        }
    }
}
} // namespace

ModelInit modelInitFromString(const std::string& name) {
    if (name == "timm") return ModelInit::Timm;
    if (name == "zero-last") return ModelInit::ZeroLast;
    throw std::invalid_argument("unknown initialisation \"" + name + "\"");
}

ScaledNetImpl::ScaledNetImpl(const ScaledArch& arch, int numClasses, int inChannels,
                             ModelInit init) {
    const ArchSpec& b = arch.baseline;
    m_resnet = b.family == Family::ResNetRS;
    m_relu = b.activation == Activation::ReLU;
    m_dropout = arch.dropout;
    const auto geometry = expandBlocks(arch);
    if (!m_resnet) {
        m_convStem = register_module(
            "conv_stem", conv(inChannels, arch.stemChannels, b.stemKernel, b.stemStride));
        m_bn1 = register_module("bn1", bn(arch.stemChannels));
        auto stages = nn::ModuleList();
        nn::ModuleList current{nullptr};
        int stage = -1;
        for (const BlockGeometry& g : geometry) {
            if (g.stage != stage) {
                current = nn::ModuleList();
                stages->push_back(current);
                stage = g.stage;
            }
            std::shared_ptr<BlockBase> blk;
            if (g.type == BlockType::MBConv)
                blk = std::make_shared<MBConvBlock>(g, m_relu);
            else
                blk = std::make_shared<FusedMBConvBlock>(g, m_relu);
            current->push_back(blk);
            m_blocks.push_back(blk);
        }
        register_module("blocks", stages);
        if (arch.headChannels > 0) {
            m_convHead = register_module(
                "conv_head", conv(arch.stages.back().spec.channels, arch.headChannels, 1));
            m_bn2 = register_module("bn2", bn(arch.headChannels));
        }
    } else {
        const int sw = arch.stemWidth, sc = arch.stemChannels;
        m_stemConvs = nn::Sequential(conv(inChannels, sw, 3, b.stemStride), bn(sw), nn::ReLU(),
                                     conv(sw, sw, 3), bn(sw), nn::ReLU(), conv(sw, sc, 3));
        register_module("conv1", m_stemConvs);
        m_bn1 = register_module("bn1", bn(sc));
        m_stemPool = nn::Sequential(conv(sc, sc, 3, 2), bn(sc), nn::ReLU());
        register_module("maxpool", m_stemPool);
        std::vector<nn::ModuleList> layers;
        for (size_t i = 0; i < arch.stages.size(); ++i)
            layers.push_back(register_module("layer" + std::to_string(i + 1), nn::ModuleList()));
        for (const BlockGeometry& g : geometry) {
            auto blk = std::make_shared<BottleneckBlock>(g);
            layers[size_t(g.stage)]->push_back(blk);
            m_blocks.push_back(blk);
        }
    }
    m_stageEnds.assign(arch.stages.size(), 0);
    for (const BlockGeometry& g : geometry)
        m_stageEnds[size_t(g.stage)] = size_t(g.index) + 1;
    for (size_t i = 1; i < m_stageEnds.size(); ++i)
        m_stageEnds[i] += m_stageEnds[i - 1];
    const int features = featureChannels(arch);
    m_classifier =
        register_module(m_resnet ? "fc" : "classifier", nn::Linear(features, numClasses));
    initWeights(*this); // convs and linears only: the zeroed bn3 gammas stay zero
    if (init == ModelInit::ZeroLast) {
        for (auto& blk : m_blocks)
            blk->zeroInitLast();
        torch::NoGradGuard ng;
        m_classifier->weight.zero_();
    }
}

torch::Tensor ScaledNetImpl::features(torch::Tensor x) {
    if (!m_resnet) {
        x = bnAct(m_bn1, m_convStem(x), m_relu);
    } else {
        x = torch::relu(m_bn1(m_stemConvs->forward(x)));
        x = m_stemPool->forward(x);
    }
    for (auto& b : m_blocks)
        x = b->forward(x);
    if (m_convHead) x = bnAct(m_bn2, m_convHead(x), m_relu);
    return x;
}

torch::Tensor ScaledNetImpl::forwardSegment(int segment, torch::Tensor x) {
    const int stages = int(m_stageEnds.size());
    TORCH_CHECK(segment >= 0 && segment <= stages + 1, "forwardSegment: no segment ", segment, " (",
                stages + 2, ")");
    if (segment == 0) {
        if (!m_resnet) return bnAct(m_bn1, m_convStem(x), m_relu);
        return m_stemPool->forward(torch::relu(m_bn1(m_stemConvs->forward(x))));
    }
    if (segment <= stages) {
        const size_t first = segment == 1 ? 0 : m_stageEnds[size_t(segment) - 2];
        for (size_t i = first; i < m_stageEnds[size_t(segment) - 1]; ++i)
            x = m_blocks[i]->forward(x);
        return x;
    }
    if (m_convHead) x = bnAct(m_bn2, m_convHead(x), m_relu);
    x = torch::dropout(x.mean({2, 3}), m_dropout, is_training());
    return m_classifier(x);
}

torch::Tensor ScaledNetImpl::forward(torch::Tensor x) {
    x = features(x).mean({2, 3});
    x = torch::dropout(x, m_dropout, is_training());
    return m_classifier(x);
}

torch::Tensor depthwiseConv(const torch::Tensor& x, const torch::Tensor& weight, int stride) {
    const std::int64_t k = weight.size(2), p = k / 2, groups = weight.size(0);
    const std::int64_t h = x.size(2), w = x.size(3), s = stride;
    // Explicit sizes: a bare number for padding would also match conv2d's "same"/"valid".
    auto conv = [&](const torch::Tensor& in, const torch::Tensor& kernel, std::int64_t padH,
                    std::int64_t padW) {
        return torch::conv2d(in, kernel, torch::Tensor(), torch::IntArrayRef{s, s},
                             torch::IntArrayRef{padH, padW}, torch::IntArrayRef{1, 1}, groups);
    };
    // CUDA keeps the plain call (the slow case is oneDNN's); maps at least as large
    // as the kernel use every tap.
    if (x.is_cuda() || (h >= k && w >= k)) return conv(x, weight, p, p);
    const TapRange rows = tapsUsed(h, k, stride), cols = tapsUsed(w, k, stride);
    const auto kept =
        weight.slice(2, rows.first, rows.last + 1).slice(3, cols.first, cols.last + 1);
    // Padding before the kept taps shrinks by the dropped ones; after them, whatever keeps
    // the output size.
    auto pads = [&](std::int64_t n, const TapRange& t) {
        const std::int64_t before = p - t.first;
        const std::int64_t after = (t.out - 1) * stride + (t.last - t.first + 1) - n - before;
        TORCH_INTERNAL_ASSERT(before >= 0 && after >= 0, "depthwiseConv: no padding for ", n,
                              " px, kernel ", k, ", stride ", stride);
        return std::pair<std::int64_t, std::int64_t>(before, after);
    };
    const auto [top, bottom] = pads(h, rows);
    const auto [left, right] = pads(w, cols);
    if (top == bottom && left == right) return conv(x, kept, top, left);
    const auto padded = torch::constant_pad_nd(x, {left, right, top, bottom});
    return conv(padded, kept, 0, 0);
}

std::int64_t countParameters(torch::nn::Module& m) {
    std::int64_t n = 0;
    for (const auto& p : m.parameters())
        n += p.numel();
    return n;
}

} // namespace scalescope::train
