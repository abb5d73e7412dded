#!/usr/bin/env bash
# Progressive learning with adaptive regularization against fixed-size training at the final
# size: same model, data, epochs and seed; prints each run's final accuracy and wall time.
#   bench/progressive_vs_fixed.sh DATASET [extra scalescope-cli train flags...]
set -euo pipefail
cd "$(dirname "$0")/.."
dataset="${1:-shapes}"; shift || true
cli=build/bin/scalescope-cli
common=(--preset efficientnetv2-s --width 0.25 --depth 0.25 --resolution 64 --dataset "$dataset"
        --epochs 8 --batch 32 --lr 0.05 --min-size 32 --max-size 64 --stages 4 --device cpu --quiet)
for schedule in paper fixed; do
  run="$(mktemp -d)"
  echo "== $schedule: $cli train ${common[*]} $* --schedule $schedule"
  "$cli" train "${common[@]}" "$@" --schedule "$schedule" --run-dir "$run" | head -1
done
