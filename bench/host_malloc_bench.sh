#!/usr/bin/env bash
# The heap policy runTraining sets (freed blocks up to 32 MiB kept for reuse) against glibc's
# own (freed tensors handed back to the kernel), side by side in one run on the CPU: the
# engine's training step and the data path, each size both ways, alternating, ROUNDS times.
#   bench/host_malloc_bench.sh [BUILD_DIR]      (ROUNDS=2 SIZES="64 128" by default)
# The model is bench/configs/*-cpu.json's: EfficientNetV2-S at width and depth 0.25, batch 64.
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${1:-build}/bin/bench_train_step"
model=(--preset efficientnetv2-s --width 0.25 --depth 0.25 --classes 10 --batch 64)
for round in $(seq "${ROUNDS:-2}"); do
  for size in ${SIZES:-64 128}; do
    for heap in glibc retain; do
      printf 'round %s, %-6s ' "$round" "$heap:"
      "$bin" step "${model[@]}" --size "$size" --steps 10 --warmup 3 --host-malloc "$heap" |
        grep -v '^RESULT'
      printf 'round %s, %-6s ' "$round" "$heap:"
      "$bin" data --size "$size" --store 128 --batch 64 --randaugment 5 --mixup 0.1 --steps 20 --count 2048 \
        --host-malloc "$heap" | grep -v '^RESULT'
    done
  done
done
