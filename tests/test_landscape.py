"""The two-input landscape: a over a grid in one vectorised pass, the z = 0 line, the current point."""

from pathlib import Path

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from neuron_core.figures.neuron import LANDSCAPE_STEPS, landscape_figure
from neuron_core.link.state import State, from_query, to_query
from neuron_core.model.activations import ACTIVATIONS
from neuron_core.model.neuron import forward, landscape, zero_crosses
from tests.charts import app_charts, plotly

APP = str(Path(__file__).resolve().parents[1] / "playground.py")
SEED = forward([2, 1, 3], [1, -1, 1], -5)


@pytest.mark.parametrize("act", list(ACTIVATIONS))
def test_every_grid_point_is_the_forward_pass_there(act):
    f = forward([2, 1, 3], [1, -1, 1], -5, act)
    xi, xj, a = landscape(f, 0, 2, steps=9)
    for r, vj in enumerate(xj):
        for c, vi in enumerate(xi):
            assert a[r, c] == pytest.approx(float(forward([vi, 1, vj], [1, -1, 1], -5, act).a), abs=1e-12)


def test_the_figure_marks_the_current_inputs_and_the_z_0_line():
    fig = plotly(landscape_figure(SEED, 0, 1))
    names = [t.name for t in fig.data]
    assert names == ["a", "z = 0", "current"]
    current = fig.data[2]
    assert (current.x, current.y) == ((2.0,), (1.0,))
    line = fig.data[1]
    # On the line, x1 - x2 + 3 - 5 = 0, so x2 = x1 - 2.
    np.testing.assert_allclose(line.y, np.array(line.x) - 2)


def test_the_heatmap_is_the_landscape_grid_placed_by_its_first_value_and_step():
    heat = plotly(landscape_figure(SEED, 0, 2)).data[0]
    xi, xj, a = landscape(SEED, 0, 2, steps=LANDSCAPE_STEPS)
    np.testing.assert_allclose(heat.x0 + heat.dx * np.arange(LANDSCAPE_STEPS), xi)
    np.testing.assert_allclose(heat.y0 + heat.dy * np.arange(LANDSCAPE_STEPS), xj)
    np.testing.assert_allclose(np.array(heat.z), a, atol=0.005)
    assert (xi[0], xi[-1]) == (-10.0, 10.0)


def test_a_vertical_z_0_line_when_the_upward_weight_is_zero():
    f = forward([2, 1], [2, 0], -1)
    line = plotly(landscape_figure(f, 0, 1)).data[1]
    assert line.x == (0.5, 0.5)


def test_two_different_inputs_are_needed():
    with pytest.raises(ValueError, match="two different inputs"):
        landscape(SEED, 1, 1)


def test_the_landscape_travels_in_the_link():
    s = State(land=True, i=3, j=1)
    assert from_query(to_query(s)).state == s
    # i = j is read as the select boxes read it; the page then asks for two different inputs.
    assert (from_query({"land": "true", "i": "2", "j": "2"}).state.i, from_query({"i": "2"}).state.i) == (
        2,
        1,
    )
    at = AppTest.from_file(APP, default_timeout=30)
    at.query_params.update({"land": "true", "i": "2", "j": "2"})
    at.run()
    assert not at.exception and any("two different inputs" in i.value for i in at.info)


def test_the_landscape_in_the_app():
    at = AppTest.from_file(APP, default_timeout=30)
    at.query_params.update({"land": "true", "i": "1", "j": "3"})
    at.run()
    assert not at.exception
    heat = app_charts(at)["landscape"]
    assert heat["data"][0]["type"] == "heatmap"
    assert heat["data"][2]["x"] == [2.0] and heat["data"][2]["y"] == [3.0]
    at.slider(key="x1").set_value(-4.0).run()
    heat = app_charts(at)["landscape"]
    assert heat["data"][2]["x"] == [-4.0]


def test_the_step_is_drawn_in_cells_and_no_line_is_promised_where_z_is_never_0():
    step = landscape_figure(forward([1.0, 2.0], [1.0, 1.0], 0.0, "step"), 0, 1)
    assert step["data"][0]["zsmooth"] is False and set(np.ravel(step["data"][0]["z"])) == {0.0, 1.0}
    relu = landscape_figure(forward([1.0, 2.0], [1.0, 1.0], 0.0), 0, 1)
    assert relu["data"][0]["zsmooth"] == "best" and "the dashed line is where z = 0" in relu["label"]
    # z = x1 + x2 + 25 is at least 5 over the square: no z = 0 line, and the label does not promise one.
    far = forward([1.0, 2.0], [1.0, 1.0], 25.0)
    assert not zero_crosses(far, 0, 1)
    chart = landscape_figure(far, 0, 1)
    assert "z = 0" not in [d["name"] for d in chart["data"]] and "z is not 0 anywhere here" in chart["label"]
    at = AppTest.from_file(APP, default_timeout=30)
    at.query_params.update({"land": "true", "b": "10", "w1": "0.1", "w2": "0.1"})  # z ≥ 10 - 1 - 1 + 3 = 11
    at.run()
    assert any("no z = 0 line" in c.value for c in at.caption)
