"""The charts of training: one example's steps, the points with the neuron's line, and the epochs."""

from __future__ import annotations

import numpy as np

# Okabe-Ito colours, safe for colour-blind eyes; the sign is also shown by the dash.
from neuron_core.figures.style import (
    INK,
    NEGATIVE,
    POINT,
    POSITIVE,
    ZERO,
    Chart,
    Spec,
    _axis,
    _figure,
    _path,
    _r,
    _r2,
    _room,
    _shade,
    edge_style,
)
from neuron_core.model.batch import Run, boundary, threshold
from neuron_core.model.data import Data, Point
from neuron_core.model.training import Training
from neuron_core.numbers import many, sub
from neuron_core.words import on_data, on_example
from neuron_core.words.on_data import boundary_words, loss_name


def training_figure(t: Training) -> Chart:
    """The loss over the steps (above) and each weight and the bias moving (below)."""
    steps = list(range(len(t.loss)))
    data: list[Spec] = [
        {
            "name": "loss",
            "type": "scatter",
            "mode": "lines+markers",
            "x": steps,
            "y": np.round(t.loss, 6).tolist(),
            "line": {"color": INK, "width": 3},
            "yaxis": "y",
        },
    ]
    for k in range(t.w.shape[1]):
        v = float(t.w[-1, k])
        data.append(
            _path(f"w{sub(k + 1)}", steps, np.round(t.w[:, k], 6).tolist(), edge_style(v) | {"width": 2})
        )
        data[-1]["yaxis"] = "y2"
    data.append(_path("b", steps, np.round(t.b, 6).tolist(), {"color": ZERO, "dash": "dashdot", "width": 2}))
    data[-1]["yaxis"] = "y2"
    for trace in data[1:]:  # each weight and b as dots too: at step 0 a line has no length to show
        trace["mode"] = "lines+markers"
    layout = {
        "height": 460,
        "margin": _room(),
        "showlegend": True,
        "legend": {"orientation": "h", "y": -0.15},
        # From step 0 to the last, and at least to 10: a run of no steps yet has an axis worth reading.
        "xaxis": _axis(
            "step", anchor="y2", range=[-0.3, max(t.steps, 10) + 0.3], dtick=max(1, (t.steps + 9) // 10)
        ),
        "yaxis": _axis("loss (a - y)²", domain=[0.58, 1]),
        "yaxis2": _axis("w and b", domain=[0, 0.45]),
    }
    loss = f"the loss went from {on_example.value_text(t, 'loss', 0)} to {on_example.value_text(t, 'loss')}"
    label = f"Training over {many(t.steps, 'step')}: {loss}; now {on_example.now(t)}."
    return _figure(data, layout, label, "training")


WRONG = "#E41A1C"  # the ring round a point on the wrong side
DATA_STEPS = 13  # grid values per side of the data's landscape of a (the browser smooths between them)


def _epoch_traces(run: Run, d: Data, k: int, lo: float, hi: float, z_half: float) -> list[Spec]:
    """Epoch k's boundary (its two ends in the square) and the points on the wrong side."""
    w, b = run.w[k], float(run.b[k])
    ends = np.array(boundary(w, b, z_half, lo, hi)).reshape(-1, 2)
    wrong = run.one[k] != (d.y == 1)  # as the run counted them
    return [{"x": _r2(ends[:, 0]), "y": _r2(ends[:, 1])}, {"x": _r2(d.x[wrong, 0]), "y": _r2(d.x[wrong, 1])}]


def square(pts: tuple[Point, ...]) -> tuple[float, float]:
    """The range of both axes that shows every point with room round it: -0.5 to 1.5 for the gates."""
    v = np.array([p[:2] for p in pts] or [(0.0, 0.0)], dtype=float)
    lo, hi = float(v.min()), float(v.max())
    pad = max(0.5, 0.12 * (hi - lo))
    return lo - pad, hi + pad


def data_figure(d: Data, pts: tuple, run: Run, k: int, fit: bool = False) -> Chart:
    """The points on the landscape of a over (x1, x2) at epoch k, the boundary, and the wrong ones ringed;
    `fit` (presenter mode) has the browser fit it to what is left of the window.

    Frames for the later epochs move the boundary and the rings; the landscape is epoch k's, so they hide it,
    and the last frame shows the last epoch's: Play ends on a chart with its colours.
    """
    lo, hi = square(pts)
    z_half = threshold(run.act, run.alpha)
    g = np.linspace(lo, hi, DATA_STEPS)

    def landscape(e: int) -> np.ndarray:
        """a over the square at epoch e."""
        w, b = run.w[e], float(run.b[e])
        return run.act(w[0] * g[None, :] + w[1] * g[:, None] + b, run.alpha)

    a, end = landscape(k), landscape(run.epochs)
    # One colour scale for both (the colour bar stays as Play runs): 0 to 1 at least.
    scale = {
        "zmin": _r(min(0.0, float(a.min()), float(end.min()))),
        "zmax": _r(max(1.0, float(a.max()), float(end.max()))),
    }
    line, wrong = _epoch_traces(run, d, k, lo, hi, z_half)
    marker = {"size": 13, "line": {"color": "#FFFFFF", "width": 2}}
    step = _r(g[1] - g[0])
    # The boundary and the rings are traces 0 and 1, so that a frame need not say which traces it
    # changes (Plotly draws a heatmap under every line).
    data: list[Spec] = [
        {
            "name": "boundary",
            "type": "scatter",
            "mode": "lines",
            "line": {"color": POINT, "width": 4},
            "hoverinfo": "skip",
        }
        | line,
        {
            "name": "on the wrong side",
            "type": "scatter",
            "mode": "markers",
            "hoverinfo": "skip",
            "marker": {"symbol": "circle-open", "size": 26, "color": WRONG, "line": {"width": 3}},
        }
        | wrong,
        {
            "name": "a",
            "type": "heatmap",
            "x0": _r(lo),
            "dx": step,
            "y0": _r(lo),
            "dy": step,
            # The step's a is 0 or 1, nothing between: drawn in cells, as on the landscape of two inputs.
            "z": np.round(a, 2).tolist(),
            "zsmooth": False if run.act.only else "best",
            # 0 to 1 at least, so a colour means the same for the sigmoid and the step on every data set, and
            # as far as a goes beyond (identity, ReLU, tanh), so that no value is shown as 0 or 1 it is not
            "colorscale": "Cividis",
            **scale,
            "colorbar": {"title": {"text": "a"}, "len": 0.8},
            "hoverinfo": "skip",
            "showlegend": False,
        },
    ]
    for label, symbol, colour in ((0, "circle", NEGATIVE), (1, "triangle-up", POSITIVE)):
        mine = d.y == label
        data.append(
            {
                "name": f"y = {label}",
                "type": "scatter",
                "mode": "markers",
                "x": np.round(d.x[mine, 0], 6).tolist(),
                "y": np.round(d.x[mine, 1], 6).tolist(),
                "marker": marker | {"symbol": symbol, "color": colour},
                "hovertemplate": f"x₁ = %{{x}}, x₂ = %{{y}}, y = {label}<extra></extra>",
            }
        )
    title = {"font": {"size": 16}, "x": 0.02, "xanchor": "left"}
    # The first frame also hides the landscape of a (its colour bar stays, so that nothing moves).
    frames = [
        {
            "data": _epoch_traces(run, d, e, lo, hi, z_half),
            "layout": {"title": {"text": on_data.short(run, e)}},
        }
        for e in range(k + 1, run.epochs + 1)
    ]
    if frames:
        frames[0] |= {"data": [*frames[0]["data"], {"opacity": 0}], "traces": [0, 1, 2]}
        shown = {"type": "heatmap", "opacity": 1, "z": np.round(end, 2).tolist()}
        frames[-1] |= {"data": [*frames[-1]["data"][:2], shown], "traces": [0, 1, 2]}
    layout = {
        "height": 480,
        "margin": _room()
        | {"t": 44, "b": 130 if fit else 110},  # a fitted chart may be narrow: legend in rows
        "title": {**title, "text": on_data.short(run, k)},
        "showlegend": True,
        # under the x axis at any height (a projector fits the chart to its window): from the bottom up
        "legend": {
            "orientation": "h",
            "yref": "container",
            "y": 0,
            "yanchor": "bottom",
            "x": 0,
            "traceorder": "reversed",
        },
        "xaxis": _axis("input x₁", range=[lo, hi], showgrid=False, constrain="domain"),
        "yaxis": _axis("input x₂", range=[lo, hi], showgrid=False, scaleanchor="x", constrain="domain"),
    }
    said = f"{on_data.said(run, k)} at epoch {k}"
    label = (
        f"{d.m} points over x₁ and x₂, triangles labelled 1 and circles labelled 0, on a heatmap of a; "
        + (
            f"the boundary, {boundary_words(run.act, run.alpha)}, crosses the square"
            if line["x"]
            else "no boundary in the square"
        )
        + f"; {said}."
    )
    play = {"frame": {"duration": 200, "redraw": True}, "transition": {"duration": 0}}
    chart = _figure(data, layout, label, "data", frames=frames)
    return chart | ({"play": play} if frames else {}) | ({"fit": True} if fit else {})


def epochs_figure(run: Run, k: int, fit: bool = False) -> Chart:
    """Loss (above) and points right (below) per epoch, up to the last that ▶ Play shows (shaded)."""
    name = loss_name(run.act)
    right = (100 * run.right / run.m).round(1).tolist()
    # One point per epoch from epoch 0: x0 and dx say where, with no list of epochs to send.
    data: list[Spec] = [
        _path(name, [], np.round(run.loss, 4).tolist(), {"color": INK, "width": 3}),
        _path("points right", [], right, {"color": POSITIVE, "width": 3}) | {"yaxis": "y2"},
    ]
    for trace in data:
        del trace["x"]
        trace |= {"x0": 0, "dx": 1}
    ahead = run.epochs - k
    shade = _shade(k, run.epochs + 0.5)  # the epochs ahead, that Play will show
    layout = {
        "height": 480,
        "margin": _room() | {"t": 44},
        "title": {
            "text": f"Epoch {k}" + (f"; shaded: the {ahead} epochs ▶ Play shows" if ahead else ""),
            "font": {"size": 14},
            "x": 0.02,
            "xanchor": "left",
        },
        "shapes": [shade] if ahead else [],
        "xaxis": _axis("epoch", anchor="y2", range=[-0.5, run.epochs + 0.5]),
        "yaxis": _axis(name, domain=[0.55, 1], rangemode="tozero"),
        "yaxis2": _axis("points right (%)", domain=[0, 0.42], range=[-5, 105]),
    }
    label = f"{name} and points right over epochs 0 to {run.epochs}; at epoch {k}: {on_data.said(run, k)}."
    return _figure(data, layout, label, "epochs") | ({"fit": True} if fit else {})
