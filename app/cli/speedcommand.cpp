// scalescope-cli speed: the scaled model's measured training step, inference and per-stage
// forward and backward times on this machine, beside its multiply-adds.
#include "cliargs.h"
#include "trainflags.h"

#include "scaling/format.h"
#include "train/speedprobe.h"

#include <cstdio>
#include <iomanip>
#include <iostream>
#include <map>

namespace {
using namespace scalescope;

const char* kSpeedUsageHead =
    R"(usage: scalescope-cli speed [--config FILE | --preset NAME] [OPTIONS]

Times the configuration's model (the scaling flags of `inspect` apply) on this machine with
random images: the training step as `train` runs it (its device, batch size, precision,
optimizer, CUDA graphs and CPU threads), inference, and each stage's forward and backward
alone. GMAC/s is forward multiply-adds per second: a stage of depthwise convolutions does
its few MACs slower than a fused one does its many (EfficientNetV2's argument).

  --image-size N         the images' size (default: the scaled model's resolution)
  --repeats N            timed passes of each measurement, median reported (default 5)
  --warmup N             untimed passes before them (default 2)
  --json                 the report as JSON
  --csv                  a row per stage as CSV (the GUI's Export → Speed table as CSV)
  --quiet                no progress on standard error

Training options that apply (the rest are accepted and ignored):
)";

std::string ms(double v) {
    return fixed(v, v < 10 ? 2 : 1);
}

Json reportJson(const train::SpeedReport& r) {
    Json j;
    j["device"] = r.device;
    j["batch"] = r.batch;
    j["image_size"] = r.imageSize;
    j["threads"] = r.threads;
    j["bf16"] = r.bf16;
    j["cuda_graph"] = r.graphed;
    j["optimizer"] = r.optimizer;
    j["train_step_ms"] = r.trainStepMs;
    j["train_images_per_second"] = r.trainImagesPerSecond();
    j["inference_ms"] = r.inferenceMs;
    j["inference_images_per_second"] = r.inferenceImagesPerSecond();
    j["peak_memory_bytes"] = r.peakMemoryBytes >= 0 ? Json(r.peakMemoryBytes) : Json(nullptr);
    j["estimated_memory_bytes"] = r.estimatedMemoryBytes;
    Json segments = Json::array();
    for (const auto& s : r.segments)
        segments.push_back({{"name", s.name},
                            {"block", s.label},
                            {"macs", s.macs},
                            {"forward_ms", s.forwardMs},
                            {"backward_ms", s.backwardMs},
                            {"forward_gmacs_per_second", s.forwardGmacsPerSecond(r.batch)}});
    j["stages"] = segments;
    return j;
}

void printReport(const ScaleConfig& c, const train::SpeedReport& r) {
    std::cout << c.baseline.displayName << " at " << r.imageSize << " px, batch " << r.batch
              << " on " << r.device;
    if (r.threads > 0) std::cout << " (" << r.threads << " threads)";
    std::cout << (r.bf16 ? ", bf16 autocast" : ", fp32") << "\n";
    std::cout << "training step  " << ms(r.trainStepMs) << " ms  "
              << fixed(r.trainImagesPerSecond(), 1) << " img/s  (" << r.optimizer
              << (r.graphed ? ", CUDA graph" : "") << ")\n";
    std::cout << "inference      " << ms(r.inferenceMs) << " ms  "
              << fixed(r.inferenceImagesPerSecond(), 1) << " img/s\n";
    if (r.peakMemoryBytes >= 0)
        std::cout << "peak memory    " << shortBytes(r.peakMemoryBytes)
                  << " (the cost model: " << shortBytes(r.estimatedMemoryBytes) << ")\n";
    std::cout << "\n"
              << std::left << std::setw(10) << "stage" << std::setw(20) << "block" << std::right
              << std::setw(10) << "MACs" << std::setw(12) << "forward ms" << std::setw(13)
              << "backward ms" << std::setw(9) << "GMAC/s" << std::setw(10) << "time"
              << std::setw(8) << "MACs"
              << "\n";
    const auto shares = train::stageShares(r);
    for (size_t i = 0; i < r.segments.size(); ++i) {
        const auto& s = r.segments[i];
        std::cout << std::left << std::setw(10) << s.name << std::setw(20) << s.label << std::right
                  << std::setw(10) << shortCount(double(s.macs)) << std::setw(12) << ms(s.forwardMs)
                  << std::setw(13) << ms(s.backwardMs) << std::setw(9)
                  << fixed(s.forwardGmacsPerSecond(r.batch), 1) << std::setw(9)
                  << fixed(shares[i].time, 1) << "%" << std::setw(7) << fixed(shares[i].macs, 1)
                  << "%\n";
    }
    std::cout << "\ntime: forward + backward of the stage, share of all stages'; MACs: share of "
                 "the forward multiply-adds\n";
}
} // namespace

int runSpeedCommand(const std::vector<std::string>& argv) {
    for (const auto& a : argv)
        if (a == "--help") return std::cout << kSpeedUsageHead << cli::kTrainingFlagsHelp, 0;
    std::vector<std::string> options = cli::scalingFlagNames();
    for (const char* o : {"--image-size", "--repeats", "--warmup"})
        options.push_back(o);
    for (const auto& o : cli::trainingFlagNames())
        options.push_back(o);
    const cli::Args a(argv, options, {"--json", "--csv", "--quiet"});
    if (a.flag("--json") && a.flag("--csv"))
        throw ValidationError("--csv", "cannot be given with --json: choose one format");
    if (!a.positional().empty())
        throw ValidationError(a.positional().front(), "unexpected argument");
    ScaleConfig c = cli::configFromArgs(a);
    cli::applyTrainingFlags(a, c.training);
    train::SpeedRequest req;
    if (auto v = a.integer("--image-size")) req.imageSize = *v;
    if (auto v = a.integer("--repeats")) req.repeats = *v;
    if (auto v = a.integer("--warmup")) req.warmup = *v;
    try {
        train::validate(req);
    } catch (const ValidationError& e) { // named by the flag that set it
        cli::rethrowAsFlag(e, {{"speed.image_size", "--image-size"},
                               {"speed.repeats", "--repeats"},
                               {"speed.warmup", "--warmup"}});
    }
    const auto report = train::measureSpeed(c, req, {}, cli::percentProgress("measuring", a));
    if (a.flag("--json"))
        std::cout << reportJson(report).dump(2) << "\n";
    else if (a.flag("--csv"))
        std::cout << train::speedReportCsv(report);
    else
        printReport(c, report);
    return 0;
}
