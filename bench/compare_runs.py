#!/usr/bin/env python3
"""Progressive against fixed-size training from two runs' metrics.csv: each run's final
validation accuracy and wall time, and when (in wall time) each run first reached the fixed run's
final accuracy. Issue 5's bar: the same accuracy in at most 0.7x the time. The fixed run's time
is the time it took to get there itself, not its whole length: on a set it saturates early (the
synthetic shapes reach 100% in a few epochs) its later epochs would flatter progressive.
    bench/compare_runs.py FIXED/metrics.csv PROGRESSIVE/metrics.csv
"""
import csv
import sys

MIN_GAIN = 0.05  # the fixed run must gain this much accuracy over its run to set a bar


def load(path):
    with open(path, newline="") as f:
        rows = [r for r in csv.DictReader(f)]
    if not rows:
        sys.exit(f"{path}: no epochs recorded")
    for r in rows:
        for k in ("val_accuracy", "elapsed_seconds"):
            r[k] = float(r[k])
    return rows


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    fixed, prog = load(sys.argv[1]), load(sys.argv[2])
    target = fixed[-1]["val_accuracy"]
    t_fixed = fixed[-1]["elapsed_seconds"]
    print(f"fixed:       {len(fixed)} epochs, final val accuracy {100 * target:.2f}%, "
          f"{t_fixed:.1f} s")
    print(f"progressive: {len(prog)} epochs, final val accuracy "
          f"{100 * prog[-1]['val_accuracy']:.2f}%, {prog[-1]['elapsed_seconds']:.1f} s "
          f"({prog[-1]['elapsed_seconds'] / t_fixed:.2f}x the fixed run's time)")
    # A fixed run that never learned (shapes-hard on a small budget stays at chance) sets a
    # target any run meets at once: there is nothing to compare.
    gain = target - min(r["val_accuracy"] for r in fixed)
    if gain < MIN_GAIN:
        print(f"the fixed run did not learn: its accuracy rose {100 * gain:.2f} points over the "
              f"run (less than {100 * MIN_GAIN:.0f}), so its final accuracy is no bar")
        return 1
    hit = next((r for r in prog if r["val_accuracy"] >= target), None)
    if hit is None:
        print(f"progressive never reached {100 * target:.2f}%: "
              f"{100 * (target - prog[-1]['val_accuracy']):.2f} points short")
        return 1
    own = next(r for r in fixed if r["val_accuracy"] >= target)
    t_own = own["elapsed_seconds"]
    ratio = hit["elapsed_seconds"] / t_own
    print(f"fixed reached {100 * target:.2f}% after epoch {int(own['epoch']) + 1} at "
          f"{t_own:.1f} s; progressive after epoch {int(hit['epoch']) + 1} at "
          f"{hit['elapsed_seconds']:.1f} s: {ratio:.2f}x the time "
          f"({'within' if ratio <= 0.7 else 'over'} the 0.7x bar)")
    return 0 if ratio <= 0.7 else 1

if __name__ == "__main__":
    sys.exit(main())
