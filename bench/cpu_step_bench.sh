#!/usr/bin/env bash
# The CPU training step and data path, side by side in one run, as they were and as
# runTraining runs them now:
#   step: glibc's heap policy (freed tensors handed back to the kernel) with NCHW tensors;
#         the heap policy (freed blocks up to 32 MiB kept for reuse), NCHW; the heap policy
#         with channels-last tensors; and with the large-block cache as well (blocks of 32 MiB
#         and more kept too: what runTraining does)
#   data: the batch preparation (crop, RandAugment 5, mixup 0.1) under each host policy
# Each size, each variant in turn, ROUNDS times.
#   bench/cpu_step_bench.sh [BUILD_DIR]      (ROUNDS=2 SIZES="64 128 256" by default)
# The model is bench/configs/*-cpu.json's: EfficientNetV2-S at width and depth 0.25, batch 64.
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${1:-build}/bin/bench_train_step"
model=(--preset efficientnetv2-s --width 0.25 --depth 0.25 --classes 10 --batch 64)
for round in $(seq "${ROUNDS:-2}"); do
  for size in ${SIZES:-64 128 256}; do
    for variant in "glibc 0" "heap 0" "heap 1" "retain 1"; do
      read -r heap layout <<<"$variant"
      printf 'round %s, host memory %-7s %s: ' "$round" "$heap," "$([[ $layout == 1 ]] && echo NHWC || echo NCHW)"
      "$bin" step "${model[@]}" --size "$size" --steps 10 --warmup 3 --host-malloc "$heap" \
        --channels-last "$layout" | grep -v '^RESULT'
    done
    for heap in glibc heap retain; do
      printf 'round %s, host memory %-7s      ' "$round" "$heap,"
      "$bin" data --size "$size" --store 128 --batch 64 --randaugment 5 --mixup 0.1 --steps 20 \
        --count 2048 --host-malloc "$heap" | grep -v '^RESULT'
    done
  done
done
