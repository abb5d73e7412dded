#!/usr/bin/env bash
# Everything the GPU host runs, in one call (see ../shared/device/README.md for the host):
#   source .devdeps/env.sh && bench/gpu/host.sh STEP... 
# Steps: build, timm, steps, data, test, gui, pack. Logs go to $OUT (or /tmp/out).
set -uo pipefail
cd "$(dirname "$0")/../.."
out="${OUT:-/tmp/out}"; mkdir -p "$out"
build=build-gpu
t0=$SECONDS
stamp() { echo "=== [$((SECONDS - t0)) s] $*"; }
for step in "$@"; do
  case "$step" in
  build)
    stamp build
    nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader
    python3 -c 'import torch, timm; print("torch", torch.__version__, "cuda", torch.version.cuda, "timm", timm.__version__)'
    g++ --version | head -1; cmake --version | head -1
    gen=(); command -v ninja >/dev/null && gen=(-G Ninja)
    cmake -S . -B $build "${gen[@]}" -DCMAKE_BUILD_TYPE=Release >"$out/configure.log" 2>&1 ||
      { tail -40 "$out/configure.log"; exit 1; }
    grep -E "Peak GPU|imgcodecs|Translations|LinguistTools" "$out/configure.log"
    cmake --build $build -j16 >"$out/build.log" 2>&1 ||
      { grep -E -A5 "error|Error" "$out/build.log" | head -60; exit 1; }
    stamp build done ;;
  timm)
    stamp timm load check
    $build/bin/bench_train_step export /tmp/timmcheck && python3 bench/timm_check.py /tmp/timmcheck ;;
  steps)
    stamp step benchmark
    bench/gpu_step_bench.sh $build 2>"$out/steps-detail.log" | tee "$out/steps.txt" ;;
  data)
    stamp data path
    for s in 128 224; do $build/bin/bench_train_step data --size $s --batch 256 --store 224; done |
      tee "$out/data.txt" ;;
  test)
    stamp ctest
    (cd $build && ctest -j8 --output-on-failure --timeout 300) >"$out/ctest.log" 2>&1
    tail -25 "$out/ctest.log" ;;
  gui)
    stamp gui on cuda:0
    python3 - <<'PY'
import json
c = json.load(open("docs/demo-training.json"))
t = c["training"]
t.update(device="cuda:0", train_samples=20000, val_samples=2000, batch_size=128, epochs=10,
         learning_rate=0.1)
t["progressive"].update(min_image_size=64, max_image_size=128)
c["scaling"]["resolution"] = 128
json.dump(c, open("/tmp/demo-gpu.json", "w"), indent=1)
PY
    timeout 240 $build/bin/scalescope --config /tmp/demo-gpu.json --train --compare-fixed \
      --screenshot "$out/training-gpu.png" 2>&1 | tail -5 ;;
  pack)
    tar czf "$out/bins.tgz" -C $build bin/scalescope-cli bin/bench_train_step && ls -la "$out" ;;
  esac
done
stamp all done
