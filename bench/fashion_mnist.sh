#!/usr/bin/env bash
# Training benchmark on Fashion-MNIST (Debian's dataset-fashion-mnist): test accuracy, wall
# time and images/s. The dataset's own table for reference: ResNet-18 94.9%, DenseNet-BC
# 95.4%, WRN-40-4 96.7%.
#   bench/fashion_mnist.sh [cpu|gpu] [extra scalescope-cli train flags...]
# cpu: a quarter-width/depth EfficientNetV2-S on 10,000 images at 28-32 px, 3 epochs.
# gpu: bench/configs/fashion-gpu-light.json (EfficientNetV2-S at phi -2, 64 px, all 60,000
#      images, 60 epochs: 94.40% in 177 s on an H100), fixed size then progressive (use on the
#      GPU host; BUILD=build-gpu there).
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-cpu}"; shift || true
cli=${BUILD:-build}/bin/scalescope-cli
run="$(mktemp -d)"
if [[ "$mode" == cpu ]]; then
  args=(--preset efficientnetv2-s --width 0.25 --depth 0.25 --resolution 32 --dataset fashion-mnist
        --train-samples 10000 --epochs 3 --batch 64 --lr 0.05 --schedule paper --stages 2
        --min-size 28 --max-size 32 --device cpu)
else
  for schedule in fixed paper; do
    r="$(mktemp -d)"
    echo "command: $cli train --config bench/configs/fashion-gpu-light.json --schedule $schedule $* --run-dir $r --quiet"
    "$cli" train --config bench/configs/fashion-gpu-light.json --schedule "$schedule" "$@" --run-dir "$r" --quiet
  done
  exit 0
fi
echo "command: $cli train ${args[*]} $* --run-dir $run --quiet"
"$cli" train "${args[@]}" "$@" --run-dir "$run" --quiet
