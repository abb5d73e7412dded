#!/usr/bin/env bash
# EfficientNet's scaling study (Figures 3 and 8) on this machine: the configured model grown by
# depth, width or resolution alone and by compound scaling, to the same nominal MACs at each
# phi, every point trained with the same settings; prints the accuracy table and keeps
# study.csv. Run it again with the same DIR after a stop: finished points are read back.
#   bench/scaling_study.sh [CONFIG.json] [extra scalescope-cli study flags]
# CONFIG defaults to bench/configs/study-shapes-cpu.json: the explorer's default (B0 on 2,000
# shapes, 48 -> 64 px in three stages, 6 epochs, zero-last init) on the CPU. PHIS (default 1,2)
# and SEED (default 1) choose the points and the seed, SEEDS (default 1) how many seeds each
# point trains at (SEED, SEED+1, ...); DIR=... keeps the study (default: a new temporary
# folder); SHOT=FILE.png saves the GUI's study window on it; BUILD=build-gpu.
set -euo pipefail
cd "$(dirname "$0")/.."
config="${1:-bench/configs/study-shapes-cpu.json}"
shift || true
[[ -f "$config" ]] || { echo "scaling_study.sh: no configuration $config" >&2; exit 2; }
bin=${BUILD:-build}/bin
dir="${DIR:-$(mktemp -d)}"
echo "== $bin/scalescope-cli study --config $config --phis ${PHIS:-1,2} --seed ${SEED:-1} --seeds ${SEEDS:-1} $* --train --quiet --output-dir $dir"
start=$(date +%s)
rc=0
"$bin/scalescope-cli" study --config "$config" --phis "${PHIS:-1,2}" --seed "${SEED:-1}" \
  --seeds "${SEEDS:-1}" "$@" \
  --train --quiet --output-dir "$dir" || rc=$?
echo "== $(( $(date +%s) - start )) s; table: $dir/study.csv"
if [[ -n "${SHOT:-}" && $rc -eq 0 ]]; then
  "$bin/scalescope" --open-study "$dir" --screenshot "$SHOT"
  echo "== window: $SHOT"
fi
exit $rc
