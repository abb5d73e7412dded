#include "costs.h"
#include "blocks.h"

#include <cmath>

namespace scalescope {

namespace {
using i64 = std::int64_t;

int outSize(int in, int stride) {
    return (in + stride - 1) / stride;
} // "same" padding

// Accumulates one block's costs op by op.
struct Acc {
    i64 params = 0, macs = 0, acts = 0;
    // Conv without bias, then BatchNorm, then optionally an activation. A ReLU runs in place
    // on the BatchNorm output; SiLU keeps its own output.
    void convBn(int cin, int cout, int k, int groups, int oh, int ow, bool act, bool inplaceAct) {
        const i64 w = i64(cout) * (cin / groups) * k * k;
        params += w + 2 * i64(cout);
        macs += w * oh * ow;
        const i64 map = i64(cout) * oh * ow;
        acts += 2 * map + ((act && !inplaceAct) ? map : 0);
    }
    // Squeeze-and-excitation on `c` channels over an oh x ow map, `rd` wide.
    void se(int c, int rd, int oh, int ow) {
        params += i64(c) * rd + rd + i64(rd) * c + c;
        macs += 2 * i64(c) * rd;
        acts += 2 * i64(c) + 2 * i64(rd) + i64(c) * oh * ow; // pooled, fc, gate, scaled map
    }
};

} // namespace

CostReport computeCosts(const ScaledArch& arch) {
    CostReport r;
    r.resolution = arch.resolution;
    const ArchSpec& base = arch.baseline;
    const bool relu = base.activation == Activation::ReLU;
    int h = arch.resolution, w = arch.resolution;

    auto addStage = [&](const std::string& name, const std::string& label, int stage, size_t first,
                        int repeats) {
        StageCost s;
        s.name = name;
        s.label = label;
        s.stage = stage;
        s.repeats = repeats;
        s.firstLayer = first;
        s.layerCount = r.layers.size() - first;
        for (size_t i = first; i < r.layers.size(); ++i) {
            s.params += r.layers[i].params;
            s.macs += r.layers[i].macs;
            s.activations += r.layers[i].activations;
        }
        const LayerCost& last = r.layers.back();
        s.outChannels = last.outChannels;
        s.outH = last.outH;
        s.outW = last.outW;
        r.stages.push_back(s);
    };

    // Stem.
    {
        LayerCost L;
        L.name = "stem";
        L.stage = -1;
        L.inChannels = base.inChannels;
        L.inH = h;
        L.inW = w;
        L.kernel = base.stemKernel;
        L.stride = base.stemStride;
        Acc a;
        if (base.stemType == StemType::Conv) {
            L.label =
                "Conv" + std::to_string(base.stemKernel) + "x" + std::to_string(base.stemKernel);
            h = outSize(h, base.stemStride);
            w = outSize(w, base.stemStride);
            a.convBn(base.inChannels, arch.stemChannels, base.stemKernel, 1, h, w, true, relu);
        } else {
            // ResNet-D: three 3x3 convs (the first strided), then a strided 3x3 conv in
            // place of the max-pool (ResNet-RS).
            L.label = "ResNet-D stem";
            h = outSize(h, base.stemStride);
            w = outSize(w, base.stemStride);
            a.convBn(base.inChannels, arch.stemWidth, 3, 1, h, w, true, relu);
            a.convBn(arch.stemWidth, arch.stemWidth, 3, 1, h, w, true, relu);
            a.convBn(arch.stemWidth, arch.stemChannels, 3, 1, h, w, true, relu);
            h = outSize(h, 2);
            w = outSize(w, 2);
            a.convBn(arch.stemChannels, arch.stemChannels, 3, 1, h, w, true, relu);
            L.stride = base.stemStride * 2;
        }
        L.outChannels = L.hiddenChannels = arch.stemChannels;
        L.outH = h;
        L.outW = w;
        L.params = a.params;
        L.macs = a.macs;
        L.activations = a.acts;
        r.layers.push_back(L);
        addStage("stem", L.label, -1, 0, 1);
    }

    const auto blocks = expandBlocks(arch);
    size_t bi = 0;
    for (size_t si = 0; si < arch.stages.size(); ++si) {
        const size_t first = r.layers.size();
        const StageSpec& spec = arch.stages[si].spec;
        for (; bi < blocks.size() && blocks[bi].stage == int(si); ++bi) {
            const BlockGeometry& b = blocks[bi];
            LayerCost L;
            L.name = "blocks." + std::to_string(si) + "." + std::to_string(b.index);
            L.label = blockLabel(spec);
            L.stage = int(si);
            L.block = b.index;
            L.inChannels = b.inChannels;
            L.outChannels = b.outChannels;
            L.hiddenChannels = b.hiddenChannels;
            L.seChannels = b.seChannels;
            L.kernel = b.kernel;
            L.stride = b.stride;
            L.residual = b.residual;
            L.inH = h;
            L.inW = w;
            const int oh = outSize(h, b.stride), ow = outSize(w, b.stride);
            Acc a;
            const int mid = b.hiddenChannels;
            switch (b.type) {
            case BlockType::MBConv:
                if (b.expand) a.convBn(b.inChannels, mid, 1, 1, h, w, true, relu);
                a.convBn(mid, mid, b.kernel, mid, oh, ow, true, relu); // depthwise
                if (b.seChannels) a.se(mid, b.seChannels, oh, ow);
                a.convBn(mid, b.outChannels, 1, 1, oh, ow, false, relu);
                break;
            case BlockType::FusedMBConv:
                if (b.expand) {
                    a.convBn(b.inChannels, mid, b.kernel, 1, oh, ow, true, relu);
                    if (b.seChannels) a.se(mid, b.seChannels, oh, ow);
                    a.convBn(mid, b.outChannels, 1, 1, oh, ow, false, relu);
                } else {
                    a.convBn(b.inChannels, b.outChannels, b.kernel, 1, oh, ow, true, relu);
                    if (b.seChannels) a.se(b.outChannels, b.seChannels, oh, ow);
                }
                break;
            case BlockType::Bottleneck:
                a.convBn(b.inChannels, mid, 1, 1, h, w, true, relu);
                a.convBn(mid, mid, b.kernel, 1, oh, ow, true, relu);
                a.convBn(mid, b.outChannels, 1, 1, oh, ow, false, relu);
                if (b.seChannels) a.se(b.outChannels, b.seChannels, oh, ow);
                if (b.downsample) {
                    if (b.stride != 1) a.acts += i64(b.inChannels) * oh * ow; // avg-pool
                    a.convBn(b.inChannels, b.outChannels, 1, 1, oh, ow, false, relu);
                }
                break;
            }
            if (b.residual) a.acts += i64(b.outChannels) * oh * ow; // the sum
            h = oh;
            w = ow;
            L.outH = h;
            L.outW = w;
            L.params = a.params;
            L.macs = a.macs;
            L.activations = a.acts;
            r.layers.push_back(L);
        }
        addStage("stage " + std::to_string(si + 1), blockLabel(spec), int(si), first, spec.repeats);
    }

    // Head: optional 1x1 conv, global pooling, dropout, classifier.
    const size_t headFirst = r.layers.size();
    const int last = arch.stages.back().spec.channels;
    if (arch.headChannels > 0) {
        LayerCost L;
        L.name = "head";
        L.label = "Conv1x1";
        L.stage = int(arch.stages.size());
        L.inChannels = last;
        L.outChannels = L.hiddenChannels = arch.headChannels;
        L.inH = L.outH = h;
        L.inW = L.outW = w;
        Acc a;
        a.convBn(last, arch.headChannels, 1, 1, h, w, true, relu);
        L.params = a.params;
        L.macs = a.macs;
        L.activations = a.acts;
        r.layers.push_back(L);
    }
    {
        const int f = featureChannels(arch);
        LayerCost L;
        L.name = "classifier";
        L.label = "Pool + FC";
        L.stage = int(arch.stages.size());
        L.inChannels = f;
        L.outChannels = base.numClasses;
        L.inH = h;
        L.inW = w;
        L.outH = L.outW = 1;
        L.params = i64(f) * base.numClasses + base.numClasses;
        L.macs = i64(f) * base.numClasses;
        L.activations = 2 * i64(f) + base.numClasses; // pooled, dropped out, logits
        r.layers.push_back(L);
    }
    addStage("head", arch.headChannels > 0 ? "Conv1x1 + Pool + FC" : "Pool + FC",
             int(arch.stages.size()), headFirst, 1);

    for (const auto& L : r.layers) {
        r.params += L.params;
        r.macs += L.macs;
        r.activations += L.activations;
    }
    return r;
}

long long MemoryEstimate::maxBatch(double budgetBytes) const {
    if (activationBytesPerImage <= 0 || budgetBytes <= fixedBytes) return 0;
    return static_cast<long long>(std::floor((budgetBytes - fixedBytes) / activationBytesPerImage));
}

MemoryEstimate estimateMemory(const CostReport& c, Precision precision, Optimizer optimizer,
                              bool ema) {
    constexpr double kFloatBytes = 4.0;
    MemoryEstimate m;
    m.activationBytesPerImage = double(c.activations) * (precision == Precision::BFloat16 ? 2 : 4);
    const double states = optimizer == Optimizer::RMSProp ? 2.0 : 1.0; // square avg + momentum
    m.fixedBytes = double(c.params) * kFloatBytes * (2.0 + states + (ema ? 1.0 : 0.0));
    return m;
}

Optimizer paperOptimizer(Family family) {
    return family == Family::ResNetRS ? Optimizer::SGDMomentum : Optimizer::RMSProp;
}

} // namespace scalescope
