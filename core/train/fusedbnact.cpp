#include "fusedbnact.h"

#include "fusedbnact_math.h"

#ifdef SCALESCOPE_FUSED_CUDA
#include "fusedbnact_cuda.h"

#include <ATen/cuda/CUDAContext.h>
#endif

#include <algorithm>
#include <atomic>
#include <vector>

namespace scalescope::train {

namespace {
using torch::Tensor;
namespace F = fused;

std::atomic<bool> g_enabled{false};

// On the CPU, as many "blocks" as a small GPU has: a few hundred rows already make several
// chunks, so the tests run the merges the kernels run.
constexpr int kCpuTargetBlocks = 64;

// The kernels' order of operations in loops. Per chunk and channel, kTileRows interleaved
// accumulators (a block's rows of threads), merged in order...
template <typename Acc, typename AddRow>
std::vector<Acc> chunkPartials(std::int64_t rows, int channels, std::int64_t chunks,
                               AddRow addRow) {
    std::vector<Acc> partial(std::size_t(chunks * channels));
    const std::int64_t per = F::chunkRows(rows, chunks);
    for (std::int64_t k = 0; k < chunks; ++k) {
        const std::int64_t start = k * per, last = std::min(rows, start + per);
        for (int c = 0; c < channels; ++c) {
            Acc lanes[F::kTileRows];
            for (int ty = 0; ty < F::kTileRows; ++ty)
                for (std::int64_t r = start + ty; r < last; r += F::kTileRows)
                    addRow(lanes[ty], r, c);
            for (int ty = 1; ty < F::kTileRows; ++ty)
                F::merge(lanes[0], lanes[ty]);
            partial[std::size_t(k * channels + c)] = lanes[0];
        }
    }
    return partial;
}
// ...then per channel the chunks, shared out over kMergeLanes accumulators the same way.
template <typename Acc>
Acc mergeChunks(const std::vector<Acc>& partial, std::int64_t chunks, int channels, int c) {
    Acc lanes[F::kMergeLanes];
    for (int ty = 0; ty < F::kMergeLanes; ++ty)
        for (std::int64_t k = ty; k < chunks; k += F::kMergeLanes)
            F::merge(lanes[ty], partial[std::size_t(k * channels + c)]);
    for (int ty = 1; ty < F::kMergeLanes; ++ty)
        F::merge(lanes[0], lanes[ty]);
    return lanes[0];
}

void forwardCpu(const Tensor& x, Tensor& y, const Tensor& weight, const Tensor& bias,
                Tensor& runningMean, Tensor& runningVar, double momentum, double eps, bool silu,
                Tensor& saveMean, Tensor& saveInvstd) {
    const int channels = int(x.size(1));
    const std::int64_t rows = x.numel() / channels;
    const std::int64_t chunks = F::chunkCount(rows, channels, kCpuTargetBlocks);
    const float* px = x.data_ptr<float>(); // channels-last: [rows, C]
    float* py = y.data_ptr<float>();
    const float *w = weight.data_ptr<float>(), *b = bias.data_ptr<float>();
    float *rm = runningMean.data_ptr<float>(), *rv = runningVar.data_ptr<float>();
    float *mean = saveMean.data_ptr<float>(), *invstd = saveInvstd.data_ptr<float>();
    const auto partial = chunkPartials<F::Moments>(
        rows, channels, chunks,
        [&](F::Moments& m, std::int64_t r, int c) { F::add(m, px[r * channels + c]); });
    std::vector<F::ChannelForward> perChannel(static_cast<std::size_t>(channels));
    for (int c = 0; c < channels; ++c) {
        const F::Moments m = mergeChunks(partial, chunks, channels, c);
        perChannel[std::size_t(c)] = F::channelForward(m, w[c], b[c], float(eps));
        mean[c] = perChannel[std::size_t(c)].mean;
        invstd[c] = perChannel[std::size_t(c)].invstd;
        F::updateRunning(rm[c], rv[c], m, float(momentum));
    }
    for (std::int64_t r = 0; r < rows; ++r)
        for (int c = 0; c < channels; ++c) {
            const F::ChannelForward& f = perChannel[std::size_t(c)];
            py[r * channels + c] = F::forwardValue(px[r * channels + c], f.scale, f.shift, silu);
        }
}

void backwardCpu(const Tensor& dy, const Tensor& x, Tensor& dx, const Tensor& weight,
                 const Tensor& bias, const Tensor& saveMean, const Tensor& saveInvstd, bool silu,
                 Tensor& gradWeight, Tensor& gradBias) {
    const int channels = int(x.size(1));
    const std::int64_t rows = x.numel() / channels;
    const std::int64_t chunks = F::chunkCount(rows, channels, kCpuTargetBlocks);
    const float *pdy = dy.data_ptr<float>(), *px = x.data_ptr<float>(); // [rows, C]
    float* pdx = dx.data_ptr<float>();
    const float *w = weight.data_ptr<float>(), *b = bias.data_ptr<float>();
    const float *mean = saveMean.data_ptr<float>(), *invstd = saveInvstd.data_ptr<float>();
    float *gw = gradWeight.data_ptr<float>(), *gb = gradBias.data_ptr<float>();
    std::vector<F::ChannelForward> perChannel(static_cast<std::size_t>(channels));
    for (int c = 0; c < channels; ++c)
        perChannel[std::size_t(c)] = F::fromSaved(mean[c], invstd[c], w[c], b[c]);
    const auto partial = chunkPartials<F::GradSums>(
        rows, channels, chunks, [&](F::GradSums& g, std::int64_t r, int c) {
            const F::ChannelForward& f = perChannel[std::size_t(c)];
            const float xv = px[r * channels + c];
            F::add(g, F::gradAtNorm(pdy[r * channels + c], xv, f.scale, f.shift, silu),
                   (xv - f.mean) * f.invstd);
        });
    std::vector<F::GradSums> totals(static_cast<std::size_t>(channels));
    for (int c = 0; c < channels; ++c) {
        totals[std::size_t(c)] = mergeChunks(partial, chunks, channels, c);
        gb[c] = totals[std::size_t(c)].dz;
        gw[c] = totals[std::size_t(c)].dzXhat;
    }
    for (std::int64_t r = 0; r < rows; ++r)
        for (int c = 0; c < channels; ++c) {
            const F::ChannelForward& f = perChannel[std::size_t(c)];
            const std::int64_t i = r * channels + c;
            const float dz = F::gradAtNorm(pdy[i], px[i], f.scale, f.shift, silu);
            pdx[i] = F::inputGrad(dz, (px[i] - f.mean) * f.invstd, f.scale, totals[std::size_t(c)],
                                  float(rows));
        }
}

#ifdef SCALESCOPE_FUSED_CUDA
F::ElementType elementType(const Tensor& t) {
    switch (t.scalar_type()) {
    case torch::kBFloat16:
        return F::ElementType::BFloat16;
    case torch::kHalf:
        return F::ElementType::Half;
    default:
        return F::ElementType::Float;
    }
}
// Blocks enough to keep every multiprocessor busy a few times over.
std::int64_t cudaChunks(const Tensor& x, std::int64_t rows, int channels) {
    constexpr int kBlocksPerSm = 8;
    const int sms = at::cuda::getDeviceProperties(x.get_device())->multiProcessorCount;
    return F::chunkCount(rows, channels, kBlocksPerSm * sms);
}
void checkLaunch() {
    const cudaError_t e = F::lastError();
    TORCH_CHECK(e == cudaSuccess, "fused BatchNorm + SiLU kernel: ", cudaGetErrorString(e));
}
#endif

class FusedBnActFunction : public torch::autograd::Function<FusedBnActFunction> {
  public:
    static Tensor forward(torch::autograd::AutogradContext* ctx, Tensor x, const Tensor& weight,
                          const Tensor& bias, Tensor runningMean, Tensor runningVar,
                          double momentum, double eps, bool silu) {
        x = x.contiguous(torch::MemoryFormat::ChannelsLast);
        const int channels = int(x.size(1));
        const auto stats = weight.options().dtype(torch::kFloat32);
        Tensor mean = torch::empty({channels}, stats), invstd = torch::empty({channels}, stats);
        Tensor y = torch::empty_like(x, torch::MemoryFormat::ChannelsLast);
        if (x.is_cuda()) {
#ifdef SCALESCOPE_FUSED_CUDA
            const std::int64_t rows = x.numel() / channels;
            const std::int64_t chunks = cudaChunks(x, rows, channels);
            Tensor ws = torch::empty({F::forwardWorkspace(chunks, channels)}, stats);
            F::forwardTrain(x.data_ptr(), y.data_ptr(), elementType(x), rows, channels,
                            weight.data_ptr<float>(), bias.data_ptr<float>(),
                            runningMean.data_ptr<float>(), runningVar.data_ptr<float>(),
                            float(momentum), float(eps), silu, mean.data_ptr<float>(),
                            invstd.data_ptr<float>(), ws.data_ptr<float>(), chunks,
                            at::cuda::getCurrentCUDAStream(x.get_device()).stream());
            checkLaunch();
#endif
        } else {
            forwardCpu(x, y, weight, bias, runningMean, runningVar, momentum, eps, silu, mean,
                       invstd);
        }
        ctx->save_for_backward({x, weight, bias, mean, invstd});
        ctx->saved_data["silu"] = silu;
        return y;
    }

    static torch::autograd::variable_list backward(torch::autograd::AutogradContext* ctx,
                                                   torch::autograd::variable_list grads) {
        const auto saved = ctx->get_saved_variables();
        const Tensor &x = saved[0], &weight = saved[1], &bias = saved[2], &mean = saved[3],
                     &invstd = saved[4];
        const bool silu = ctx->saved_data["silu"].toBool();
        if (!grads[0].defined()) // the output did not reach the loss
            return {Tensor(), Tensor(), Tensor(), Tensor(), Tensor(), Tensor(), Tensor(), Tensor()};
        const Tensor dy =
            grads[0].to(x.scalar_type()).contiguous(torch::MemoryFormat::ChannelsLast);
        Tensor dx = torch::empty_like(x, torch::MemoryFormat::ChannelsLast);
        Tensor gw = torch::empty_like(weight), gb = torch::empty_like(bias);
        if (x.is_cuda()) {
#ifdef SCALESCOPE_FUSED_CUDA
            const int channels = int(x.size(1));
            const std::int64_t rows = x.numel() / channels;
            const std::int64_t chunks = cudaChunks(x, rows, channels);
            Tensor ws = torch::empty({F::backwardWorkspace(chunks, channels)}, mean.options());
            F::backward(dy.data_ptr(), x.data_ptr(), dx.data_ptr(), elementType(x), rows, channels,
                        weight.data_ptr<float>(), bias.data_ptr<float>(), mean.data_ptr<float>(),
                        invstd.data_ptr<float>(), silu, gw.data_ptr<float>(), gb.data_ptr<float>(),
                        ws.data_ptr<float>(), chunks,
                        at::cuda::getCurrentCUDAStream(x.get_device()).stream());
            checkLaunch();
#endif
        } else {
            backwardCpu(dy, x, dx, weight, bias, mean, invstd, silu, gw, gb);
        }
        // One gradient per forward argument: none for the statistics and the settings.
        return {dx, gw, gb, Tensor(), Tensor(), Tensor(), Tensor(), Tensor()};
    }
};
} // namespace

bool fusedBatchNormActCompiled() {
#ifdef SCALESCOPE_FUSED_CUDA
    return true;
#else
    return false;
#endif
}

void setFusedBatchNormAct(bool on) {
    g_enabled = on;
}
bool fusedBatchNormActEnabled() {
    return g_enabled;
}

bool fusedBatchNormActAccepts(const Tensor& x, const torch::nn::BatchNorm2dImpl& bn) {
    const auto& o = bn.options;
    if (x.dim() != 4 || !bn.is_training() || !o.affine() || !o.track_running_stats() ||
        !o.momentum().has_value() || x.size(1) != o.num_features() || x.size(1) < 1)
        return false;
    for (const Tensor* p : {&bn.weight, &bn.bias, &bn.running_mean, &bn.running_var})
        if (p->scalar_type() != torch::kFloat32 || p->device() != x.device() || !p->is_contiguous())
            return false;
    // Training needs two values a channel (as batch_norm, which says so when there is one).
    const std::int64_t rows = x.numel() / x.size(1);
    if (rows < 2 || rows > F::kMaxRows) return false;
    if (x.is_cuda())
        return fusedBatchNormActCompiled() &&
               (x.scalar_type() == torch::kFloat32 || x.scalar_type() == torch::kBFloat16 ||
                x.scalar_type() == torch::kHalf);
    return x.is_cpu() && x.scalar_type() == torch::kFloat32;
}

Tensor fusedBatchNormAct(const Tensor& x, torch::nn::BatchNorm2dImpl& bn, bool silu) {
    TORCH_CHECK(fusedBatchNormActAccepts(x, bn),
                "fusedBatchNormAct: this input or BatchNorm is not supported (", x.scalar_type(),
                " on ", x.device(), ", ", x.sizes(), ")");
    {
        torch::NoGradGuard noGrad;
        bn.num_batches_tracked.add_(1);
    }
    return FusedBnActFunction::apply(x, bn.weight, bn.bias, bn.running_mean, bn.running_var,
                                     *bn.options.momentum(), bn.options.eps(), silu);
}

} // namespace scalescope::train
