// LibTorch modules built from a scaled spec. Module names follow timm's state_dict
// (conv_stem, bn1, blocks.S.B.conv_pw, ..., conv_head, bn2, classifier for EfficientNet;
// conv1, bn1, maxpool, layerN.B.*, fc for ResNet-RS). Internal to core/train (torch types).
#pragma once

#include "scaling/blocks.h"

#include <torch/torch.h>

#include <string>

namespace scalescope::train {

class BlockBase : public torch::nn::Module {
  public:
    virtual torch::Tensor forward(torch::Tensor x) = 0;
    // Zero the residual branch's last BatchNorm scale, so the block starts as identity.
    virtual void zeroInitLast() {}
    double dropPath = 0.0; // stochastic depth rate of this block
};

// Timm: timm's initialisation (ResNet-RS blocks' last BatchNorm at zero, as timm's).
// ZeroLast: also every residual branch's last BatchNorm and the classifier at zero.
enum class ModelInit { Timm, ZeroLast };
ModelInit modelInitFromString(const std::string& name); // "timm" or "zero-last"

class ScaledNetImpl : public torch::nn::Module {
  public:
    // numClasses / inChannels override the spec's (the dataset decides them).
    ScaledNetImpl(const ScaledArch& arch, int numClasses, int inChannels,
                  ModelInit init = ModelInit::Timm);
    torch::Tensor forward(torch::Tensor x);
    torch::Tensor features(torch::Tensor x); // before pooling
    // The forward pass in the pieces the cost tables count (CostReport::stages): 0 the stem,
    // 1..n the stages, n + 1 the head (head conv, pooling, dropout, classifier). forward(x)
    // equals them applied in order; the speed probe times each alone.
    int segmentCount() const { return int(m_stageEnds.size()) + 2; }
    torch::Tensor forwardSegment(int segment, torch::Tensor x);
    void setDropout(double p) { m_dropout = p; }
    double dropout() const { return m_dropout; }
    bool isResNet() const { return m_resnet; }

  private:
    bool m_resnet = false;
    double m_dropout = 0.2;
    bool m_relu = false;
    // EfficientNet
    torch::nn::Conv2d m_convStem{nullptr};
    torch::nn::BatchNorm2d m_bn1{nullptr};
    torch::nn::Conv2d m_convHead{nullptr};
    torch::nn::BatchNorm2d m_bn2{nullptr};
    // ResNet-RS (ResNet-D stem: conv1 = 3 convs, maxpool = strided conv)
    torch::nn::Sequential m_stemConvs{nullptr};
    torch::nn::Sequential m_stemPool{nullptr};
    std::vector<std::shared_ptr<BlockBase>> m_blocks;
    std::vector<std::size_t> m_stageEnds; // one past each stage's last block in m_blocks
    torch::nn::Linear m_classifier{nullptr};
};
TORCH_MODULE(ScaledNet);

std::int64_t countParameters(torch::nn::Module& m);

// A depthwise convolution with "same" padding (kernel / 2), as MBConv's conv_dw computes it.
// On the CPU, kernel taps that only ever meet the zero padding (a map smaller than the
// kernel, as in the last stages at small progressive sizes) are dropped first: the same sums
// from a smaller kernel, where oneDNN would otherwise run one tiny GEMM per channel.
torch::Tensor depthwiseConv(const torch::Tensor& x, const torch::Tensor& weight, int stride);

} // namespace scalescope::train
