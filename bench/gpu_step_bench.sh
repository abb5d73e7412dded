#!/usr/bin/env bash
# Side by side on one GPU, in one run: the engine's training step (build/bin/bench_train_step)
# and the same step in PyTorch with timm's model (bench/pytorch_step.py), then the ratio.
#   bench/gpu_step_bench.sh [BUILD_DIR]     (on the GPU host; BUILD_DIR defaults to build)
set -uo pipefail
cd "$(dirname "$0")/.."
bin="${1:-build}/bin/bench_train_step"
# engine preset | timm model | image size | batch
configs=("efficientnet-b0 efficientnet_b0 224 256"
         "efficientnet-b0 efficientnet_b0 160 256"
         "efficientnet-b0 efficientnet_b0 128 256"
         "efficientnetv2-s tf_efficientnetv2_s 300 128"
         "efficientnetv2-s efficientnetv2_s 300 128")
nvidia-smi --query-gpu=name,driver_version --format=csv,noheader
printf '%-30s %10s %10s %7s %12s %12s\n' config engine pytorch ratio "engine mem" "pytorch mem"
rows=()
for c in "${configs[@]}"; do
  read -r preset timm size batch <<<"$c"
  e=$("$bin" step --preset "$preset" --size "$size" --batch "$batch" 2>&1 | tee /dev/stderr |
      sed -n 's/^RESULT //p')
  p=$(python3 bench/pytorch_step.py --model "$timm" --size "$size" --batch "$batch" 2>&1 |
      tee /dev/stderr | sed -n 's/^RESULT //p')
  rows+=("$(python3 - "$e" "$p" "$timm" <<'PY'
import json, sys
try:
    e, p = json.loads(sys.argv[1]), json.loads(sys.argv[2])
except Exception:
    print(f"{sys.argv[3]}: a side failed (see above)"); sys.exit()
g = lambda b: f"{b / 2**30:.2f} GiB" if b >= 0 else "n/a"
name = f"{sys.argv[3]} {e['size']}px b{e['batch']}"
print(f"{name:30s} {e['images_per_second']:10.0f} {p['images_per_second']:10.0f} "
      f"{e['images_per_second'] / p['images_per_second']:6.3f}x {g(e['peak_bytes']):>12s} "
      f"{g(p['peak_bytes']):>12s}")
PY
)")
done
printf '%-30s %10s %10s %7s %12s %12s\n' config "engine/s" "pytorch/s" ratio "engine mem" "pytorch mem"
printf '%s\n' "${rows[@]}"
