#include "datasets.h"

#include "cputhreads.h"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>
#ifdef SCALESCOPE_HAVE_IMGCODECS
#include <opencv2/imgcodecs.hpp>
#endif
#include <zlib.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <random>
#include <thread>

namespace scalescope::train {

namespace fs = std::filesystem;

namespace {
constexpr double kPi = 3.14159265358979323846;
constexpr std::uint64_t kValSeedOffset = 0x9E3779B97F4A7C15ull; // keeps val apart from train
constexpr int kCifarRecord = 1 + 3 * 32 * 32;
constexpr int kFolderValEvery = 10; // one image in ten is held out when there is no val/

// Whether a class's i-th of n images (sorted by name) is held out for validation where the
// folder has no val/: one in ten, or the last one of a class of 2-9 images, so that a small
// folder still validates each class it can.
bool heldOutForValidation(size_t i, size_t n) {
    if (n < size_t(kFolderValEvery)) return n >= 2 && i == n - 1;
    return i % kFolderValEvery == kFolderValEvery - 1;
}

const std::vector<std::string> kShapes = {"circle", "square",   "triangle", "ellipse", "rectangle",
                                          "star",   "pentagon", "hexagon",  "cross",   "ring"};
const std::vector<std::string> kFashionClasses = {"T-shirt/top", "Trouser",   "Pullover", "Dress",
                                                  "Coat",        "Sandal",    "Shirt",    "Sneaker",
                                                  "Bag",         "Ankle boot"};
const std::vector<std::string> kCifarClasses = {"airplane", "automobile", "bird",  "cat",  "deer",
                                                "dog",      "frog",       "horse", "ship", "truck"};
constexpr int kFashionSize = 28; // Fashion-MNIST's images are 28 x 28 grey
constexpr int kCifarSize = 32;

std::vector<cv::Point> regularPolygon(cv::Point2d c, double r, int n, double rot) {
    std::vector<cv::Point> pts;
    for (int i = 0; i < n; ++i) {
        const double a = rot + 2 * kPi * i / n;
        pts.emplace_back(int(std::lround(c.x + r * std::cos(a))),
                         int(std::lround(c.y + r * std::sin(a))));
    }
    return pts;
}

std::vector<cv::Point> transformed(const std::vector<cv::Point2d>& unit, cv::Point2d c, double r,
                                   double rot) {
    std::vector<cv::Point> pts;
    const double cs = std::cos(rot), sn = std::sin(rot);
    for (const auto& p : unit)
        pts.emplace_back(int(std::lround(c.x + r * (p.x * cs - p.y * sn))),
                         int(std::lround(c.y + r * (p.x * sn + p.y * cs))));
    return pts;
}

cv::Scalar randomColour(std::mt19937_64& rng) {
    std::uniform_int_distribution<int> u(0, 255);
    return cv::Scalar(u(rng), u(rng), u(rng));
}

double colourDistance(const cv::Scalar& a, const cv::Scalar& b) {
    return std::sqrt(std::pow(a[0] - b[0], 2) + std::pow(a[1] - b[1], 2) +
                     std::pow(a[2] - b[2], 2));
}

void renderOne(cv::Mat& img, int cls, bool hard, std::mt19937_64& rng) {
    const int res = img.rows;
    std::uniform_real_distribution<double> u(0.0, 1.0);
    // Easy: a dark plain background and a bright shape. Hard: any colours, clutter, noise.
    std::uniform_int_distribution<int> dark(0, 90), bright(150, 255);
    const cv::Scalar bg = hard ? randomColour(rng) : cv::Scalar(dark(rng), dark(rng), dark(rng));
    img.setTo(bg);
    if (hard) {
        // Clutter: a gradient, random strokes and speckle noise.
        const cv::Scalar bg2 = randomColour(rng);
        for (int y = 0; y < res; ++y) {
            const double t = double(y) / std::max(1, res - 1);
            img.row(y).setTo(bg * (1 - t) + bg2 * t);
        }
        const int strokes = 3 + int(u(rng) * 4);
        for (int i = 0; i < strokes; ++i)
            cv::line(img, {int(u(rng) * res), int(u(rng) * res)},
                     {int(u(rng) * res), int(u(rng) * res)}, randomColour(rng),
                     std::max(1, res / 64), cv::LINE_AA);
    }
    cv::Scalar fg = hard ? randomColour(rng) : cv::Scalar(bright(rng), bright(rng), bright(rng));
    for (int tries = 0; tries < 16 && colourDistance(fg, bg) < 90; ++tries)
        fg = randomColour(rng);
    const double r = res * (hard ? 0.12 + 0.18 * u(rng) : 0.28 + 0.12 * u(rng));
    const double margin = r * 1.05;
    const cv::Point2d c(margin + u(rng) * std::max(0.0, res - 2 * margin),
                        margin + u(rng) * std::max(0.0, res - 2 * margin));
    const double rot = u(rng) * 2 * kPi;
    const int aa = cv::LINE_AA;
    switch (cls) {
    case 0:
        cv::circle(img, c, int(r), fg, cv::FILLED, aa);
        break;
    case 1:
        cv::fillConvexPoly(img, regularPolygon(c, r, 4, rot), fg, aa);
        break;
    case 2:
        cv::fillConvexPoly(img, regularPolygon(c, r, 3, rot), fg, aa);
        break;
    case 3: { // ellipse: clearly flatter than a circle
        const double ratio = hard ? 0.55 + 0.15 * u(rng) : 0.45 + 0.1 * u(rng);
        cv::ellipse(img, c, cv::Size(int(r), int(r * ratio)), rot * 180 / kPi, 0, 360, fg,
                    cv::FILLED, aa);
        break;
    }
    case 4: { // rectangle: elongated, unlike the square
        const double h = hard ? 0.45 + 0.1 * u(rng) : 0.4 + 0.1 * u(rng);
        cv::fillConvexPoly(img, transformed({{-1, -h}, {1, -h}, {1, h}, {-1, h}}, c, r, rot), fg,
                           aa);
        break;
    }
    case 5: { // five-pointed star
        std::vector<cv::Point2d> unit;
        for (int i = 0; i < 10; ++i) {
            const double rr = i % 2 ? 0.42 : 1.0, a = kPi * i / 5;
            unit.emplace_back(rr * std::cos(a), rr * std::sin(a));
        }
        std::vector<std::vector<cv::Point>> poly{transformed(unit, c, r, rot)};
        cv::fillPoly(img, poly, fg, aa);
        break;
    }
    case 6:
        cv::fillConvexPoly(img, regularPolygon(c, r, 5, rot), fg, aa);
        break;
    case 7:
        cv::fillConvexPoly(img, regularPolygon(c, r, 6, rot), fg, aa);
        break;
    case 8: { // plus-shaped cross
        const double t = 0.3;
        std::vector<std::vector<cv::Point>> poly{transformed({{-t, -1},
                                                              {t, -1},
                                                              {t, -t},
                                                              {1, -t},
                                                              {1, t},
                                                              {t, t},
                                                              {t, 1},
                                                              {-t, 1},
                                                              {-t, t},
                                                              {-1, t},
                                                              {-1, -t},
                                                              {-t, -t}},
                                                             c, r, rot)};
        cv::fillPoly(img, poly, fg, aa);
        break;
    }
    default:
        cv::circle(img, c, int(r * 0.8), fg, std::max(2, int(r * 0.35)), aa);
        break; // ring
    }
    if (hard) { // speckle noise, drawn in signed space so it does not saturate one way
        cv::Mat signedImg, noise(img.size(), CV_16SC3);
        cv::RNG local(rng());
        local.fill(noise, cv::RNG::NORMAL, 0, 18);
        img.convertTo(signedImg, CV_16SC3);
        signedImg += noise;
        signedImg.convertTo(img, CV_8UC3);
    }
}

Split fromMats(std::vector<cv::Mat>& mats, const std::vector<std::int64_t>& labels, int channels) {
    Split s;
    const auto n = std::int64_t(mats.size());
    if (n == 0) return s;
    const int h = mats[0].rows, w = mats[0].cols;
    s.images = torch::empty({n, channels, h, w}, torch::kUInt8);
    auto* dst = s.images.data_ptr<std::uint8_t>();
    for (std::int64_t i = 0; i < n; ++i) {
        const cv::Mat& m = mats[size_t(i)];
        for (int y = 0; y < h; ++y) {
            const auto* row = m.ptr<std::uint8_t>(y);
            for (int x = 0; x < w; ++x)
                for (int ch = 0; ch < channels; ++ch)
                    dst[((i * channels + ch) * h + y) * w + x] =
                        row[x * channels + (channels == 3 ? 2 - ch : ch)]; // BGR -> RGB
        }
    }
    s.labels = torch::tensor(labels, torch::kInt64);
    return s;
}

std::vector<std::uint8_t> readGzip(const fs::path& p) {
    gzFile f = gzopen(p.string().c_str(), "rb");
    if (!f) throw ValidationError("training.data_path", p.string() + " is missing or unreadable");
    std::vector<std::uint8_t> out;
    std::array<std::uint8_t, 1 << 16> buf{};
    int n = 0;
    while ((n = gzread(f, buf.data(), unsigned(buf.size()))) > 0)
        out.insert(out.end(), buf.begin(), buf.begin() + n);
    const bool failed = n < 0;
    gzclose(f);
    if (failed)
        throw ValidationError("training.data_path", p.string() + " is not a valid gzip file");
    return out;
}

std::uint32_t bigEndian(const std::vector<std::uint8_t>& d, size_t at) {
    return std::uint32_t(d[at]) << 24 | std::uint32_t(d[at + 1]) << 16 |
           std::uint32_t(d[at + 2]) << 8 | d[at + 3];
}

Split readIdx(const fs::path& images, const fs::path& labels) {
    const auto img = readGzip(images), lab = readGzip(labels);
    if (img.size() < 16 || bigEndian(img, 0) != 2051)
        throw ValidationError("training.data_path", images.string() + " is not an IDX image file");
    if (lab.size() < 8 || bigEndian(lab, 0) != 2049)
        throw ValidationError("training.data_path", labels.string() + " is not an IDX label file");
    const std::int64_t n = bigEndian(img, 4), h = bigEndian(img, 8), w = bigEndian(img, 12);
    const std::int64_t nl = bigEndian(lab, 4);
    if (h <= 0 || w <= 0 || h > 4096 || w > 4096)
        throw ValidationError("training.data_path", images.string() + " has an absurd image size");
    const std::int64_t usable = std::min(
        {n, nl, std::int64_t((img.size() - 16) / size_t(h * w)), std::int64_t(lab.size() - 8)});
    Split s;
    s.images = torch::from_blob(const_cast<std::uint8_t*>(img.data() + 16), {usable, 1, h, w},
                                torch::kUInt8)
                   .clone();
    std::vector<std::int64_t> l(lab.begin() + 8, lab.begin() + 8 + usable);
    s.labels = torch::tensor(l, torch::kInt64);
    return s;
}

Split subset(const Split& s, std::int64_t n, std::uint64_t seed) {
    if (n <= 0 || n >= s.size()) return s;
    auto gen = at::detail::createCPUGenerator(seed);
    const auto idx = torch::randperm(s.size(), gen, torch::kInt64).slice(0, 0, n);
    return {s.images.index_select(0, idx), s.labels.index_select(0, idx)};
}

Dataset loadCifar(const std::string& path) {
    fs::path root(path);
    if (!fs::exists(root / "test_batch.bin") && fs::exists(root / "cifar-10-batches-bin"))
        root /= "cifar-10-batches-bin";
    if (!fs::is_directory(root))
        throw ValidationError("training.data_path",
                              path + " is not a folder with CIFAR-10's binary batches");
    Dataset d;
    d.name = "cifar10";
    d.classes = kCifarClasses;
    auto read = [&](const std::vector<std::string>& files) {
        std::vector<std::uint8_t> pixels;
        std::vector<std::int64_t> labels;
        for (const auto& name : files) {
            std::ifstream f(root / name, std::ios::binary);
            if (!f) {
                ++d.skippedFiles;
                continue;
            }
            std::vector<char> rec(kCifarRecord);
            while (f.read(rec.data(), kCifarRecord)) {
                const int label = static_cast<unsigned char>(rec[0]);
                if (label > 9) {
                    ++d.skippedFiles;
                    continue;
                } // corrupt record
                labels.push_back(label);
                pixels.insert(pixels.end(), rec.begin() + 1, rec.end());
            }
            if (f.gcount() != 0) ++d.skippedFiles; // truncated last record
        }
        Split s;
        if (labels.empty()) return s;
        const auto n = std::int64_t(labels.size());
        s.images =
            torch::from_blob(pixels.data(), {n, 3, kCifarSize, kCifarSize}, torch::kUInt8).clone();
        s.labels = torch::tensor(labels, torch::kInt64);
        return s;
    };
    d.train = read({"data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin",
                    "data_batch_5.bin"});
    d.val = read({"test_batch.bin"});
    if (d.train.size() == 0 || d.val.size() == 0)
        throw ValidationError(
            "training.data_path",
            path + " has no readable CIFAR-10 batches (data_batch_N.bin, test_batch.bin)");
    return d;
}

// The shorter side to `size` (INTER_AREA: no aliasing when it shrinks), then the centred square.
[[maybe_unused]] cv::Mat centredSquare(const cv::Mat& m, int size) {
    const double s = double(size) / std::min(m.rows, m.cols);
    cv::Mat r;
    cv::resize(m, r,
               cv::Size(std::max(size, int(std::lround(m.cols * s))),
                        std::max(size, int(std::lround(m.rows * s)))),
               0, 0, cv::INTER_AREA);
    return r(cv::Rect((r.cols - size) / 2, (r.rows - size) / 2, size, size)).clone();
}

// An image folder's classes: its subfolders (of train/ where it is split), sorted.
std::vector<std::string> folderClasses(const std::string& path, fs::path* trainRoot = nullptr) {
    const fs::path root(path);
    if (!fs::is_directory(root))
        throw ValidationError("training.data_path", path + " is not a folder");
    const bool presplit = fs::is_directory(root / "train") && fs::is_directory(root / "val");
    const fs::path base = presplit ? root / "train" : root;
    if (trainRoot) *trainRoot = base;
    std::vector<std::string> classes;
    for (const auto& e : fs::directory_iterator(base))
        if (e.is_directory()) classes.push_back(e.path().filename().string());
    std::sort(classes.begin(), classes.end());
    if (classes.size() < 2)
        throw ValidationError("training.data_path",
                              path + " needs one subfolder per class (at least two)");
    return classes;
}

Dataset loadFolder(const std::string& path, int resolution, int threads) {
#ifndef SCALESCOPE_HAVE_IMGCODECS
    (void)resolution, (void)threads;
    throw ValidationError("training.dataset",
                          "image folders need OpenCV's imgcodecs, which this build lacks");
#else
    const fs::path root(path);
    Dataset d;
    d.name = "folder";
    fs::path trainRoot;
    d.classes = folderClasses(path, &trainRoot);
    const bool presplit = trainRoot != root;
    // Readable images per class, over both shares: a class with none is refused by name.
    std::vector<std::int64_t> readable(d.classes.size(), 0);
    auto load = [&](const fs::path& base, int part) { // part: 0 all, 1 train share, 2 val share
        std::vector<fs::path> files;
        std::vector<std::int64_t> fileLabels;
        for (size_t c = 0; c < d.classes.size(); ++c) {
            std::vector<fs::path> inClass;
            if (!fs::is_directory(base / d.classes[c])) continue;
            for (const auto& e : fs::directory_iterator(base / d.classes[c]))
                if (e.is_regular_file() && isImageFile(e.path().string()))
                    inClass.push_back(e.path());
            std::sort(inClass.begin(), inClass.end());
            for (size_t i = 0; i < inClass.size(); ++i) {
                const bool isVal = heldOutForValidation(i, inClass.size());
                if ((part == 1 && isVal) || (part == 2 && !isVal)) continue;
                files.push_back(inClass[i]);
                fileLabels.push_back(std::int64_t(c));
            }
        }
        // Decoding is the work: the files are read on `threads` threads, each into its slot.
        std::vector<cv::Mat> decoded(files.size());
        forEachIndex(files.size(), threads, [&](std::size_t i) {
            try {
                cv::Mat m = cv::imread(files[i].string(), cv::IMREAD_COLOR);
                if (!m.empty()) decoded[i] = centredSquare(m, resolution);
            } catch (const cv::Exception&) { // left empty: counted as skipped below
            }
        });
        std::vector<cv::Mat> mats;
        std::vector<std::int64_t> labels;
        for (size_t i = 0; i < files.size(); ++i) {
            if (decoded[i].empty()) {
                ++d.skippedFiles;
                continue;
            }
            mats.push_back(std::move(decoded[i]));
            labels.push_back(fileLabels[i]);
            ++readable[size_t(fileLabels[i])];
        }
        return fromMats(mats, labels, 3);
    };
    d.train = presplit ? load(root / "train", 0) : load(root, 1);
    d.val = presplit ? load(root / "val", 0) : load(root, 2);
    std::string empty;
    int emptyCount = 0;
    for (size_t c = 0; c < d.classes.size(); ++c)
        if (readable[c] == 0 && ++emptyCount <= 3)
            empty += (empty.empty() ? "" : ", ") + d.classes[c];
    if (emptyCount > 3) empty += " and " + std::to_string(emptyCount - 3) + " more";
    if (emptyCount == int(d.classes.size()))
        throw ValidationError("training.data_path",
                              path + " has no readable images in its class folders");
    if (emptyCount > 0)
        throw ValidationError("training.data_path", path +
                                                        ": no readable images in the class folder" +
                                                        (emptyCount > 1 ? "s " : " ") + empty +
                                                        "; a class needs images to be learned");
    if (d.train.size() == 0)
        throw ValidationError("training.data_path",
                              (root / "train").string() + " has no readable images to train on");
    if (d.val.size() == 0)
        throw ValidationError(
            "training.data_path",
            presplit ? (root / "val").string() + " has no readable images to validate on"
                     : path + " has too few images to hold any back for validation (the last "
                              "of a class of 2-9, or one in ten); add images, or split them "
                              "into train/ and val/ folders");
    return d;
#endif
}
} // namespace

std::vector<std::string> shapeClassNames() {
    return kShapes;
}

std::string defaultFashionMnistPath() {
    return "/usr/share/datasets/fashion-mnist";
}

Split renderShapes(int count, int resolution, bool hard, std::uint64_t seed, int threads) {
    std::vector<cv::Mat> mats(static_cast<size_t>(count));
    std::vector<std::int64_t> labels(static_cast<size_t>(count));
    const int k = int(kShapes.size());
    auto work = [&](int begin, int end) {
        for (int i = begin; i < end; ++i) {
            std::mt19937_64 rng(seed * 1000003ull + std::uint64_t(i)); // per image: order-free
            labels[size_t(i)] = i % k;
            mats[size_t(i)] = cv::Mat(resolution, resolution, CV_8UC3);
            renderOne(mats[size_t(i)], i % k, hard, rng);
        }
    };
    threads = std::max(1, std::min(threads, count / 64 + 1));
    // In runs of 64: each thread takes the next run when it is free.
    const int runs = (count + 63) / 64;
    forEachIndex(std::size_t(runs), threads,
                 [&](std::size_t r) { work(int(r) * 64, std::min(count, int(r + 1) * 64)); });
    return fromMats(mats, labels, 3);
}

Dataset loadDataset(const TrainingSettings& t, int resolution, bool withTrain) {
    const int threads = t.workers;
    if (isSyntheticDataset(t.dataset)) {
        Dataset d;
        d.name = t.dataset;
        d.classes = kShapes;
        const bool hard = t.dataset == "shapes-hard";
        if (withTrain)
            d.train = renderShapes(t.trainSamples > 0 ? t.trainSamples : kDefaultSyntheticTrain,
                                   resolution, hard, t.seed, threads);
        d.val = renderShapes(t.valSamples > 0 ? t.valSamples : kDefaultSyntheticVal, resolution,
                             hard, t.seed ^ kValSeedOffset, threads);
        return d;
    }
    Dataset d;
    if (t.dataset == "fashion-mnist") {
        const fs::path root = t.dataPath.empty() ? defaultFashionMnistPath() : t.dataPath;
        if (!fs::is_directory(root))
            throw ValidationError("training.data_path",
                                  root.string() +
                                      " does not exist (apt-get install dataset-fashion-mnist)");
        d.name = "fashion-mnist";
        d.channels = 1;
        d.classes = kFashionClasses;
        if (withTrain)
            d.train =
                readIdx(root / "train-images-idx3-ubyte.gz", root / "train-labels-idx1-ubyte.gz");
        d.val = readIdx(root / "t10k-images-idx3-ubyte.gz", root / "t10k-labels-idx1-ubyte.gz");
    } else if (t.dataset == "cifar10") {
        d = loadCifar(t.dataPath);
    } else if (t.dataset == "folder") {
        d = loadFolder(t.dataPath, resolution, std::max(threads, availableLogicalCpus()));
    } else {
        throw ValidationError("training.dataset", "unknown dataset \"" + t.dataset + "\"");
    }
    d.train = withTrain ? subset(d.train, t.trainSamples, t.seed) : Split{};
    d.val = subset(d.val, t.valSamples, t.seed + 1);
    return d;
}

const char* const kImageExtensions = ".jpg, .jpeg, .png, .bmp, .webp";

bool isImageFile(const std::string& path) {
    std::string e = fs::path(path).extension().string();
    std::transform(e.begin(), e.end(), e.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    return e == ".jpg" || e == ".jpeg" || e == ".png" || e == ".bmp" || e == ".webp";
}

DatasetInfo datasetInfo(const TrainingSettings& t) {
    DatasetInfo info;
    info.name = t.dataset;
    if (isSyntheticDataset(t.dataset)) {
        info.classes = kShapes;
    } else if (t.dataset == "fashion-mnist") {
        info.classes = kFashionClasses;
        info.channels = 1;
        info.nativeSize = kFashionSize;
    } else if (t.dataset == "cifar10") {
        info.classes = kCifarClasses;
        info.nativeSize = kCifarSize;
    } else if (t.dataset == "folder") {
        info.classes = folderClasses(t.dataPath);
    } else {
        throw ValidationError("training.dataset", "unknown dataset \"" + t.dataset + "\"");
    }
    return info;
}

bool canDecodeImages() {
#ifdef SCALESCOPE_HAVE_IMGCODECS
    return true;
#else
    return false;
#endif
}

DecodedImage loadImageFile(const std::string& path, int channels, int size) {
#ifndef SCALESCOPE_HAVE_IMGCODECS
    (void)path, (void)channels, (void)size;
    throw std::runtime_error("decoding image files needs OpenCV's imgcodecs, which this build "
                             "lacks");
#else
    cv::Mat m;
    try { // OpenCV refuses, by throwing, images beyond its pixel limit (2^30)
        m = cv::imread(path, channels == 1 ? cv::IMREAD_GRAYSCALE : cv::IMREAD_COLOR);
    } catch (const cv::Exception& e) {
        throw std::runtime_error("OpenCV could not decode it (" + e.msg + ")");
    }
    if (m.empty()) {
        if (!fs::is_regular_file(path)) throw std::runtime_error("no such file");
        throw std::runtime_error("not an image OpenCV can decode");
    }
    DecodedImage out;
    out.width = m.cols;
    out.height = m.rows;
    std::vector<cv::Mat> one{centredSquare(m, size)};
    out.pixels = fromMats(one, {0}, channels).images[0];
    return out;
#endif
}

} // namespace scalescope::train
