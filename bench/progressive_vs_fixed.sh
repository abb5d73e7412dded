#!/usr/bin/env bash
# Progressive learning with adaptive regularization against fixed-size training at the final
# size: same model, data, epochs and seed; prints each run's final accuracy and wall time,
# and when the progressive run reached the fixed run's accuracy (bench/compare_runs.py).
#   bench/progressive_vs_fixed.sh DATASET [extra scalescope-cli train flags...]
set -euo pipefail
cd "$(dirname "$0")/.."
dataset="${1:-shapes}"; shift || true
cli=build/bin/scalescope-cli
common=(--preset efficientnetv2-s --width 0.25 --depth 0.25 --resolution 64 --dataset "$dataset"
        --epochs 8 --batch 32 --lr 0.05 --min-size 32 --max-size 64 --stages 4 --device cpu --quiet)
declare -A runs
for schedule in paper fixed; do
  runs[$schedule]="$(mktemp -d)"
  echo "== $schedule: $cli train ${common[*]} $* --schedule $schedule"
  "$cli" train "${common[@]}" "$@" --schedule "$schedule" --run-dir "${runs[$schedule]}" | head -1
done
python3 bench/compare_runs.py "${runs[fixed]}/metrics.csv" "${runs[paper]}/metrics.csv" || true
