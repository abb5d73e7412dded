#include "blocks.h"

#include <algorithm>
#include <cmath>

namespace scalescope {

namespace {
constexpr int kSeDivisor = 8;          // timm's SEModule rounds ResNet SE widths to 8
constexpr double kMidRoundLimit = 0.9; // timm make_divisible default for expanded widths

int expandedChannels(int in, double expansion, int divisor) {
    if (expansion == 1.0) return in;
    return roundChannels(in, expansion, divisor, kMidRoundLimit);
}
} // namespace

int featureChannels(const ScaledArch& arch) {
    return arch.headChannels > 0 ? arch.headChannels : arch.stages.back().spec.channels;
}

std::vector<BlockGeometry> expandBlocks(const ScaledArch& arch) {
    std::vector<BlockGeometry> out;
    const int total = arch.totalBlocks();
    out.reserve(size_t(total));
    int in = arch.stemChannels;
    int global = 0;
    for (size_t si = 0; si < arch.stages.size(); ++si) {
        const StageSpec& s = arch.stages[si].spec;
        for (int bi = 0; bi < s.repeats; ++bi, ++global) {
            BlockGeometry b;
            b.stage = int(si);
            b.index = bi;
            b.type = s.block;
            b.inChannels = in;
            b.outChannels = s.channels;
            b.kernel = s.kernel;
            b.stride = bi == 0 ? s.stride : 1;
            b.dropPath = total > 0 ? arch.baseline.dropPath * global / total : 0.0;
            switch (s.block) {
            case BlockType::MBConv:
            case BlockType::FusedMBConv:
                b.hiddenChannels = expandedChannels(in, s.expansion, arch.baseline.widthDivisor);
                b.expand = s.expansion != 1.0;
                // EfficientNet's SE squeezes relative to the block's input channels.
                b.seChannels = s.seRatio > 0 ? std::max(1, int(in * s.seRatio)) : 0;
                b.residual = b.stride == 1 && in == s.channels;
                break;
            case BlockType::Bottleneck: {
                b.hiddenChannels = std::max(1, int(std::lround(s.channels * s.expansion)));
                b.expand = true;
                if (s.seRatio > 0) {
                    const double v = s.channels * s.seRatio;
                    int rd =
                        std::max(kSeDivisor, int(v + kSeDivisor / 2.0) / kSeDivisor * kSeDivisor);
                    b.seChannels = rd;
                }
                b.residual = true;
                b.downsample = b.stride != 1 || in != s.channels;
                break;
            }
            }
            out.push_back(b);
            in = s.channels;
        }
    }
    return out;
}

} // namespace scalescope
