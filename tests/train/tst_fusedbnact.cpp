// Fused BatchNorm + SiLU against LibTorch's batch_norm and silu: outputs, all three
// gradients, running statistics and the batch count. The CPU rows check the algorithm the
// CUDA kernels share (their chunks and merges); the CUDA rows, where there is a GPU and the
// kernels were built, check the kernels themselves.
#include "scaling/presets.h"
#include "train/engine.h"
#include "train/fusedbnact.h"
#include "train/models.h"

#include <QtTest>

#include <set>

using namespace scalescope;
using namespace scalescope::train;

namespace {
bool cudaKernels() {
    return fusedBatchNormActCompiled() && torch::cuda::is_available();
}

torch::nn::BatchNorm2d makeNorm(int channels, torch::Device dev) {
    torch::nn::BatchNorm2d bn(torch::nn::BatchNorm2dOptions(channels).eps(1e-3).momentum(0.1));
    torch::NoGradGuard ng;
    bn->weight.uniform_(0.5, 1.5);
    bn->bias.uniform_(-0.5, 0.5);
    bn->running_mean.uniform_(-1, 1);
    bn->running_var.uniform_(0.5, 2);
    bn->to(dev);
    bn->train();
    return bn;
}
} // namespace

class TestFusedBnAct : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void initTestCase() { torch::set_num_threads(2); }
    void matchesLibTorch_data();
    void matchesLibTorch();
    void acceptsOnlyWhatItComputes();
    void modelStepMatches_data();
    void modelStepMatches();
};

void TestFusedBnAct::matchesLibTorch_data() {
    QTest::addColumn<QString>("device");
    QTest::addColumn<bool>("bf16");
    QTest::addColumn<QVector<int>>("shape"); // N, C, H, W
    QTest::addColumn<bool>("silu");
    QTest::addColumn<bool>("channelsLast");
    struct Case {
        const char* name;
        QVector<int> shape;
        bool silu, channelsLast;
    };
    // Row counts (N * H * W) that split into several chunks, one, and uneven ones; channel
    // counts below, across and above one tile of 32.
    const Case cases[] = {
        {"1x3x5x7 silu (5 chunks)", {1, 3, 5, 7}, true, true},
        {"4x37x9x9 silu (two tiles, uneven)", {4, 37, 9, 9}, true, true},
        {"2x64x3x3 batchnorm only", {2, 64, 3, 3}, false, true},
        {"8x16x16x16 silu", {8, 16, 16, 16}, true, true},
        {"3x1280x2x2 silu (one chunk)", {3, 1280, 2, 2}, true, true},
        {"2x24x6x5 silu, NCHW input", {2, 24, 6, 5}, true, false},
        {"1x8x1x2 silu (two rows)", {1, 8, 1, 2}, true, true},
    };
    for (const Case& c : cases)
        QTest::newRow(qPrintable(QString("cpu ") + c.name))
            << "cpu" << false << c.shape << c.silu << c.channelsLast;
    if (!cudaKernels()) return; // the CUDA rows need a GPU and the built kernels
    for (const Case& c : cases)
        for (const bool bf16 : {false, true})
            QTest::newRow(qPrintable(QString("cuda ") + (bf16 ? "bf16 " : "fp32 ") + c.name))
                << "cuda" << bf16 << c.shape << c.silu << c.channelsLast;
    QTest::newRow("cuda bf16 256x32x56x56 silu (B0's stem at 112 px)")
        << "cuda" << true << QVector<int>{256, 32, 56, 56} << true << true;
}

void TestFusedBnAct::matchesLibTorch() {
    QFETCH(QString, device);
    QFETCH(bool, bf16);
    QFETCH(QVector<int>, shape);
    QFETCH(bool, silu);
    QFETCH(bool, channelsLast);
    const torch::Device dev(device.toStdString());
    torch::manual_seed(11);
    const std::vector<std::int64_t> sizes(shape.begin(), shape.end());
    // Far from zero mean, so the statistics' numerics matter.
    auto x0 = (torch::randn(sizes) * 3 + 5).to(dev);
    if (bf16) x0 = x0.to(torch::kBFloat16);
    if (channelsLast) x0 = x0.contiguous(torch::MemoryFormat::ChannelsLast);
    const auto weighting = torch::randn(sizes).to(dev);
    auto reference = makeNorm(int(sizes[1]), dev);
    auto fusedNorm = makeNorm(int(sizes[1]), dev);
    {
        torch::NoGradGuard ng;
        for (auto& item : fusedNorm->named_parameters())
            item.value().copy_(reference->named_parameters()[item.key()]);
        for (auto& item : fusedNorm->named_buffers())
            item.value().copy_(reference->named_buffers()[item.key()]);
    }

    // The reference in float from the same (possibly bf16-rounded) input.
    auto xr = x0.to(torch::kFloat32).detach().requires_grad_(true);
    auto yr = reference->forward(xr);
    if (silu) yr = torch::silu(yr);
    (yr * weighting).sum().backward();

    QVERIFY(fusedBatchNormActAccepts(x0, *fusedNorm));
    auto xf = x0.detach().requires_grad_(true);
    const auto yf = fusedBatchNormAct(xf, *fusedNorm, silu);
    QCOMPARE(yf.scalar_type(), x0.scalar_type());
    QCOMPARE(yf.sizes().vec(), sizes);
    QVERIFY(yf.is_contiguous(torch::MemoryFormat::ChannelsLast));
    (yf.to(torch::kFloat32) * weighting).sum().backward();

    // bf16 keeps 8 bits of mantissa: outputs and input gradients are compared at that.
    const double tol = bf16 ? 2e-2 : 1e-4;
    auto close = [&](const torch::Tensor& a, const torch::Tensor& b, double rtol, double atol) {
        return torch::allclose(a.to(torch::kCPU, torch::kFloat32), b.to(torch::kCPU), rtol, atol);
    };
    QVERIFY2(close(yf, yr.detach(), tol, tol), "outputs differ");
    // Input gradients are small differences of large sums: compared against their scale.
    const double gxScale = xr.grad().abs().max().item<double>();
    QVERIFY2(close(xf.grad(), xr.grad(), tol, tol * gxScale), "input gradients differ");
    const double gwScale = reference->weight.grad().abs().max().item<double>();
    QVERIFY2(close(fusedNorm->weight.grad(), reference->weight.grad(), tol, tol * gwScale),
             "weight gradients differ");
    const double gbScale = reference->bias.grad().abs().max().item<double>();
    QVERIFY2(close(fusedNorm->bias.grad(), reference->bias.grad(), tol, tol * gbScale),
             "bias gradients differ");
    QVERIFY2(close(fusedNorm->running_mean, reference->running_mean, 1e-4, 1e-5),
             "running means differ");
    QVERIFY2(close(fusedNorm->running_var, reference->running_var, 1e-3, 1e-4),
             "running variances differ");
    QCOMPARE(fusedNorm->num_batches_tracked.item<std::int64_t>(),
             reference->num_batches_tracked.item<std::int64_t>());
}

void TestFusedBnAct::acceptsOnlyWhatItComputes() {
    const torch::Device cpu(torch::kCPU);
    auto bn = makeNorm(4, cpu);
    const auto x = torch::randn({2, 4, 3, 3});
    QVERIFY(fusedBatchNormActAccepts(x, *bn));
    // One value a channel: batch_norm refuses to train on it, and so does this.
    QVERIFY(!fusedBatchNormActAccepts(torch::randn({1, 4, 1, 1}), *bn));
    QVERIFY(!fusedBatchNormActAccepts(torch::randn({2, 4, 9}), *bn));    // not 4-d
    QVERIFY(!fusedBatchNormActAccepts(torch::randn({2, 5, 3, 3}), *bn)); // other channels
    QVERIFY(!fusedBatchNormActAccepts(x.to(torch::kFloat64), *bn));      // CPU: float only
    bn->eval();
    QVERIFY(!fusedBatchNormActAccepts(x, *bn)); // running statistics: LibTorch's path
    QVERIFY_EXCEPTION_THROWN(fusedBatchNormAct(x, *bn, true), c10::Error);
    bn->train();
    torch::nn::BatchNorm2d cumulative(torch::nn::BatchNorm2dOptions(4).momentum(c10::nullopt));
    QVERIFY(!fusedBatchNormActAccepts(x, *cumulative)); // a cumulative average: not here
    QVERIFY(!fusedBatchNormActAccepts(x.to(torch::kBFloat16), *bn)); // CPU: float only
}

void TestFusedBnAct::modelStepMatches_data() {
    QTest::addColumn<QString>("device");
    QTest::addColumn<int>("size");
    QTest::newRow("cpu, 32 px") << "cpu" << 32;
    if (cudaKernels()) QTest::newRow("cuda, 64 px") << "cuda" << 64;
}

// A whole EfficientNet-B0 training step with the fused operation switched on and off: every
// BatchNorm + SiLU pair of the model goes through it (the stem, the head, and each block's
// expansion and depthwise pairs), and the loss and the weights after the step are the same.
// On the CPU that checks the model's wiring; on the GPU the kernels too.
void TestFusedBnAct::modelStepMatches() {
    QFETCH(QString, device);
    QFETCH(int, size);
    const torch::Device dev(device.toStdString());
    const Preset p = findPreset("efficientnet-b0");
    const ScaledArch arch = scale(baselineSpec(p.baseline), p.request);
    torch::manual_seed(3);
    ScaledNet a(arch, 10, 3), b(arch, 10, 3);
    for (ScaledNet* m : {&a, &b}) {
        (*m)->setDropout(0);
        (*m)->to(dev);
        toChannelsLast(**m);
        (*m)->train();
    }
    copyState(a, b);
    TrainingSettings t;
    auto optA = makeOptimizer(t, a), optB = makeOptimizer(t, b);
    TrainBatch batch;
    batch.x = torch::randn({8, 3, size, size}, torch::TensorOptions().device(dev))
                  .contiguous(torch::MemoryFormat::ChannelsLast);
    batch.labels =
        torch::randint(0, 10, {8}, torch::TensorOptions().dtype(torch::kInt64).device(dev));

    // The fused operations in the autograd graph of one forward pass: B0 has a stem and a head
    // pair, one pair in its first block (no expansion) and two in each of the other 15.
    setFusedBatchNormAct(true);
    int fusedNodes = 0;
    {
        ScaledNet probe(arch, 10, 3);
        probe->to(dev);
        probe->train();
        const torch::Tensor out = probe->forward(batch.x); // keeps its graph alive
        std::vector<torch::autograd::Node*> todo{out.grad_fn().get()};
        std::set<torch::autograd::Node*> seen;
        while (!todo.empty()) {
            torch::autograd::Node* n = todo.back();
            todo.pop_back();
            if (!n || !seen.insert(n).second) continue;
            if (n->name().find("FusedBnAct") != std::string::npos) ++fusedNodes;
            for (const auto& e : n->next_edges())
                todo.push_back(e.function.get());
        }
    }
    QCOMPARE(fusedNodes, 2 + 1 + 2 * 15);

    setFusedBatchNormAct(false);
    torch::manual_seed(4); // drop path draws the same masks in both steps
    const double lossA = trainStep(a, *optA, batch, 0.1, /*bf16=*/false).loss.item<double>();
    setFusedBatchNormAct(true);
    torch::manual_seed(4);
    const double lossB = trainStep(b, *optB, batch, 0.1, /*bf16=*/false).loss.item<double>();
    setFusedBatchNormAct(false);
    QVERIFY2(std::abs(lossA - lossB) < 1e-4 * std::max(1.0, std::abs(lossA)),
             qPrintable(QString("losses %1 and %2").arg(lossA).arg(lossB)));
    // Each tensor to 1e-3 of its largest weight, plus 1e-5: the BatchNorm biases right before
    // a convolution and another BatchNorm get no gradient in exact arithmetic (the second
    // BatchNorm removes the shift), so they hold float noise of about 1e-6 either way.
    const auto pa = a->named_parameters(), pb = b->named_parameters();
    for (const auto& item : pa) {
        const auto& w = item.value();
        const double diff = (w - pb[item.key()]).abs().max().item<double>();
        const double bound = 1e-3 * w.abs().max().item<double>() + 1e-5;
        QVERIFY2(diff <= bound, qPrintable(QString("%1 differs by %2 (bound %3)")
                                               .arg(QString::fromStdString(item.key()))
                                               .arg(diff)
                                               .arg(bound)));
    }
    const auto ba = a->named_buffers(), bb = b->named_buffers();
    for (const auto& item : ba)
        QVERIFY2(torch::allclose(item.value().to(torch::kFloat64),
                                 bb[item.key()].to(torch::kFloat64), 1e-4, 1e-5),
                 qPrintable(QString::fromStdString(item.key() + " differs")));
}

QTEST_APPLESS_MAIN(TestFusedBnAct)
#include "tst_fusedbnact.moc"
