#include "presets.h"
#include "embedded.h"
#include "specjson.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <mutex>
#include <optional>

namespace scalescope {

namespace {
struct Registry {
    std::vector<std::string> baselineOrder;
    std::map<std::string, ArchSpec> baselines;
    std::vector<Preset> presets; // in display order
};

// Display order: the family, then the size, as users scan a list.
int familyRank(const std::string& name) {
    if (name.rfind("efficientnet-", 0) == 0) return 0;
    if (name.rfind("efficientnetv2-", 0) == 0) return 1;
    return 2;
}

const Registry& registry() {
    static Registry reg;
    static std::once_flag once;
    std::call_once(once, [] {
        std::optional<Json> presetsJson;
        for (std::size_t i = 0; i < embedded::kFileCount; ++i) {
            const std::string path = embedded::kFiles[i].path;
            const Json j = parseJsonText(embedded::kFiles[i].text, path);
            if (path.rfind("specs/", 0) == 0) {
                ArchSpec s = specFromJson(j, path);
                reg.baselineOrder.push_back(s.name);
                reg.baselines.emplace(s.name, std::move(s));
            } else if (path == "presets.json") {
                presetsJson = j;
            }
        }
        std::stable_sort(reg.baselineOrder.begin(), reg.baselineOrder.end(),
                         [](const std::string& a, const std::string& b) {
                             const int fa = familyRank(a), fb = familyRank(b);
                             if (fa != fb) return fa < fb;
                             // Sizes: s < m < l for V2, numeric for ResNet-RS.
                             auto key = [](const std::string& n) {
                                 const std::string tail = n.substr(n.rfind('-') + 1);
                                 if (tail == "s") return 1;
                                 if (tail == "m") return 2;
                                 if (tail == "l") return 3;
                                 return std::atoi(tail.c_str() + (tail[0] == 'b' ? 1 : 0));
                             };
                             return key(a) < key(b);
                         });
        std::vector<Preset> official;
        if (presetsJson) {
            ObjectReader r(*presetsJson, "presets.json");
            r.string("format");
            r.integer("version");
            r.string("note", "");
            const Json& list = r.raw("presets");
            for (size_t i = 0; i < list.size(); ++i) {
                ObjectReader p(list[i], "presets.json.presets[" + std::to_string(i) + "]");
                Preset pr;
                pr.name = p.string("name");
                pr.displayName = p.string("display_name");
                pr.baseline = p.string("baseline");
                pr.officialTable = true;
                pr.request.mode = ScalingRequest::Mode::Explicit;
                pr.request.width = p.number("width");
                pr.request.depth = p.number("depth");
                pr.request.resolution = p.integer("resolution");
                pr.request.dropout = p.number("dropout");
                pr.request.label = pr.displayName + " (official table)";
                p.finish();
                official.push_back(pr);
            }
            r.finish();
        }
        for (const std::string& name : reg.baselineOrder) {
            const ArchSpec& s = reg.baselines.at(name);
            Preset p;
            p.name = name;
            p.displayName = s.displayName;
            p.baseline = name;
            reg.presets.push_back(p);
            // The official B1-B7 follow their baseline B0 directly.
            for (const Preset& o : official)
                if (o.baseline == name) reg.presets.push_back(o);
        }
    });
    return reg;
}

std::string knownList(const std::vector<std::string>& names) {
    std::string s;
    for (const auto& n : names)
        s += (s.empty() ? "" : ", ") + n;
    return s;
}
} // namespace

std::vector<std::string> presetNames() {
    std::vector<std::string> out;
    for (const Preset& p : registry().presets)
        out.push_back(p.name);
    return out;
}

std::vector<std::string> baselineNames() {
    return registry().baselineOrder;
}

Preset findPreset(const std::string& name, const std::string& field) {
    for (const Preset& p : registry().presets)
        if (p.name == name) return p;
    throw ValidationError(field,
                          "unknown preset \"" + name + "\"; known: " + knownList(presetNames()));
}

const ArchSpec& baselineSpec(const std::string& name, const std::string& field) {
    const auto& b = registry().baselines;
    const auto it = b.find(name);
    if (it == b.end())
        throw ValidationError(field, "unknown baseline \"" + name +
                                         "\"; known: " + knownList(baselineNames()));
    return it->second;
}

} // namespace scalescope
