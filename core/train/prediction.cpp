#include "prediction.h"

#include "augment.h"
#include "cputhreads.h"
#include "datasets.h"
#include "engine.h"
#include "scaling/limits.h"
#include "scaling/validation.h"
#include "trainedrun.h"

#include <torch/torch.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <sstream>

namespace scalescope::train {

namespace fs = std::filesystem;

namespace {
constexpr int kMaxTopK = 1000;      // ImageNet's classes: a list, not a ranking of everything
constexpr int kMaxBatch = 65536;    // as evaluation
constexpr int kEvalBatchFactor = 2; // as validation: no gradients, so twice the batch fits
} // namespace

void validate(const PredictionRequest& r) {
    requireRange("prediction.top_k", r.topK, 1, kMaxTopK);
    if (r.imageSize != 0)
        requireRange("prediction.image_size", r.imageSize, limits::kMinResolution,
                     limits::kMaxResolution);
    if (r.batch != 0) requireRange("prediction.batch", r.batch, 1, kMaxBatch);
    if (r.keepInputSize != 0)
        requireRange("prediction.keep_input_size", r.keepInputSize, 1, limits::kMaxResolution);
    if (!r.device.empty()) validateDevice("prediction.device", r.device);
}

bool canClassifyImages() {
    return canDecodeImages();
}

std::vector<std::string> imageFilesIn(const std::vector<std::string>& paths) {
    if (paths.empty()) throw ValidationError("images", "no image file or folder was given");
    std::vector<std::string> files;
    const auto tooMany = [&] {
        if (files.size() > std::size_t(kMaxPredictionImages))
            throw ValidationError("images", "more than " + std::to_string(kMaxPredictionImages) +
                                                " images: a set that large is a dataset; "
                                                "train or evaluate on it as an image folder");
    };
    for (const std::string& p : paths) {
        std::error_code ec;
        if (p.empty() || !fs::exists(p, ec))
            throw ValidationError("images", (p.empty() ? "\"\"" : p) + " does not exist");
        if (fs::is_directory(p, ec)) {
            std::vector<std::string> found;
            for (fs::recursive_directory_iterator
                     it(p, fs::directory_options::skip_permission_denied, ec),
                 end;
                 it != end; it.increment(ec)) {
                if (ec) break;
                if (it->is_regular_file(ec) && isImageFile(it->path().string()))
                    found.push_back(it->path().string());
                if (found.size() > std::size_t(kMaxPredictionImages)) break;
            }
            if (found.empty())
                throw ValidationError("images", p + " has no image files (" +
                                                    std::string(kImageExtensions) + ")");
            std::sort(found.begin(), found.end());
            files.insert(files.end(), found.begin(), found.end());
        } else {
            // A file named on its own is tried whatever its extension: OpenCV reads the content.
            files.push_back(p);
        }
        tooMany();
    }
    return files;
}

namespace {
// Lowercase letters and digits only: how folder and class names are compared.
std::string nameKey(const std::string& s) {
    std::string k;
    for (unsigned char c : s)
        if (std::isalnum(c)) k += char(std::tolower(c));
    return k;
}
} // namespace

int classFromFolder(const std::string& path, const std::vector<std::string>& classes) {
    const std::string folder = nameKey(fs::path(path).parent_path().filename().string());
    if (folder.empty()) return -1;
    for (std::size_t c = 0; c < classes.size(); ++c) {
        if (nameKey(classes[c]) == folder) return int(c);
        std::size_t from = 0;
        for (std::size_t slash; (slash = classes[c].find('/', from)) != std::string::npos;
             from = slash + 1)
            if (nameKey(classes[c].substr(from, slash - from)) == folder) return int(c);
        if (from > 0 && nameKey(classes[c].substr(from)) == folder) return int(c);
    }
    return -1;
}

PredictionReport::LabelledScore PredictionReport::labelledScore() const {
    LabelledScore s;
    for (const auto& p : images) {
        if (p.label < 0 || !p.error.empty() || p.top.empty()) continue;
        ++s.images;
        s.top1 += p.top.front().index == p.label;
        s.topK += std::any_of(p.top.begin(), p.top.end(),
                              [&](const ClassProbability& c) { return c.index == p.label; });
    }
    return s;
}

int PredictionReport::failed() const {
    return int(std::count_if(images.begin(), images.end(),
                             [](const ImagePrediction& p) { return !p.error.empty(); }));
}

std::string predictionCsv(const PredictionReport& r) {
    std::size_t k = 0;
    for (const auto& p : r.images)
        k = std::max(k, p.top.size());
    std::ostringstream os;
    os.precision(8);
    os << "path,width,height,label";
    for (std::size_t i = 1; i <= k; ++i)
        os << ",class_" << i << ",probability_" << i;
    os << ",error\n";
    for (const auto& p : r.images) {
        os << csvField(p.path) << ',' << p.width << ',' << p.height << ','
           << (p.label >= 0 && std::size_t(p.label) < r.classes.size()
                   ? csvField(r.classes[std::size_t(p.label)])
                   : std::string());
        for (std::size_t i = 0; i < k; ++i) {
            if (i < p.top.size())
                os << ',' << csvField(r.classes[std::size_t(p.top[i].index)]) << ','
                   << p.top[i].probability;
            else
                os << ",,";
        }
        os << ',' << csvField(p.error) << '\n';
    }
    return os.str();
}

namespace {
// The square as kept for a preview: as decoded, or area-averaged to report.inputSize.
std::vector<std::uint8_t> keptInput(const torch::Tensor& pixels, const PredictionReport& report) {
    torch::Tensor kept = pixels;
    if (report.inputSize < report.storedSize) // area average, as a resize would
        kept = torch::adaptive_avg_pool2d(kept.unsqueeze(0).to(torch::kFloat32),
                                          {report.inputSize, report.inputSize})
                   .round()
                   .to(torch::kUInt8)
                   .squeeze(0);
    kept = kept.contiguous();
    const auto* b = kept.data_ptr<std::uint8_t>();
    return {b, b + kept.numel()};
}
} // namespace

PredictionReport predictImages(const std::string& runDir, const std::vector<std::string>& paths,
                               const PredictionRequest& request, const PredictionCancel& cancelled,
                               const PredictionProgress& progress) {
    validate(request);
    const TrainedRun run = readTrainedRun(runDir);
    const std::vector<std::string> files = imageFilesIn(paths);
    if (!canDecodeImages())
        throw ValidationError("images",
                              "decoding image files needs OpenCV's imgcodecs, which this build "
                              "lacks");
    const TrainingSettings& t = run.config.training;
    const DatasetInfo info = datasetInfo(t);
    const int classes = int(info.classes.size());

    PredictionReport report;
    report.runDir = runDir;
    report.model = run.model;
    report.dataset = info.name;
    report.classes = info.classes;
    report.channels = info.channels;
    report.storedSize = info.nativeSize > 0 ? info.nativeSize : run.storeSize;
    report.validatedSize = run.sizes.validated;
    report.imageSize = request.imageSize > 0 ? request.imageSize : run.sizes.validated;
    report.inputSize = std::min(request.keepInputSize, report.storedSize);
    report.plannedEpochs = t.epochs;

    const torch::Device dev = scoringDevice(request.device, t.device, "prediction.device");
    const bool bf16 = dev.is_cuda() && t.precision != "fp32";
    const int batch = request.batch > 0 ? request.batch : t.batchSize * kEvalBatchFactor;
    report.device = dev.is_cuda() ? "cuda:" + std::to_string(int(dev.index())) : "cpu";
    if (!dev.is_cuda()) {
        ScaledArch atSize = run.arch;
        atSize.resolution = report.imageSize;
        requireHostMemory(inferenceMemory(computeCosts(atSize), false), batch,
                          request.batch > 0 ? "prediction.batch" : "training.batch_size",
                          "classifying with " + report.model + " at batch " +
                              std::to_string(batch) + " and " + std::to_string(report.imageSize) +
                              " px on the CPU");
    }

    TrainedWeights loaded = loadTrainedWeights(run, classes, info.channels, request.trainedWeights);
    ScaledNet model = loaded.model;
    report.weights = loaded.weights;
    report.epochsTrained = loaded.epochsTrained;
    model->to(dev);
    toChannelsLast(*model);

    const int k = std::min(request.topK, classes);
    const int decoders = std::max(1, availableLogicalCpus());
    const auto total = std::int64_t(files.size());
    torch::NoGradGuard noGrad;
    for (std::int64_t i = 0; i < total; i += batch) {
        const std::int64_t end = std::min(total, i + batch);
        // Decoding is most of the work for large photos: the batch's files are read on one
        // thread per logical CPU, each into its own slot, and kept in the order given.
        const auto n = std::size_t(end - i);
        std::vector<ImagePrediction> slots(n);
        std::vector<torch::Tensor> pixels(n);
        const auto decode = [&](std::size_t s) {
            ImagePrediction& p = slots[s];
            p.path = files[std::size_t(i) + s];
            p.label = classFromFolder(p.path, report.classes);
            try {
                DecodedImage d = loadImageFile(p.path, info.channels, report.storedSize);
                p.width = d.width;
                p.height = d.height;
                if (report.inputSize > 0) p.input = keptInput(d.pixels, report);
                pixels[s] = d.pixels;
            } catch (const std::exception& e) {
                p.error = e.what();
            }
        };
        forEachIndex(n, decoders, decode);
        std::vector<torch::Tensor> decoded;
        std::vector<std::size_t> rows; // report.images' rows of `decoded`
        for (std::size_t s = 0; s < n; ++s) {
            if (pixels[s].defined()) {
                decoded.push_back(pixels[s]);
                rows.push_back(report.images.size());
            }
            report.images.push_back(std::move(slots[s]));
        }
        if (!decoded.empty()) {
            torch::Tensor probabilities, indices;
            try {
                auto x = prepareEval(torch::stack(decoded).to(dev), report.imageSize)
                             .contiguous(torch::MemoryFormat::ChannelsLast); // the model's layout
                torch::Tensor logits;
                {
                    AutocastGuard ac(bf16);
                    logits = model->forward(x);
                }
                auto [p, idx] = torch::softmax(logits.to(torch::kFloat32), 1).topk(k, 1);
                probabilities = p.to(torch::kFloat64).cpu().contiguous();
                indices = idx.cpu().contiguous();
            } catch (const c10::Error& e) {
                const std::string what = e.what_without_backtrace();
                if (what.find("out of memory") != std::string::npos)
                    throw std::runtime_error("out of memory at batch " + std::to_string(batch) +
                                             " and " + std::to_string(report.imageSize) +
                                             " px: try a batch of " +
                                             std::to_string(std::max(1, batch / 2)));
                throw std::runtime_error("LibTorch: " + firstLine(what));
            }
            const auto* pr = probabilities.data_ptr<double>();
            const auto* ix = indices.data_ptr<std::int64_t>();
            for (std::size_t b = 0; b < rows.size(); ++b) {
                auto& top = report.images[rows[b]].top;
                for (int c = 0; c < k; ++c)
                    top.push_back({int(ix[b * std::size_t(k) + std::size_t(c)]),
                                   pr[b * std::size_t(k) + std::size_t(c)]});
            }
        }
        if (progress) progress(end, total);
        if (end < total && cancelled && cancelled()) throw EvaluationCancelled();
    }
    return report;
}

} // namespace scalescope::train
