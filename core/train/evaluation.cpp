#include "evaluation.h"

#include "engine.h"
#include "scaling/costs.h"
#include "scaling/format.h"
#include "scaling/limits.h"
#include "scaling/schedule.h"
#include "scaling/validation.h"
#include "trainedrun.h"

#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <sstream>

namespace scalescope::train {

namespace {
constexpr int kTopK = 5;            // ImageNet's top-5, or fewer where there are fewer classes
constexpr int kMaxBatch = 65536;    // as the speed probe: beyond any accelerator's memory
constexpr int kMaxSizes = 64;       // test sizes in one request: a sweep, not a scan
constexpr int kEvalBatchFactor = 2; // as validation: no gradients, so twice the batch fits

} // namespace

SplitScores scoreSplit(ScaledNet& model, const Split& split, int imageSize, int batch,
                       torch::Device dev, bool bf16, int classes,
                       const std::function<bool(std::int64_t)>& afterBatch) {
    torch::NoGradGuard ng;
    model->eval();
    const std::int64_t n = split.size();
    const auto f64 = torch::TensorOptions().dtype(torch::kFloat64).device(dev);
    const auto i64 = torch::TensorOptions().dtype(torch::kInt64).device(dev);
    auto lossSum = torch::zeros({}, f64);
    auto correct = torch::zeros({}, i64);
    auto correctK = torch::zeros({}, i64);
    torch::Tensor confusion;
    if (classes > 0) confusion = torch::zeros({std::int64_t(classes) * classes}, i64);
    const int k = std::min(kTopK, std::max(1, classes));
    SplitScores out;
    for (std::int64_t i = 0; i < n; i += batch) {
        const auto end = std::min(n, i + batch);
        auto x = prepareEval(split.images.slice(0, i, end).to(dev), imageSize);
        x = x.contiguous(torch::MemoryFormat::ChannelsLast); // the model's layout
        const auto y = split.labels.slice(0, i, end).to(dev);
        torch::Tensor logits;
        {
            AutocastGuard ac(bf16);
            logits = model->forward(x);
        }
        logits = logits.to(torch::kFloat32);
        lossSum += torch::nn::functional::cross_entropy(
            logits, y, torch::nn::functional::CrossEntropyFuncOptions().reduction(torch::kSum));
        const auto predicted = logits.argmax(1);
        correct += predicted.eq(y).sum();
        if (classes > 0) {
            correctK += std::get<1>(logits.topk(k, 1)).eq(y.unsqueeze(1)).any(1).sum();
            confusion +=
                torch::bincount(y * classes + predicted, {}, std::int64_t(classes) * classes);
        }
        if (afterBatch && !afterBatch(end)) {
            model->train();
            out.stopped = true;
            return out;
        }
    }
    model->train();
    const double count = double(std::max<std::int64_t>(1, n));
    out.loss = lossSum.item<double>() / count;
    out.top1 = double(correct.item<std::int64_t>()) / count;
    if (classes > 0) {
        out.topK = double(correctK.item<std::int64_t>()) / count;
        const auto cpu = confusion.cpu();
        out.confusion.assign(cpu.data_ptr<std::int64_t>(),
                             cpu.data_ptr<std::int64_t>() + cpu.numel());
    }
    return out;
}

void validate(const EvaluationRequest& r) {
    if (r.batch != 0) requireRange("evaluation.batch", r.batch, 1, kMaxBatch);
    if (r.samples < -1)
        throw ValidationError("evaluation.samples",
                              "must be -1 (the run's own), 0 (all) or a count of images");
    if (int(r.imageSizes.size()) > kMaxSizes)
        throw ValidationError("evaluation.image_sizes",
                              std::to_string(r.imageSizes.size()) + " sizes asked for; at most " +
                                  std::to_string(kMaxSizes) + " in one evaluation");
    for (int s : r.imageSizes)
        requireRange("evaluation.image_sizes", s, limits::kMinResolution, limits::kMaxResolution);
    if (!r.device.empty()) validateDevice("evaluation.device", r.device);
}

std::vector<int> parseImageSizes(const std::string& field, const std::string& text) {
    const auto integer = [&](const std::string& part) {
        std::size_t used = 0;
        long v = 0;
        try {
            v = std::stol(part, &used);
        } catch (const std::exception&) {
            used = 0;
        }
        if (part.empty() || used != part.size())
            throw ValidationError(field, "\"" + part + "\" is not a whole number of pixels");
        if (v < limits::kMinResolution || v > limits::kMaxResolution)
            throw ValidationError(field, std::to_string(v) + " px is outside " +
                                             std::to_string(limits::kMinResolution) + "-" +
                                             std::to_string(limits::kMaxResolution));
        return int(v);
    };
    std::string trimmed;
    for (char c : text)
        if (c != ' ') trimmed += c;
    if (trimmed.empty()) throw ValidationError(field, "no image size given");
    std::vector<int> sizes;
    if (trimmed.find(':') != std::string::npos) {
        std::vector<std::string> parts;
        std::stringstream in(trimmed);
        for (std::string p; std::getline(in, p, ':');)
            parts.push_back(p);
        if (parts.size() != 3 || trimmed.back() == ':')
            throw ValidationError(field, "\"" + text + "\" is not FROM:TO:STEP");
        const int from = integer(parts[0]), to = integer(parts[1]);
        std::size_t used = 0;
        long step = 0;
        try {
            step = std::stol(parts[2], &used);
        } catch (const std::exception&) {
            used = 0;
        }
        if (used != parts[2].size() || step < 1)
            throw ValidationError(field, "the step \"" + parts[2] + "\" is not a positive number");
        if (to < from)
            throw ValidationError(field, "the range ends (" + std::to_string(to) +
                                             ") before it starts (" + std::to_string(from) + ")");
        for (long s = from; s <= to && int(sizes.size()) <= kMaxSizes; s += step)
            sizes.push_back(int(s));
    } else {
        std::stringstream in(trimmed);
        for (std::string p; std::getline(in, p, ',');)
            sizes.push_back(integer(p));
        if (trimmed.back() == ',') throw ValidationError(field, "ends with a comma");
    }
    if (int(sizes.size()) > kMaxSizes)
        throw ValidationError(field, "more than " + std::to_string(kMaxSizes) +
                                         " sizes; use a larger step");
    return sizes;
}

RunSizes runSizes(const ScaleConfig& config) {
    const TrainingSettings& t = config.training;
    const ScaledArch arch = scale(config.baseline, config.request);
    const auto stages = progressiveStages(t.progressive, arch.resolution, t.epochs);
    RunSizes r;
    for (const auto& s : stages)
        r.training.push_back(s.imageSize);
    r.validated = evaluationSize(t.progressive, stages);
    return r;
}

std::vector<int> suggestedTestSizes(const ScaleConfig& config) {
    constexpr int kPoints = 7;  // a curve, evaluated in a minute on a CPU at small sizes
    constexpr int kGranule = 4; // sizes in steps of 4 px
    constexpr double kBelow = 0.75, kAbove = 1.5; // of the validated size
    const RunSizes rs = runSizes(config);
    int lo = int(std::lround(kBelow * rs.validated));
    for (int s : rs.training)
        lo = std::min(lo, s);
    lo = std::max(lo, limits::kMinResolution);
    const int hi =
        std::min(limits::kMaxResolution, std::max(lo, int(std::lround(kAbove * rs.validated))));
    const int step =
        std::max(kGranule, int(std::lround(double(hi - lo) / (kPoints - 1) / kGranule)) * kGranule);
    std::vector<int> sizes;
    for (int s = lo; s <= hi; s += step)
        sizes.push_back(s);
    sizes.push_back(rs.validated);
    std::sort(sizes.begin(), sizes.end());
    sizes.erase(std::unique(sizes.begin(), sizes.end()), sizes.end());
    return sizes;
}

const SizeEvaluation* EvaluationReport::best() const {
    const SizeEvaluation* b = nullptr;
    for (const auto& s : sizes)
        if (!b || s.top1 > b->top1) b = &s;
    return b;
}

std::vector<ClassScore> classScores(const std::vector<std::int64_t>& confusion,
                                    const std::vector<std::string>& classes) {
    const std::size_t c = classes.size();
    if (confusion.size() != c * c)
        throw std::invalid_argument("a confusion matrix of " + std::to_string(confusion.size()) +
                                    " cells for " + std::to_string(c) + " classes");
    std::vector<ClassScore> out(c);
    std::vector<std::int64_t> predictedAs(c, 0);
    for (std::size_t t = 0; t < c; ++t)
        for (std::size_t p = 0; p < c; ++p)
            predictedAs[p] += confusion[t * c + p];
    for (std::size_t t = 0; t < c; ++t) {
        ClassScore& s = out[t];
        s.name = classes[t];
        for (std::size_t p = 0; p < c; ++p) {
            const std::int64_t v = confusion[t * c + p];
            s.images += v;
            if (p != t && v > s.confusedImages) {
                s.confusedImages = v;
                s.confusedWith = int(p);
            }
        }
        s.correct = confusion[t * c + t];
        if (s.images > 0) s.recall = double(s.correct) / double(s.images);
        if (predictedAs[t] > 0) s.precision = double(s.correct) / double(predictedAs[t]);
    }
    return out;
}

std::string evaluationCsv(const EvaluationReport& r) {
    std::ostringstream os;
    os.precision(8);
    const auto cell = [](double v) {
        std::ostringstream c;
        c.precision(8);
        if (std::isfinite(v)) c << v;
        return c.str();
    };
    os << "image_size,class,images,correct,recall,precision,top1,top" << r.topK << ",loss\n";
    for (const auto& size : r.sizes)
        for (const auto& c : classScores(size.confusion, r.classes))
            os << size.imageSize << ',' << csvField(c.name) << ',' << c.images << ',' << c.correct
               << ',' << cell(c.recall) << ',' << cell(c.precision) << ',' << cell(size.top1) << ','
               << cell(size.topK) << ',' << cell(size.loss) << '\n';
    return os.str();
}

EvaluationReport evaluateRun(const std::string& runDir, const EvaluationRequest& request,
                             const EvaluationCancel& cancelled,
                             const EvaluationProgress& progress) {
    validate(request);
    const TrainedRun run = readTrainedRun(runDir);
    TrainingSettings t = run.config.training;
    if (request.samples >= 0) t.valSamples = request.samples;

    EvaluationReport report;
    report.runDir = runDir;
    report.model = run.model;
    report.plannedEpochs = t.epochs;
    report.validatedSize = run.sizes.validated;
    report.trainingSizes = run.sizes.training;
    const std::vector<int> sizes =
        request.imageSizes.empty() ? std::vector<int>{report.validatedSize} : request.imageSizes;

    const torch::Device dev = scoringDevice(request.device, t.device, "evaluation.device");
    const bool bf16 = dev.is_cuda() && t.precision != "fp32";
    const int batch = request.batch > 0 ? request.batch : t.batchSize * kEvalBatchFactor;
    report.device = dev.is_cuda() ? "cuda:" + std::to_string(int(dev.index())) : "cpu";
    if (!dev.is_cuda()) { // before anything is allocated: the largest size must fit
        ScaledArch atLargest = run.arch;
        atLargest.resolution = *std::max_element(sizes.begin(), sizes.end());
        requireHostMemory(inferenceMemory(computeCosts(atLargest), false), batch,
                          request.batch > 0 ? "evaluation.batch" : "training.batch_size",
                          "evaluating " + report.model + " at batch " + std::to_string(batch) +
                              " and " + std::to_string(atLargest.resolution) + " px on the CPU");
    }

    Dataset data = loadDataset(t, run.storeSize, /*withTrain=*/false);
    if (data.val.size() < 1) throw ValidationError("training.dataset", "has no test images");
    report.dataset = data.name;
    report.classes = data.classes;
    report.images = data.val.size();
    const int classes = int(data.classes.size());
    report.topK = std::min(kTopK, classes);

    // The weights the run validated (the EMA's where it kept one), or its trained ones.
    TrainedWeights loaded = loadTrainedWeights(run, classes, data.channels, request.trainedWeights);
    ScaledNet model = loaded.model;
    report.weights = loaded.weights;
    report.epochsTrained = loaded.epochsTrained;
    model->to(dev);
    toChannelsLast(*model);
    if (dev.is_cuda()) {
        data.val.images = data.val.images.to(dev);
        data.val.labels = data.val.labels.to(dev);
    }

    const std::int64_t total = report.images * std::int64_t(sizes.size());
    std::int64_t doneBefore = 0;
    const ThreadCountGuard threads; // set for each size below, as a training step's are
    for (int size : sizes) {
        const auto t0 = std::chrono::steady_clock::now();
        if (!dev.is_cuda()) setCpuThreadsFor(run.arch, size, batch);
        SplitScores s;
        try {
            s = scoreSplit(model, data.val, size, batch, dev, bf16, classes,
                           [&](std::int64_t done) {
                               if (progress) progress(doneBefore + done, total);
                               return !(cancelled && cancelled());
                           });
        } catch (const c10::Error& e) {
            const std::string what = e.what_without_backtrace();
            if (what.find("out of memory") != std::string::npos)
                throw std::runtime_error("out of memory at batch " + std::to_string(batch) +
                                         " and " + std::to_string(size) + " px: try a batch of " +
                                         std::to_string(std::max(1, batch / 2)));
            throw std::runtime_error("LibTorch: " + firstLine(what));
        }
        if (s.stopped) throw EvaluationCancelled();
        SizeEvaluation r;
        r.imageSize = size;
        r.loss = s.loss;
        r.top1 = s.top1;
        r.topK = s.topK;
        r.confusion = std::move(s.confusion);
        r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        report.sizes.push_back(std::move(r));
        doneBefore += report.images;
    }
    return report;
}

} // namespace scalescope::train
