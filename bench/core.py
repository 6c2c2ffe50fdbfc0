"""The core's forward pass over 10^6 input rows against a bare numpy expression of the same math, and
training on data: 1,000 epochs on 200 points, by gradient descent (sigmoid) and by the perceptron rule.

Run from the project's root: `python -m bench.core [--rows 1000000] [--repeats 15]`.
"""

from __future__ import annotations

import argparse
import statistics
import time

import numpy as np

from bench.stats import save
from neuron_core import forward
from neuron_core.model import batch, data


def timed(fn, repeats: int) -> list[float]:
    out = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--rows", type=int, default=1_000_000)
    p.add_argument("--repeats", type=int, default=15)
    args = p.parse_args()
    rng = np.random.default_rng(0)
    x, w, b = rng.uniform(-10, 10, size=(args.rows, 3)), np.array([1.0, -1.0, 1.0]), -5.0

    def bare() -> np.ndarray:
        return np.maximum(x @ w + b, 0.0)

    def core() -> np.ndarray:
        return forward(x, w, b, "relu").a

    np.testing.assert_array_equal(core(), bare())  # the same numbers, or the timing means nothing
    times = {"bare": [], "core": []}
    for _ in range(args.repeats):  # in turns, so both see the same machine load
        times["bare"] += timed(bare, 1)
        times["core"] += timed(core, 1)
    figures = {name: round(statistics.median(t) * 1000, 3) for name, t in times.items()}
    ratio = round(figures["core"] / figures["bare"], 3)
    print(
        f"forward over {args.rows} rows: core {figures['core']:.2f} ms, bare numpy {figures['bare']:.2f} ms"
    )
    print(f"ratio {ratio:.3f} (target <= 1.2)")
    # Training on data: 200 points of one decimal, labels at random (the worst case: never all right).
    pts = tuple(
        (float(u), float(v), int(k))
        for u, v, k in zip(*np.round(rng.uniform(-10, 10, (2, 200)), 1), rng.integers(0, 2, 200), strict=True)
    )
    d = data.make(pts)
    fits = {}
    for rule, act in (("gradient", "sigmoid"), ("perceptron", "step")):
        run = batch.fit(d, (1.0, -1.0), -5.0, act, None, rule, 0.1, 1000)
        assert run.epochs == 1000  # every epoch taken, or the timing means nothing
        t = timed(lambda rule=rule, act=act: batch.fit(d, (1.0, -1.0), -5.0, act, None, rule, 0.1, 1000), 15)
        fits[rule] = round(statistics.median(t) * 1000, 2)
        print(f"1000 epochs on 200 points, {rule}: {fits[rule]:.2f} ms (target <= 50 ms)")
    save(
        "core",
        {
            "core_ms": figures["core"],
            "bare_numpy_ms": figures["bare"],
            "ratio": ratio,
            "rows": args.rows,
            "fit_gradient_ms": fits["gradient"],
            "fit_perceptron_ms": fits["perceptron"],
        },
    )


if __name__ == "__main__":
    main()
