"""Exploring one neuron: the landscape of a over two inputs, and a sweep of one parameter."""

from __future__ import annotations

import numpy as np

from neuron_core.figures.neuron import curve_span, curve_spec
from neuron_core.figures.style import (
    INK,
    POINT,
    Chart,
    Spec,
    _axis,
    _figure,
    _path,
    _r,
    _room,
)
from neuron_core.model.neuron import Forward, landscape, sweep, zero_crosses
from neuron_core.numbers import eq, fmt, sub
from neuron_core.words.calculation import a_text

LANDSCAPE_STEPS = 21  # grid values per side of the landscape: every 1.0 from -10 to 10


def landscape_figure(
    f: Forward, i: int, j: int, lo: float = -10.0, hi: float = 10.0, steps: int = LANDSCAPE_STEPS
) -> Chart:
    """A heatmap of a over inputs x_i and x_j, the line where w·x + b = 0, and the current inputs marked."""
    # A coarse grid (steps by steps values, sent on every slider move): the browser smooths it.
    xi, xj, a = landscape(f, i, j, lo, hi, steps)
    wi, wj = float(f.w[i]), float(f.w[j])
    rest = float(f.z) - wi * float(f.x[i]) - wj * float(f.x[j])
    data: list[Spec] = [
        {
            "name": "a",
            "type": "heatmap",
            "x0": float(xi[0]),
            "dx": float(xi[1] - xi[0]),
            "y0": float(xj[0]),
            "dy": float(xj[1] - xj[0]),
            # The step's a is 0 or 1, nothing between: drawn in cells, not smoothed into colours it never has.
            "z": np.round(a, 2).tolist(),
            "zsmooth": False if f.act.only else "best",
            "colorscale": "Cividis",
            "colorbar": {"title": {"text": "a"}},
            "hovertemplate": f"x{sub(i + 1)} = %{{x}}<br>x{sub(j + 1)} = %{{y}}<br>a = %{{z}}<extra></extra>",
        },
    ]
    # z = 0 where rest + wi·xi + wj·xj = 0: a line across the square, unless both weights are 0.
    dashed = {"color": "#FFFFFF", "dash": "dash", "width": 3}
    crosses = zero_crosses(f, i, j, lo, hi)
    if crosses and wj != 0:
        ends = np.array([lo, hi])  # a straight line: its two ends are enough
        data.append(_path("z = 0", ends.tolist(), (-(rest + wi * ends) / wj).tolist(), dashed))
    elif crosses:
        data.append(_path("z = 0", [-rest / wi] * 2, [lo, hi], dashed))
    current = _path("current", [float(f.x[i])], [float(f.x[j])], None)
    del current["hoverinfo"]
    current |= {
        "mode": "markers",
        "marker": {"size": 16, "color": POINT, "line": {"color": INK, "width": 2}},
        "hovertemplate": "the current inputs<extra></extra>",
    }
    data.append(current)
    layout = {
        "height": 420,
        "margin": _room(),
        "xaxis": _axis(f"input x{sub(i + 1)}", range=[lo, hi], showgrid=False),
        "yaxis": _axis(f"input x{sub(j + 1)}", range=[lo, hi], showgrid=False),
    }
    label = (
        f"Heatmap of a over x{sub(i + 1)} and x{sub(j + 1)} from {fmt(lo)} to {fmt(hi)}, the other inputs "
        f"held; the current inputs x{sub(i + 1)} = {fmt(f.x[i])}, x{sub(j + 1)} = {fmt(f.x[j])} give "
        f"a {eq(a_text(f))}"
        + ("; the dashed line is where z = 0." if crosses else "; z is not 0 anywhere here.")
    )
    return _figure(data, layout, label, "landscape")


def sweep_figure(f: Forward, param: str, steps: int = 41) -> Chart:
    """The activation curve with Plotly animation frames: `param` (x_i, w_i or b) swept over -10 to 10."""
    values, zs = sweep(f, param, steps)
    a = f.act.f(zs, f.alpha)
    span = curve_span(max(np.abs(zs).max(), abs(float(f.z))))  # wide enough for every frame's point
    data, layout = curve_spec(f.act, f.alpha, float(f.z), float(f.a), False, span)
    # The point is a trace here, so that the frames can move it.
    data.append(
        {
            "name": "current",
            "type": "scatter",
            "mode": "markers",
            "x": [_r(f.z)],
            "y": [_r(f.a)],
            "marker": {"size": 16, "color": POINT, "line": {"color": INK, "width": 2}},
        }
    )
    # Keep the z = 0 line and the shaded off region; drop the guide to (z, a), which the frames leave behind.
    shapes = [s for s in layout["shapes"] if s.get("name") != "guide"]
    what = _math_label(param)
    title = {"font": {"size": 18}}
    # Each frame moves the point to its value's (z, a) and says so in the title; the frames play in the
    # browser, with no round trip to the server.
    frames = [
        {
            "name": fmt(v),
            "data": [{"type": "scatter", "x": [_r(zv)], "y": [_r(av)]}],
            "traces": [1],
            "layout": {
                "title": {**title, "text": f"{what} = {fmt(v)}:  z = {fmt(zv)},  a {eq(fmt(av, ok))}"}
            },
        }
        for v, zv, av, ok in zip(values, zs, a, f.act.exact(zs), strict=True)
    ]
    # redraw: the title, where each frame writes its z and a, is only drawn anew on a full redraw.
    play = {"frame": {"duration": 150, "redraw": True}, "transition": {"duration": 0}, "fromcurrent": True}
    layout |= {
        "shapes": shapes,
        "title": {**title, "text": f"Sweep {what} from -10 to 10"},
        "margin": layout["margin"] | {"t": 50},
        "height": 460,
    }
    label = (
        f"{f.act.label} curve with a sweep of {what} from -10 to 10: press Play to move the point; "
        f"now z = {fmt(f.z)}, a {eq(a_text(f))}"
    )
    # Played by the chart element's own ▶ Play and ❚❚ Pause buttons, real buttons that Tab reaches.
    return _figure(data, layout, label, f"sweep-{param}", frames=frames) | {"play": play}


def _math_label(param: str) -> str:
    return param if param == "b" else f"{param[0]}{sub(int(param[1:]))}"
