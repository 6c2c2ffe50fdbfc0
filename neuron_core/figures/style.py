"""The charts' one look: colours, fonts, axes, lines and notes, and the digest that spares a redraw."""

from __future__ import annotations

import hashlib
import json
from typing import Any

import numpy as np

# Okabe-Ito colours, safe for colour-blind eyes; the sign is also shown by the dash.
POSITIVE = "#0072B2"
NEGATIVE = "#D55E00"
ZERO = "#999"
POINT = "#CC79A7"
NODE = "#F2F2F2"
INK = "#222"
SHADE = "#E5E5E5"
MUTED = "#555"
FONT = "Source Sans, sans-serif"
Spec = dict[str, Any]
Chart = dict[str, Any]  # a figure spec with "label", "name" and maybe "first" (see the module's docstring)


# An edge's look by its value: the sign in colour and dash (negative, zero, positive), the size in width.
# The chart element previews a dragged edge by the same rule (neuron_core/grab.py sends it).
EDGE: Spec = {
    "colors": [NEGATIVE, ZERO, POSITIVE],
    "dashes": ["dash", "dot", "solid"],
    "base": 1.5,
    "per": 0.6,
    "cap": 10.0,
}


def edge_style(v: float) -> Spec:
    """Colour, dash and width of an edge for a weight (or the bias): sign twice over, size by |v|."""
    k = (v > 0) - (v < 0) + 1
    width = round(EDGE["base"] + min(abs(v), EDGE["cap"]) * EDGE["per"], 2)
    return {"color": EDGE["colors"][k], "dash": EDGE["dashes"][k], "width": width}


def revision(data: list[Spec]) -> str:
    """A short digest of the traces: Plotly.react compares trace data only when it changes."""
    text = json.dumps(data, separators=(",", ":"), sort_keys=True)
    return hashlib.blake2b(text.encode(), digest_size=4).hexdigest()


def _figure(
    data: list[Spec],
    layout: Spec,
    label: str,
    name: str,
    big: bool = False,
    frames: list[Spec] | None = None,
) -> Chart:
    # Plain data, checked against Plotly's schema by the tests (building plotly.graph_objects here
    # would validate every property on every slider move, about five times the cost).
    base = {
        "datarevision": revision(data),
        "dragmode": False,
        # The page's own typeface: the app draws charts without Streamlit's theme (see playground.draw).
        "font": {"family": FONT, "size": 21 if big else 15, "color": INK},
        "margin": {"l": 10, "r": 10, "t": 10, "b": 10},
    }
    if len(data) > 1:  # Plotly shows a legend for two traces or more; every name is on the chart itself
        base["showlegend"] = False
    chart = {"data": data, "layout": base | layout, "label": label, "name": name}
    # Presenter mode: the browser fits the chart to what is left of the screen (static/neuron_chart.js).
    return chart | ({"frames": frames} if frames else {}) | ({"fit": True} if big else {})


def _axis(title: str, big: bool = False, **kw: Any) -> Spec:
    """An axis in the page's style: fixed (no zoom), a light grid, muted ticks; larger in presenter mode."""
    # `color` colours the ticks and the title at once; the title takes the chart's font size.
    return {
        "fixedrange": True,
        "color": INK if big else MUTED,
        "gridcolor": "#E0E0E0",
        "zeroline": False,
        "tickfont": {"size": 20 if big else 13},
        "title": {"text": title},
        **kw,
    }


def _room(big: bool = False) -> Spec:
    """Margins with room for tick labels and axis titles, fixed so Plotly need not measure them."""
    return {"l": 84, "r": 16, "t": 10, "b": 76} if big else {"l": 62, "r": 16, "t": 10, "b": 56}


def _r(v: float) -> float:
    """A number as the browser needs it: 6 decimals, without float noise like -0.2999999999999998."""
    return round(float(v), 6)


def _line(x0: float, y0: float, x1: float, y1: float, line: Spec, **kw: Any) -> Spec:
    return {"type": "line", "x0": x0, "y0": y0, "x1": x1, "y1": y1, "line": line, **kw}


def _shade(x0: float, x1: float) -> Spec:
    """A grey band behind the traces from x0 to x1, the plot's full height."""
    return {
        "type": "rect",
        "x0": x0,
        "x1": x1,
        "yref": "paper",
        "y0": 0,
        "y1": 1,
        "fillcolor": SHADE,
        "opacity": 0.6,
        "line": {"width": 0},
        "layer": "below",
    }


def _note(x: float, y: float, text: str, **kw: Any) -> Spec:
    return {"x": x, "y": y, "text": text, "showarrow": False, **kw}


def _path(name: str, x: list, y: list, line: Spec | None) -> Spec:
    return {
        "name": name,
        "type": "scatter",
        "mode": "lines",
        "x": x,
        "y": y,
        "line": line or {},
        "hoverinfo": "skip",
    }


def _r2(v: np.ndarray | list) -> list[float]:
    """Coordinates for a frame: 2 decimals, a fraction of a pixel on any screen, and few bytes."""
    return np.round(np.asarray(v, dtype=float), 2).tolist()
