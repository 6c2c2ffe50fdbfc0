"""A drag's values as a crafted client may send them, over Streamlit's websocket protocol (bench/client.py):
the chart element's `grab` trigger with numbers out of range, NaN, a string, a key the chart never offered.
Each leaves the page's values as they were, with one notice and no error box; a real one moves them."""

from __future__ import annotations

import json

import pytest
from streamlit.components.v2.bidi_component.main import _make_trigger_id
from streamlit.proto.WidgetStates_pb2 import WidgetState

from bench.client import Session
from neuron_core.link.state import GRABBED
from neuron_core.words.text import plain
from tests.app.test_protocol import in_own_loop
from tests.e2e.serve import streamlit_server


@pytest.fixture(scope="module")
def server():
    with streamlit_server() as url:
        yield url


def grab(s: Session, chart: str, value: object) -> WidgetState:
    """What a browser's chart element sends on a release: its `grab` trigger, as Components v2 sends one."""
    payload = json.dumps([{"event": "grab", "value": value}])  # NaN as JSON's NaN: Python's json reads it
    return WidgetState(id=_make_trigger_id(s.ids[chart], "events"), json_trigger_value=payload)


def sent(server, chart: str, value: object, page: str = "", query: str = "") -> tuple:
    """Open a page, send one grab on `chart`, then rerun once more: the runs, what each said, the link."""

    async def go() -> tuple:
        s = Session(server)
        await s.open(query, page=page)
        runs = [await s.send(grab(s, chart, value))]
        said = [list(s.said)]
        runs.append(await s.move(next(iter(s.sliders)), s.values[next(iter(s.sliders))]))
        said.append(list(s.said))
        await s.close()
        return runs, said, s.query

    return in_own_loop(go())


FORGED = {
    "out of range": ({"b": 99.0}, "b: it is outside -10 to 10"),
    "NaN": ({"b": float("nan")}, "b: it is not a finite number"),
    "infinity": ({"b": float("inf")}, "b: it is not a finite number"),
    "a whole number past any float": ({"b": 10**400}, "b: it is not a finite number"),
    "a string": ({"b": "-4"}, "b is not a number"),
    "off the step": ({"b": -4.25}, "b is not on its slider's step of 0.1"),
    "a key not offered": ({"x1": 5.0}, "a value this chart does not offer"),
    "not a set of values": ("b=-4", "not a set of values"),
}


@pytest.mark.parametrize("name", FORGED)
def test_a_forged_drag_on_the_curve_leaves_the_values_and_says_so_once(server, name):
    value, why = FORGED[name]
    runs, said, query = sent(server, "curve", value)
    assert not any(r.exception for r in runs)
    notice = plain(GRABBED.format(why=why))
    assert said[0].count(notice) == 1 and notice not in said[1]  # once, on the run it came with
    assert "b=" not in query and "x1=" not in query  # the worked example's b and x₁ still: not linked
    assert "Traceback" not in server.logged()


def test_a_real_drag_on_the_curve_moves_b_and_says_nothing_more(server):
    runs, said, query = sent(server, "curve", {"b": -4.3})
    assert not any(r.exception for r in runs)
    assert not [w for w in said[0] if w.startswith("A drag")]
    assert "z = -0.3 is negative" in " ".join(said[0]) and "b=-4.3" in query


def test_a_drag_on_a_chart_that_offers_none_is_refused(server):
    """The data page past epoch 0 draws a trained line: it offers nothing to drag."""
    runs, said, query = sent(server, "points_chart", {"b": 1.0}, page="data", query="data=and&epochs=3")
    assert not any(r.exception for r in runs)
    notice = plain(GRABBED.format(why="a value this chart does not offer"))
    assert said[0].count(notice) == 1 and "b=" not in query
