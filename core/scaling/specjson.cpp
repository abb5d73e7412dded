#include "specjson.h"

namespace scalescope {

namespace {
std::string sub(const std::string& path, const std::string& key) {
    return path.empty() ? key : path + "." + key;
}
} // namespace

ArchSpec specFromJson(const Json& j, const std::string& path) {
    ObjectReader r(j, path);
    const std::string format = r.string("format", "scalescope-spec");
    if (format != "scalescope-spec")
        throw ValidationError(r.field("format"),
                              "is \"" + format + "\", expected \"scalescope-spec\"");
    const int version = r.integer("version", kSpecVersion);
    if (version != kSpecVersion)
        throw ValidationError(r.field("version"), "version " + std::to_string(version) +
                                                      " is not supported (this build reads " +
                                                      std::to_string(kSpecVersion) + ")");
    ArchSpec s;
    s.name = r.string("name");
    s.displayName = r.string("display_name", s.name);
    s.family = familyFromString(r.string("family"), r.field("family"));
    s.resolution = r.integer("resolution");
    s.inChannels = r.integer("in_channels", 3);
    s.numClasses = r.integer("num_classes", 1000);
    s.activation =
        activationFromString(r.string("activation", s.family == Family::ResNetRS ? "relu" : "silu"),
                             r.field("activation"));
    s.widthDivisor = r.integer("width_divisor", 8);
    s.widthRoundLimit = r.number("width_round_limit", s.family == Family::EfficientNet ? 0.9 : 0.0);
    s.dropout = r.number("dropout", 0.2);
    s.dropPath = r.number("drop_path", 0.2);

    {
        ObjectReader st(r.raw("stem"), r.field("stem"));
        s.stemType = stemTypeFromString(st.string("type", "conv"), st.field("type"));
        s.stemChannels = st.integer("channels");
        s.stemKernel = st.integer("kernel", 3);
        s.stemStride = st.integer("stride", 2);
        s.stemWidth = st.integer("width", s.stemType == StemType::ResNetD ? s.stemChannels / 2
                                                                          : s.stemChannels);
        st.finish();
    }
    const Json& stages = r.raw("stages");
    if (!stages.is_array()) throw ValidationError(r.field("stages"), "must be an array of stages");
    for (size_t i = 0; i < stages.size(); ++i) {
        ObjectReader st(stages[i], sub(path, "stages[" + std::to_string(i) + "]"));
        StageSpec g;
        g.block = blockTypeFromString(st.string("block"), st.field("block"));
        g.repeats = st.integer("repeats");
        g.kernel = st.integer("kernel", 3);
        g.stride = st.integer("stride", 1);
        g.expansion = st.number("expansion", g.block == BlockType::Bottleneck ? 0.25 : 1.0);
        g.seRatio = st.number("se_ratio", 0.0);
        g.channels = st.integer("channels");
        st.finish();
        s.stages.push_back(g);
    }
    {
        ObjectReader h(r.raw("head"), r.field("head"));
        s.headChannels = h.integer("channels", 0);
        h.finish();
    }
    r.finish();
    try {
        validate(s);
    } catch (const ValidationError& e) {
        throw ValidationError(sub(path, e.field()), e.reason());
    }
    return s;
}

Json specToJson(const ArchSpec& s) {
    Json j;
    j["format"] = "scalescope-spec";
    j["version"] = kSpecVersion;
    j["name"] = s.name;
    j["display_name"] = s.displayName;
    j["family"] = toString(s.family);
    j["resolution"] = s.resolution;
    j["in_channels"] = s.inChannels;
    j["num_classes"] = s.numClasses;
    j["activation"] = toString(s.activation);
    j["width_divisor"] = s.widthDivisor;
    j["width_round_limit"] = s.widthRoundLimit;
    j["dropout"] = s.dropout;
    j["drop_path"] = s.dropPath;
    Json stem;
    stem["type"] = toString(s.stemType);
    stem["channels"] = s.stemChannels;
    stem["kernel"] = s.stemKernel;
    stem["stride"] = s.stemStride;
    if (s.stemType == StemType::ResNetD) stem["width"] = s.stemWidth;
    j["stem"] = stem;
    Json stages = Json::array();
    for (const StageSpec& g : s.stages) {
        Json st;
        st["block"] = toString(g.block);
        st["repeats"] = g.repeats;
        st["kernel"] = g.kernel;
        st["stride"] = g.stride;
        st["expansion"] = g.expansion;
        st["se_ratio"] = g.seRatio;
        st["channels"] = g.channels;
        stages.push_back(st);
    }
    j["stages"] = stages;
    j["head"] = Json{{"channels", s.headChannels}};
    return j;
}

} // namespace scalescope
