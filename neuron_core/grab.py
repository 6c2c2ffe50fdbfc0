"""What a student can grab on a chart and drag: the spec the chart element previews a drag from.

Numbers in, a plain dict out, sent with the chart as its `grab`: each grabbable value's key, value, range
and step, and what the browser needs to show the rest while the pointer moves (static/chart_drag.js): the
curve's samples (a, by interpolation), the inputs (z, as a sum), the points (the rings) and how the display
rule writes a number. Python has the last word: on release the page reads the values like a link's
(state.grabbed) and draws everything anew.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

import numpy as np

from neuron_core.figures.neuron import curve_points
from neuron_core.figures.style import EDGE, Spec
from neuron_core.link.params import HI, LO, STEP
from neuron_core.model.activations import Activation
from neuron_core.model.neuron import Forward
from neuron_core.numbers import sub

DIGITS = 4  # the display rule's decimals (numbers.fmt): z and a piecewise-linear a, exactly
NEAR = 2  # a smooth a is previewed from samples: to 2 decimals, marked ≈, until Python's own value comes
PX = 40  # pixels of drag up or down for a change of 1 in a weight or the bias on the diagram
SMOOTH = np.round(np.linspace(-10.0, 10.0, 101), 1)  # where a smooth activation is sampled, for the diagram


def _range() -> Spec:
    return {"lo": LO, "hi": HI, "grid": STEP}  # each value in [lo, hi], on its slider's step


def rule(act: Activation) -> Spec:
    """How the preview writes a: exactly as the display rule does where a is piecewise linear in z (the
    samples' interpolation is then exact), else to NEAR decimals and marked ≈ (it is an interpolation)."""
    return {"digits": DIGITS, "exact": True} if act.kinks is not None else {"digits": NEAR, "exact": False}


def curve(f: Forward, keys: Collection[str]) -> Spec | None:
    """The curve's point, dragged along z: a change of b (the only value it moves), if b has a slider."""
    if "b" not in keys:
        return None
    return {"kind": "curve", "key": "b", "v": float(f.b), "z": float(f.z), "a": rule(f.act), **_range()}


def diagram(f: Forward, keys: Collection[str]) -> Spec | None:
    """The diagram's edges, each dragged up or down: w_i (times x_i) and b (times the constant 1), for each
    that has a slider; with the activation's samples, for the output node's a."""
    edges = [
        {"key": f"w{i}", "name": f"w{sub(i)}", "v": float(wi), "x": float(xi), "i": i - 1}
        for i, (wi, xi) in enumerate(zip(f.w, f.x, strict=True), 1)
    ]
    edges.append({"key": "b", "name": "b", "v": float(f.b), "x": 1.0, "i": f.n})
    edges = [e for e in edges if e["key"] in keys]
    if not edges:
        return None
    if f.act.kinks is not None:  # its corners and a point past each end: exact by interpolation
        zs, a = curve_points(f.act, f.alpha, max([1.0, *(abs(k) + 1 for k in f.act.kinks)]))
    else:
        zs, a = SMOOTH.tolist(), np.round(f.act(SMOOTH, f.alpha), 4).tolist()  # NEAR digits, and 2 more
    return {
        "kind": "diagram",
        "edges": edges,
        "z": float(f.z),
        "a": rule(f.act),
        "curve": [zs, a],
        "px": PX,
        "edge": EDGE,
        "node": f.n + 3,  # the output node's text in the nodes' trace, and z's in the names' trace
        "zname": f.n + 1,
        **_range(),
    }


def line(
    w: tuple[float, float],
    b: float,
    t: float,
    points: Sequence[tuple[float, float, int]],
    square: tuple[float, float],
    keys: Collection[str],
) -> Spec | None:
    """The data's boundary w·x + b = t: moved along its normal (b), or turned about its middle by a ring
    near either end (w₁ and w₂ at the same length, and b), as far as their sliders are there."""
    move, turn = "b" in keys, {"w1", "w2", "b"} <= set(keys)
    if not move:
        return None
    return {
        "kind": "line",
        "w": [float(w[0]), float(w[1])],
        "b": float(b),
        "t": float(t),
        "turn": turn,
        "points": [[float(x1), float(x2), int(y)] for x1, x2, y in points],
        "square": [float(square[0]), float(square[1])],
        **_range(),
    }


def keys(spec: Spec | None) -> list[str]:
    """The values a grab spec offers to drag, by their sliders' keys: what the page reads back from it."""
    if not spec:
        return []
    if spec["kind"] == "diagram":
        return [e["key"] for e in spec["edges"]]
    if spec["kind"] == "line":
        return ["w1", "w2", "b"] if spec["turn"] else ["b"]
    return [spec["key"]]
