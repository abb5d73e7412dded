// scalescope-cli predict: a trained run's weights applied to image files, each file's most
// likely classes with their probabilities.
#include "cliargs.h"

#include "scaling/format.h"
#include "train/evaluation.h"
#include "train/prediction.h"

#include <algorithm>
#include <cstdio>
#include <iomanip>
#include <iostream>
#include <map>

namespace {
using namespace scalescope;

const char* kPredictUsage =
    R"(usage: scalescope-cli predict --run-dir DIR [OPTIONS] IMAGE|FOLDER...

Classifies image files with a training run's weights (its checkpoint.pt: the EMA's where it
kept one, as its validation did) and lists each file's most likely classes. A file is brought
to the form of the run's test images first: the dataset's channels (grey for Fashion-MNIST),
its shorter side scaled to the size the dataset stores (28 px for Fashion-MNIST, 32 for
CIFAR-10, the run's largest image size for synthetic and folder data) and a centred square
crop, then resized to the test size. A folder stands for its image files (.jpg, .jpeg, .png,
.bmp, .webp, in every folder below it); a file that does not decode is listed with the reason.
A file in a folder named after one of the run's classes (photos/sneaker/a.jpg, compared
ignoring case and punctuation) is labelled with that class, and the labelled files' top-1 and
top-K accuracy is reported.

  --run-dir DIR          the run folder (train's --run-dir, or one the GUI wrote)
  --image-size N         the test size (default: the size the run validated at)
  --top K                classes listed per image (default 5)
  --device D             auto, cpu, cuda, cuda:N (default: the run's)
  --batch N              images per batch (default: twice the run's batch size)
  --trained-weights      with an EMA, use the trained weights instead of the average
  --json                 the report as JSON
  --csv                  a row per image: path, size, label, class_1, probability_1, ..., error
  --quiet                no progress on standard error

Exit status: 0 when at least one image was classified, 1 when none could be, 2 for a bad
request.
)";

Json reportJson(const train::PredictionReport& r) {
    Json j;
    j["run_dir"] = r.runDir;
    j["model"] = r.model;
    j["dataset"] = r.dataset;
    j["device"] = r.device;
    j["weights"] = r.weights;
    j["classes"] = r.classes;
    j["channels"] = r.channels;
    j["stored_size"] = r.storedSize;
    j["image_size"] = r.imageSize;
    j["validated_size"] = r.validatedSize;
    j["epochs_trained"] = r.epochsTrained;
    j["planned_epochs"] = r.plannedEpochs;
    Json images = Json::array();
    for (const auto& p : r.images) {
        Json top = Json::array();
        for (const auto& c : p.top)
            top.push_back({{"class", r.classes[std::size_t(c.index)]},
                           {"index", c.index},
                           {"probability", c.probability}});
        Json row = {{"path", p.path}, {"top", top}};
        row["label"] = p.label >= 0 ? Json(r.classes[std::size_t(p.label)]) : Json(nullptr);
        if (p.error.empty()) {
            row["width"] = p.width;
            row["height"] = p.height;
        } else {
            row["error"] = p.error;
        }
        images.push_back(row);
    }
    j["images"] = images;
    j["failed"] = r.failed();
    const auto score = r.labelledScore();
    j["labelled"] = {{"images", score.images}, {"top1", score.top1}, {"top_k", score.topK}};
    return j;
}

void printReport(const train::PredictionReport& r) {
    std::cout << r.model << ", " << r.epochsTrained << " of " << r.plannedEpochs << " epochs, "
              << r.weights << " weights, on " << r.device << ": the " << r.classes.size()
              << " classes of " << r.dataset << "\n"
              << "each file: " << (r.channels == 1 ? "grey, " : "") << "a centred " << r.storedSize
              << " px square, tested at " << r.imageSize << " px"
              << (r.imageSize == r.validatedSize ? " (validated at)" : "") << "\n\n";
    std::size_t pathWidth = 8, classWidth = 8;
    for (const auto& p : r.images)
        pathWidth = std::max(pathWidth, std::min<std::size_t>(p.path.size() + 2, 60));
    for (const auto& c : r.classes)
        classWidth = std::max(classWidth, c.size() + 2);
    const auto score = r.labelledScore();
    const bool labels = std::any_of(r.images.begin(), r.images.end(),
                                    [](const train::ImagePrediction& p) { return p.label >= 0; });
    const auto labelOf = [&](const train::ImagePrediction& p) {
        return p.label >= 0 ? r.classes[std::size_t(p.label)] : std::string("-");
    };
    std::cout << std::left << std::setw(int(pathWidth)) << "image" << std::setw(12) << "size";
    if (labels) std::cout << std::setw(int(classWidth)) << "folder";
    std::cout << std::setw(int(classWidth)) << "class" << std::right << std::setw(12)
              << "probability"
              << "  then\n";
    for (const auto& p : r.images) {
        std::cout << std::left << std::setw(int(pathWidth)) << p.path;
        if (!p.error.empty()) {
            std::cout << "not classified: " << p.error << "\n";
            continue;
        }
        std::cout << std::setw(12) << (std::to_string(p.width) + "x" + std::to_string(p.height));
        if (labels) std::cout << std::setw(int(classWidth)) << labelOf(p);
        std::cout << std::setw(int(classWidth)) << r.classes[std::size_t(p.top[0].index)]
                  << std::right << std::setw(12) << percentCell(p.top[0].probability) << "  ";
        for (std::size_t i = 1; i < p.top.size(); ++i)
            std::cout << (i > 1 ? ", " : "") << r.classes[std::size_t(p.top[i].index)] << " "
                      << percentCell(p.top[i].probability);
        std::cout << "\n";
    }
    if (r.failed() > 0)
        std::cout << "\n" << r.failed() << " of " << r.images.size() << " files not classified\n";
    if (score.images > 0) {
        std::size_t listed = 0; // K: the classes listed per file
        for (const auto& p : r.images)
            listed = std::max(listed, p.top.size());
        std::cout << "\nlabelled by their folder: " << score.images << " files, top-1 "
                  << percentCell(double(score.top1) / score.images) << " (" << score.top1
                  << " right), top-" << listed << " "
                  << percentCell(double(score.topK) / score.images) << " (" << score.topK << ")\n";
    }
}
} // namespace

int runPredictCommand(const std::vector<std::string>& argv) {
    for (const auto& a : argv)
        if (a == "--help") return std::cout << kPredictUsage, 0;
    const cli::Args a(argv, {"--run-dir", "--image-size", "--top", "--device", "--batch"},
                      {"--trained-weights", "--json", "--csv", "--quiet"});
    if (a.flag("--json") && a.flag("--csv"))
        throw ValidationError("--csv", "cannot be given with --json: choose one format");
    const auto dir = a.value("--run-dir");
    if (!dir) throw ValidationError("--run-dir", "is required: the run whose weights classify");
    if (a.positional().empty())
        throw ValidationError("IMAGE", "give one or more image files or folders to classify");
    train::PredictionRequest req;
    if (auto v = a.integer("--image-size")) {
        if (*v < 1) throw ValidationError("--image-size", "must be a positive number of pixels");
        req.imageSize = *v;
    }
    if (auto v = a.integer("--top")) req.topK = *v;
    if (auto v = a.value("--device")) req.device = *v;
    if (auto v = a.integer("--batch")) {
        if (*v < 1)
            throw ValidationError("--batch",
                                  "must be between 1 and 65536 (got " + std::to_string(*v) + ")");
        req.batch = *v;
    }
    req.trainedWeights = a.flag("--trained-weights");
    train::PredictionReport report;
    try {
        report = train::predictImages(*dir, a.positional(), req, {},
                                      cli::percentProgress("classifying", a));
    } catch (const ValidationError& e) { // named by the flag that set it
        cli::rethrowAsFlag(e, {{"prediction.image_size", "--image-size"},
                               {"prediction.top_k", "--top"},
                               {"prediction.batch", "--batch"},
                               {"prediction.device", "--device"},
                               {"run_dir", "--run-dir"},
                               {"images", "IMAGE"}});
    }
    if (a.flag("--json"))
        std::cout << reportJson(report).dump(2) << "\n";
    else if (a.flag("--csv"))
        std::cout << train::predictionCsv(report);
    else
        printReport(report);
    if (report.failed() == int(report.images.size())) {
        std::cerr << "scalescope-cli: error: none of the " << report.images.size()
                  << " files could be classified\n";
        return 1;
    }
    return 0;
}
