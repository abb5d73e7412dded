#include "augment.h"

#include <algorithm>
#include <cmath>
#include <random>

namespace scalescope::train {

namespace {
namespace F = torch::nn::functional;
constexpr double kPi = 3.14159265358979323846;
constexpr double kMean = 0.5; // inputs are scaled to roughly [-2, 2]
constexpr double kStd = 0.25;
constexpr double kMaxLevel = 10.0; // timm's RandAugment level scale
// RandAugment ops. Geometric ones fold into the crop's affine transform.
// timm's default set without Equalize and Sharpness; each drawn op applies with p = 0.5.
enum Op {
    Identity,
    Rotate,
    ShearX,
    ShearY,
    TranslateX,
    TranslateY,
    Brightness,
    Contrast,
    Color,
    Solarize,
    Posterize,
    AutoContrast,
    OpCount
};
constexpr double kOpProbability = 0.5;

// Small host-drawn tensors reach a GPU by an asynchronous copy from pinned memory: a plain
// copy from pageable memory would wait for the whole stream.
torch::Tensor toDevice(const torch::Tensor& t, torch::Device dev) {
    if (!dev.is_cuda()) return t.to(dev);
    return t.pin_memory().to(dev, /*non_blocking=*/true);
}

torch::Tensor normalise(const torch::Tensor& x) {
    return (x - kMean) / kStd;
}

// Applies `f` to the images where `op` was drawn, and to those alone: `f` gets them and their
// indices in the batch (on x's device), and its result replaces them. Their indices come from
// the CPU copy of the draw, so a CUDA batch never makes the host wait. (Computing every op on
// the whole batch and keeping the drawn images made RandAugment cost 3.6x the rest of the
// CPU data path at 256 px.)
template <typename Fn>
void applyWhere(torch::Tensor& x, const torch::Tensor& cpuChoice, Op op, Fn f) {
    const auto idx = (cpuChoice == op).nonzero().flatten();
    if (idx.numel() == 0) return;
    const auto at = toDevice(idx, x.device());
    x.index_copy_(0, at, f(x.index_select(0, at), at));
}
} // namespace

torch::Tensor augmentTrain(const torch::Tensor& images, const AugmentParams& p,
                           std::uint64_t seed) {
    const auto b = images.size(0);
    const auto dev = images.device();
    auto gen = at::detail::createCPUGenerator(seed);
    auto rand = [&](std::int64_t n) { return torch::rand({n}, gen, torch::kFloat64); };
    // Magnitudes above 10 (EfficientNetV2 schedules reach 15-25) saturate at timm's maximum.
    const double level = std::clamp(p.randAugment / kMaxLevel, 0.0, 1.0);

    // Random resized crop: area in [min, 1], aspect in [3/4, 4/3] (log-uniform), flip.
    auto area = p.cropMinScale + (1.0 - p.cropMinScale) * rand(b);
    auto logr = std::log(3.0 / 4) + (std::log(4.0 / 3) - std::log(3.0 / 4)) * rand(b);
    auto aspect = torch::exp(logr);
    auto sx = torch::sqrt(area * aspect).clamp_max(1.0);
    auto sy = torch::sqrt(area / aspect).clamp_max(1.0);
    auto tx = (2 * rand(b) - 1) * (1 - sx);
    auto ty = (2 * rand(b) - 1) * (1 - sy);
    auto flip = torch::where(rand(b) < 0.5, torch::full({b}, -1.0, torch::kFloat64),
                             torch::ones({b}, torch::kFloat64));

    // RandAugment: `ops` draws per image; geometric ones adjust the affine transform.
    std::vector<torch::Tensor> choice;
    for (int k = 0; k < p.randAugmentOps && level > 0; ++k) {
        auto op = torch::randint(0, OpCount, {b}, gen, torch::kInt64);
        choice.push_back(
            torch::where(rand(b) < kOpProbability, op, torch::zeros_like(op))); // Identity
    }
    auto sign = [&] {
        return torch::where(rand(b) < 0.5, -torch::ones({b}, torch::kFloat64),
                            torch::ones({b}, torch::kFloat64));
    };
    auto angle = torch::zeros({b}, torch::kFloat64), shx = torch::zeros({b}, torch::kFloat64),
         shy = torch::zeros({b}, torch::kFloat64), dx = torch::zeros({b}, torch::kFloat64),
         dy = torch::zeros({b}, torch::kFloat64);
    for (const auto& c : choice) {
        angle += (c == Rotate).to(torch::kFloat64) * sign() * (30.0 * level) * kPi / 180;
        shx += (c == ShearX).to(torch::kFloat64) * sign() * 0.3 * level;
        shy += (c == ShearY).to(torch::kFloat64) * sign() * 0.3 * level;
        dx += (c == TranslateX).to(torch::kFloat64) * sign() * 0.45 * level * 2;
        dy += (c == TranslateY).to(torch::kFloat64) * sign() * 0.45 * level * 2;
    }
    // theta maps output coordinates to input: crop-scale * (rotation * shear), then offset.
    auto cs = torch::cos(angle), sn = torch::sin(angle);
    auto a00 = (cs + (-sn) * shy) * sx * flip, a01 = (cs * shx - sn) * sx;
    auto a10 = (sn + cs * shy) * sy * flip, a11 = (sn * shx + cs) * sy;
    auto theta = torch::stack({torch::stack({a00, a01, tx + dx * sx}, 1),
                               torch::stack({a10, a11, ty + dy * sy}, 1)},
                              1)
                     .to(torch::kFloat32);
    theta = toDevice(theta, dev);
    const auto c = images.size(1);
    auto x = images.to(torch::kFloat32).div_(255.0);
    auto grid = F::affine_grid(theta, {b, c, p.imageSize, p.imageSize}, /*align_corners=*/false);
    x = F::grid_sample(x, grid,
                       F::GridSampleFuncOptions()
                           .mode(torch::kBilinear)
                           .padding_mode(torch::kReflection)
                           .align_corners(false));

    for (const auto& cpuChoice : choice) {
        // Enhance ops scale by 1 +- 0.9 * level, the direction drawn per image.
        const auto factor =
            toDevice((1 + 0.9 * level * sign()).to(torch::kFloat32).clamp_min(0), dev)
                .view({-1, 1, 1, 1});
        using torch::Tensor;
        applyWhere(x, cpuChoice, Brightness, [&](const Tensor& t, const Tensor& at) {
            return (t * factor.index_select(0, at)).clamp(0, 1);
        });
        applyWhere(x, cpuChoice, Contrast, [&](const Tensor& t, const Tensor& at) {
            const auto mean = t.mean({1, 2, 3}, true);
            return ((t - mean) * factor.index_select(0, at) + mean).clamp(0, 1);
        });
        if (c == 3)
            applyWhere(x, cpuChoice, Color, [&](const Tensor& t, const Tensor& at) {
                const auto grey = t.mean(1, true);
                return ((t - grey) * factor.index_select(0, at) + grey).clamp(0, 1);
            });
        applyWhere(x, cpuChoice, Solarize, [&](const Tensor& t, const Tensor&) {
            const double thr = 1.0 - 0.5 * level; // timm: threshold falls from 256 to 128
            return torch::where(t >= thr, 1 - t, t);
        });
        applyWhere(x, cpuChoice, Posterize, [&](const Tensor& t, const Tensor&) {
            const double bits = std::max(1.0, 8 - std::round(4 * level)); // 8 bits down to 4
            const double q = std::pow(2.0, bits) - 1;
            return torch::round(t * q) / q;
        });
        applyWhere(x, cpuChoice, AutoContrast, [&](const Tensor& t, const Tensor&) {
            const auto lo = t.amin({2, 3}, true), hi = t.amax({2, 3}, true);
            return (t - lo) / (hi - lo).clamp_min(1e-3);
        });
    }
    return normalise(x);
}

torch::Tensor prepareEval(const torch::Tensor& images, int imageSize) {
    auto x = images.to(torch::kFloat32).div_(255.0);
    if (x.size(2) != imageSize || x.size(3) != imageSize)
        x = F::interpolate(x, F::InterpolateFuncOptions()
                                  .size(std::vector<std::int64_t>{imageSize, imageSize})
                                  .mode(torch::kBilinear)
                                  .align_corners(false));
    return normalise(x);
}

double mixupInPlace(torch::Tensor& x, double alpha, std::uint64_t seed) {
    if (alpha <= 0) return 1.0;
    std::mt19937_64 rng(seed);
    std::gamma_distribution<double> g(alpha, 1.0);
    const double a = g(rng), b = g(rng);
    const double lam = a + b > 0 ? a / (a + b) : 1.0;
    const auto reversed = x.flip(0); // a copy, taken before x changes
    x.mul_(lam).add_(reversed, 1.0 - lam);
    return lam;
}

} // namespace scalescope::train
