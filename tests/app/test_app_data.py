"""The data view in AppTest: each preset, own points in a table, epochs in the link, Move the sliders."""

import pytest
from streamlit.testing.v1 import AppTest

from neuron_core.model import batch, data
from neuron_core.model.batch import PLAY_EPOCHS
from neuron_core.numbers import fmt
from tests.charts import app_charts, plotly
from tests.paths import opened
from tests.shown import unescaped


def page(**query: str) -> AppTest:
    at = opened(query)
    assert not at.exception
    return at


def said(at: AppTest) -> str:
    """Every sentence the page shows, one per line (text from the link or the table shown as text)."""
    boxes = [*at.markdown, *at.caption, *at.info, *at.warning, *at.success]
    return "\n".join(unescaped(str(e.value)) for e in boxes)


@pytest.mark.parametrize("name", list(data.PRESETS))
def test_each_preset_shows_its_points_boundary_and_sentences(name):
    at = page(data=name, act="sigmoid")
    pts = data.points(name)
    charts = app_charts(at)
    chart = charts["points_chart"]
    plotly(chart)
    shown = sum(len(t["x"]) for t in chart["data"] if t["name"] in ("y = 0", "y = 1"))
    assert shown == len(pts)
    # n is held at 2: no slider for it, and weights for two inputs only (the points are the inputs)
    assert {s.key for s in at.slider} >= {"w1", "w2", "b"} and not {"n", "x1", "w3"} & {
        s.key for s in at.slider
    }
    text = said(at)
    assert f"The neuron meets data: {data.NAMES[name]}" == at.title[0].value
    assert "its boundary is the line w₁x₁ + w₂x₂ + b = 0" in text and "The loss is the cross-entropy" in text
    assert f"Epoch 0: {len(pts)}" not in text or batch.separable(pts)
    assert ("the best any line does is" in text) == (not batch.separable(pts))
    assert len(chart["frames"]) == PLAY_EPOCHS and charts["epochs_chart"]["label"].startswith("cross-entropy")


def test_xor_says_no_line_splits_it_and_what_would():
    text = said(page(data="xor", act="sigmoid", epochs="200"))
    assert "No straight line can split these points: the best any line does is 3 of 4, so one neuron" in text
    assert "a second layer of neurons can (XOR is OR but not AND: two lines, combined)." in text
    assert "Epoch 200: 1 of 4 right (25%), cross-entropy 0.6933." in text
    assert "XOR's lowest cross-entropy, at w = 0 and b = 0: a = 0.5 for every point, on the fence" in text


def test_epochs_in_the_link_replay_and_the_buttons_add_to_them():
    at = page(data="or", act="sigmoid", epochs="20")
    assert "Epoch 20: 4 of 4 right (100%), cross-entropy 0.2202." in said(at)
    at.button(key="batch Take ten epochs").click().run()
    assert at.number_input(key="epochs").value == 30 and at.query_params["epochs"] == "30"
    at.button(key="batch Start again").click().run()
    assert at.number_input(key="epochs").value == 0 and "epochs" not in at.query_params


def test_epochs_stop_at_the_most_the_link_holds():
    at = page(data="or", act="sigmoid", epochs="995")
    at.button(key="batch Take ten epochs").click().run()
    assert not at.exception and at.number_input(key="epochs").value == 1000


def test_move_the_sliders_to_the_trained_weights():
    at = page(data="and", rule="perceptron", epochs="10")
    run = batch.fit(data.make(data.points("and")), (1.0, -1.0), -5.0, "relu", None, "perceptron", 0.5, 10)
    at.button(key="move to the data").click().run()
    assert not at.exception
    assert (at.slider(key="w1").value, at.slider(key="w2").value, at.slider(key="b").value) == (
        round(float(run.w[10][0]), 4),
        round(float(run.w[10][1]), 4),
        round(float(run.b[10]), 4),
    )
    assert at.number_input(key="epochs").value == 0
    assert "Epoch 0: 4 of 4 right (100%)" in said(at)


def test_the_perceptron_rule_trains_the_step_and_says_so():
    text = said(page(data="and", rule="perceptron", act="sigmoid", epochs="10"))
    assert "The perceptron rule trains the step, a = 1 where z ≥ 0, whatever the activation chosen" in text
    assert "Epoch 10: 4 of 4 right (100%), squared error 0." in text


def test_own_points_start_as_the_example_and_edits_go_to_the_link():
    at = page(data="own")
    assert at.dataframe[0].value.values.tolist() == [list(p) for p in data.OWN]
    assert "points" not in at.query_params
    at.session_state["points 0"] = {
        "edited_rows": {"0": {"y": 1}},
        "added_rows": [{"x1": 3, "x2": 3, "y": 1}, {"x1": 4}],  # the second not filled in yet
        "deleted_rows": [4],
    }
    at.run()
    assert not at.exception
    assert at.query_params["points"] == "-2,-1,1;-1,1,0;0,-2,0;1,2,1;3,3,1"
    assert "Left out: point 6 is not filled in." in said(at)
    # The link, opened anew, shows the same five points.
    again = page(data="own", points="-2,-1,1;-1,1,0;0,-2,0;1,2,1;3,3,1")
    assert again.dataframe[0].value.values.tolist() == [
        [-2, -1, 1],
        [-1, 1, 0],
        [0, -2, 0],
        [1, 2, 1],
        [3, 3, 1],
    ]
    assert "Epoch 0: 2 of 5 right (40%)" in said(again)


def test_an_empty_table_asks_for_points():
    at = page(data="own")
    at.session_state["points 0"] = {"edited_rows": {}, "added_rows": [], "deleted_rows": [0, 1, 2, 3, 4]}
    at.run()
    assert not at.exception and "The table has no points yet" in said(at)


def test_reset_puts_the_data_pages_start_back_and_the_example_points():
    at = page(data="own", points="1,1,1;2,2,0")
    next(b for b in at.button if b.label.startswith("↺ Reset")).click().run()
    assert not at.exception and at.selectbox(key="data").value == "or"  # the data page's start
    assert at.session_state["points"] == data.OWN and not [s for s in at.slider if s.key == "n"]
    assert (at.slider(key="b").value, at.selectbox(key="act").value) == (0.0, "sigmoid")


def test_another_data_set_starts_its_epochs_again_and_the_line_reached_is_written_out():
    at = page(data="and", act="sigmoid", epochs="10")
    run = batch.fit(data.make(data.points("and")), (1.0, -1.0), -5.0, "sigmoid", None, "gradient", 0.5, 10)
    w1, w2, b = (fmt(float(v)) for v in (*run.w[10], run.b[10]))
    assert f"The line it reached: w₁ = {w1}, w₂ = {w2}, b = {b}." in said(at)
    at.selectbox(key="data").set_value("xor").run()  # AND's 10 epochs are not XOR's
    assert not at.exception and at.number_input(key="epochs").value == 0 and "epochs" not in at.query_params
    assert "**Epoch 0:" in said(at) and "The line it reached: w₁ = 1, w₂ = -1, b = -5." in said(at)
    # a link that names its epochs keeps them: only a change on the page restarts them
    assert page(data="xor", act="sigmoid", epochs="7").number_input(key="epochs").value == 7
