// The concrete blocks of a scaled architecture, one entry per block, with every channel
// count decided. The cost model and the LibTorch builder both read this one list, so the
// analytic parameter count and the built model cannot drift apart.
#pragma once

#include "scaling.h"

#include <vector>

namespace scalescope {

struct BlockGeometry {
    int stage = 0;
    int index = 0; // inside the stage
    BlockType type = BlockType::MBConv;
    int inChannels = 0;
    int outChannels = 0;
    int hiddenChannels = 0; // expanded (MBConv, Fused) or bottleneck width; == in when none
    int seChannels = 0;     // squeeze width; 0 = no SE
    int kernel = 3;
    int stride = 1;
    bool expand = false;     // has an expansion conv (MBConv, Fused) separate from project
    bool residual = false;   // identity or projected shortcut added
    bool downsample = false; // Bottleneck: projected (avg-pool + 1x1) shortcut
    double dropPath = 0.0;   // stochastic depth rate, rising linearly with block index
};

std::vector<BlockGeometry> expandBlocks(const ScaledArch& arch);

// Channels entering the head: the head conv's, or the last stage's when there is none.
int featureChannels(const ScaledArch& arch);

} // namespace scalescope
