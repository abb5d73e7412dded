#!/usr/bin/env bash
# Everything the GPU host runs, in one call (see ../shared/device/README.md for the host):
#   source .devdeps/env.sh && bench/gpu/host.sh STEP... 
# Steps: build (GUI=0: CLI and benches only), smoke, graphs, timm, steps, data, fashion, shapes,
# stagechange, bnact, test, gui, speed.
# Logs go to $OUT (or /tmp/out). Carry .devdeps (fetch-debs.sh --with-qt) for the GUI and the
# tests; for `fashion`, carry .devdeps-noqt (fetch-debs.sh without Qt, into that folder) and
# .fashion/ (a copy of /usr/share/datasets/fashion-mnist): with Qt they exceed the 64 MiB limit.
# DEADLINE=S: skip a step whose usual length (STEP_SECONDS below, from the H100 runs) would end
# it past S seconds after the start, so that one call fits the device time a session has left
# and still brings back what it measured; `test` gets the time left as its limit.
set -uo pipefail
cd "$(dirname "$0")/../.."
out="${OUT:-/tmp/out}"; mkdir -p "$out"
build=build-gpu
t0=$SECONDS
stamp() { echo "=== [$((SECONDS - t0)) s] $*"; }
# Seconds each step took on the H100 (a warm build folder builds in a fraction of its figure).
declare -A STEP_SECONDS=([build]=150 [smoke]=30 [graphs]=60 [timm]=40 [steps]=150 [data]=30
  [fashion]=480 [shapes]=300 [stagechange]=240 [bnact]=30 [test]=120 [gui]=90 [speed]=120 [pack]=5)
for step in "$@"; do
  if [[ -n "${DEADLINE:-}" ]]; then
    left=$((DEADLINE - (SECONDS - t0)))
    if ((left < ${STEP_SECONDS[$step]:-60})); then
      stamp "skipped $step: ${left} s left of DEADLINE=$DEADLINE, it usually takes ${STEP_SECONDS[$step]:-60} s"
      continue
    fi
    [[ $step == test ]] && TEST_LIMIT=$((left < ${TEST_LIMIT:-400} ? left : ${TEST_LIMIT:-400}))
  fi
  case "$step" in
  build)
    stamp build
    nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader
    python3 -c 'import torch, timm; print("torch", torch.__version__, "cuda", torch.version.cuda, "timm", timm.__version__)'
    g++ --version | head -1; cmake --version | head -1
    gen=(); command -v ninja >/dev/null && gen=(-G Ninja)
    # The host has no Qt Linguist tools: English only there.
    opts=(-DSCALESCOPE_WITH_TRANSLATIONS=OFF)
    # CUDA_KERNELS=0 leaves out the fused CUDA kernels (should they not build there).
    opts+=(-DSCALESCOPE_WITH_CUDA_KERNELS="$([[ "${CUDA_KERNELS:-1}" == 0 ]] && echo OFF || echo ON)")
    # Both ways explicitly: a build folder kept warm from a GUI=0 call has them cached OFF.
    if [[ "${GUI:-1}" == 0 ]]; then opts+=(-DSCALESCOPE_WITH_GUI=OFF -DSCALESCOPE_BUILD_TESTS=OFF)
    else opts+=(-DSCALESCOPE_WITH_GUI=ON -DSCALESCOPE_BUILD_TESTS=ON); fi
    cmake -S . -B $build "${gen[@]}" -DCMAKE_BUILD_TYPE=Release "${opts[@]}" >"$out/configure.log" 2>&1 ||
      { tail -40 "$out/configure.log"; exit 1; }
    grep -E "Peak GPU|CUDA graphs|Fused|imgcodecs|Translations|LinguistTools" "$out/configure.log"
    cmake --build $build -j16 >"$out/build.log" 2>&1 ||
      { grep -E -A5 "error|Error" "$out/build.log" | head -60; exit 1; }
    stamp build done ;;
  smoke)
    stamp engine smoke test, then each switch alone if it fails
    $build/bin/bench_train_step step --size 128 --batch 64 --steps 3 --warmup 2 2>&1 | tail -3 ||
      for v in "--torch-sgd 1" "--bf16 0" "--channels-last 0"; do
        echo "-- with $v"; $build/bin/bench_train_step step --size 128 --batch 64 --steps 3 --warmup 2 $v 2>&1 | tail -3
      done ;;
  graphs)
    stamp "CUDA graph replay against eager steps (same losses and weights)"
    rm -f /tmp/graphs-ok
    $build/bin/bench_train_step graphcheck 2>&1 | tee "$out/graphcheck.log" && touch /tmp/graphs-ok
    [[ "${GRAPH_TIMING:-1}" == 0 ]] && continue
    stamp "step eagerly, then replayed from a CUDA graph (B0 at ${GRAPH_SIZE:-64} px, batch 512)"
    for g in 0 1; do
      $build/bin/bench_train_step step --size "${GRAPH_SIZE:-64}" --batch 512 --steps 30 --warmup 10 \
        --graphs $g 2>&1 | grep -v RESULT | tail -3
    done ;;
  fashion | shapes)
    # Fixed size at the final size, then progressive (paper), one config, then the time the
    # progressive run took to reach the fixed run's accuracy. Fashion-MNIST is carried in
    # .fashion/; shapes are rendered on the host. CUDA graphs only where the graphs step
    # passed its check in this call.
    # CONFIG=FILE replaces bench/configs/<step>-gpu.json (e.g. bench/configs/fashion-gpu-128.json:
    # 64->128 px over 30 epochs, where a step's cost follows the pixel count more closely).
    graphs=off; [[ -e /tmp/graphs-ok ]] && graphs=on
    config=${CONFIG:-bench/configs/$step-gpu.json}
    data=(); [[ $step == fashion ]] && data=(--data-path .fashion)
    for sched in ${SCHEDULES:-fixed paper}; do
      stamp "$step $sched, CUDA graphs $graphs"
      rm -rf /tmp/$step-$sched
      timeout "${RUN_LIMIT:-290}" $build/bin/scalescope-cli train --config "$config" \
        "${data[@]}" --schedule $sched --cuda-graphs $graphs ${TRAIN_FLAGS:-} --run-dir /tmp/$step-$sched --quiet 2>&1 | tail -4
      mkdir -p "$out/$step-$sched"
      cp /tmp/$step-$sched/{metrics.csv,config.json} "$out/$step-$sched/" 2>/dev/null
    done
    [[ -e /tmp/$step-fixed/metrics.csv && -e /tmp/$step-paper/metrics.csv ]] &&
      python3 bench/compare_runs.py /tmp/$step-fixed/metrics.csv /tmp/$step-paper/metrics.csv ;;
  stagechange)
    # Runs as graphs,cudnn-benchmark[,v7]. v7: TORCH_CUDNN_V8_API_DISABLED=1, cuDNN's older
    # API, which picks an algorithm per shape by one heuristic call instead of building the
    # v8 frontend's execution plans (most of a stage change's first step, docs/BENCHMARKS.md).
    # The whole default list may not fit one call; the first two are the comparison.
    stamp "what a stage change costs (V2-S at phi -2, 64-128 px, batch 256)"
    for run in ${STAGECHANGE_RUNS:-1,0 1,0,v7 1,1 0,0}; do
      IFS=, read -r g c api <<<"$run"
      envs=(); [[ "$api" == v7 ]] && envs=(TORCH_CUDNN_V8_API_DISABLED=1)
      echo "-- graphs $g, cuDNN benchmark $c${api:+, cuDNN v7 API}"
      env "${envs[@]}" $build/bin/bench_train_step stagechange --graphs "$g" --cudnn-benchmark "$c" 2>&1 |
        grep -v RESULT
    done | tee "$out/stagechange.txt" ;;
  bnact)
    stamp "BatchNorm + SiLU: LibTorch's two operations against the fused one (B0's shapes, 224 px)"
    $build/bin/bench_train_step bnact 2>&1 | grep -v RESULT | tee "$out/bnact.txt" ;;
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
    # Four tests at a time with four threads each: 16 LibTorch thread pools of 16 on 16 cores
    # starved each other in the first try.
    (cd $build && OMP_NUM_THREADS=4 timeout "${TEST_LIMIT:-400}" ctest -j4 --output-on-failure --timeout 300) >"$out/ctest.log" 2>&1
    tail -25 "$out/ctest.log" ;;
  gui)
    stamp gui on cuda:0
    python3 - <<'PY'
import json
c = json.load(open("docs/demo-training.json"))
t = c["training"]
t.update(device="cuda:0", train_samples=10000, val_samples=2000, batch_size=128, epochs=6,
         learning_rate=0.1)
t["progressive"].update(min_image_size=64, max_image_size=128)
c["scaling"]["resolution"] = 128
json.dump(c, open("/tmp/demo-gpu.json", "w"), indent=1)
PY
    timeout 120 $build/bin/scalescope --config /tmp/demo-gpu.json --train --compare-fixed \
      --screenshot "$out/training-gpu.png" 2>&1 | tail -5 ;;
  speed)
    stamp block speed on cuda:0, then the Speed dock on it
    BUILD=$build DEVICE=cuda BATCH=128 bench/block_speed.sh 2>&1 | tee "$out/block-speed.log" | tail -8
    timeout 120 $build/bin/scalescope --measure-speed --screenshot "$out/speed-gpu.png" 2>&1 | tail -2 ;;
  pack)
    tar czf "$out/bins.tgz" -C $build bin/scalescope-cli bin/bench_train_step && ls -la "$out" ;;
  esac
done
stamp all done
