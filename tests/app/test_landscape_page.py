"""The two-input landscape: a over a grid in one vectorised pass, the z = 0 line, the current point."""

import numpy as np
from streamlit.testing.v1 import AppTest

from neuron_core.figures.explore import landscape_figure
from neuron_core.link.state import State, from_query, to_query
from neuron_core.model.neuron import forward, zero_crosses
from tests.charts import app_charts
from tests.paths import APP, opened


def test_the_landscape_travels_in_the_link():
    s = State(land=True, i=3, j=1)
    assert from_query(to_query(s)).state == s
    # i = j is read as the select boxes read it; the page then asks for two different inputs.
    assert (from_query({"land": "true", "i": "2", "j": "2"}).state.i, from_query({"i": "2"}).state.i) == (
        2,
        1,
    )
    at = opened({"land": "true", "i": "2", "j": "2"})
    assert not at.exception and any("two different inputs" in i.value for i in at.info)


def test_the_landscape_in_the_app():
    at = opened({"land": "true", "i": "1", "j": "3"})
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
