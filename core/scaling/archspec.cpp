#include "archspec.h"
#include "limits.h"
#include "validation.h"

#include <cmath>
#include <sstream>

namespace scalescope {

namespace {
template <typename Enum, size_t N>
Enum parseEnum(const std::string& s, const std::string& field,
               const std::pair<const char*, Enum> (&table)[N]) {
    std::string allowed;
    for (const auto& [name, value] : table) {
        if (s == name) return value;
        allowed += (allowed.empty() ? "" : ", ") + std::string("\"") + name + "\"";
    }
    throw ValidationError(field, "unknown value \"" + s + "\"; expected one of " + allowed);
}

const std::pair<const char*, Family> kFamilies[] = {{"efficientnet", Family::EfficientNet},
                                                    {"efficientnetv2", Family::EfficientNetV2},
                                                    {"resnet-rs", Family::ResNetRS}};
const std::pair<const char*, BlockType> kBlocks[] = {{"mbconv", BlockType::MBConv},
                                                     {"fused_mbconv", BlockType::FusedMBConv},
                                                     {"bottleneck", BlockType::Bottleneck}};
const std::pair<const char*, StemType> kStems[] = {{"conv", StemType::Conv},
                                                   {"resnet-d", StemType::ResNetD}};
const std::pair<const char*, Activation> kActs[] = {{"silu", Activation::SiLU},
                                                    {"relu", Activation::ReLU}};

template <typename Enum, size_t N>
std::string nameOf(Enum e, const std::pair<const char*, Enum> (&table)[N]) {
    for (const auto& [name, value] : table)
        if (value == e) return name;
    return "?";
}

void requireKernel(const std::string& field, int k) {
    requireRange(field, k, 1, limits::kMaxKernel);
    if (k % 2 == 0) throw ValidationError(field, "must be odd so padding keeps the grid centred");
}
} // namespace

void requireFinite(const std::string& field, double v) {
    if (!std::isfinite(v)) throw ValidationError(field, "must be a finite number");
}

void requireRange(const std::string& field, double v, double lo, double hi) {
    requireFinite(field, v);
    if (v < lo || v > hi) {
        std::ostringstream os;
        os << "must be between " << lo << " and " << hi << " (got " << v << ")";
        throw ValidationError(field, os.str());
    }
}

std::string toString(Family f) {
    return nameOf(f, kFamilies);
}
std::string toString(BlockType b) {
    return nameOf(b, kBlocks);
}
std::string toString(StemType s) {
    return nameOf(s, kStems);
}
std::string toString(Activation a) {
    return nameOf(a, kActs);
}
Family familyFromString(const std::string& s, const std::string& f) {
    return parseEnum(s, f, kFamilies);
}
BlockType blockTypeFromString(const std::string& s, const std::string& f) {
    return parseEnum(s, f, kBlocks);
}
StemType stemTypeFromString(const std::string& s, const std::string& f) {
    return parseEnum(s, f, kStems);
}
Activation activationFromString(const std::string& s, const std::string& f) {
    return parseEnum(s, f, kActs);
}

bool ArchSpec::operator==(const ArchSpec& o) const {
    return name == o.name && displayName == o.displayName && family == o.family &&
           resolution == o.resolution && inChannels == o.inChannels && numClasses == o.numClasses &&
           activation == o.activation && widthDivisor == o.widthDivisor &&
           widthRoundLimit == o.widthRoundLimit && dropout == o.dropout && dropPath == o.dropPath &&
           stemType == o.stemType && stemChannels == o.stemChannels && stemKernel == o.stemKernel &&
           stemStride == o.stemStride && stemWidth == o.stemWidth && stages == o.stages &&
           headChannels == o.headChannels;
}

void validate(const ArchSpec& s) {
    using namespace limits;
    if (s.name.empty()) throw ValidationError("name", "must not be empty");
    requireRange("resolution", s.resolution, kMinResolution, kMaxResolution);
    requireRange("in_channels", s.inChannels, 1, kMaxInChannels);
    requireRange("num_classes", s.numClasses, 1, kMaxClasses);
    requireRange("width_divisor", s.widthDivisor, 1, 1024);
    requireRange("width_round_limit", s.widthRoundLimit, 0.0, 0.99);
    requireRange("dropout", s.dropout, 0.0, 0.95);
    requireRange("drop_path", s.dropPath, 0.0, 0.95);
    requireRange("stem.channels", s.stemChannels, 1, kMaxChannels);
    requireKernel("stem.kernel", s.stemKernel);
    requireRange("stem.stride", s.stemStride, 1, 2);
    if (s.stemType == StemType::ResNetD) requireRange("stem.width", s.stemWidth, 1, kMaxChannels);
    if (s.stages.empty()) throw ValidationError("stages", "at least one stage is needed");
    if (s.stages.size() > size_t(kMaxStages))
        throw ValidationError("stages", "at most " + std::to_string(kMaxStages) + " stages");
    for (size_t i = 0; i < s.stages.size(); ++i) {
        const StageSpec& st = s.stages[i];
        const std::string p = "stages[" + std::to_string(i) + "].";
        if ((st.block == BlockType::Bottleneck) != (s.family == Family::ResNetRS))
            throw ValidationError(p + "block", "\"" + toString(st.block) +
                                                   "\" blocks do not belong to the " +
                                                   toString(s.family) + " family");
        requireRange(p + "repeats", st.repeats, 1, kMaxRepeats);
        requireKernel(p + "kernel", st.kernel);
        requireRange(p + "stride", st.stride, 1, 2);
        requireRange(p + "expansion", st.expansion, 0.01, kMaxExpansion);
        if (st.expansion <= 0) throw ValidationError(p + "expansion", "must be positive");
        requireRange(p + "se_ratio", st.seRatio, 0.0, 1.0);
        requireRange(p + "channels", st.channels, 1, kMaxChannels);
    }
    requireRange("head.channels", s.headChannels, 0, kMaxChannels);
}

std::string blockLabel(const StageSpec& s) {
    std::ostringstream os;
    auto expansion = [&] {
        if (s.expansion == std::floor(s.expansion)) return std::to_string(int(s.expansion));
        std::ostringstream e;
        e << s.expansion;
        return e.str();
    };
    switch (s.block) {
    case BlockType::MBConv:
        os << "MBConv" << expansion();
        break;
    case BlockType::FusedMBConv:
        os << "Fused-MBConv" << expansion();
        break;
    case BlockType::Bottleneck:
        os << "Bottleneck";
        break;
    }
    os << " k" << s.kernel;
    return os.str();
}

} // namespace scalescope
