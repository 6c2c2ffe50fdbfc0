"""Pure Plotly figure builders: numbers in, figure out. Nothing here reads app state."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from neuron_core.activations import Activation
from neuron_core.neuron import Forward
from neuron_core.trace import fmt

# Okabe-Ito colours, safe for colour-blind eyes; the sign is also shown by the dash.
POSITIVE = "#0072B2"
NEGATIVE = "#D55E00"
ZERO = "#999999"
POINT = "#CC79A7"
NODE = "#F2F2F2"
INK = "#222222"

_SUB = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")
_FIXED = {"fixedrange": True}  # no zoom: a touch on a phone scrolls the page instead
SMOOTH_POINTS = 121


def sub(i: int) -> str:
    """Subscript digits: 3 -> ₃."""
    return str(i).translate(_SUB)


def edge_style(v: float) -> dict[str, object]:
    """Colour, dash and width of an edge for a weight (or the bias): sign twice over, size by |v|."""
    if v > 0:
        color, dash = POSITIVE, "solid"
    elif v < 0:
        color, dash = NEGATIVE, "dash"
    else:
        color, dash = ZERO, "dot"
    return {"color": color, "dash": dash, "width": 1.5 + min(abs(v), 10.0) * 0.6}


def _base_layout(height: int) -> dict[str, object]:
    return {
        "height": height,
        "margin": {"l": 10, "r": 10, "t": 10, "b": 10},
        "showlegend": False,
        "font": {"size": 15},
        "dragmode": False,
    }


def neuron_diagram(f: Forward) -> go.Figure:
    """The neuron: inputs x_i, weighted edges w_i, the bias b, Σ showing z, the activation, output a."""
    n = f.n
    ys = np.linspace((n - 1) / 2, -(n - 1) / 2, n) if n > 1 else np.zeros(1)
    yb = ys[-1] - 1.0  # the bias sits under the inputs, as the input "1" it multiplies
    sx, ax, ox = 2.4, 3.6, 4.8  # x of Σ, the activation and the output

    shapes: list[dict[str, object]] = []
    notes: list[dict[str, object]] = []
    for i, (wi, yi) in enumerate(zip(f.w, ys, strict=True), start=1):
        shapes.append(_edge(0.0, yi, sx, 0.0, float(wi)))
        notes.append(_edge_label(0.0, yi, sx, 0.0, f"w{sub(i)} = {fmt(wi)}", float(wi)))
    shapes.append(_edge(0.0, yb, sx, 0.0, f.b))
    notes.append(_edge_label(0.0, yb, sx, 0.0, f"b = {fmt(f.b)}", f.b))
    line = {"color": INK, "width": 2}
    shapes.append(
        {
            "type": "line",
            "x0": sx,
            "y0": 0,
            "x1": ax,
            "y1": 0,
            "line": line,
            "layer": "below",
        }
    )
    shapes.append(
        {
            "type": "line",
            "x0": ax,
            "y0": 0,
            "x1": ox,
            "y1": 0,
            "line": line,
            "layer": "below",
        }
    )

    node_x = [0.0] * (n + 1) + [sx, ax, ox]
    node_y = [*ys, yb, 0.0, 0.0, 0.0]
    values = [fmt(v) for v in f.x] + ["1", "Σ", f.act.label, fmt(f.a)]
    names = [f"x{sub(i)}" for i in range(1, n + 1)] + [
        "bias",
        f"z = {fmt(f.z)}",
        "",
        "a",
    ]
    fig = go.Figure(
        [
            go.Scatter(
                name="nodes",
                x=node_x,
                y=node_y,
                mode="markers+text",
                text=values,
                textfont={"size": 15, "color": INK},
                marker={
                    "size": [48] * n + [40, 56, 70, 56],
                    "symbol": ["circle"] * n + ["square", "circle", "square", "circle"],
                    "color": NODE,
                    "opacity": 1,
                    "line": {"color": INK, "width": 2},
                },
                hoverinfo="skip",
            ),
            go.Scatter(
                name="names",
                x=[-0.45] * (n + 1) + [sx, ax, ox],
                y=[*ys, yb, -0.55, -0.55, -0.55],
                mode="text",
                text=names,
                textposition=["middle left"] * (n + 1) + ["bottom center"] * 3,
                textfont={"size": 15, "color": INK},
                hoverinfo="skip",
            ),
        ]
    )
    fig.update_layout(
        **_base_layout(140 + 62 * (n + 1)),
        shapes=shapes,
        annotations=notes,
        xaxis={"visible": False, "range": [-1.3, 5.4], **_FIXED},
        yaxis={"visible": False, "range": [yb - 0.9, ys[0] + 0.6], **_FIXED},
    )
    return fig


def _edge(x0: float, y0: float, x1: float, y1: float, v: float) -> dict[str, object]:
    return {
        "type": "line",
        "x0": x0,
        "y0": y0,
        "x1": x1,
        "y1": y1,
        "line": edge_style(v),
        "layer": "below",
    }


def _edge_label(x0: float, y0: float, x1: float, y1: float, text: str, v: float) -> dict[str, object]:
    # At 40% of the way, where the fanned-in edges are still apart.
    return {
        "x": x0 + 0.4 * (x1 - x0),
        "y": y0 + 0.4 * (y1 - y0),
        "text": text,
        "showarrow": False,
        "bgcolor": "rgba(255,255,255,0.9)",
        "font": {"color": edge_style(v)["color"], "size": 14},
    }


def curve_span(z: float) -> float:
    """Half-width of the z axis: at least ±6, wide enough that z is always in view."""
    return max(6.0, 1.15 * abs(float(z)) + 1.0)


def curve_points(act: Activation, alpha: float, span: float) -> tuple[list[float | None], list[float | None]]:
    """Points of f over [-span, span]: the corners of a piecewise-linear f, a modest number otherwise."""
    if act.kinks is None:
        z = np.union1d(np.linspace(-span, span, SMOOTH_POINTS), np.linspace(-6.0, 6.0, 49))
        return z.tolist(), act(z, alpha).tolist()
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


def activation_curve(act: Activation, alpha: float, z: float, a: float) -> go.Figure:
    """The activation f(z) with the current point (z, a), z = 0 marked; for relu, the off region shaded."""
    span = curve_span(z)
    cz, ca = curve_points(act, alpha, span)
    finite = [v for v in ca if v is not None]
    lo, hi = min(*finite, a, 0.0), max(*finite, a, 1.0)
    pad = 0.08 * (hi - lo)
    shapes: list[dict[str, object]] = [
        {
            "type": "line",
            "x0": 0,
            "x1": 0,
            "yref": "paper",
            "y0": 0,
            "y1": 1,
            "line": {"color": ZERO, "dash": "dash", "width": 1.5},
        },
        {
            "type": "line",
            "x0": z,
            "x1": z,
            "y0": 0,
            "y1": a,
            "line": {"color": POINT, "dash": "dot", "width": 2},
        },
    ]
    notes: list[dict[str, object]] = [
        {
            "x": 0,
            "y": 1,
            "yref": "paper",
            "text": "z = 0",
            "showarrow": False,
            "xanchor": "left",
            "yanchor": "top",
            "font": {"color": "#555555", "size": 13},
        },
    ]
    if act.name == "relu":
        shapes.insert(
            0,
            {
                "type": "rect",
                "x0": -span,
                "x1": 0,
                "yref": "paper",
                "y0": 0,
                "y1": 1,
                "fillcolor": "#E5E5E5",
                "opacity": 0.6,
                "line": {"width": 0},
                "layer": "below",
            },
        )
        notes.append(
            {
                "x": -span / 2,
                "y": 0.9,
                "yref": "paper",
                "text": "off: a = 0 for z < 0",
                "showarrow": False,
                "font": {"color": "#444444", "size": 13},
            }
        )
    fig = go.Figure(
        [
            go.Scatter(
                name="f",
                x=cz,
                y=ca,
                mode="lines",
                line={"color": POSITIVE, "width": 3},
                hoverinfo="skip",
            ),
            go.Scatter(
                name="current",
                x=[float(z)],
                y=[float(a)],
                mode="markers",
                marker={"size": 16, "color": POINT, "line": {"color": INK, "width": 2}},
                hovertemplate="z = %{x:.4~f}<br>a = %{y:.4~f}<extra></extra>",
            ),
        ]
    )
    fig.update_layout(
        **_base_layout(380),
        shapes=shapes,
        annotations=notes,
        xaxis={
            "title": {"text": "z = w·x + b"},
            "range": [-span, span],
            "zeroline": False,
            **_FIXED,
        },
        yaxis={
            "title": {"text": f"a = {act.label}(z)"},
            "range": [lo - pad, hi + pad],
            "zeroline": True,
            **_FIXED,
        },
    )
    return fig
