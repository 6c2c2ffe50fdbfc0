"""The neuron's charts: its diagram, the activation curve and each term's share of z."""

from __future__ import annotations

import numpy as np

# Okabe-Ito colours, safe for colour-blind eyes; the sign is also shown by the dash.
from neuron_core.figures.style import (
    INK,
    NODE,
    POINT,
    POSITIVE,
    ZERO,
    Chart,
    Spec,
    _axis,
    _figure,
    _line,
    _note,
    _r,
    _room,
    _shade,
    edge_style,
)
from neuron_core.model.activations import Activation
from neuron_core.model.neuron import Forward, Gradients
from neuron_core.numbers import eq, fmt, sub
from neuron_core.words.calculation import a_text, said_at

SMOOTH_POINTS = 81


def neuron_diagram(f: Forward, big: bool = False, grads: Gradients | None = None) -> Chart:
    """The neuron: inputs x_i, edges w_i (with `grads`, also ∂a/∂w_i), bias b, the sum z, act, output a."""
    n = f.n
    ys = np.linspace((n - 1) / 2, -(n - 1) / 2, n).tolist()
    yb = ys[-1] - 1.0  # the bias sits under the inputs, as the input "1" it multiplies
    sx, ax, ox = 2.4, 3.6, 4.8  # x of Σ, the activation and the output

    edges = [(f"w{sub(i)}", float(wi), yi) for i, (wi, yi) in enumerate(zip(f.w, ys, strict=True), 1)]
    edges.append(("b", float(f.b), yb))
    slopes = [*grads.da_dw.tolist(), float(grads.da_db)] if grads is not None else [None] * len(edges)
    exact = grads is None or grads.exact
    shapes, notes = [], []
    for (name, v, y), g in zip(edges, slopes, strict=True):
        text = f"{name} = {fmt(v)}" + ("" if g is None else f"<br>∂a/∂{name} {eq(fmt(g, exact or g == 0))}")
        shapes.append(_line(0.0, y, sx, 0.0, edge_style(v), layer="below"))
        # The label sits 40% of the way along, where the fanned-in edges are still apart.
        notes.append(
            _note(
                0.4 * sx,
                0.6 * y,
                text,
                bgcolor="rgba(255,255,255,.9)",
                font={"color": edge_style(v)["color"]},
            )
        )
    shapes.append(_line(sx, 0, ox, 0, {"color": INK, "width": 2}, layer="below"))

    nodes = {
        "name": "nodes",
        "type": "scatter",
        "mode": "markers+text",
        "x": [0.0] * (n + 1) + [sx, ax, ox],
        "y": [*ys, yb, 0.0, 0.0, 0.0],
        # The values in the nodes' text, not one annotation each: less to send on every slider move.
        "text": [fmt(v) for v in f.x] + ["1", "Σ", f.act.label, a_text(f, room=False)],
        "marker": {
            "size": [round(k * (1.2 if big else 1)) for k in [48] * n + [40, 56, 70, 56]],
            "symbol": ["circle"] * n + ["square", "circle", "square", "circle"],
            "color": NODE,
            "opacity": 1,  # sizes given per node make a "bubble" trace, which Plotly draws at 0.7
            "line": {"color": INK, "width": 2},
        },
    }
    names = {
        "name": "names",
        "type": "scatter",
        "mode": "text",
        "x": [-0.45] * n + [0.0, sx, ox],
        "y": [*ys, yb - 0.45, -0.55, -0.55],
        "text": [f"x{sub(i)}" for i in range(1, n + 1)] + ["constant input", f"z = {fmt(f.z)}", "a"],
        "textposition": ["middle left"] * n + ["bottom center"] * 3,
    }
    layout = {
        "hovermode": False,  # nothing to hover: every value is written on the diagram
        # Taller rows when each edge carries a second line, its gradient, so the labels keep apart.
        "height": round((140 + (84 if grads is not None else 62) * (n + 1)) * (1.4 if big else 1)),
        "shapes": shapes,
        "annotations": notes,
        "xaxis": {"visible": False, "range": [-1.3, 5.4], "fixedrange": True},
        "yaxis": {"visible": False, "range": [yb - 1.1, ys[0] + 0.6], "fixedrange": True},
    }
    label = (
        f"The neuron: inputs x = ({', '.join(map(fmt, f.x))}), weights w = ({', '.join(map(fmt, f.w))}), "
        f"bias b = {fmt(f.b)} on a constant input 1; z = {fmt(f.z)}, a = {f.act.label}(z) {eq(a_text(f))}."
    )
    return _figure([nodes, names], layout, label, "neuron-diagram", big)


def curve_span(z: float) -> float:
    """Half-width of the z axis: at least ±6, wide enough that z is always in view."""
    return max(6.0, 1.15 * abs(float(z)) + 1.0)


def curve_points(act: Activation, alpha: float, span: float) -> tuple[list[float | None], list[float | None]]:
    """Points of f over [-span, span]: the corners of a piecewise-linear f, a modest number otherwise."""
    if act.kinks is None:
        # Evenly over the span, and denser over [-6, 6] where the smooth curves bend.
        z = np.union1d(np.linspace(-span, span, SMOOTH_POINTS), np.linspace(-6.0, 6.0, 25))
        return np.round(z, 4).tolist(), np.round(act(z, alpha), 4).tolist()
    zs: list[float | None] = [-span]
    a: list[float | None] = [float(act(-span, alpha))]
    for k in act.kinks:
        left, right = float(act(k - 1e-9 * span, alpha)), float(act(k, alpha))
        if abs(left - right) > 1e-6:  # a jump: break the line rather than draw a riser
            zs += [k, None, k]
            a += [left, None, right]
        else:
            zs.append(k)
            a.append(right)
    zs.append(span)
    a.append(float(act(span, alpha)))
    return zs, a


def activation_curve(
    act: Activation,
    alpha: float,
    z: float,
    a: float,
    big: bool = False,
    span: float | None = None,
    compare: Activation | None = None,
    compare_alpha: float | None = None,
) -> Chart:
    """The activation f(z) with the current point (z, a), z = 0 marked; for relu, the off region shaded.

    The z axis spans ±span, by default curve_span(z). A `compare` activation is drawn dashed, its point a
    square: told apart from the first by line and marker, not by colour alone.
    """
    span = curve_span(z) if span is None else span
    data, layout = curve_spec(act, alpha, z, a, big, span, compare, compare_alpha)
    r = 12 if big else 8  # the point's radius in pixels
    # The point is a shape: moving it leaves the curve's trace, and so its data revision, as it was.
    point = {
        "xsizemode": "pixel",
        "ysizemode": "pixel",
        "xanchor": _r(z),
        "x0": -r,
        "x1": r,
        "y0": -r,
        "y1": r,
        "line": {"color": INK, "width": 2},
    }
    layout["shapes"].append(
        point | {"type": "circle", "name": "current", "yanchor": _r(a), "fillcolor": POINT}
    )
    label = f"{act.label} curve; the current point is z = {fmt(z)}, a {said_at(act, z, alpha)}"
    if compare is not None:
        b = float(compare(z, compare_alpha))
        # Under the first curve's point, which stays whole where the two meet.
        layout["shapes"].insert(
            -1, point | {"type": "rect", "name": "compared", "yanchor": _r(b), "fillcolor": "#FFF"}
        )
        at = f"{compare.label}({fmt(z)}) {said_at(compare, z, compare._alpha(compare_alpha))}"
        label += f"; dashed, the {compare.label} curve, with its point at {at}"
    # Drawn before the other charts after a slider move: its point is what the student watches.
    return _figure(data, layout, label, "activation-curve", big) | {"first": True}


def curve_spec(
    act: Activation,
    alpha: float,
    z: float,
    a: float,
    big: bool,
    span: float,
    compare: Activation | None = None,
    compare_alpha: float | None = None,
) -> tuple[list, Spec]:
    cz, ca = curve_points(act, alpha, span)
    other = curve_points(compare, compare._alpha(compare_alpha), span) if compare is not None else ([], [])
    finite = [v for v in [*ca, *other[1]] if v is not None]
    lo, hi = min(*finite, a, 0.0), max(*finite, a, 1.0)
    pad = 0.08 * (hi - lo)
    shapes = [
        _line(0, 0, 0, 1, {"color": ZERO, "dash": "dash", "width": 1.5}, yref="paper"),
        _line(_r(z), 0, _r(z), _r(a), {"color": POINT, "dash": "dot", "width": 2}, name="guide"),
    ]
    notes = []
    if act.dead:  # its flat side, where a neuron learns nothing
        shapes.insert(0, _shade(-span, 0))
        notes.append(
            _note(-span / 2, 0.9, "off: a = 0 for z < 0", yref="paper", font={"size": 20 if big else 13})
        )
    data = [
        {
            "name": act.label,
            "type": "scatter",
            "mode": "lines",
            "x": cz,
            "y": ca,
            "line": {"color": POSITIVE, "width": 5 if big else 3},
        },
    ]
    if compare is not None:
        line = {"color": INK, "width": 4 if big else 2, "dash": "dash"}
        data.append(
            {
                "name": f"{compare.label} (dashed)",
                "type": "scatter",
                "mode": "lines",
                "x": other[0],
                "y": other[1],
                "line": line,
            }
        )
    layout = {
        # The two curves' names above the plot, where no note or curve is.
        "showlegend": compare is not None,
        "legend": {"orientation": "h", "x": 0, "y": 1.01, "yanchor": "bottom"},
        "hovermode": False,  # nothing to hover: z and a are written above the chart
        "height": 560 if big else 380,
        "margin": _room(big) | ({"t": 40} if compare is not None else {}),
        "shapes": shapes,
        "annotations": notes,
        "xaxis": _axis("z = w·x + b", big, range=[-span, span]),
        "yaxis": _axis(f"a = {act.label}(z)", big, range=[lo - pad, hi + pad]),
    }
    return data, layout


def contributions(f: Forward) -> Chart:
    """Each term w_i·x_i and then b as a signed bar, stacked end to end so the last one ends at z."""
    labels = [f"w{sub(i)}x{sub(i)}" for i in range(1, f.n + 1)] + ["b", "z"]
    values = [float(t) for t in f.terms] + [float(f.b)]
    ends = np.cumsum(values).tolist()
    starts = [0.0, *ends[:-1]]
    z = float(f.z)
    bars = {
        "name": "terms",
        "type": "bar",
        "orientation": "h",
        "y": labels,
        "x": [_r(v) for v in [*values, z]],
        "base": [_r(v) for v in [*starts, 0.0]],
        "text": [fmt(v) for v in values] + [f"z = {fmt(z)}"],
        "textposition": "outside",
        "cliponaxis": False,
        "marker": {
            "color": [edge_style(v)["color"] for v in values] + [INK],
            # The sign once more without colour: negative terms are hatched.
            "pattern": {"shape": ["/" if v < 0 else "" for v in values] + [""], "fgcolor": "#FFF"},
        },
    }
    reach = max(abs(e) for e in [*ends, *starts, 1.0])
    layout = {
        "hovermode": False,  # nothing to hover: every term's value is written beside its bar
        "height": 90 + 34 * (f.n + 2),
        "margin": _room(),
        "xaxis": _axis("running sum", range=[-1.25 * reach, 1.25 * reach], zeroline=True, zerolinecolor=INK),
        "yaxis": {"autorange": "reversed", "fixedrange": True},
        "bargap": 0.3,
    }
    shares = ", ".join(f"{k} = {fmt(v)}" for k, v in zip(labels, values, strict=False))
    return _figure([bars], layout, f"Each term's share of z: {shares}; they add up to z = {fmt(z)}.", "terms")
