#!/usr/bin/env bash
# Top-1 accuracy of trained runs against the test image size, side by side, from
# `scalescope-cli evaluate` on the same test images: does a run trained with progressive image
# sizes test best at its last training size, or above it (EfficientNetV2 trains S up to 300 px
# and tests it at 384), and does a fixed-size run do the same?
#   bench/test_sizes.sh RUN_DIR [RUN_DIR ...]
# SIZES (default auto: evaluate's suggestion for the first run) and VAL_SAMPLES (default: each
# run's own validation set; 0 all test images) are passed to evaluate as --image-sizes and
# --val-samples. The runs need their checkpoint.pt (train writes it after every epoch).
set -euo pipefail
cd "$(dirname "$0")/.."
[[ $# -ge 1 ]] || { sed -n '2,9p' "$0"; exit 2; }
cli=build/bin/scalescope-cli
[[ -x $cli ]] || { echo "build first: scripts/build.sh" >&2; exit 2; }
sizes="${SIZES:-auto}"
if [[ $sizes == auto ]]; then
  # One list for all runs, so that the columns line up: the first run's suggestion.
  sizes=$("$cli" evaluate --run-dir "$1" --image-sizes auto --json --quiet --val-samples 1 |
    python3 -c 'import json,sys; print(",".join(str(s["image_size"]) for s in json.load(sys.stdin)["sizes"]))')
fi
extra=()
[[ -n ${VAL_SAMPLES:-} ]] && extra=(--val-samples "$VAL_SAMPLES")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
i=0
for run in "$@"; do
  /usr/bin/time -f "%e" -o "$tmp/$i.time" "$cli" evaluate --run-dir "$run" --image-sizes "$sizes" \
    "${extra[@]}" --json --quiet > "$tmp/$i.json"
  i=$((i + 1))
done
python3 - "$tmp" "$@" <<'EOF'
import json, sys
tmp, runs = sys.argv[1], sys.argv[2:]
reports = [json.load(open(f"{tmp}/{i}.json")) for i in range(len(runs))]
seconds = [open(f"{tmp}/{i}.time").read().strip() for i in range(len(runs))]
for run, r, s in zip(runs, reports, seconds):
    t = r["training_sizes"]
    print(f"{run}: {r['model']}, {r['weights']} weights, trained at {min(t)}-{max(t)} px, "
          f"validated at {r['validated_size']} px, {r['images']} test images ({s} s)")
print()
print("size" + "".join(f"{'run ' + str(i + 1):>12}" for i in range(len(runs))))
for k, size in enumerate(s["image_size"] for s in reports[0]["sizes"]):
    row = f"{size:>4}"
    for r in reports:
        e = r["sizes"][k]
        mark = "*" if e["image_size"] == r["best_size"] else " "
        row += f"{100 * e['top1']:>10.2f}%{mark}"
    print(row)
print("\n* the run's best size")
EOF
