"""The figures' data: the current point, the visible range, the curve's points, the edges, the labels."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from neuron_core.figures.explore import landscape_figure, sweep_figure
from neuron_core.figures.neuron import activation_curve, contributions, curve_points, neuron_diagram
from neuron_core.figures.style import NEGATIVE, POSITIVE
from neuron_core.figures.training import training_figure
from neuron_core.model.activations import ACTIVATIONS
from neuron_core.model.neuron import forward, gradients
from neuron_core.model.training import train
from neuron_core.numbers import fmt
from neuron_core.words.calculation import latex
from tests.charts import plotly, point


def trace(fig, name):
    (t,) = [t for t in fig.data if t.name == name]
    return t


@pytest.mark.parametrize("name", list(ACTIVATIONS))
def test_current_point_sits_at_z_a_to_six_decimals(name):
    f = forward([0.3, 1.7], [1.1, -0.7], 0.05, name)
    z, a = float(f.z), float(f.a)
    pz, pa = point(activation_curve(f.act, f.alpha, z, a))
    assert (pz, pa) == (round(z, 6), round(a, 6))
    assert abs(pz - z) <= 5e-7 and abs(pa - a) <= 5e-7


@given(st.floats(-800, 800), st.sampled_from(list(ACTIVATIONS)))
def test_the_visible_range_always_includes_the_point(z, name):
    act = ACTIVATIONS[name]
    a = float(act(z))
    fig = plotly(activation_curve(act, 0.01, z, a))
    x0, x1 = fig.layout.xaxis.range
    y0, y1 = fig.layout.yaxis.range
    assert x0 < z < x1 and y0 < a < y1
    assert x0 <= -6 and x1 >= 6


def test_piecewise_linear_curves_have_only_their_corners():
    assert curve_points(ACTIVATIONS["relu"], 0.0, 6.0) == ([-6.0, 0.0, 6.0], [0.0, 0.0, 6.0])
    assert curve_points(ACTIVATIONS["identity"], 0.0, 6.0) == ([-6.0, 6.0], [-6.0, 6.0])
    # The step breaks its line at the jump instead of drawing a riser.
    assert curve_points(ACTIVATIONS["step"], 0.0, 6.0) == (
        [-6.0, 0.0, None, 0.0, 6.0],
        [0.0, 0.0, None, 1.0, 1.0],
    )


def test_smooth_curves_use_a_modest_number_of_points_that_lie_on_f():
    zs, a = curve_points(ACTIVATIONS["sigmoid"], 0.0, 6.0)
    assert 50 <= len(zs) <= 200
    np.testing.assert_allclose(a, 1 / (1 + np.exp(-np.array(zs))), atol=1e-4)  # sent to 4 decimals


def test_relu_marks_z_0_and_shades_where_the_neuron_is_off():
    fig = plotly(activation_curve(ACTIVATIONS["relu"], 0.0, -1.0, 0.0))
    rects = [s for s in fig.layout.shapes if s.type == "rect"]
    assert len(rects) == 1 and (rects[0].x0, rects[0].x1) == (-6.0, 0)
    assert any(s.type == "line" and s.x0 == s.x1 == 0 for s in fig.layout.shapes)
    other = plotly(activation_curve(ACTIVATIONS["sigmoid"], 0.0, -1.0, 0.27))
    assert not [s for s in other.layout.shapes if s.type == "rect"]


def test_the_diagram_shows_every_value_and_each_weight_sign_twice():
    f = forward([2, 1, 3], [1, -1, 1], -5)
    fig = plotly(neuron_diagram(f))
    assert list(trace(fig, "nodes").text) == ["2", "1", "3", "1", "Σ", "ReLU", "0"]
    assert "z = -1" in trace(fig, "names").text
    edges = [s for s in fig.layout.shapes if s.type == "line"][:4]  # w1, w2, w3, then b
    assert [(e.line.color, e.line.dash) for e in edges] == [
        (POSITIVE, "solid"),
        (NEGATIVE, "dash"),
        (POSITIVE, "solid"),
        (NEGATIVE, "dash"),
    ]
    assert edges[3].line.width > edges[0].line.width  # |b| = 5 is drawn wider than |w1| = 1
    labels = [note.text for note in fig.layout.annotations]
    assert labels == ["w₁ = 1", "w₂ = -1", "w₃ = 1", "b = -5"]


@pytest.mark.parametrize("n", [1, 8])
def test_the_diagram_draws_one_input_node_and_edge_per_input(n):
    fig = plotly(neuron_diagram(forward([1.0] * n, [0.5] * n, 0)))
    assert len(trace(fig, "nodes").x) == n + 4
    assert len(fig.layout.annotations) == n + 1


@pytest.mark.parametrize("name", list(ACTIVATIONS))
def test_every_figure_is_valid_plotly(name):
    """The builders skip Plotly's validation for speed, so check their specs against its schema here."""
    f = forward([2, 1, 3], [1, -1, 1], -5, name)
    every = (
        neuron_diagram(f),
        neuron_diagram(f, big=True, grads=gradients(f)),
        activation_curve(f.act, f.alpha, float(f.z), float(f.a)),
        contributions(f),
        landscape_figure(f, 0, 2),
        sweep_figure(f, "w2"),
        training_figure(train(f, 1.0, 0.05, 3)),
    )
    for chart in every:
        plotly(chart)  # raises ValueError on any unknown or invalid property
        assert "template" not in chart["layout"]  # Plotly.js's own defaults; every colour is set here


def test_a_slider_move_changes_the_charts_layout_but_not_their_traces():
    """On the curve, what moves with a slider is a shape: Plotly.react then redraws only that."""
    before, after = forward([2, 1, 3], [1, -1, 1], -5), forward([2, 1.5, 3], [1, -1, 1], -3)
    old, new = (activation_curve(f.act, f.alpha, float(f.z), float(f.a)) for f in (before, after))
    assert old["data"] == new["data"] and old["layout"]["datarevision"] == new["layout"]["datarevision"]
    assert old["layout"] != new["layout"] and old["label"] != new["label"]
    # The diagram writes its values in its nodes' text: its traces, and so their revision, change.
    old, new = neuron_diagram(before), neuron_diagram(after)
    assert old["data"] != new["data"] and old["layout"]["datarevision"] != new["layout"]["datarevision"]
    assert old["layout"]["shapes"] != new["layout"]["shapes"]  # the edge of b = -3 is narrower
    # The data revision follows the traces: another activation draws another curve.
    tanh = forward([2, 1, 3], [1, -1, 1], -5, "tanh")
    curves = [activation_curve(f.act, f.alpha, float(f.z), float(f.a)) for f in (before, tanh)]
    assert curves[0]["layout"]["datarevision"] != curves[1]["layout"]["datarevision"]


@pytest.mark.parametrize("name", list(ACTIVATIONS))
def test_each_chart_says_in_one_sentence_what_it_shows_now(name):
    f = forward([2, 1, 3], [1, -1, 1], -5, name)
    z, a = fmt(f.z), fmt(f.a)
    label = f.act.label
    assert activation_curve(f.act, f.alpha, float(f.z), float(f.a))["label"] == (
        f"{label} curve; the current point is z = {z}, a = {a}"
    )
    assert neuron_diagram(f)["label"].endswith(f"z = {z}, a = {label}(z) = {a}.")
    assert contributions(f)["label"].endswith(f"they add up to z = {z}.")
    assert sweep_figure(f, "b")["label"].endswith(f"now z = {z}, a = {a}")
    assert "x₁ = 2, x₃ = 3" in landscape_figure(f, 0, 2)["label"]
    assert training_figure(train(f, 1.0, 0.05, 3))["label"].startswith("Training over 3 steps")


def test_the_bias_is_the_weight_b_on_a_constant_input_1():
    chart = neuron_diagram(forward([2, 1, 3], [1, -1, 1], -5))
    names, nodes = chart["data"][1]["text"], chart["data"][0]["text"]
    assert "bias" not in names and names[3] == "constant input" and nodes[3] == "1"
    assert "b = -5" in [note["text"] for note in chart["layout"]["annotations"]]


def test_alpha_and_what_gelu_computes_are_written_with_the_formula():
    assert r"\alpha = 1" in latex(forward([1], [1], -2, "elu"))
    assert r"\alpha = 0.2" in latex(forward([1], [1], -2, "leaky_relu", 0.2))
    assert "tanh approximation" in latex(forward([1], [1], 0, "gelu"))
    assert r"\alpha" not in latex(forward([1], [1], 0, "sigmoid")).split(r"\\")[1].split("=", 2)[2]


def test_a_compared_activation_is_dashed_with_a_square_point_under_the_first():
    f = forward([2, 1, 3], [1, -1, 1], -3)  # z = 1
    chart = activation_curve(f.act, f.alpha, 1.0, 1.0, compare=ACTIVATIONS["sigmoid"])
    fig = plotly(chart)
    assert [d.name for d in fig.data] == ["ReLU", "sigmoid (dashed)"] and fig.data[1].line.dash == "dash"
    shapes = {s["name"]: s for s in chart["layout"]["shapes"] if "name" in s}
    assert shapes["compared"]["type"] == "rect" and shapes["current"]["type"] == "circle"
    assert shapes["compared"]["yanchor"] == pytest.approx(0.731059, abs=1e-6)
    names = [s.get("name") for s in chart["layout"]["shapes"]]
    assert names.index("compared") < names.index("current")  # the first curve's point drawn on top
    assert "dashed, the sigmoid curve, with its point at sigmoid(1) = 0.7311" in chart["label"]
    assert not plotly(activation_curve(f.act, f.alpha, 1.0, 1.0)).layout.showlegend
