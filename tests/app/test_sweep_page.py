"""Sweeps: z as one parameter runs from -10 to 10, and the animation frames that show it."""

import pytest
from streamlit.testing.v1 import AppTest

from neuron_core.link.state import from_query
from tests.charts import app_charts
from tests.paths import APP, opened
from tests.shown import unescaped


def test_the_sweep_in_the_app():
    at = opened({"sweep": "x1"})
    assert not at.exception and at.selectbox(key="sweep").value == "x1"
    spec = app_charts(at)["sweep_chart"]
    assert len(spec["frames"]) == 41


@pytest.mark.parametrize(("links", "value"), [(["b", ""], "none"), (["", "b"], "b"), (["x5"], "none")])
def test_the_app_and_the_core_read_a_sweep_link_alike(links, value):
    at = AppTest.from_file(APP, default_timeout=30)
    at.query_params["sweep"] = links
    at.run()
    reading = from_query({"sweep": links})
    assert at.selectbox(key="sweep").value == reading.state.sweep == value
    assert [unescaped(w.value) for w in at.warning] == reading.notices
