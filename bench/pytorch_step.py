#!/usr/bin/env python3
"""The PyTorch side of bench/gpu_step_bench.sh: the same training step as
bench_train_step's (bf16 autocast, channels-last, SGD with Nesterov momentum, label smoothing
0.1, a fixed random batch), with timm's model, timed the same way. One process for all
configurations (Python and timm start once).
   pytorch_step.py efficientnet_b0:224:256 [tf_efficientnetv2_s:300:128 ...]
"""
import json
import sys
import time

import timm
import torch

STEPS, WARMUP, CLASSES = 40, 15, 1000


def bench(name, size, batch):
    torch.backends.cudnn.benchmark = True
    dev = torch.device("cuda")
    torch.cuda.empty_cache()
    torch.cuda.reset_peak_memory_stats()
    torch.manual_seed(7)
    # drop_path 0.2 as the engine's specs (EfficientNet's drop_connect_rate)
    model = timm.create_model(name, num_classes=CLASSES, drop_path_rate=0.2)
    model = model.to(dev).to(memory_format=torch.channels_last).train()
    # Weight decay on kernels alone, as the engine and timm's optimizer factory do (BatchNorm
    # weights and biases get none); foreach on CUDA by default.
    params = list(model.parameters())
    groups = [{"params": [p for p in params if p.ndim > 1]},
              {"params": [p for p in params if p.ndim <= 1], "weight_decay": 0.0}]
    opt = torch.optim.SGD(groups, lr=0.1, momentum=0.9, nesterov=True, weight_decay=1e-5)
    crit = torch.nn.CrossEntropyLoss(label_smoothing=0.1)
    x = torch.randn(batch, 3, size, size, device=dev).to(memory_format=torch.channels_last)
    y = torch.randint(0, CLASSES, (batch,), device=dev)

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

    run(WARMUP)
    torch.cuda.synchronize()
    t0 = time.perf_counter()
    loss = run(STEPS).item()
    torch.cuda.synchronize()
    secs = time.perf_counter() - t0
    ips = STEPS * batch / secs
    peak = torch.cuda.max_memory_allocated()
    print(f"pytorch {name} {size}px batch {batch}: {ips:.0f} img/s "
          f"({1000 * secs / STEPS:.2f} ms/step), peak {peak / 2**30:.2f} GiB, loss {loss:.3f}",
          flush=True)
    print("RESULT " + json.dumps({"side": "pytorch", "model": name, "size": size,
                                  "batch": batch, "images_per_second": round(ips, 1),
                                  "ms_per_step": round(1000 * secs / STEPS, 3),
                                  "peak_bytes": peak, "torch": torch.__version__,
                                  "timm": timm.__version__,
                                  "device": torch.cuda.get_device_name()}), flush=True)
    del model, opt, x, y


if __name__ == "__main__":
    for spec in sys.argv[1:]:
        name, size, batch = spec.split(":")
        bench(name, int(size), int(batch))
