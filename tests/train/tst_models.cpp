// LibTorch models built from specs: parameter counts equal the analytic ones, shapes, names.
#include "scaling/costs.h"
#include "scaling/presets.h"
#include "train/engine.h"
#include "train/models.h"
#include "train/torchsave.h"

#include <QtTest>

using namespace scalescope;
using namespace scalescope::train;

class TestModels : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void initTestCase() { torch::set_num_threads(2); }
    void paramsMatchCostModel_data();
    void paramsMatchCostModel();
    void outputShapes_data();
    void outputShapes();
    void timmNames();
    void timmKeysAndShapes_data();
    void timmKeysAndShapes();
    void resnetNames();
    void zeroLastInit_data();
    void zeroLastInit();
    void weightsPickleRoundTrip();
    void emaAveragesWeightsAndStatistics();
    void foreachSgdMatchesTorchSgd_data();
    void foreachSgdMatchesTorchSgd();
    void graphedStepRefusesTheCpu();
    void weightDecayOnKernelsOnly_data();
    void weightDecayOnKernelsOnly();
    void singleGroupOptimizerStateIsRefused();
    void depthwiseConvMatchesFullKernel_data();
    void depthwiseConvMatchesFullKernel();
};

void TestModels::paramsMatchCostModel_data() {
    QTest::addColumn<QString>("preset");
    QTest::addColumn<int>("fusedStages"); // the first N stages made Fused-MBConv (with SE)
    for (const auto& n : presetNames())
        QTest::newRow(n.c_str()) << QString::fromStdString(n) << 0;
    // The stage table's block-type edit: B0's early stages as EfficientNetV2 builds them,
    // keeping B0's squeeze-and-excitation (stage 1 has no expansion, stages 2-3 have).
    QTest::newRow("efficientnet-b0, fused 1-3") << "efficientnet-b0" << 3;
    QTest::newRow("efficientnet-b3, fused 1-3") << "efficientnet-b3" << 3;
}

void TestModels::paramsMatchCostModel() {
    QFETCH(QString, preset);
    QFETCH(int, fusedStages);
    const Preset p = findPreset(preset.toStdString());
    ArchSpec spec = baselineSpec(p.baseline);
    for (int i = 0; i < fusedStages; ++i)
        spec.stages[size_t(i)].block = BlockType::FusedMBConv;
    validate(spec);
    const ScaledArch arch = scale(spec, p.request);
    torch::NoGradGuard ng;
    ScaledNet net(arch, arch.baseline.numClasses, arch.baseline.inChannels);
    QCOMPARE(qint64(countParameters(*net)), qint64(computeCosts(arch).params));
}

void TestModels::outputShapes_data() {
    QTest::addColumn<QString>("preset");
    QTest::addColumn<int>("resolution");
    QTest::addColumn<int>("channels");
    QTest::addColumn<int>("side");
    QTest::newRow("b0@64 rgb") << "efficientnet-b0" << 64 << 3 << 2;
    QTest::newRow("b0@33 gray") << "efficientnet-b0" << 33 << 1 << 2;
    QTest::newRow("v2s@96") << "efficientnetv2-s" << 96 << 3 << 3;
    QTest::newRow("rs50@64") << "resnet-rs-50" << 64 << 3 << 2;
    QTest::newRow("rs50@40 gray") << "resnet-rs-50" << 40 << 1 << 2;
}

void TestModels::outputShapes() {
    QFETCH(QString, preset);
    QFETCH(int, resolution);
    QFETCH(int, channels);
    QFETCH(int, side);
    ScalingRequest r;
    r.resolution = resolution;
    const ScaledArch arch = scale(baselineSpec(preset.toStdString()), r);
    ScaledNet net(arch, 7, channels);
    net->eval();
    torch::NoGradGuard ng;
    const auto x = torch::randn({2, channels, resolution, resolution});
    const auto f = net->features(x);
    QCOMPARE(f.size(2), int64_t(side));
    QCOMPARE(f.size(3), int64_t(side));
    // The cost model predicts the same final grid.
    const CostReport c = computeCosts(arch);
    QCOMPARE(int(f.size(2)), c.layers[c.layers.size() - 2].outH);
    const auto y = net->forward(x);
    QCOMPARE(y.sizes().vec(), (std::vector<int64_t>{2, 7}));
}

void TestModels::timmNames() {
    const ScaledArch arch = scale(baselineSpec("efficientnet-b0"), ScalingRequest{});
    ScaledNet net(arch, 1000, 3);
    const auto params = net->named_parameters();
    const auto buffers = net->named_buffers();
    for (const char* key :
         {"conv_stem.weight", "bn1.weight", "blocks.0.0.conv_dw.weight",
          "blocks.0.0.se.conv_reduce.bias", "blocks.0.0.conv_pw.weight", "blocks.0.0.bn2.bias",
          "blocks.1.0.conv_pw.weight", "blocks.1.0.conv_dw.weight", "blocks.1.0.conv_pwl.weight",
          "blocks.1.0.bn3.weight", "blocks.6.0.se.conv_expand.weight", "conv_head.weight",
          "bn2.weight", "classifier.weight"})
        QVERIFY2(params.contains(key), key);
    QVERIFY(buffers.contains("bn2.running_var"));
    QVERIFY(buffers.contains("blocks.5.3.bn3.num_batches_tracked"));
    QCOMPARE(params["blocks.1.0.conv_dw.weight"].sizes().vec(),
             (std::vector<int64_t>{96, 1, 3, 3}));
    QCOMPARE(params["blocks.0.0.se.conv_reduce.weight"].sizes().vec(),
             (std::vector<int64_t>{8, 32, 1, 1}));
    const ScaledArch v2 = scale(baselineSpec("efficientnetv2-s"), ScalingRequest{});
    ScaledNet netV2(v2, 1000, 3);
    const auto p2 = netV2->named_parameters();
    QVERIFY(p2.contains("blocks.0.0.conv.weight"));     // ConvBnAct ("cn")
    QVERIFY(p2.contains("blocks.1.0.conv_exp.weight")); // EdgeResidual ("er")
    QVERIFY(p2.contains("blocks.1.0.conv_pwl.weight"));
}

void TestModels::timmKeysAndShapes_data() {
    QTest::addColumn<QString>("key");
    QTest::addColumn<QList<qint64>>("shape");
    // Entries of a timm EfficientNet-B0 state_dict (timm.models.efficientnet.EfficientNet).
    QTest::newRow("stem") << "conv_stem.weight" << QList<qint64>{32, 3, 3, 3};
    QTest::newRow("ds se reduce") << "blocks.0.0.se.conv_reduce.weight"
                                  << QList<qint64>{8, 32, 1, 1};
    QTest::newRow("ds pw") << "blocks.0.0.conv_pw.weight" << QList<qint64>{16, 32, 1, 1};
    QTest::newRow("ds bn2") << "blocks.0.0.bn2.running_var" << QList<qint64>{16};
    QTest::newRow("ir expand") << "blocks.1.0.conv_pw.weight" << QList<qint64>{96, 16, 1, 1};
    QTest::newRow("ir se 96") << "blocks.1.0.se.conv_reduce.weight" << QList<qint64>{4, 96, 1, 1};
    QTest::newRow("ir se 144") << "blocks.1.1.se.conv_reduce.weight" << QList<qint64>{6, 144, 1, 1};
    QTest::newRow("ir pwl") << "blocks.1.1.conv_pwl.weight" << QList<qint64>{24, 144, 1, 1};
    QTest::newRow("dw 5x5") << "blocks.2.0.conv_dw.weight" << QList<qint64>{144, 1, 5, 5};
    QTest::newRow("se 240") << "blocks.2.1.se.conv_reduce.weight" << QList<qint64>{10, 240, 1, 1};
    QTest::newRow("se expand") << "blocks.2.1.se.conv_expand.bias" << QList<qint64>{240};
    QTest::newRow("se 480") << "blocks.3.1.se.conv_reduce.weight" << QList<qint64>{20, 480, 1, 1};
    QTest::newRow("stage 7 se") << "blocks.6.0.se.conv_reduce.weight"
                                << QList<qint64>{48, 1152, 1, 1};
    QTest::newRow("stage 7 pwl") << "blocks.6.0.conv_pwl.weight" << QList<qint64>{320, 1152, 1, 1};
    QTest::newRow("batches tracked") << "bn1.num_batches_tracked" << QList<qint64>{};
}

void TestModels::timmKeysAndShapes() {
    QFETCH(QString, key);
    QFETCH(QList<qint64>, shape);
    static ScaledNet net(scale(baselineSpec("efficientnet-b0"), ScalingRequest{}), 1000, 3);
    std::map<std::string, torch::Tensor> state;
    for (const auto& p : net->named_parameters())
        state[p.key()] = p.value();
    for (const auto& b : net->named_buffers())
        state[b.key()] = b.value();
    const auto it = state.find(key.toStdString());
    QVERIFY2(it != state.end(), qPrintable(key));
    QCOMPARE(it->second.sizes().vec(), std::vector<int64_t>(shape.begin(), shape.end()));
    if (key.endsWith("num_batches_tracked")) QCOMPARE(it->second.scalar_type(), torch::kInt64);
}

void TestModels::resnetNames() {
    const ScaledArch arch = scale(baselineSpec("resnet-rs-50"), ScalingRequest{});
    ScaledNet net(arch, 1000, 3);
    const auto p = net->named_parameters();
    for (const char* key : {"conv1.0.weight", "conv1.6.weight", "bn1.weight", "maxpool.0.weight",
                            "layer1.0.conv1.weight", "layer1.0.downsample.1.weight",
                            "layer2.0.downsample.2.weight", "layer4.2.se.fc1.weight", "fc.weight"})
        QVERIFY2(p.contains(key), key);
    // ResNet-RS starts every residual branch at zero.
    QCOMPARE(p["layer3.4.bn3.weight"].abs().sum().item<double>(), 0.0);
}

namespace {
ScaledArch quarterB0() { // EfficientNet-B0 at a quarter width and depth: small and quick
    ScalingRequest r;
    r.mode = ScalingRequest::Mode::Explicit;
    r.width = 0.25;
    r.depth = 0.25;
    return scale(baselineSpec("efficientnet-b0"), r);
}
} // namespace

void TestModels::zeroLastInit_data() {
    QTest::addColumn<QString>("preset");
    QTest::addColumn<bool>("zeroLast");
    for (const char* n : {"efficientnet-b0", "efficientnetv2-s", "resnet-rs-50"}) {
        QTest::addRow("%s, zero-last", n) << n << true;
        QTest::addRow("%s, timm", n) << n << false;
    }
}

// With zero-last every residual block is the identity at the start (its branch adds exactly
// zero) and the logits are zero; with timm's initialisation only ResNet-RS blocks are.
void TestModels::zeroLastInit() {
    QFETCH(QString, preset);
    QFETCH(bool, zeroLast);
    ScalingRequest r;
    r.mode = ScalingRequest::Mode::Explicit;
    r.width = 0.25;
    r.depth = 0.5;
    const ScaledArch arch = scale(baselineSpec(preset.toStdString()), r);
    const bool resnet = arch.baseline.family == Family::ResNetRS;
    torch::manual_seed(3);
    ScaledNet net(arch, 10, 3, zeroLast ? ModelInit::ZeroLast : ModelInit::Timm);
    torch::NoGradGuard ng;
    const auto geometry = expandBlocks(arch);
    std::vector<std::shared_ptr<BlockBase>> blocks;
    for (const auto& m : net->modules(/*include_self=*/false))
        if (auto b = std::dynamic_pointer_cast<BlockBase>(m)) blocks.push_back(b);
    QCOMPARE(blocks.size(), geometry.size());
    int identities = 0, expected = 0;
    for (size_t i = 0; i < blocks.size(); ++i) {
        const BlockGeometry& g = geometry[i];
        // A Fused-MBConv without expansion ends in BatchNorm + SiLU and keeps its init.
        const bool zeroable = g.residual && (resnet || g.type == BlockType::MBConv || g.expand);
        const bool identityShortcut = g.residual && !g.downsample;
        if (zeroable && identityShortcut && (zeroLast || resnet)) ++expected;
        if (!identityShortcut) continue;
        blocks[i]->eval();
        auto x = torch::randn({2, g.inChannels, 8, 8}).abs(); // ResNet ends in ReLU
        if (blocks[i]->forward(x).equal(x)) ++identities;
    }
    QVERIFY(expected > 0 || !zeroLast);
    QCOMPARE(identities, expected);
    net->train();
    const auto logits = net->forward(torch::randn({2, 3, 64, 64}));
    QCOMPARE(logits.abs().max().item<double>() == 0.0, zeroLast);
}

void TestModels::weightsPickleRoundTrip() {
    const ScaledArch arch = quarterB0();
    ScaledNet net(arch, 10, 3);
    NamedTensors tensors;
    for (const auto& p : net->named_parameters())
        tensors.emplace_back(p.key(), p.value());
    for (const auto& b : net->named_buffers()) // int64 num_batches_tracked: 0-dim
        tensors.emplace_back(b.key(), b.value());
    tensors.emplace_back("strided", torch::arange(12, torch::kFloat32).view({3, 4}).t());
    tensors.emplace_back("numel over 255", torch::full({300}, 7, torch::kInt64));
    const auto bytes = torchSaveBytes(tensors);
    // torch.save's format: a zip archive whose first entry is data.pkl.
    QVERIFY(bytes.size() > 4 && bytes[0] == 'P' && bytes[1] == 'K');
    const auto back = torch::pickle_load(bytes).toGenericDict();
    QCOMPARE(int(back.size()), int(tensors.size()));
    for (const auto& [name, t] : tensors) {
        const auto u = back.at(name).toTensor();
        QVERIFY2(u.dtype() == t.dtype() && u.sizes() == t.sizes(), name.c_str());
        QVERIFY2(u.equal(t.contiguous()), name.c_str());
    }
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             torchSaveBytes({{"c", torch::zeros({2}, torch::kComplexFloat)}}));
}

// EMA as timm's: parameters and BatchNorm statistics averaged alike, counters copied, and
// the decay warming up (the first update keeps 10% of the old weights).
void TestModels::emaAveragesWeightsAndStatistics() {
    const ScaledArch arch = quarterB0();
    ScaledNet model(arch, 10, 3), ema(arch, 10, 3);
    {
        torch::NoGradGuard ng;
        for (auto& p : ema->parameters())
            p.fill_(1.0);
        for (auto& p : model->parameters())
            p.fill_(3.0);
        for (auto& b : ema->named_buffers())
            b.value().fill_(b.key().find("num_batches") != std::string::npos ? 0 : 1);
        for (auto& b : model->named_buffers())
            b.value().fill_(b.key().find("num_batches") != std::string::npos ? 7 : 3);
    }
    QCOMPARE(emaDecayAt(0.999, 0), 0.1);
    QCOMPARE(emaDecayAt(0.999, 1000000), 0.999);
    updateEma(model, ema, 0.25); // 0.25 * 1 + 0.75 * 3 = 2.5
    for (const auto& p : ema->named_parameters())
        QVERIFY2(p.value().eq(2.5).all().item<bool>(), p.key().c_str());
    for (const auto& b : ema->named_buffers()) {
        const bool counter = b.key().find("num_batches") != std::string::npos;
        QVERIFY2(b.value().eq(counter ? 7.0 : 2.5).all().item<bool>(), b.key().c_str());
    }
}

void TestModels::foreachSgdMatchesTorchSgd_data() {
    QTest::addColumn<double>("momentum");
    QTest::addColumn<bool>("nesterov");
    QTest::addColumn<double>("weightDecay");
    QTest::newRow("nesterov, decay") << 0.9 << true << 1e-2;
    QTest::newRow("momentum, no decay") << 0.9 << false << 0.0;
    QTest::newRow("plain SGD") << 0.0 << false << 1e-3;
}

// The engine's multi-tensor SGD gives torch::optim::SGD's parameters step for step, and its
// state saves and loads like SGD's (a resumed run continues the same momentum).
void TestModels::foreachSgdMatchesTorchSgd() {
    QFETCH(double, momentum);
    QFETCH(bool, nesterov);
    QFETCH(double, weightDecay);
    torch::manual_seed(3);
    auto a = torch::nn::Linear(5, 3), b = torch::nn::Linear(5, 3), c = torch::nn::Linear(5, 3);
    {
        torch::NoGradGuard ng;
        for (auto* copy : {&b, &c}) {
            (*copy)->weight.copy_(a->weight);
            (*copy)->bias.copy_(a->bias);
        }
    }
    const auto o = torch::optim::SGDOptions(0.1).momentum(momentum).nesterov(nesterov).weight_decay(
        weightDecay);
    torch::optim::SGD ref(a->parameters(), o);
    ForeachSGD fast(b->parameters(), o);
    // The CUDA-graph mode: the learning rate comes from a tensor, whatever the options say.
    ForeachSGD fromTensor(c->parameters(), torch::optim::SGDOptions(o).lr(99.0));
    const auto lr = torch::zeros({});
    fromTensor.setLearningRateTensor(lr);
    const auto x = torch::randn({8, 5});
    for (int step = 0; step < 4; ++step) {
        const double rate = 0.1 / (step + 1); // a schedule: the rate changes every step
        setLearningRate(ref, rate);
        setLearningRate(fast, rate);
        lr.fill_(rate);
        ref.zero_grad();
        fast.zero_grad();
        fromTensor.zero_grad();
        a(x).pow(2).mean().backward();
        b(x).pow(2).mean().backward();
        c(x).pow(2).mean().backward();
        ref.step();
        fast.step();
        fromTensor.step();
        QVERIFY(torch::allclose(a->weight, b->weight, 1e-6, 1e-7));
        QVERIFY(torch::allclose(a->bias, b->bias, 1e-6, 1e-7));
        QVERIFY(torch::allclose(a->weight, c->weight, 1e-6, 1e-7));
        QVERIFY(torch::allclose(a->bias, c->bias, 1e-6, 1e-7));
    }
    if (momentum > 0) { // the momentum buffers travel through a checkpoint
        torch::serialize::OutputArchive out;
        fast.save(out);
        std::ostringstream os;
        out.save_to(os);
        ForeachSGD again(b->parameters(), o);
        torch::serialize::InputArchive in;
        std::istringstream is(os.str());
        in.load_from(is);
        again.load(in);
        QCOMPARE(int(again.state().size()), 2);
    }
}

// The trainer asks supported() and the device before building a GraphedTrainStep; built
// anyway on the CPU it refuses by name rather than touching CUDA.
void TestModels::graphedStepRefusesTheCpu() {
    ScaledNet model(quarterB0(), 10, 3);
    ForeachSGD opt(model->parameters(), torch::optim::SGDOptions(0.1).momentum(0.9));
    try {
        GraphedTrainStep step(model, opt, 0.1, false, torch::kCPU);
        QFAIL("a CPU device was accepted");
    } catch (const std::invalid_argument& e) {
        const std::string why = e.what();
        QVERIFY2(why.find("CUDA") != std::string::npos, e.what());
    }
}

void TestModels::weightDecayOnKernelsOnly_data() {
    QTest::addColumn<QString>("optimizer");
    QTest::newRow("sgd") << "sgd";
    QTest::newRow("rmsprop") << "rmsprop";
}

// timm's default: conv and linear kernels decay, BatchNorm weights and biases do not. With
// zero gradients and no momentum one step is the decay alone: kernels shrink, vectors stay.
void TestModels::weightDecayOnKernelsOnly() {
    QFETCH(QString, optimizer);
    ScaledNet model(quarterB0(), 10, 3);
    TrainingSettings t;
    t.optimizer = optimizer.toStdString();
    t.momentum = 0;
    t.learningRate = 0.5;
    t.weightDecay = 0.2;
    auto opt = makeOptimizer(t, model);
    QCOMPARE(int(opt->param_groups().size()), 2);
    std::size_t grouped = 0;
    for (auto& group : opt->param_groups())
        grouped += group.params().size();
    QCOMPARE(grouped, model->parameters().size());
    const DecaySplit split = splitForWeightDecay(model);
    QVERIFY(!split.decayed.empty() && !split.plain.empty());
    std::vector<torch::Tensor> before;
    for (const auto& p : model->parameters()) {
        before.push_back(p.detach().clone());
        p.mutable_grad() = torch::zeros_like(p);
    }
    opt->step();
    const auto after = model->parameters();
    for (std::size_t i = 0; i < after.size(); ++i) {
        if (before[i].abs().max().item<double>() == 0) continue; // nothing to shrink
        const bool same = torch::equal(after[i], before[i]);
        QVERIFY2(after[i].dim() > 1 ? !same : same, qPrintable(QString::number(i)));
    }
    if (optimizer == "sgd") // SGD: w - lr * wd * w exactly
        QVERIFY(torch::allclose(split.decayed[0], before[0] * (1 - 0.5 * 0.2)));
}

// A checkpoint of the version that kept every parameter in one group does not fit the two
// groups: the state is refused (loadOptimizerState false, nothing half-loaded) rather than
// the resume failing; a checkpoint of this version loads with its momentum.
void TestModels::singleGroupOptimizerStateIsRefused() {
    ScaledNet model(quarterB0(), 10, 3);
    TrainingSettings t;
    t.weightDecay = 1e-4;
    auto save = [](torch::optim::Optimizer& o) {
        torch::serialize::OutputArchive out;
        o.save(out);
        std::ostringstream os;
        out.save_to(os);
        return os.str();
    };
    auto load = [](torch::optim::Optimizer& o, const std::string& bytes) {
        torch::serialize::InputArchive in;
        std::istringstream is(bytes);
        in.load_from(is);
        return loadOptimizerState(o, in);
    };
    auto step = [&](torch::optim::Optimizer& o) {
        for (auto& p : model->parameters())
            p.mutable_grad() = torch::ones_like(p);
        o.step();
    };
    ForeachSGD old(model->parameters(), torch::optim::SGDOptions(0.1).momentum(0.9));
    step(old);
    auto current = makeOptimizer(t, model);
    QVERIFY(!load(*current, save(old)));
    QCOMPARE(int(current->state().size()), 0);
    step(*current);
    auto again = makeOptimizer(t, model);
    QVERIFY(load(*again, save(*current)));
    QCOMPARE(again->state().size(), model->parameters().size());
}

// Maps smaller than the kernel (taps dropped) and larger ones (plain), both layouts, odd
// kernels as specs allow: outputs and both gradients equal those of the full kernel with
// "same" padding.
void TestModels::depthwiseConvMatchesFullKernel_data() {
    QTest::addColumn<int>("height");
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("kernel");
    QTest::addColumn<int>("stride");
    QTest::addColumn<bool>("channelsLast");
    QTest::newRow("1x1, k5") << 1 << 1 << 5 << 1 << false;
    QTest::newRow("1x1, k3, NHWC") << 1 << 1 << 3 << 1 << true;
    QTest::newRow("2x2, k5") << 2 << 2 << 5 << 1 << true;
    QTest::newRow("2x2, k5, stride 2") << 2 << 2 << 5 << 2 << true;
    QTest::newRow("1x1, k5, stride 2") << 1 << 1 << 5 << 2 << false;
    QTest::newRow("3x3, k5, stride 2") << 3 << 3 << 5 << 2 << false;
    QTest::newRow("4x4, k5, stride 2") << 4 << 4 << 5 << 2 << true;
    QTest::newRow("2x3, k5") << 2 << 3 << 5 << 1 << false;
    QTest::newRow("1x4, k3, stride 2") << 1 << 4 << 3 << 2 << true;
    QTest::newRow("5x5, k5 (every tap)") << 5 << 5 << 5 << 1 << true;
    QTest::newRow("6x7, k3, stride 2") << 6 << 7 << 3 << 2 << false;
    QTest::newRow("1x1, k7") << 1 << 1 << 7 << 1 << true;
    QTest::newRow("3x5, k7, stride 2") << 3 << 5 << 7 << 2 << false;
    QTest::newRow("4x4, k15 (the largest a spec allows)") << 4 << 4 << 15 << 1 << true;
}

void TestModels::depthwiseConvMatchesFullKernel() {
    QFETCH(int, height);
    QFETCH(int, width);
    QFETCH(int, kernel);
    QFETCH(int, stride);
    QFETCH(bool, channelsLast);
    constexpr int kChannels = 24, kBatch = 3;
    torch::manual_seed(5);
    const auto format =
        channelsLast ? torch::MemoryFormat::ChannelsLast : torch::MemoryFormat::Contiguous;
    auto x0 = torch::randn({kBatch, kChannels, height, width}).contiguous(format);
    auto w0 = torch::randn({kChannels, 1, kernel, kernel}).contiguous(format);
    auto run = [&](bool full) {
        auto x = x0.clone().requires_grad_(true), w = w0.clone().requires_grad_(true);
        const auto y =
            full ? torch::conv2d(x, w, torch::Tensor(), torch::IntArrayRef{stride, stride},
                                 torch::IntArrayRef{kernel / 2, kernel / 2},
                                 torch::IntArrayRef{1, 1}, kChannels)
                 : depthwiseConv(x, w, stride);
        // A weighted sum, so that every output's gradient differs.
        (y * torch::arange(double(y.numel())).view(y.sizes()).div(y.numel())).sum().backward();
        return std::make_tuple(y.detach(), x.grad(), w.grad());
    };
    const auto [yFull, gxFull, gwFull] = run(true);
    const auto [y, gx, gw] = run(false);
    QCOMPARE(y.sizes().vec(), yFull.sizes().vec());
    QVERIFY2(torch::allclose(y, yFull, 1e-5, 1e-5), "outputs differ");
    QVERIFY2(torch::allclose(gx, gxFull, 1e-5, 1e-5), "input gradients differ");
    QVERIFY2(torch::allclose(gw, gwFull, 1e-5, 1e-5), "weight gradients differ");
}

QTEST_APPLESS_MAIN(TestModels)
#include "tst_models.moc"
