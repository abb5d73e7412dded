#!/usr/bin/env bash
# Fashion-MNIST on the GPU for issue 3's 94% bar: fixed-size runs of the given configs, one
# after the other, CUDA graphs on (bench_train_step graphcheck passed on the host).
#   source .devdeps-noqt/env.sh && GUI=0 bench/gpu/host.sh build && bench/gpu/fashion94.sh \
#     EPOCHS CONFIG...
set -uo pipefail
cd "$(dirname "$0")/../.."
out="${OUT:-/tmp/out}"; mkdir -p "$out"
epochs=$1; shift
for cfg in "$@"; do
  name=$(basename "$cfg" .json)
  echo "=== $name, fixed, $epochs epochs"
  rm -rf "/tmp/$name"
  build-gpu/bin/scalescope-cli train --config "$cfg" --data-path .fashion --schedule fixed \
    --epochs "$epochs" --cuda-graphs on --run-dir "/tmp/$name" --quiet 2>&1 | tail -3
  mkdir -p "$out/$name"
  cp "/tmp/$name"/{metrics.csv,config.json} "$out/$name/" 2>/dev/null
done
