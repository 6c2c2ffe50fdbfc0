"""What each page's charts offer to drag, in AppTest: only the values whose sliders the page draws (a
teacher's chosen controls, a lesson step's), and the data's line only where it is the sliders' own."""

from __future__ import annotations

import pytest

from neuron_core import grab
from neuron_core.lessons import LESSONS
from neuron_core.words import on_data
from tests.charts import app_charts, plotly
from tests.paths import opened


def offered(query: dict, page: str | None = None) -> dict[str, list[str]]:
    """Each chart's grabbable values, by the chart's key (charts that offer none left out)."""
    at = opened(query, page=page)
    assert not at.exception and not at.error
    charts = app_charts(at)
    for chart in charts.values():
        plotly(chart)  # the figure is Plotly's own still, with its grab beside it
    return {k: grab.keys(c.get("grab")) for k, c in charts.items() if c.get("grab")}


def test_the_playground_offers_b_on_the_curve_and_every_weight_and_b_on_the_diagram():
    assert offered({}) == {"curve": ["b"], "diagram": ["w1", "w2", "w3", "b"]}
    assert offered({"n": "5"})["diagram"] == ["w1", "w2", "w3", "w4", "w5", "b"]


@pytest.mark.parametrize(
    ("controls", "want"),
    [
        ("w2", {"diagram": ["w2"]}),
        ("b,act", {"curve": ["b"], "diagram": ["b"]}),
        ("x1,act", {}),
    ],
)
def test_a_teachers_link_offers_only_its_chosen_controls(controls, want):
    assert offered({"controls": controls}) == want


def test_the_data_page_offers_its_line_at_epoch_0_and_not_a_trained_one():
    assert offered({"data": "and"}, page="data") == {"points_chart": ["w1", "w2", "b"]}
    assert offered({"data": "and", "epochs": "3"}, page="data") == {}
    assert offered({"data": "and", "controls": "b"}, page="data") == {"points_chart": ["b"]}


def test_the_data_page_says_how_its_line_is_grabbed_and_how_a_trained_one_comes_back():
    at = opened({"data": "and"}, page="data")
    assert on_data.grab_text(True, 0) in [c.value for c in at.caption]
    at = opened({"data": "and", "epochs": "3"}, page="data")
    assert on_data.grab_text(True, 3) in [c.value for c in at.caption]
    assert "Start again" in on_data.grab_text(True, 3) and "turn" not in on_data.grab_text(False, 0)


def test_the_quiz_offers_nothing_to_drag_its_answers_away():
    assert offered({"seed": "3"}, page="quiz") == {}


@pytest.mark.parametrize(
    ("lesson", "step", "want"),
    [
        ("neuron", 2, {"curve": ["b"], "diagram": ["b"]}),
        ("line", 1, {"points_chart": ["w1", "w2", "b"]}),
        ("learning", 4, {}),
    ],
)
def test_a_lesson_step_offers_only_the_controls_it_gives(lesson, step, want):
    assert LESSONS[lesson].steps[step - 1].controls is not None
    assert offered({"lesson": lesson, "step": str(step)}, page="lessons") == want
