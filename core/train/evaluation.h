// A trained run's weights scored on its test images: top-1 and top-k accuracy, the loss, a
// confusion matrix and each class's recall and precision, at the size the run validated at
// or at several test sizes. Progressive learning trains at sizes below the last, and a model
// is often best tested above the size it was trained at (EfficientNetV2 trains S up to 300 px
// and tests it at 384), so the sweep shows where this one peaks. No torch types.
#pragma once

#include "scaling/config.h"

#include <cstdint>
#include <functional>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

namespace scalescope::train {

// What is left empty or 0 comes from the run's configuration.
struct EvaluationRequest {
    std::string device;          // auto, cpu, cuda, cuda:N; empty: the run's training.device
    std::vector<int> imageSizes; // test sizes in order; empty: the size the run validated at
    int batch = 0;               // 0: twice the run's batch size, as its validation
    // Test images: -1 the run's own validation set (training.val_samples); 0 all of the
    // dataset's; N a subset of N, drawn as training draws it.
    int samples = -1;
    // With an EMA of the weights: score the trained weights instead of the average (which is
    // what the run validated and what weights.pt holds).
    bool trainedWeights = false;
};

// Throws ValidationError naming the field ("evaluation.image_sizes") and the reason.
void validate(const EvaluationRequest& r);

// "64", "48,64,96", "32:128:16" (from:to:step, both ends included where the step lands):
// the CLI's --image-sizes and the GUI's field. Throws ValidationError(field) for bad text.
std::vector<int> parseImageSizes(const std::string& field, const std::string& text);

// The sizes a run of `config` trains at (each progressive stage's, in order) and validates at.
struct RunSizes {
    std::vector<int> training;
    int validated = 0;
};
RunSizes runSizes(const ScaleConfig& config);
// Test sizes worth a look for a run of `config`: about seven evenly spaced ones from below its
// smallest training size to 1.5x the size it validated at, that one included (--image-sizes
// auto, and the GUI's default).
std::vector<int> suggestedTestSizes(const ScaleConfig& config);

// One test size's scores.
struct SizeEvaluation {
    int imageSize = 0;
    double loss = std::numeric_limits<double>::quiet_NaN(); // mean cross-entropy, no smoothing
    double top1 = std::numeric_limits<double>::quiet_NaN();
    double topK = std::numeric_limits<double>::quiet_NaN(); // EvaluationReport::topK
    // classes x classes, row-major: [true label][predicted label], counts of images.
    std::vector<std::int64_t> confusion;
    double seconds = 0; // wall time of the pass
};

struct EvaluationReport {
    std::string runDir;
    std::string model;   // the configuration's preset or baseline
    std::string dataset; // "shapes", "fashion-mnist", ...
    std::string device;  // "cpu", "cuda:0"
    std::string weights; // "EMA" or "trained"
    std::vector<std::string> classes;
    std::int64_t images = 0; // test images scored at each size
    int topK = 5;            // min(5, classes)
    int epochsTrained = 0;   // epochs the checkpoint has finished
    int plannedEpochs = 0;
    std::vector<int> trainingSizes; // each progressive stage's image size, in order
    int validatedSize = 0;          // the size the run validated at
    std::vector<SizeEvaluation> sizes;
    // The size with the best top-1 (the first of equals); nullptr when none was scored.
    const SizeEvaluation* best() const;
};

// A class's row of a confusion matrix.
struct ClassScore {
    std::string name;
    std::int64_t images = 0;                                     // with this true label
    std::int64_t correct = 0;                                    // of them, predicted as it
    double recall = std::numeric_limits<double>::quiet_NaN();    // NaN without images
    double precision = std::numeric_limits<double>::quiet_NaN(); // NaN when never predicted
    int confusedWith = -1; // the class its images were most often taken for; -1: none
    std::int64_t confusedImages = 0;
};
// Throws std::invalid_argument when `confusion` is not classes.size() squared.
std::vector<ClassScore> classScores(const std::vector<std::int64_t>& confusion,
                                    const std::vector<std::string>& classes);

// A row per test size and class (image_size, class, images, correct, recall, precision) with
// the size's top-1, top-k and loss on each, so that rows of several runs can be stacked.
std::string evaluationCsv(const EvaluationReport& r);

// Called after every batch: images scored of all (every size's).
using EvaluationProgress = std::function<void(std::int64_t done, std::int64_t total)>;
// Asked between batches; true stops (evaluateRun then throws EvaluationCancelled).
using EvaluationCancel = std::function<bool()>;

class EvaluationCancelled : public std::runtime_error {
  public:
    EvaluationCancelled() : std::runtime_error("evaluation cancelled") {}
};

// Reads `runDir`'s config.json and checkpoint.pt (written after every epoch, so a stopped run
// has one too), loads its test images as the run did, and scores the weights at each size on
// the calling thread. Throws ValidationError naming the field ("run_dir", "evaluation.batch",
// ...) for a bad request, a folder that is no run, or a checkpoint of another model;
// EvaluationCancelled; std::runtime_error for a failure (out of memory says which batch).
EvaluationReport evaluateRun(const std::string& runDir, const EvaluationRequest& request,
                             const EvaluationCancel& cancelled = {},
                             const EvaluationProgress& progress = {});

} // namespace scalescope::train
