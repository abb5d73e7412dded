#!/usr/bin/env bash
# Compound scaling's arithmetic against the clock: EfficientNet-B0 scaled by phi = 0..3 (alpha,
# beta, gamma 1.2, 1.1, 1.15, the image size growing with it), each timed by
# `scalescope-cli speed` one after the other in one run. Prints per phi the MACs, their ratio to
# phi 0 beside (alpha * beta^2 * gamma^2)^phi, and the ratios of the training step, inference
# and peak memory: whether time grows as the MACs do.
#   [PHIS="0 1 2 3"] [DEVICE=cpu] [BATCH=8] [REPEATS=3] bench/phi_speed.sh [more speed flags]
# BUILD=build-gpu for another build.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${BUILD:-build}/bin
out="$(mktemp -d)"
for phi in ${PHIS:-0 1 2 3}; do
  cmd=("$bin/scalescope-cli" speed --preset efficientnet-b0 --phi "$phi" --batch "${BATCH:-8}"
    --device "${DEVICE:-cpu}" --repeats "${REPEATS:-3}" --warmup 1 --json "$@")
  echo "== ${cmd[*]}"
  "${cmd[@]}" >"$out/$phi.json"
done
python3 - "$out" ${PHIS:-0 1 2 3} <<'EOF'
import json, os, sys
out, phis = sys.argv[1], sys.argv[2:]
base = 1.2 * 1.1**2 * 1.15**2  # alpha * beta^2 * gamma^2
rows = [(float(p), json.load(open(os.path.join(out, p + ".json")))) for p in phis]
p0, r0 = rows[0]
macs = lambda r: sum(s["macs"] for s in r["stages"])
print(f"\n{'phi':>4} {'px':>4} {'MACs':>8} {'x MACs':>7} {'predicted':>9} {'step ms':>8} "
      f"{'x step':>7} {'x infer':>7} {'peak MiB':>8} {'x peak':>7}")
for phi, r in rows:
    peak = r["peak_memory_bytes"] or float("nan")
    peak0 = r0["peak_memory_bytes"] or float("nan")
    print(f"{phi:4g} {r['image_size']:4d} {macs(r) / 1e6:7.0f}M {macs(r) / macs(r0):7.2f} "
          f"{base ** (phi - p0):9.2f} {r['train_step_ms']:8.1f} "
          f"{r['train_step_ms'] / r0['train_step_ms']:7.2f} "
          f"{r['inference_ms'] / r0['inference_ms']:7.2f} {peak / 2**20:8.0f} {peak / peak0:7.2f}")
EOF
