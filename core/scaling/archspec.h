// Architecture specifications as data: a stem, a list of stages, a head.
// One spec table per baseline drives the model builder, the diagram and the cost table.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace scalescope {

// An error in user-supplied input. `field` names where it is ("stages[3].kernel",
// "--phi"), `what()` says why; every front end shows both.
class ValidationError : public std::runtime_error {
  public:
    ValidationError(std::string field, const std::string& reason)
        : std::runtime_error(field.empty() ? reason : field + ": " + reason),
          m_field(std::move(field)), m_reason(reason) {}
    const std::string& field() const { return m_field; }
    const std::string& reason() const { return m_reason; }

  private:
    std::string m_field;
    std::string m_reason;
};

enum class Family { EfficientNet, EfficientNetV2, ResNetRS };
enum class BlockType { MBConv, FusedMBConv, Bottleneck };
enum class StemType { Conv, ResNetD };
enum class Activation { SiLU, ReLU };

std::string toString(Family f);
std::string toString(BlockType b);
std::string toString(StemType s);
std::string toString(Activation a);
Family familyFromString(const std::string& s, const std::string& field);
BlockType blockTypeFromString(const std::string& s, const std::string& field);
StemType stemTypeFromString(const std::string& s, const std::string& field);
Activation activationFromString(const std::string& s, const std::string& field);

struct StageSpec {
    BlockType block = BlockType::MBConv;
    int repeats = 1;
    int kernel = 3;
    int stride = 1;
    // MBConv / Fused-MBConv: hidden = input channels * expansion.
    // Bottleneck: hidden = output channels * expansion (0.25 in ResNet).
    double expansion = 1.0;
    double seRatio = 0.0; // 0 disables squeeze-and-excitation
    int channels = 16;    // output channels of every block in the stage

    bool operator==(const StageSpec& o) const {
        return block == o.block && repeats == o.repeats && kernel == o.kernel &&
               stride == o.stride && expansion == o.expansion && seRatio == o.seRatio &&
               channels == o.channels;
    }
};

struct ArchSpec {
    std::string name;        // preset key, e.g. "efficientnet-b0"
    std::string displayName; // e.g. "EfficientNet-B0"
    Family family = Family::EfficientNet;
    int resolution = 224; // published image size
    int inChannels = 3;
    int numClasses = 1000;
    Activation activation = Activation::SiLU;
    int widthDivisor = 8;
    // EfficientNet V1 never rounds channels down by more than 10% (limit 0.9);
    // V2 and ResNet-RS have no such guard (limit 0).
    double widthRoundLimit = 0.9;
    double dropout = 0.2;
    double dropPath = 0.2;

    StemType stemType = StemType::Conv;
    int stemChannels = 32;
    int stemKernel = 3;
    int stemStride = 2;
    int stemWidth = 32; // ResNet-D deep stem: width of its first two 3x3 convs

    std::vector<StageSpec> stages;
    int headChannels = 1280; // 1x1 conv before pooling; 0 = none (ResNet)

    bool operator==(const ArchSpec& o) const;
};

// Throws ValidationError naming the first bad field.
void validate(const ArchSpec& spec);

// "MBConv6 k3", "Fused-MBConv4 k3", "Bottleneck k3": how papers label a block.
std::string blockLabel(const StageSpec& s);

} // namespace scalescope
