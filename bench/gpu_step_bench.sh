#!/usr/bin/env bash
# Side by side on one GPU, in one run: the engine's training step (build/bin/bench_train_step)
# and the same step in PyTorch with timm's model (bench/pytorch_step.py), then the ratio.
#   bench/gpu_step_bench.sh [BUILD_DIR]     (on the GPU host; BUILD_DIR defaults to build)
set -uo pipefail
cd "$(dirname "$0")/.."
bin="${1:-build}/bin/bench_train_step"
# engine preset | timm model | image size | batch
all=("efficientnet-b0 efficientnet_b0 224 256"
     "efficientnet-b0 efficientnet_b0 160 256"
     "efficientnet-b0 efficientnet_b0 128 256"
     "efficientnetv2-s efficientnetv2_s 300 128"
     "efficientnetv2-s tf_efficientnetv2_s 300 128")
# STEP_CONFIGS="0 2 4" picks rows of the list above (each costs cuDNN's search on both sides);
# MODES="eager graph" times the engine's step eagerly and replayed from a CUDA graph; a mode
# with "fused" in it ("fused", "graph+fused") adds --fused 1 (BatchNorm + SiLU as one op).
configs=()
for i in ${STEP_CONFIGS:-0 1 2 3 4}; do configs+=("${all[$i]}"); done
log="$(mktemp)"
nvidia-smi --query-gpu=name,driver_version --format=csv,noheader
timm_specs=()
for c in "${configs[@]}"; do
  read -r preset timm size batch <<<"$c"
  for m in ${MODES:-eager graph}; do
    "$bin" step --preset "$preset" --size "$size" --batch "$batch" \
      --graphs "$([[ $m == *graph* ]] && echo 1 || echo 0)" \
      --fused "$([[ $m == *fused* ]] && echo 1 || echo 0)" 2>&1 | tee -a "$log"
  done
  timm_specs+=("$timm:$size:$batch")
done
python3 bench/pytorch_step.py "${timm_specs[@]}" 2>&1 | tee -a "$log"
python3 - "$log" "${configs[@]}" <<'PY'
import json, sys
rows = [json.loads(l[7:]) for l in open(sys.argv[1]) if l.startswith("RESULT ")]
eng = [r for r in rows if r["side"] == "engine"]
pt = [r for r in rows if r["side"] == "pytorch"]
g = lambda b: f"{b / 2**30:.2f} GiB" if b >= 0 else "n/a"
print(f"{'engine vs timm model':44s} {'mode':>11s} {'engine/s':>9s} {'pytorch/s':>9s} "
      f"{'ratio':>7s} {'engine mem':>11s} {'pytorch mem':>11s}")
for c in sys.argv[2:]:
    preset, timm, size, batch = c.split()
    es = [r for r in eng if r["model"] == preset and r["size"] == int(size)]
    p = [r for r in pt if r["model"] == timm and r["size"] == int(size)]
    name = f"{preset} vs {timm} {size}px b{batch}"
    if not es or not p:
        print(f"{name:44s} a side failed (see above)")
        continue
    p = p[0]
    for e in es:
        print(f"{name:44s} {e.get('mode', 'eager')[:11]:>11s} {e['images_per_second']:9.0f} "
              f"{p['images_per_second']:9.0f} {e['images_per_second'] / p['images_per_second']:6.3f}x "
              f"{g(e['peak_bytes']):>11s} {g(p['peak_bytes']):>11s}")
PY
