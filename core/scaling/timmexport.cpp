#include "timmexport.h"
#include "blocks.h"

#include <sstream>

namespace scalescope {

namespace {
std::string number(double v) {
    std::ostringstream os;
    os << v; // shortest form: 6, 0.25, 2.5
    return os.str();
}
} // namespace

std::vector<std::vector<std::string>> timmArchDef(const ScaledArch& arch) {
    if (arch.baseline.family == Family::ResNetRS)
        throw ValidationError("family", "ResNet-RS has no timm arch_def (timm builds it from "
                                        "its ResNet class: timm.create_model('resnetrs50'))");
    std::vector<std::vector<std::string>> out;
    for (size_t i = 0; i < arch.stages.size(); ++i) {
        const StageSpec& s = arch.stages[i].spec;
        std::string prefix;
        if (s.block == BlockType::MBConv)
            prefix = s.expansion == 1.0 ? "ds" : "ir";
        else
            prefix = s.expansion == 1.0 ? "cn" : "er";
        // timm's ConvBnAct reads no "se" option: it would build this stage without the SE
        // that the engine and the cost tables give it.
        if (prefix == "cn" && s.seRatio > 0)
            throw ValidationError("stages[" + std::to_string(i) + "].se_ratio",
                                  "a Fused-MBConv without expansion is timm's ConvBnAct, which "
                                  "has no squeeze-and-excitation; set this stage's SE ratio to 0 "
                                  "or its expansion above 1 to export it");
        std::ostringstream b;
        b << prefix << "_r" << s.repeats << "_k" << s.kernel << "_s" << s.stride << "_e"
          << number(s.expansion) << "_c" << s.channels;
        if (s.seRatio > 0) b << "_se" << number(s.seRatio);
        if (prefix == "cn") b << "_skip"; // ConvBnAct adds its identity when shapes match
        out.push_back({b.str()});
    }
    return out;
}

std::string timmArchDefPython(const ScaledArch& arch) {
    const auto def = timmArchDef(arch);
    std::ostringstream py;
    py << "# " << arch.baseline.displayName << ": " << arch.description() << "\n";
    py << "# Repeats and channels are already scaled: build with multipliers of 1.\n";
    py << "import torch.nn as nn\n";
    py << "from timm.models._efficientnet_builder import decode_arch_def\n";
    py << "from timm.models.efficientnet import EfficientNet\n\n";
    py << "arch_def = [\n";
    for (const auto& stage : def) {
        py << "    [";
        for (size_t i = 0; i < stage.size(); ++i)
            py << (i ? ", " : "") << "'" << stage[i] << "'";
        py << "],\n";
    }
    py << "]\n";
    py << "model = EfficientNet(decode_arch_def(arch_def), stem_size=" << arch.stemChannels
       << ", num_features=" << featureChannels(arch) << ", num_classes=" << arch.baseline.numClasses
       << ", in_chans=" << arch.baseline.inChannels
       << ", act_layer=nn.SiLU, drop_rate=" << number(arch.dropout)
       << ", drop_path_rate=" << number(arch.baseline.dropPath) << ")\n";
    py << "# Input size: " << arch.resolution << "x" << arch.resolution << "\n";
    return py.str();
}

} // namespace scalescope
