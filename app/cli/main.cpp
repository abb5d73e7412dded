// scalescope-cli: inspect, export and train scaled ConvNets from the terminal.
#include "cliargs.h"

#include "scaling/comparison.h"
#include "scaling/costs.h"
#include "scaling/format.h"
#include "scaling/presets.h"
#include "scaling/specjson.h"
#include "scaling/timmexport.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iomanip>
#include <iostream>
#include <optional>
#include <sstream>

#ifdef SCALESCOPE_HAVE_TORCH
int runTrainCommand(const std::vector<std::string>& argv);    // traincommand.cpp
int runSpeedCommand(const std::vector<std::string>& argv);    // speedcommand.cpp
int runEvaluateCommand(const std::vector<std::string>& argv); // evaluatecommand.cpp
int runPredictCommand(const std::vector<std::string>& argv);  // predictcommand.cpp
int runRunsCommand(const std::vector<std::string>& argv);     // runscommand.cpp
int runCompareCommand(const std::vector<std::string>& argv);  // runscommand.cpp
#endif
int runGridCommand(const std::vector<std::string>& argv);  // gridcommand.cpp
int runStudyCommand(const std::vector<std::string>& argv); // studycommand.cpp

namespace {
using namespace scalescope;

constexpr double kGiB = 1024.0 * 1024.0 * 1024.0;

const char* kUsage = R"(usage: scalescope-cli COMMAND [OPTIONS]

Commands:
  inspect   the scaled architecture: per-stage table (or --json), totals, memory
  export    write the configuration JSON (--output FILE) or timm's arch_def (--format timm)
  presets   list the built-in presets
  train     train the configuration (scalescope-cli train --help)
  speed     time its training step, inference and each stage here (scalescope-cli speed --help)
  evaluate  score a trained run on its test images, per class and at several test sizes
            (scalescope-cli evaluate --help)
  predict   classify image files or folders with a trained run (scalescope-cli predict --help)
  runs      the training runs in a folder (default: ScaleScope's data folder), newest first,
            with their state and accuracies (scalescope-cli runs --help)
  compare   runs set against a reference run by wall time: when each reached the accuracy
            the reference ended at (scalescope-cli compare --help)
  grid      EfficientNet's grid search for alpha, beta, gamma; --train trains each candidate
            (scalescope-cli grid --help)
  study     EfficientNet's scaling study: depth, width or resolution alone against compound
            scaling at the same MACs; --train trains each point (scalescope-cli study --help)

Scaling options (inspect, export):
  --preset NAME          efficientnet-b0 ... efficientnet-b7, efficientnetv2-s/m/l,
                         resnet-rs-50 ... resnet-rs-420 (default efficientnet-b0).
                         B1-B7 are the official published table, not alpha^phi.
  --config FILE          a configuration written by `export` or the GUI
  --alpha A --beta B --gamma G --phi P
                         compound scaling: depth A^P, width B^P, resolution G^P
                         (defaults 1.2, 1.1, 1.15, 0); negative P gives smaller models
  --width W --depth D    explicit multipliers instead of compound coefficients
  --resolution N         image size (overrides the derived one; 0 keeps it derived)
  --max-resolution N     cap on the image size (EfficientNetV2)
  --dropout X            classifier dropout
  --stage-depth S=F[,S=F]  per-stage depth multiplier on stage S (1-based); repeatable
  --stage-width S=F[,S=F]  per-stage width multiplier
  --duplicate-stage S[,S]  a copy of stage S (its multipliers too) right after it; repeatable
  --remove-stage S[,S]   take stage S out; both name the stages as the configuration has
                         them, --stage-depth/--stage-width the stages after these edits
  --num-classes N        classifier size (default 1000)

inspect options:
  --json                 totals (params, macs, resolution) and per-stage rows as JSON
  --layers               one row per block instead of per stage
  --batch N              batch size for the training-memory estimate (default 32)
  --precision P          fp32 or bf16 activations (default bf16)
  --gpu-memory GIB       GPU memory for the largest-batch estimate (default 80)
  --against X            compare with a preset (X = its name) or a configuration file:
                         the ratios of params, MACs and training memory, and where only
                         phi differs, (alpha*beta^2*gamma^2)^dphi beside the real MACs ratio

export options:
  --output FILE          write there (atomically) instead of standard output
  --format F             config (default) or timm

FLOPs in the EfficientNet papers are multiply-adds; ScaleScope calls them MACs.
)";

struct Reference {
    ScaledArch arch;
    CostReport costs;
};

struct InspectOptions {
    int batch = 32;
    Precision precision = Precision::BFloat16;
    double gpuGiB = 80;
    std::optional<Reference> against;
};

std::string shapeOf(int c, int h, int w) {
    return std::to_string(c) + "x" + std::to_string(h) + "x" + std::to_string(w);
}

std::string ratioText(double r) {
    std::ostringstream os;
    os << std::fixed << std::setprecision(4) << r;
    return os.str();
}

void printTable(const ScaledArch& arch, const CostReport& costs, bool layers,
                const InspectOptions& o) {
    const ArchSpec& b = arch.baseline;
    std::cout << b.displayName << " -> " << arch.description() << "\n";
    if (arch.request.mode == ScalingRequest::Mode::Compound) {
        const double f = arch.request.coefficients.flopsBase();
        std::cout << "alpha*beta^2*gamma^2 = " << ratioText(f)
                  << " (distance from 2: " << std::showpos << ratioText(f - 2.0) << std::noshowpos
                  << ")\n";
    }
    std::cout << "\n";
    std::ostringstream hdr;
    hdr << std::left << std::setw(12) << (layers ? "layer" : "stage") << std::setw(22) << "block"
        << std::right << std::setw(8) << "repeats" << std::setw(8) << "stride" << std::setw(5)
        << "SE" << std::setw(10) << "channels" << std::setw(16) << "output" << std::setw(14)
        << "params" << std::setw(12) << "MACs" << std::setw(8) << "share"
        << "\n";
    std::cout << hdr.str() << std::string(hdr.str().size() - 1, '-') << "\n";
    auto row = [&](const std::string& name, const std::string& label, int repeats, int stride,
                   double se, int c, int h, int w, std::int64_t params, std::int64_t macs) {
        std::cout << std::left << std::setw(12) << name << std::setw(22) << label << std::right
                  << std::setw(8) << repeats << std::setw(8) << stride << std::setw(5)
                  << (se > 0 ? fixed(se, 2).substr(1) : std::string("-")) << std::setw(10) << c
                  << std::setw(16) << shapeOf(c, h, w) << std::setw(14) << withThousands(params)
                  << std::setw(12) << shortCount(double(macs)) << std::setw(7)
                  << fixed(100.0 * macs / std::max<std::int64_t>(1, costs.macs), 1) << "%\n";
    };
    if (layers) {
        for (const LayerCost& L : costs.layers) {
            const double se = L.seChannels ? double(L.seChannels) / std::max(1, L.inChannels) : 0;
            row(L.name, L.label, 1, L.stride, se, L.outChannels, L.outH, L.outW, L.params, L.macs);
        }
    } else {
        for (const StageCost& s : costs.stages) {
            int stride = 1;
            double se = 0;
            if (s.stage >= 0 && s.stage < int(arch.stages.size())) {
                stride = arch.stages[size_t(s.stage)].spec.stride;
                se = arch.stages[size_t(s.stage)].spec.seRatio;
            } else if (s.stage < 0) {
                stride = costs.layers.front().stride;
            }
            row(s.name, s.label, s.repeats, stride, se, s.outChannels, s.outH, s.outW, s.params,
                s.macs);
        }
    }
    const MemoryEstimate m = estimateMemory(costs, o.precision, paperOptimizer(b.family), true);
    std::cout << "\nresolution " << arch.resolution << "x" << arch.resolution << ", "
              << arch.totalBlocks() << " blocks, dropout " << arch.dropout << "\n";
    std::cout << "params " << withThousands(costs.params) << " ("
              << shortCount(double(costs.params)) << ")\n";
    std::cout << "MACs   " << withThousands(costs.macs) << " (" << shortCount(double(costs.macs))
              << " multiply-adds; the papers' \"FLOPs\")\n";
    std::cout << "training memory (estimate, "
              << (o.precision == Precision::BFloat16 ? "bf16" : "fp32")
              << " activations): " << shortBytes(m.activationBytesPerImage) << " per image, "
              << shortBytes(m.bytesAtBatch(o.batch)) << " at batch " << o.batch
              << "; largest batch in " << o.gpuGiB << " GiB: " << m.maxBatch(o.gpuGiB * kGiB)
              << "\n";
    if (o.against) {
        const ScaledArch& ref = o.against->arch;
        const CostComparison k = compareCosts(arch, costs, ref, o.against->costs, o.precision);
        std::cout << "\nagainst " << ref.baseline.displayName << " (" << ref.description()
                  << "): params x" << fixed(k.params, 2) << ", MACs x" << fixed(k.macs, 2)
                  << ", training memory per image x" << fixed(k.activationBytesPerImage, 2) << "\n";
        if (k.predictedMacs)
            std::cout << "phi " << k.phiFrom << " -> " << k.phiTo
                      << ": (alpha*beta^2*gamma^2)^dphi predicts MACs x"
                      << fixed(*k.predictedMacs, 2) << "; the rounded model has x"
                      << fixed(k.macs, 2) << "\n";
    }
}

Json inspectJson(const ScaledArch& arch, const CostReport& costs, const InspectOptions& o) {
    Json j;
    j["model"] = arch.baseline.displayName;
    j["description"] = arch.description();
    j["params"] = costs.params;
    j["macs"] = costs.macs;
    j["resolution"] = arch.resolution;
    j["width_multiplier"] = arch.widthMultiplier;
    j["depth_multiplier"] = arch.depthMultiplier;
    j["dropout"] = arch.dropout;
    if (arch.request.mode == ScalingRequest::Mode::Compound) {
        j["alpha_beta2_gamma2"] = arch.request.coefficients.flopsBase();
    }
    const MemoryEstimate m =
        estimateMemory(costs, o.precision, paperOptimizer(arch.baseline.family), true);
    j["activation_bytes_per_image"] = m.activationBytesPerImage;
    j["training_bytes_at_batch"] = m.bytesAtBatch(o.batch);
    j["batch"] = o.batch;
    Json stages = Json::array();
    for (const StageCost& s : costs.stages) {
        stages.push_back({{"name", s.name},
                          {"block", s.label},
                          {"repeats", s.repeats},
                          {"channels", s.outChannels},
                          {"output", {s.outChannels, s.outH, s.outW}},
                          {"params", s.params},
                          {"macs", s.macs},
                          {"activations", s.activations}});
    }
    j["stages"] = stages;
    if (o.against) {
        const ScaledArch& ref = o.against->arch;
        const CostComparison k = compareCosts(arch, costs, ref, o.against->costs, o.precision);
        Json a{{"model", ref.baseline.displayName},
               {"description", ref.description()},
               {"params", o.against->costs.params},
               {"macs", o.against->costs.macs},
               {"resolution", ref.resolution},
               {"params_ratio", k.params},
               {"macs_ratio", k.macs},
               {"activation_bytes_ratio", k.activationBytesPerImage},
               {"stages_pair", k.stagesPair}};
        if (k.predictedMacs) a["predicted_macs_ratio"] = *k.predictedMacs;
        j["against"] = a;
    }
    return j;
}

// --against: a preset's name, or else a configuration file.
Reference referenceFrom(const std::string& value) {
    const auto names = presetNames();
    ScaleConfig c;
    if (std::find(names.begin(), names.end(), value) != names.end()) {
        c = configForPreset(value);
    } else {
        try {
            c = loadConfig(value);
        } catch (const ValidationError& e) {
            throw ValidationError("--against",
                                  "\"" + value +
                                      "\" is neither a preset nor a readable configuration (" +
                                      e.what() + ")");
        }
    }
    Reference r;
    r.arch = scale(c.baseline, c.request);
    r.costs = computeCosts(r.arch);
    return r;
}

InspectOptions inspectOptions(const cli::Args& a) {
    InspectOptions o;
    if (const auto b = a.integer("--batch")) {
        if (*b < 1 || *b > 1000000)
            throw ValidationError("--batch", "must be between 1 and 1000000");
        o.batch = *b;
    }
    if (const auto p = a.value("--precision")) {
        if (*p == "fp32")
            o.precision = Precision::Float32;
        else if (*p == "bf16")
            o.precision = Precision::BFloat16;
        else
            throw ValidationError("--precision", "\"" + *p + "\" is not fp32 or bf16");
    }
    if (const auto g = a.number("--gpu-memory")) {
        if (*g <= 0 || *g > 100000)
            throw ValidationError("--gpu-memory", "must be between 0 and 100000 GiB");
        o.gpuGiB = *g;
    }
    if (const auto v = a.value("--against")) o.against = referenceFrom(*v);
    return o;
}

int inspect(const std::vector<std::string>& argv) {
    auto options = cli::scalingFlagNames();
    for (const char* o : {"--batch", "--precision", "--gpu-memory", "--against"})
        options.push_back(o);
    const cli::Args a(argv, options, {"--json", "--layers"});
    if (!a.positional().empty())
        throw ValidationError(a.positional().front(), "unexpected argument");
    const ScaleConfig c = cli::configFromArgs(a);
    const InspectOptions o = inspectOptions(a);
    const ScaledArch arch = scale(c.baseline, c.request);
    const CostReport costs = computeCosts(arch);
    if (a.flag("--json"))
        std::cout << inspectJson(arch, costs, o).dump(2) << "\n";
    else
        printTable(arch, costs, a.flag("--layers"), o);
    return 0;
}

int exportCommand(const std::vector<std::string>& argv) {
    auto options = cli::scalingFlagNames();
    options.push_back("--output");
    options.push_back("--format");
    const cli::Args a(argv, options, {});
    if (!a.positional().empty())
        throw ValidationError(a.positional().front(), "unexpected argument");
    const ScaleConfig c = cli::configFromArgs(a);
    const std::string format = a.value("--format").value_or("config");
    std::string text;
    if (format == "config")
        text = configToJson(c).dump(2) + "\n";
    else if (format == "timm")
        text = timmArchDefPython(scale(c.baseline, c.request));
    else
        throw ValidationError("--format", "\"" + format + "\" is not config or timm");
    if (const auto out = a.value("--output")) {
        writeFileAtomically(*out, text);
        std::cerr << "wrote " << *out << "\n";
    } else {
        std::cout << text;
    }
    return 0;
}

int presets() {
    std::cout << std::left << std::setw(20) << "preset" << std::setw(18) << "baseline" << std::right
              << std::setw(12) << "params" << std::setw(10) << "MACs" << std::setw(8) << "size"
              << "  scaling\n";
    for (const std::string& name : presetNames()) {
        const Preset p = findPreset(name);
        const ScaledArch arch = scale(baselineSpec(p.baseline), p.request);
        const CostReport c = computeCosts(arch);
        std::cout << std::left << std::setw(20) << name << std::setw(18) << p.baseline << std::right
                  << std::setw(12) << shortCount(double(c.params)) << std::setw(10)
                  << shortCount(double(c.macs)) << std::setw(8) << arch.resolution << "  "
                  << (p.officialTable ? "official table (width " + fixed(p.request.width, 1) +
                                            ", depth " + fixed(p.request.depth, 1) + ")"
                                      : std::string("baseline"))
                  << "\n";
    }
    return 0;
}
} // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        std::cout << kUsage;
        return args.empty() ? 2 : 0;
    }
    const std::string command = args[0];
    args.erase(args.begin());
    const bool wantsHelp = std::find(args.begin(), args.end(), "--help") != args.end();
    try {
        if (command == "inspect") {
            if (wantsHelp) return std::cout << kUsage, 0;
            return inspect(args);
        }
        if (command == "export") {
            if (wantsHelp) return std::cout << kUsage, 0;
            return exportCommand(args);
        }
        if (command == "presets") return presets();
        if (command == "grid") return runGridCommand(args);
        if (command == "study") return runStudyCommand(args);
        if (command == "train") {
#ifdef SCALESCOPE_HAVE_TORCH
            return runTrainCommand(args);
#else
            std::cerr << "scalescope-cli: train: this build has no LibTorch "
                         "(configure with -DSCALESCOPE_WITH_TORCH=ON)\n";
            return 2;
#endif
        }
        if (command == "speed") {
#ifdef SCALESCOPE_HAVE_TORCH
            return runSpeedCommand(args);
#else
            std::cerr << "scalescope-cli: speed: this build has no LibTorch "
                         "(configure with -DSCALESCOPE_WITH_TORCH=ON)\n";
            return 2;
#endif
        }
        if (command == "evaluate") {
#ifdef SCALESCOPE_HAVE_TORCH
            return runEvaluateCommand(args);
#else
            std::cerr << "scalescope-cli: evaluate: this build has no LibTorch "
                         "(configure with -DSCALESCOPE_WITH_TORCH=ON)\n";
            return 2;
#endif
        }
        if (command == "predict") {
#ifdef SCALESCOPE_HAVE_TORCH
            return runPredictCommand(args);
#else
            std::cerr << "scalescope-cli: predict: this build has no LibTorch "
                         "(configure with -DSCALESCOPE_WITH_TORCH=ON)\n";
            return 2;
#endif
        }
        if (command == "runs") {
#ifdef SCALESCOPE_HAVE_TORCH
            return runRunsCommand(args);
#else
            std::cerr << "scalescope-cli: runs: this build has no LibTorch "
                         "(configure with -DSCALESCOPE_WITH_TORCH=ON)\n";
            return 2;
#endif
        }
        if (command == "compare") {
#ifdef SCALESCOPE_HAVE_TORCH
            return runCompareCommand(args);
#else
            std::cerr << "scalescope-cli: compare: this build has no LibTorch "
                         "(configure with -DSCALESCOPE_WITH_TORCH=ON)\n";
            return 2;
#endif
        }
        std::cerr << "scalescope-cli: unknown command \"" << command << "\" (try --help)\n";
        return 2;
    } catch (const ValidationError& e) {
        std::cerr << "scalescope-cli: error: " << e.what() << "\n";
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "scalescope-cli: error: " << e.what() << "\n";
        return 1;
    }
}
