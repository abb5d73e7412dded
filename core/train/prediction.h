// A trained run's weights applied to image files: each file's most likely classes with their
// probabilities. A file is brought to the form of the run's own test images first: the
// dataset's channels (grey for Fashion-MNIST), the shorter side scaled to the size the dataset
// stores its images at (28 px for Fashion-MNIST, 32 for CIFAR-10, the run's largest image size
// for synthetic and folder data) and a centred square crop; then it is resized to the test
// size as validation resizes. A file that does not decode gets its reason, and the others are
// still classified. No torch types.
#pragma once

#include <cstdint>
#include <functional>
#include <limits>
#include <string>
#include <vector>

namespace scalescope::train {

// What is left empty or 0 comes from the run's configuration.
struct PredictionRequest {
    std::string device;          // auto, cpu, cuda, cuda:N; empty: the run's training.device
    int imageSize = 0;           // 0: the size the run validated at
    int topK = 5;                // classes listed per image (at most the run's classes)
    int batch = 0;               // 0: twice the run's batch size, as its validation
    bool trainedWeights = false; // with an EMA: the trained weights instead of the average
    // Keep each file's square as the model was given it, at most this many pixels on a side
    // (shrunk by area averaging: a preview, small however many files); 0 keeps none.
    int keepInputSize = 0;
};

// Throws ValidationError naming the field ("prediction.top_k", ...) and the reason.
void validate(const PredictionRequest& r);

// The image files among `paths`, in order: files as given, folders' image files (by
// extension, every level below, sorted). Throws ValidationError("images") for a path that does
// not exist, a named file that is not an image by its extension, nothing found, or more than
// kMaxPredictionImages.
// False in a build without OpenCV's imgcodecs: predictImages then refuses every request.
bool canClassifyImages();

constexpr int kMaxPredictionImages = 100000; // a folder that large is a dataset: evaluate it
std::vector<std::string> imageFilesIn(const std::vector<std::string>& paths);

// The class that the folder holding `path` names, or -1: the folder's name and each class name
// are compared lowercased with only their letters and digits kept, and a class name with '/'
// also by each part ("t-shirt" is "T-shirt/top", "Ankle_Boot" is "Ankle boot").
int classFromFolder(const std::string& path, const std::vector<std::string>& classes);

struct ClassProbability {
    int index = -1; // in PredictionReport::classes
    double probability = std::numeric_limits<double>::quiet_NaN();
};

struct ImagePrediction {
    std::string path;
    int width = 0, height = 0;         // of the file, when it decoded
    std::vector<ClassProbability> top; // most likely first; empty with an error
    std::string error;                 // why the file was not classified
    int label = -1;                    // the class its folder names (classFromFolder), or -1
    // With keepInputSize: the square the file was brought to, before the resize to the test
    // size (uint8, channel after channel, RGB or grey; PredictionReport::inputSize on a side).
    std::vector<std::uint8_t> input;
};

struct PredictionReport {
    std::string runDir;
    std::string model;
    std::string dataset;
    std::string device;  // "cpu", "cuda:0"
    std::string weights; // "EMA" or "trained"
    std::vector<std::string> classes;
    int channels = 3;
    int storedSize = 0; // files are brought to this square first, as the dataset's images are
    int inputSize = 0;  // the side of each kept ImagePrediction::input (0: none kept)
    int imageSize = 0;  // then resized to this, the test size
    int validatedSize = 0;
    int epochsTrained = 0;
    int plannedEpochs = 0;
    std::vector<ImagePrediction> images; // in the order given
    int failed() const;                  // images with an error

    // Over the classified files whose folder names a class: how many there are, and how many
    // have that class first, and among the listed classes.
    struct LabelledScore {
        int images = 0, top1 = 0, topK = 0;
    };
    LabelledScore labelledScore() const;
};

// A row per image: path, width, height, label (the class its folder names, or empty), then
// class_1, probability_1 ... class_K, probability_K, and error (empty for a classified file).
std::string predictionCsv(const PredictionReport& r);

// Called after every batch: images done of all.
using PredictionProgress = std::function<void(std::int64_t done, std::int64_t total)>;
// Asked between batches; true stops (predictImages then throws EvaluationCancelled).
using PredictionCancel = std::function<bool()>;

// Reads `runDir`'s config.json and checkpoint.pt and classifies the image files (as
// imageFilesIn lists them) on the calling thread. Throws ValidationError naming the field
// ("run_dir", "images", "prediction.image_size", ...) for a bad request or folder,
// EvaluationCancelled, std::runtime_error for a failure.
PredictionReport predictImages(const std::string& runDir, const std::vector<std::string>& paths,
                               const PredictionRequest& request,
                               const PredictionCancel& cancelled = {},
                               const PredictionProgress& progress = {});

} // namespace scalescope::train
