#include "trainflags.h"

namespace scalescope::cli {

const char* const kTrainingFlagsHelp =
    R"(  --dataset D            shapes (default), shapes-hard, fashion-mnist, cifar10, folder
  --data-path P          dataset location (fashion-mnist defaults to Debian's)
  --epochs N             default from the config (4)
  --batch N              batch size
  --lr X                 base learning rate (cosine schedule with warm-up)
  --optimizer O          sgd (Nesterov momentum) or rmsprop
  --schedule S           progressive schedule: paper, code, or fixed (final size only)
  --stages M             progressive stages
  --min-size N --max-size N   image size from S0 to Se
  --eval-size N          validation image size (0 = the last stage's); EfficientNetV2
                         validates above its last training size (S: 300 -> 384)
  --train-samples N --val-samples N   images used (0 = all)
  --weight-decay X       L2 on the convolution and classifier weights (not BatchNorm, biases)
  --label-smoothing X    label smoothing of the loss (0 = off)
  --warmup-epochs X      epochs of linear learning-rate warm-up before the cosine decay
  --dropout-min X --dropout-max X   classifier dropout from the first stage to the last
  --randaugment-min X --randaugment-max X   RandAugment magnitude (0-30), likewise
  --mixup-min X --mixup-max X   mixup's alpha (0 = off), likewise; with --schedule fixed
                         the max of each applies throughout
  --ema X                EMA decay of the weights (0 = off)
  --init I               initial weights: timm (default) or zero-last (every residual
                         branch's last BatchNorm and the classifier at zero)
  --device D             auto, cpu, cuda, cuda:N
  --precision P          auto, fp32, bf16 (CUDA)
  --cuda-graphs on|off   replay each stage's training step from a CUDA graph (default on)
  --cudnn-benchmark on|off   time cuDNN's algorithms for each new image size (default off)
  --checkpoint-every N   steps between checkpoints
  --validate-every N     epochs between validations (default 1; the last always)
  --seed N
)";

namespace {
bool onOff(const std::string& flag, const std::string& v) {
    if (v != "on" && v != "off")
        throw ValidationError(flag, "must be on or off, not \"" + v + "\"");
    return v == "on";
}
} // namespace

const std::vector<std::string>& trainingFlagNames() {
    static const std::vector<std::string> names = {"--dataset",
                                                   "--data-path",
                                                   "--epochs",
                                                   "--batch",
                                                   "--lr",
                                                   "--optimizer",
                                                   "--schedule",
                                                   "--stages",
                                                   "--min-size",
                                                   "--max-size",
                                                   "--eval-size",
                                                   "--train-samples",
                                                   "--val-samples",
                                                   "--weight-decay",
                                                   "--label-smoothing",
                                                   "--warmup-epochs",
                                                   "--dropout-min",
                                                   "--dropout-max",
                                                   "--randaugment-min",
                                                   "--randaugment-max",
                                                   "--mixup-min",
                                                   "--mixup-max",
                                                   "--ema",
                                                   "--init",
                                                   "--device",
                                                   "--precision",
                                                   "--cuda-graphs",
                                                   "--cudnn-benchmark",
                                                   "--checkpoint-every",
                                                   "--validate-every",
                                                   "--seed"};
    return names;
}

void applyTrainingFlags(const Args& a, TrainingSettings& t) {
    if (auto v = a.value("--dataset")) t.dataset = *v;
    if (auto v = a.value("--data-path")) t.dataPath = *v;
    if (auto v = a.integer("--epochs")) t.epochs = *v;
    if (auto v = a.integer("--batch")) t.batchSize = *v;
    if (auto v = a.number("--lr")) t.learningRate = *v;
    if (auto v = a.value("--optimizer")) t.optimizer = *v;
    if (auto v = a.value("--schedule"))
        t.progressive.schedule = scheduleFromString(*v, "--schedule");
    if (auto v = a.integer("--stages")) t.progressive.stages = *v;
    if (auto v = a.integer("--min-size")) t.progressive.minImageSize = *v;
    if (auto v = a.integer("--max-size")) t.progressive.maxImageSize = *v;
    if (auto v = a.integer("--eval-size")) t.progressive.evalImageSize = *v;
    if (auto v = a.integer("--train-samples")) t.trainSamples = *v;
    if (auto v = a.integer("--val-samples")) t.valSamples = *v;
    if (auto v = a.number("--weight-decay")) t.weightDecay = *v;
    if (auto v = a.number("--label-smoothing")) t.labelSmoothing = *v;
    if (auto v = a.number("--warmup-epochs")) t.warmupEpochs = *v;
    ProgressiveSettings& p = t.progressive;
    if (auto v = a.number("--dropout-min")) p.dropoutMin = *v;
    if (auto v = a.number("--dropout-max")) p.dropoutMax = *v;
    if (auto v = a.number("--randaugment-min")) p.randAugmentMin = *v;
    if (auto v = a.number("--randaugment-max")) p.randAugmentMax = *v;
    if (auto v = a.number("--mixup-min")) p.mixupMin = *v;
    if (auto v = a.number("--mixup-max")) p.mixupMax = *v;
    if (auto v = a.number("--ema")) t.emaDecay = *v;
    if (auto v = a.value("--init")) t.init = *v;
    if (auto v = a.value("--device")) t.device = *v;
    if (auto v = a.value("--precision")) t.precision = *v;
    if (auto v = a.value("--cuda-graphs")) t.cudaGraphs = onOff("--cuda-graphs", *v);
    if (auto v = a.value("--cudnn-benchmark")) t.cudnnBenchmark = onOff("--cudnn-benchmark", *v);
    if (auto v = a.integer("--checkpoint-every")) t.checkpointEvery = *v;
    if (auto v = a.integer("--validate-every")) t.validateEvery = *v;
    if (auto v = a.integer("--seed")) {
        if (*v < 0) throw ValidationError("--seed", "must not be negative");
        t.seed = std::uint64_t(*v);
    }
    validate(t);
}

} // namespace scalescope::cli
