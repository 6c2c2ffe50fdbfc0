"""Sweeps: z as one parameter runs from -10 to 10, and the animation frames that show it."""

import numpy as np
import pytest

from neuron_core.figures.explore import sweep_figure
from neuron_core.link.state import State, from_query, to_query
from neuron_core.model.neuron import forward, sweep
from tests.charts import plotly

X, W, B = [2.0, 1.0, 3.0], [1.0, -1.0, 1.0], -5.0


SEED = forward(X, W, B)


@pytest.mark.parametrize("param", ["x1", "x3", "w2", "b"])
def test_each_swept_z_is_the_forward_pass_at_that_value(param):
    values, zs = sweep(SEED, param, steps=7)
    for v, z in zip(values, zs, strict=True):
        x, w, b = list(X), list(W), B
        if param == "b":
            b = v
        else:
            (x if param[0] == "x" else w)[int(param[1]) - 1] = v
        assert z == pytest.approx(float(forward(x, w, b).z))


def test_an_unknown_parameter_is_refused():
    with pytest.raises(ValueError, match="x1…x3, w1…w3 or b"):
        sweep(SEED, "x4")


def test_the_frames_move_the_current_point_along_the_curve():
    fig = plotly(sweep_figure(SEED, "b"))
    assert len(fig.frames) == 41
    first, last = fig.frames[0], fig.frames[-1]
    assert first.traces == (1,) and first.data[0].x == (-6.0,) and first.data[0].y == (0.0,)
    assert last.data[0].x == (14.0,) and last.data[0].y == (14.0,)
    assert last.layout.title.text == "b = 10:  z = 14,  a = 14"
    x0, x1 = fig.layout.xaxis.range
    zs = [fr.data[0].x[0] for fr in fig.frames]
    assert x0 < min(zs) and max(zs) < x1  # every frame's point is in view
    # Played by the element's own buttons: the frames' timing travels beside the figure.
    chart = sweep_figure(SEED, "b")
    assert chart["play"]["frame"]["duration"] > 0 and not fig.layout.updatemenus
    np.testing.assert_allclose(zs, np.linspace(-6, 14, 41))


def test_the_sweep_travels_in_the_link():
    assert from_query(to_query(State(sweep="w2"))).state.sweep == "w2"
    assert "sweep" in from_query({"sweep": "<b>"}).notices[0]
