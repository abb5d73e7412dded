#!/usr/bin/env bash
# Multiply-adds against time by block type: EfficientNet-B0 (MBConv everywhere) and
# EfficientNetV2-S (Fused-MBConv in stages 1-3) timed one after the other in one run by
# `scalescope-cli speed`, at the same image size and batch, on the same device. Prints each
# model's per-stage table, then each block type's forward multiply-adds per second (its MACs
# over its stages' forward time) and their ratio: EfficientNetV2's argument that depthwise
# convolutions do their few MACs slowly, measured here.
#   [DEVICE=cuda] [BATCH=128] [SIZE=224] [REPEATS=5] bench/block_speed.sh [more speed flags]
# Defaults: the CPU, batch 8, 224 px, 5 timed passes. BUILD=build-gpu for another build.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${BUILD:-build}/bin
out="$(mktemp -d)"
args=(--image-size "${SIZE:-224}" --batch "${BATCH:-8}" --device "${DEVICE:-cpu}"
  --repeats "${REPEATS:-5}" "$@")
for preset in efficientnet-b0 efficientnetv2-s; do
  echo "== $bin/scalescope-cli speed --preset $preset ${args[*]}"
  "$bin/scalescope-cli" speed --preset "$preset" "${args[@]}" --quiet --json >"$out/$preset.json"
done
python3 - "$out" <<'EOF'
import json, sys, os
out = sys.argv[1]
rates = {}
for preset in ("efficientnet-b0", "efficientnetv2-s"):
    r = json.load(open(os.path.join(out, preset + ".json")))
    print(f"\n{preset} at {r['image_size']} px, batch {r['batch']} on {r['device']}")
    print(f"{'stage':9s} {'block':20s} {'MACs':>8s} {'fwd ms':>8s} {'bwd ms':>8s} {'GMAC/s':>7s}")
    for s in r["stages"]:
        print(f"{s['name']:9s} {s['block']:20s} {s['macs'] / 1e6:7.1f}M {s['forward_ms']:8.2f} "
              f"{s['backward_ms']:8.2f} {s['forward_gmacs_per_second']:7.1f}")
    by = {}
    for s in r["stages"]:
        if not s["name"].startswith("stage "):
            continue
        kind = "Fused-MBConv" if s["block"].startswith("Fused") else "MBConv"
        macs, ms, both = by.get(kind, (0, 0, 0))
        by[kind] = (macs + s["macs"] * r["batch"], ms + s["forward_ms"],
                    both + s["forward_ms"] + s["backward_ms"])
    for kind, (macs, ms, both) in sorted(by.items()):
        rate, trained = macs / (ms * 1e6), macs / (both * 1e6)
        rates.setdefault(kind, []).append((rate, trained))
        print(f"{preset:18s} {kind:13s} {rate:7.1f} GMAC/s forward, {trained:6.1f} forward "
              f"GMAC per second of forward + backward ({macs / r['batch'] / 1e6:.0f} M "
              f"MACs/image; {ms:.1f} + {both - ms:.1f} ms)")
    print(f"{preset:18s} training step {r['train_images_per_second']:.1f} img/s, "
          f"inference {r['inference_images_per_second']:.1f} img/s")
fused, mb = rates.get("Fused-MBConv"), rates.get("MBConv")
if fused and mb:
    for i, what in enumerate(("forward", "forward + backward")):
        print(f"Fused-MBConv / MBConv stages of V2-S, {what}: {fused[0][i] / mb[-1][i]:.2f}x "
              f"the MACs per second; / B0's MBConv stages: {fused[0][i] / mb[0][i]:.2f}x")
EOF
