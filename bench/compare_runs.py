#!/usr/bin/env python3
"""Progressive against fixed-size training from their metrics.csv: each run's final validation
accuracy and wall time, and when (in wall time) each run first reached the fixed run's final
accuracy. Issue 5's bar: the same accuracy in at most 0.7x the time. The fixed run's time is the
time it took to get there itself, not its whole length: on a set it saturates early (the
synthetic shapes reach 100% in a few epochs) its later epochs would flatter progressive.
    bench/compare_runs.py FIXED/metrics.csv PROGRESSIVE/metrics.csv
    bench/compare_runs.py DIR [DIR ...]
A DIR holds a pair as bench/progressive_vs_fixed.sh leaves it (DIR/fixed, DIR/paper). With
several (one per seed), each pair is summarised and the bar is applied to the mean curves: the
accuracy after each epoch and the time to it, averaged over the pairs. One seed's accuracy on a
small validation set moves by a point or more; the mean of n moves about 1/sqrt(n) as much.
Runs that record validation_seconds (the time spent validating, part of elapsed_seconds) also get
the ratio of their training time alone: both runs validate the same images at the same size after
every epoch, a cost that does not shrink with the image size. The bar stays on the whole time.
Epochs a run did not validate (training.validate_every above 1) have empty validation cells and are
left out: a run is compared at the epochs it validated, its last always among them.
"""
import csv
import math
import os
import sys

MIN_GAIN = 0.05  # the fixed run must gain this much accuracy over its run to set a bar
BAR = 0.7  # issue 5: progressive reaches the fixed run's accuracy in at most this share of its time


def load(path):
    try:
        with open(path, newline="") as f:
            rows = list(csv.DictReader(f))
    except OSError as e:
        sys.exit(f"{path}: {e.strerror}")
    if not rows:
        sys.exit(f"{path}: no epochs recorded")
    # Epochs between validations leave val_accuracy empty; the last epoch is always validated.
    rows = [r for r in rows if (r.get("val_accuracy") or "").strip()]
    if not rows:
        sys.exit(f"{path}: no validated epochs recorded")
    for r in rows:
        for k in ("val_accuracy", "elapsed_seconds"):
            try:
                r[k] = float(r[k])
            except (KeyError, TypeError, ValueError):
                sys.exit(f"{path}: epoch {r.get('epoch', '?')} has no number in column {k}")
        try:  # optional: older runs do not record it, or left it empty
            v = float(r.get("validation_seconds") or "nan")
        except ValueError:
            sys.exit(f"{path}: epoch {r.get('epoch', '?')} has no number in column "
                     "validation_seconds")
        r["validation_seconds"] = v if 0 <= v <= r["elapsed_seconds"] else None
    return rows


def training_time(r):
    """Seconds of elapsed_seconds not spent validating, or None where not recorded."""
    v = r.get("validation_seconds")
    return None if v is None else r["elapsed_seconds"] - v


def epochs(rows):
    """The run's length: its last row is its last epoch (validated, so never left out)."""
    return int(float(rows[-1].get("epoch") or len(rows) - 1)) + 1


def compare(fixed, prog):
    """Prints the comparison; returns 0 when progressive meets the bar."""
    target = fixed[-1]["val_accuracy"]
    t_fixed = fixed[-1]["elapsed_seconds"]
    print(f"fixed:       {epochs(fixed)} epochs, final val accuracy {100 * target:.2f}%, "
          f"{t_fixed:.1f} s")
    print(f"progressive: {epochs(prog)} epochs, final val accuracy "
          f"{100 * prog[-1]['val_accuracy']:.2f}%, {prog[-1]['elapsed_seconds']:.1f} s "
          f"({prog[-1]['elapsed_seconds'] / t_fixed:.2f}x the fixed run's time)")
    if len(fixed) < 2:
        # Validated at its end alone (training.validate_every): no curve says when the fixed
        # run first got there, so the bar is applied to the whole runs.
        reached = prog[-1]["val_accuracy"] >= target - 1e-9
        ratio = prog[-1]["elapsed_seconds"] / t_fixed
        print(f"the fixed run was validated at its end only: whole runs compared; progressive "
              + (f"reached {100 * target:.2f}% in {ratio:.2f}x the time "
                 f"({'within' if ratio <= BAR else 'over'} the {BAR}x bar)" if reached else
                 f"never reached {100 * target:.2f}%: "
                 f"{100 * (target - prog[-1]['val_accuracy']):.2f} points short"))
        return 0 if reached and ratio <= BAR else 1
    # A fixed run that never learned (shapes-hard on a small budget stays at chance) sets a
    # target any run meets at once: there is nothing to compare.
    gain = target - min(r["val_accuracy"] for r in fixed)
    if gain < MIN_GAIN:
        print(f"the fixed run did not learn: its accuracy rose {100 * gain:.2f} points over the "
              f"run (less than {100 * MIN_GAIN:.0f}), so its final accuracy is no bar")
        return 1
    # Mean curves are sums divided: equal accuracies may differ in the last bit.
    hit = next((r for r in prog if r["val_accuracy"] >= target - 1e-9), None)
    if hit is None:
        print(f"progressive never reached {100 * target:.2f}%: "
              f"{100 * (target - prog[-1]['val_accuracy']):.2f} points short")
        # The other way round, for scale: the time each run took to the progressive run's best.
        best = max(prog, key=lambda r: r["val_accuracy"])
        own = next((r for r in fixed if r["val_accuracy"] >= best["val_accuracy"] - 1e-9), None)
        if own is not None:
            print(f"its best, {100 * best['val_accuracy']:.2f}% after epoch "
                  f"{int(best['epoch']) + 1} at {best['elapsed_seconds']:.1f} s, the fixed run "
                  f"first reached after epoch {int(own['epoch']) + 1} at "
                  f"{own['elapsed_seconds']:.1f} s "
                  f"({best['elapsed_seconds'] / own['elapsed_seconds']:.2f}x)")
        return 1
    own = next(r for r in fixed if r["val_accuracy"] >= target - 1e-9)
    t_own = own["elapsed_seconds"]
    ratio = hit["elapsed_seconds"] / t_own
    print(f"fixed reached {100 * target:.2f}% after epoch {int(own['epoch']) + 1} at "
          f"{t_own:.1f} s; progressive after epoch {int(hit['epoch']) + 1} at "
          f"{hit['elapsed_seconds']:.1f} s: {ratio:.2f}x the time "
          f"({'within' if ratio <= BAR else 'over'} the {BAR}x bar)")
    a, b = training_time(hit), training_time(own)
    if a is not None and b is not None and b > 0:
        print(f"without the validation ({hit['validation_seconds']:.1f} s and "
              f"{own['validation_seconds']:.1f} s of those): training {a:.1f} s against "
              f"{b:.1f} s, {a / b:.2f}x")
    return 0 if ratio <= BAR else 1


def mean_curve(runs, name):
    epochs = {len(r) for r in runs}
    if len(epochs) != 1:
        sys.exit(f"the {name} runs differ in length ({sorted(epochs)} epochs): no mean curve")
    return [{"epoch": runs[0][i].get("epoch", i),
             "val_accuracy": sum(r[i]["val_accuracy"] for r in runs) / len(runs),
             "elapsed_seconds": sum(r[i]["elapsed_seconds"] for r in runs) / len(runs),
             "validation_seconds": mean_or_none([r[i]["validation_seconds"] for r in runs])}
            for i in range(epochs.pop())]


def mean_or_none(values):
    return None if any(v is None for v in values) else sum(values) / len(values)


def compare_dirs(dirs):
    pairs = []
    for d in dirs:
        pair = (load(os.path.join(d, "fixed", "metrics.csv")),
                load(os.path.join(d, "paper", "metrics.csv")))
        pairs.append(pair)
        f, p = pair[0][-1], pair[1][-1]
        print(f"{d}: fixed {100 * f['val_accuracy']:.2f}% in {f['elapsed_seconds']:.1f} s, "
              f"progressive {100 * p['val_accuracy']:.2f}% in {p['elapsed_seconds']:.1f} s")
    if len(pairs) == 1:
        return compare(*pairs[0])
    # Progressive minus fixed, final accuracy, seed by seed: the pairs share data and seed.
    diffs = [100 * (p[-1]["val_accuracy"] - f[-1]["val_accuracy"]) for f, p in pairs]
    mean = sum(diffs) / len(diffs)
    sd = math.sqrt(sum((x - mean) ** 2 for x in diffs) / (len(diffs) - 1))
    print(f"final accuracy, progressive minus fixed, over {len(diffs)} pairs: "
          f"{mean:+.2f} points (standard error {sd / math.sqrt(len(diffs)):.2f})")
    print(f"mean curves of {len(pairs)} pairs:")
    return compare(mean_curve([f for f, _ in pairs], "fixed"),
                   mean_curve([p for _, p in pairs], "progressive"))


def main():
    args = sys.argv[1:]
    if len(args) == 2 and all(a.endswith(".csv") for a in args):
        return compare(load(args[0]), load(args[1]))
    if args and not any(a.endswith(".csv") for a in args):
        return compare_dirs(args)
    sys.exit(__doc__)


if __name__ == "__main__":
    sys.exit(main())
