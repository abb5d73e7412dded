#!/usr/bin/env python3
"""Loads the engine's EfficientNet-B0 weights into timm and compares outputs.
   bench_train_step export DIR && timm_check.py DIR
Passes when timm.create_model('efficientnet_b0').load_state_dict(torch.load(weights.pt))
accepts every tensor (strict) and timm's eval-mode logits equal the engine's for the same
input (fp32, CPU)."""
import sys

import timm
import torch


def main():
    d = sys.argv[1]
    model = timm.create_model("efficientnet_b0")
    state = torch.load(f"{d}/weights.pt", map_location="cpu")
    result = model.load_state_dict(state)  # strict: raises on any missing/unexpected key
    print(f"load_state_dict: {len(state)} tensors, {result}")
    check = torch.load(f"{d}/check.pt", map_location="cpu")
    model.eval()
    with torch.no_grad():
        out = model(check["input"])
    ref = check["logits"]
    rel = ((out - ref).norm() / ref.norm()).item()
    same_top1 = (out.argmax(1) == ref.argmax(1)).all().item()
    print(f"logits: max |timm - engine| = {(out - ref).abs().max().item():.3e}, "
          f"relative {rel:.3e}, same top-1: {same_top1}")
    ok = rel < 1e-4 and same_top1
    print("TIMM CHECK " + ("PASSED" if ok else "FAILED"))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
