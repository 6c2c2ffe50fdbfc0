"""The app through Streamlit's own AppTest: default view, sliders, links, junk links, reset."""

import pytest
from streamlit.testing.v1 import AppTest

from neuron_core.link.state import from_query, widget_values
from neuron_core.model.activations import ACTIVATIONS
from neuron_core.numbers import fmt
from tests.charts import app_charts
from tests.charts import point as chart_point
from tests.paths import opened
from tests.shown import unescaped


def run(query: dict | None = None) -> AppTest:
    at = opened(query or {})
    assert not at.exception
    return at


def shown(at: AppTest) -> tuple[str, str]:
    """The z and a metrics, as the page prints them."""
    z, a = (m.value for m in at.metric)
    return z, a


def point(at: AppTest) -> tuple[float, float]:
    """The highlighted current point of the activation curve."""
    return chart_point(app_charts(at)["curve"])


def settings(at: AppTest) -> dict:
    keys = ["n", *(f"{p}{i}" for i in range(1, at.session_state["n"] + 1) for p in "xw"), "b", "act"]
    return {k: at.session_state[k] for k in keys}


def test_the_default_view_is_the_worked_example():
    at = run()
    assert shown(at) == ("-1", "0")
    assert point(at) == (-1.0, 0.0)
    assert at.code[0].value == (
        "w*x + b = (1)*(2) + (-1)*(1) + (1)*(3) + (-5) = -1\nReLU: -1 → 0 because -1 is negative."
    )
    # written once more, by hand: the row [w | b] times the column [x ; 1], with the activation's rule
    assert r"= (2) + (-1) + (3) + (-5) = -1 \;\xrightarrow{\text{ReLU}}\; 0" in at.latex[0].value
    assert r"\text{ReLU}(z) = \max(0, z)" in at.latex[0].value and len(at.latex) == 1
    assert not at.warning


def test_moving_a_slider_moves_z_a_and_the_point():
    at = run()
    at.slider(key="b").set_value(-3.0).run()
    assert shown(at) == ("1", "1")
    assert point(at) == (1.0, 1.0)
    at.slider(key="w2").set_value(2.0).run()
    assert shown(at) == ("4", "4") and point(at) == (4.0, 4.0)


def test_n_adds_inputs_that_change_nothing_until_weighted():
    at = run()
    at.slider(key="n").set_value(4).run()
    assert at.session_state["w4"] == 0.0 and shown(at) == ("-1", "0")
    at.slider(key="w4").set_value(2.0).run()
    assert shown(at) == ("1", "1")


def test_a_link_sets_the_state():
    at = run({"n": "2", "x1": "1", "x2": "2", "w1": "3", "w2": "-1", "b": "0.5", "act": "relu"})
    assert shown(at) == ("1.5", "1.5") and point(at) == (1.5, 1.5)
    assert not at.warning


@pytest.mark.parametrize("act", list(ACTIVATIONS))
def test_every_activation_renders(act):
    at = run({"act": act})
    assert at.selectbox(key="act").value == act
    z, a = point(at)
    assert z == -1.0 and shown(at)[0] == "-1"
    # The browser gets the point to 6 decimals; the metric shows the value to 4 significant figures.
    assert a == round(float(ACTIVATIONS[act](-1.0)), 6) and shown(at)[1] == fmt(ACTIVATIONS[act](-1.0))
    assert at.code[0].value.splitlines()[1].startswith(f"{ACTIVATIONS[act].label}: ")


def test_leaky_relu_has_its_alpha_in_the_link():
    at = run({"act": "leaky_relu", "alpha": "0.5"})
    assert at.slider(key="alpha").value == 0.5
    assert point(at) == (-1.0, -0.5)


JUNK = [
    {"x1": "abc", "w2": "nan", "b": "1e999"},
    {"n": "2.5", "x2": ["1", "2"], "act": "<script>alert(1)</script>", "zz": "1"},
    {"n": "-3", "b": "", "w1": "50"},
    {"n": "100000", "x3": "inf", "act": "swish"},
]


@pytest.mark.parametrize("query", JUNK)
def test_a_junk_link_gives_notices_and_a_valid_view(query):
    at = run(query)
    reading = from_query(query)
    assert [unescaped(w.value) for w in at.warning] == reading.notices and reading.notices
    # Streamlit's own seeding of the bound sliders agrees with the core's reading, value for value.
    expected = widget_values(reading.state)
    assert settings(at) == {k: expected[k] for k in settings(at)}
    assert shown(at)[0] != "" and all("<script>" not in w.value for w in at.warning)


def test_reset_returns_to_the_worked_example_with_every_view_off():
    views = {"grad": "true", "land": "true", "sweep": "b", "train": "true", "steps": "3", "y": "2"}
    at = run({"n": "2", "x1": "1", "b": "4", "act": "tanh", **views})
    assert shown(at) != ("-1", "0") and len(app_charts(at)) == 6
    next(b for b in at.button if b.label.startswith("↺ Reset")).click().run()
    assert shown(at) == ("-1", "0") and at.session_state["n"] == 3
    seed = widget_values(from_query({}).state)
    assert {k: at.session_state[k] for k in seed if k in at.session_state} == seed
    assert {"grad", "land", "sweep", "train", "y"} <= {k for k in seed if k in at.session_state}
    assert list(app_charts(at)) == ["diagram", "curve", "terms"]  # the default view


def test_activations_are_shown_by_name_and_kept_in_the_link_by_key():
    at = opened({"act": "leaky_relu", "compare": "sigmoid"})
    box = at.selectbox(key="act")
    assert box.value == "leaky_relu" and "Leaky ReLU" in box.options and "leaky_relu" not in box.options
    assert "For comparison, sigmoid(-1) = 0.2689 (the dashed curve)." in at.markdown[1].value
    assert len(app_charts(at)["curve"]["data"]) == 2
    at.selectbox(key="act").set_value("gelu").run()
    assert at.query_params["act"] == "gelu" and at.query_params["compare"] == "sigmoid"
    at.selectbox(key="compare").set_value("none").run()
    assert "compare" not in at.query_params and len(app_charts(at)["curve"]["data"]) == 1
