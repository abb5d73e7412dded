#!/usr/bin/env bash
# Progressive learning with adaptive regularization against fixed-size training at the final
# size: the same configuration, data, epochs and seed, only the schedule differs. Prints each
# run's final accuracy and wall time, and when the progressive run reached the fixed run's
# accuracy (bench/compare_runs.py); can save the GUI's overlay of both runs against wall time.
#   bench/progressive_vs_fixed.sh shapes|fashion|CONFIG.json [extra scalescope-cli train flags]
# shapes, fashion: bench/configs/<name>-cpu.json, a quarter EfficientNetV2-S at 64->128 px on
# 4,000/1,000 images for 10 epochs (on two cores about 2 minutes fixed, 1.5 progressive).
# RUNS=DIR keeps the run folders as DIR/fixed and DIR/paper (default: a new temporary folder);
# SHOT=FILE.png saves `scalescope --open-run ... --x-axis time` of the two; BUILD=build-gpu.
# FIXED_ARGS / PAPER_ARGS: flags for one run only (e.g. PAPER_ARGS="--max-size 224" with
# --eval-size 256: EfficientNetV2's last training size below the validation size).
# SIDE_BY_SIDE=1 runs the two at once, one CPU thread each (OMP_NUM_THREADS=1), so that the
# machine's speed, which drifts by a fifth over minutes on a shared VM, moves both alike.
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-shapes}"; shift || true
case "$what" in
  shapes | fashion) config="bench/configs/$what-cpu.json" ;;
  *) config="$what" ;;
esac
[[ -f "$config" ]] || { echo "progressive_vs_fixed.sh: no configuration $config" >&2; exit 2; }
bin=${BUILD:-build}/bin
runs="${RUNS:-$(mktemp -d)}"
mkdir -p "$runs"
run() { # schedule, then the flags
  local schedule=$1 rc=0; shift
  "$bin/scalescope-cli" train --config "$config" --schedule "$schedule" "$@" \
    --run-dir "$runs/$schedule" --quiet >"$runs/$schedule.log" 2>&1 || rc=$?
  echo "== $schedule: $(tail -2 "$runs/$schedule.log" | head -1)"
  return $rc
}
pids=()
for schedule in fixed paper; do
  rm -rf "${runs:?}/$schedule"
  if [[ $schedule == fixed ]]; then own=(${FIXED_ARGS:-}); else own=(${PAPER_ARGS:-}); fi
  echo "== $schedule: $bin/scalescope-cli train --config $config --schedule $schedule $* ${own[*]} --run-dir $runs/$schedule --quiet"
  if [[ -n "${SIDE_BY_SIDE:-}" ]]; then
    OMP_NUM_THREADS=1 run "$schedule" "$@" "${own[@]}" &
    pids+=($!)
  else
    run "$schedule" "$@" "${own[@]}"
  fi
done
failed=0 # wait for both before failing, so that no run is left behind
for pid in "${pids[@]}"; do wait "$pid" || failed=$?; done
((failed == 0)) || exit "$failed"
python3 bench/compare_runs.py "$runs/fixed/metrics.csv" "$runs/paper/metrics.csv" || true
if [[ -n "${SHOT:-}" ]]; then
  "$bin/scalescope" --screenshot "$SHOT" --open-run "$runs/fixed" --open-run "$runs/paper" \
    --x-axis time
fi
