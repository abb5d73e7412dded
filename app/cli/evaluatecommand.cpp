// scalescope-cli evaluate: a trained run's weights scored on its test images, at the size it
// validated at or at several test sizes, with each class's recall and precision.
#include "cliargs.h"

#include "scaling/format.h"
#include "train/evaluation.h"

#include <cstdio>
#include <iomanip>
#include <iostream>
#include <map>

namespace {
using namespace scalescope;

const char* kEvaluateUsage =
    R"(usage: scalescope-cli evaluate --run-dir DIR [OPTIONS]

Scores a training run's weights (its checkpoint.pt: the EMA's where it kept one, as its
validation did) on its test images: top-1 and top-5 accuracy, the loss, each class's recall
and precision and the class it is most often taken for. A run trained with progressive image
sizes is often best tested above its last training size; --image-sizes sweeps them.

  --run-dir DIR          the run folder (train's --run-dir, or one the GUI wrote)
  --image-sizes LIST     test sizes: 64, 48,64,96, FROM:TO:STEP such as 32:128:16, or
                         auto: about seven from below the smallest training size to 1.5x
                         the validated size (default: the size the run validated at)
  --device D             auto, cpu, cuda, cuda:N (default: the run's)
  --batch N              images per batch (default: twice the run's batch size)
  --val-samples N        test images: 0 all of the dataset's, N a subset of N
                         (default: the run's own validation set)
  --trained-weights      with an EMA, score the trained weights instead of the average
  --confusion            print the confusion matrix at the best size too
  --json                 the report as JSON (per size: scores and the confusion matrix)
  --csv                  a row per size and class
  --quiet                no progress on standard error
)";

std::string sizesText(const std::vector<int>& sizes) {
    if (sizes.empty()) return "?";
    const auto [lo, hi] = std::minmax_element(sizes.begin(), sizes.end());
    return *lo == *hi ? std::to_string(*lo) : std::to_string(*lo) + "-" + std::to_string(*hi);
}

Json reportJson(const train::EvaluationReport& r) {
    Json j;
    j["run_dir"] = r.runDir;
    j["model"] = r.model;
    j["dataset"] = r.dataset;
    j["device"] = r.device;
    j["weights"] = r.weights;
    j["classes"] = r.classes;
    j["images"] = r.images;
    j["top_k"] = r.topK;
    j["epochs_trained"] = r.epochsTrained;
    j["planned_epochs"] = r.plannedEpochs;
    j["training_sizes"] = r.trainingSizes;
    j["validated_size"] = r.validatedSize;
    const auto* best = r.best();
    j["best_size"] = best ? Json(best->imageSize) : Json(nullptr);
    Json sizes = Json::array();
    for (const auto& s : r.sizes) {
        Json classes = Json::array();
        for (const auto& c : train::classScores(s.confusion, r.classes))
            classes.push_back({{"name", c.name},
                               {"images", c.images},
                               {"correct", c.correct},
                               {"recall", cli::finiteOrNull(c.recall)},
                               {"precision", cli::finiteOrNull(c.precision)}});
        const std::size_t n = r.classes.size();
        Json matrix = Json::array();
        for (std::size_t t = 0; t < n; ++t)
            matrix.push_back(std::vector<std::int64_t>(s.confusion.begin() + t * n,
                                                       s.confusion.begin() + (t + 1) * n));
        sizes.push_back({{"image_size", s.imageSize},
                         {"top1", s.top1},
                         {"top_k", s.topK},
                         {"loss", cli::finiteOrNull(s.loss)},
                         {"seconds", s.seconds},
                         {"per_class", classes},
                         {"confusion", matrix}});
    }
    j["sizes"] = sizes;
    return j;
}

void printReport(const train::EvaluationReport& r, bool confusion) {
    std::cout << r.model << ", " << r.epochsTrained << " of " << r.plannedEpochs << " epochs, "
              << r.weights << " weights, on " << r.device << ": " << r.dataset << ", " << r.images
              << " test images, " << r.classes.size() << " classes\n"
              << "trained at " << sizesText(r.trainingSizes) << " px, validated at "
              << r.validatedSize << " px\n\n";
    const auto* best = r.best();
    const std::string topK = "top-" + std::to_string(r.topK);
    std::cout << std::right << std::setw(6) << "size" << std::setw(10) << "top-1" << std::setw(10)
              << topK << std::setw(10) << "loss" << std::setw(10) << "seconds"
              << "\n";
    for (const auto& s : r.sizes) {
        std::cout << std::setw(6) << s.imageSize << std::setw(10) << percentCell(s.top1)
                  << std::setw(10) << percentCell(s.topK) << std::setw(10) << fixed(s.loss, 4)
                  << std::setw(10) << fixed(s.seconds, 1);
        if (r.sizes.size() > 1 && &s == best) std::cout << "  best";
        if (s.imageSize == r.validatedSize) std::cout << "  (validated at)";
        std::cout << "\n";
    }
    if (!best) return;
    std::size_t nameWidth = 8;
    for (const auto& c : r.classes)
        nameWidth = std::max(nameWidth, c.size() + 2);
    std::cout << "\nper class at " << best->imageSize << " px:\n"
              << std::left << std::setw(int(nameWidth)) << "class" << std::right << std::setw(8)
              << "images" << std::setw(10) << "recall" << std::setw(11) << "precision"
              << "  most often taken for\n";
    for (const auto& c : train::classScores(best->confusion, r.classes)) {
        std::cout << std::left << std::setw(int(nameWidth)) << c.name << std::right << std::setw(8)
                  << c.images << std::setw(10) << percentCell(c.recall) << std::setw(11)
                  << percentCell(c.precision) << "  ";
        if (c.confusedWith >= 0)
            std::cout << r.classes[std::size_t(c.confusedWith)] << " (" << c.confusedImages << ")";
        else
            std::cout << "-";
        std::cout << "\n";
    }
    if (!confusion) return;
    const std::size_t n = r.classes.size();
    std::cout << "\nconfusion at " << best->imageSize
              << " px (row: true class, column: predicted, in class order above)\n";
    for (std::size_t t = 0; t < n; ++t) {
        std::cout << std::left << std::setw(int(nameWidth)) << r.classes[t] << std::right;
        for (std::size_t p = 0; p < n; ++p)
            std::cout << std::setw(6) << best->confusion[t * n + p];
        std::cout << "\n";
    }
}
} // namespace

int runEvaluateCommand(const std::vector<std::string>& argv) {
    for (const auto& a : argv)
        if (a == "--help") return std::cout << kEvaluateUsage, 0;
    const cli::Args a(argv, {"--run-dir", "--image-sizes", "--device", "--batch", "--val-samples"},
                      {"--trained-weights", "--confusion", "--json", "--csv", "--quiet"});
    if (!a.positional().empty())
        throw ValidationError(a.positional().front(), "unexpected argument");
    if (a.flag("--json") && a.flag("--csv"))
        throw ValidationError("--csv", "cannot be given with --json: choose one format");
    const auto dir = a.value("--run-dir");
    if (!dir) throw ValidationError("--run-dir", "is required: the run folder to evaluate");
    train::EvaluationRequest req;
    if (auto v = a.value("--image-sizes")) {
        if (*v == "auto") {
            try {
                req.imageSizes = train::suggestedTestSizes(loadConfig(*dir + "/config.json"));
            } catch (const std::exception&) {
                // evaluateRun names what is wrong with the folder
            }
        } else {
            req.imageSizes = train::parseImageSizes("--image-sizes", *v);
        }
    }
    if (auto v = a.value("--device")) req.device = *v;
    if (auto v = a.integer("--batch")) {
        if (*v < 1)
            throw ValidationError("--batch",
                                  "must be between 1 and 65536 (got " + std::to_string(*v) + ")");
        req.batch = *v;
    }
    if (auto v = a.integer("--val-samples")) {
        if (*v < 0) throw ValidationError("--val-samples", "must be 0 (all) or a count of images");
        req.samples = *v;
    }
    req.trainedWeights = a.flag("--trained-weights");
    train::EvaluationReport report;
    try {
        report = train::evaluateRun(*dir, req, {}, cli::percentProgress("evaluating", a));
    } catch (const ValidationError& e) { // named by the flag that set it
        cli::rethrowAsFlag(e, {{"evaluation.image_sizes", "--image-sizes"},
                               {"evaluation.batch", "--batch"},
                               {"evaluation.device", "--device"},
                               {"evaluation.samples", "--val-samples"},
                               {"run_dir", "--run-dir"}});
    }
    if (a.flag("--json"))
        std::cout << reportJson(report).dump(2) << "\n";
    else if (a.flag("--csv"))
        std::cout << train::evaluationCsv(report);
    else
        printReport(report, a.flag("--confusion"));
    return 0;
}
