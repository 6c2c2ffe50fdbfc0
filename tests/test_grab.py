"""What a chart offers to drag (neuron_core/grab.py) and how the page reads a drag's values back
(state.grabbed): as a link's, only what was offered, in range and on the step, or refused whole."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from neuron_core import forward, grab
from neuron_core.figures.style import edge_style
from neuron_core.link.state import GRABBED, grabbed
from neuron_core.model.activations import ACTIVATIONS
from neuron_core.numbers import fmt
from tests.strategies import inputs_and_weights, slider

PIECEWISE = [name for name, act in ACTIVATIONS.items() if act.kinks is not None]
SMOOTH = [name for name, act in ACTIVATIONS.items() if act.kinks is None]
ALL = ["w1", "w2", "w3", "b"]


def interp(samples: list, z: float) -> float:
    """a between the samples by straight lines, the end segments carried on, a jump's value from the right:
    as static/chart_drag.js."""
    pts = [(u, v) for u, v in zip(*samples, strict=True) if u is not None and v is not None]
    i = 1
    while i < len(pts) - 1 and pts[i][0] <= z:
        i += 1
    (z0, a0), (z1, a1) = pts[i - 1], pts[i]
    return a1 if z1 == z0 else a0 + (a1 - a0) * (z - z0) / (z1 - z0)


@given(slider, st.sampled_from(["b", "w1", "w2"]))
def test_a_value_on_its_slider_s_grid_is_read_as_it_is(v, key):
    assert grabbed({key: v}, ["w1", "w2", "b"]) == ({key: v}, "")


@given(st.floats(-10, 10).filter(lambda v: abs(v * 10 - round(v * 10)) > 1e-5))
def test_a_value_off_the_step_is_refused_with_one_notice(v):
    assert grabbed({"b": v}, ["b"]) == ({}, GRABBED.format(why="b is not on its slider's step of 0.1"))


@pytest.mark.parametrize(
    ("sent", "why"),
    [
        ({"b": 10.1}, "b: it is outside -10 to 10"),
        ({"b": -1e308}, "b: it is outside -10 to 10"),
        ({"b": math.nan}, "b: it is not a finite number"),
        ({"b": math.inf}, "b: it is not a finite number"),
        ({"b": "3"}, "b is not a number"),
        ({"b": True}, "b is not a number"),
        ({"b": None}, "b is not a number"),
        ({"b": [1]}, "b is not a number"),
        ({"x1": 1.0}, "a value this chart does not offer"),
        ({"act": 1.0}, "a value this chart does not offer"),
        ({"b": 1.0, "w9": 1.0}, "a value this chart does not offer"),
        ({}, "not a set of values"),
        ([1.0], "not a set of values"),
        ("b=1", "not a set of values"),
    ],
)
def test_a_forged_drag_is_refused_whole_and_said_once(sent, why):
    assert grabbed(sent, ["b", "w1"]) == ({}, GRABBED.format(why=why))


def test_a_drag_of_the_line_reads_its_three_values_and_one_bad_refuses_them_all():
    assert grabbed({"w1": 1.3, "w2": -0.6, "b": -1.5}, ["w1", "w2", "b"]) == (
        {"w1": 1.3, "w2": -0.6, "b": -1.5},
        "",
    )
    assert grabbed({"w1": 1.3, "w2": -0.6, "b": 11.0}, ["w1", "w2", "b"])[0] == {}


def test_each_chart_offers_only_the_values_whose_sliders_the_page_drew():
    f = forward((2.0, 1.0, 3.0), (1.0, -1.0, 1.0), -5.0, "relu")
    assert grab.curve(f, ["w1"]) is None and grab.diagram(f, []) is None
    assert grab.keys(grab.curve(f, ALL)) == ["b"]
    assert grab.keys(grab.diagram(f, ALL)) == ALL and grab.keys(grab.diagram(f, ["w2"])) == ["w2"]
    pts = [(0.0, 0.0, 0), (1.0, 1.0, 1)]
    assert grab.keys(grab.line((1.0, -1.0), 0.0, 0.0, pts, (-0.5, 1.5), ["w1", "w2", "b"])) == [
        "w1",
        "w2",
        "b",
    ]
    assert grab.keys(grab.line((1.0, -1.0), 0.0, 0.0, pts, (-0.5, 1.5), ["b"])) == ["b"]
    assert grab.line((1.0, -1.0), 0.0, 0.0, pts, (-0.5, 1.5), ["w1", "w2"]) is None
    assert grab.keys(None) == []


@given(inputs_and_weights(), slider, st.sampled_from(PIECEWISE), st.integers(-200, 200), st.data())
def test_the_diagram_s_samples_give_a_piecewise_linear_a_exactly_at_any_z_a_drag_reaches(xw, b, act, k, data):
    """A weight dragged by k steps moves z by k·0.1·x_i: the samples' interpolation there is a, to the
    display rule's digits."""
    x, w = xw
    f = forward(tuple(x), tuple(w), b, act, 0.1 if ACTIVATIONS[act].slider else None)
    spec = grab.diagram(f, [f"w{i}" for i in range(1, len(x) + 1)] + ["b"])
    edge = data.draw(st.sampled_from(spec["edges"]))
    z = float(f.z) + k * 0.1 * edge["x"]
    exact = float(f.act(np.float64(z), f.alpha))
    assert fmt(interp(spec["curve"], z), room=False) == fmt(exact, room=False)
    assert spec["a"] == {"digits": 4, "exact": True}


@pytest.mark.parametrize("act", PIECEWISE)
def test_at_each_corner_and_jump_the_samples_give_a_as_python_does(act):
    """The step's jump at 0: a = 1 there, the value from the right, as Python has it."""
    f = forward((1.0,), (1.0,), 0.0, act, 0.1 if ACTIVATIONS[act].slider else None)
    spec = grab.diagram(f, ["b"])
    for z in (*ACTIVATIONS[act].kinks, -7.3, 7.3):
        a = float(f.act(np.float64(z), f.alpha))
        assert fmt(interp(spec["curve"], z), room=False) == fmt(a, room=False), (act, z)


@given(st.sampled_from(SMOOTH), st.integers(-100, 100))
def test_a_smooth_a_is_previewed_near_its_value_and_marked_so(act, k):
    f = forward((1.0,), (1.0,), 0.0, act)
    spec = grab.diagram(f, ["b"])
    z = k / 10
    assert abs(interp(spec["curve"], z) - float(f.act(np.float64(z), f.alpha))) < 0.005
    assert spec["a"] == {"digits": 2, "exact": False}


@given(slider)
def test_an_edge_is_previewed_by_the_style_s_own_rule(v):
    rule = grab.diagram(forward((1.0,), (v,), 0.0, "relu"), ["w1"])["edge"]
    k = (v > 0) - (v < 0) + 1
    width = round(rule["base"] + min(abs(v), rule["cap"]) * rule["per"], 2)
    assert edge_style(v) == {"color": rule["colors"][k], "dash": rule["dashes"][k], "width": width}
