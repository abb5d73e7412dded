#!/usr/bin/env python3
"""The PyTorch side of bench/gpu_step_bench.sh: the same training step as
bench_train_step's (bf16 autocast, channels-last, SGD with Nesterov momentum, label smoothing
0.1, a fixed random batch), with timm's model, timed the same way.
   pytorch_step.py --model efficientnet_b0 --size 224 --batch 256 [--steps 40] [--warmup 15]
"""
import argparse
import json
import time

import timm
import torch


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default="efficientnet_b0")
    ap.add_argument("--size", type=int, default=224)
    ap.add_argument("--batch", type=int, default=256)
    ap.add_argument("--steps", type=int, default=40)
    ap.add_argument("--warmup", type=int, default=15)
    ap.add_argument("--classes", type=int, default=1000)
    a = ap.parse_args()

    torch.backends.cudnn.benchmark = True
    dev = torch.device("cuda")
    torch.cuda.reset_peak_memory_stats()
    torch.manual_seed(7)
    # drop_path 0.2 as the engine's specs (EfficientNet's drop_connect_rate)
    model = timm.create_model(a.model, num_classes=a.classes, drop_path_rate=0.2)
    model = model.to(dev).to(memory_format=torch.channels_last).train()
    opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9, nesterov=True,
                          weight_decay=1e-5)  # foreach on CUDA by default
    crit = torch.nn.CrossEntropyLoss(label_smoothing=0.1)
    x = torch.randn(a.batch, 3, a.size, a.size, device=dev).to(memory_format=torch.channels_last)
    y = torch.randint(0, a.classes, (a.batch,), device=dev)

    def run(n):
        loss = None
        for _ in range(n):
            for g in opt.param_groups:
                g["lr"] = 0.1
            opt.zero_grad(set_to_none=True)
            with torch.autocast("cuda", dtype=torch.bfloat16):
                out = model(x)
            loss = crit(out.float(), y)
            loss.backward()
            opt.step()
        return loss

    run(a.warmup)
    torch.cuda.synchronize()
    t0 = time.perf_counter()
    loss = run(a.steps).item()
    torch.cuda.synchronize()
    secs = time.perf_counter() - t0
    ips = a.steps * a.batch / secs
    peak = torch.cuda.max_memory_allocated()
    print(f"pytorch {a.model} {a.size}px batch {a.batch}: {ips:.0f} img/s "
          f"({1000 * secs / a.steps:.2f} ms/step), peak {peak / 2**30:.2f} GiB, loss {loss:.3f}")
    print("RESULT " + json.dumps({"side": "pytorch", "model": a.model, "size": a.size,
                                  "batch": a.batch, "images_per_second": round(ips, 1),
                                  "ms_per_step": round(1000 * secs / a.steps, 3),
                                  "peak_bytes": peak, "torch": torch.__version__,
                                  "timm": timm.__version__,
                                  "device": torch.cuda.get_device_name()}))


if __name__ == "__main__":
    main()
