"""Gradients of a against central finite differences, for every activation, and the dead-ReLU case."""

import json
import re

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from neuron_core.cli import main
from neuron_core.model.activations import ACTIVATIONS
from neuron_core.model.neuron import forward, gradients
from neuron_core.numbers import sub
from neuron_core.words.calculation import gradient_latex
from neuron_core.words.explain import explain_gradients
from tests.strategies import inputs_and_weights, slider

X, W, B = np.array([2.0, 1.0, 3.0]), np.array([1.0, -1.0, 1.0]), -3.0  # z = 1, away from every corner
H = 1e-6


def numeric(fn, v: np.ndarray) -> np.ndarray:
    """Central differences of the scalar fn at each coordinate of v."""
    out = np.zeros_like(v)
    for i in range(v.size):
        e = np.zeros_like(v)
        e[i] = H
        out[i] = (fn(v + e) - fn(v - e)) / (2 * H)
    return out


@pytest.mark.parametrize("act", list(ACTIVATIONS))
def test_gradients_agree_with_finite_differences(act):
    g = gradients(forward(X, W, B, act))

    def a(x=X, w=W, b=B):
        return float(forward(x, w, float(b), act).a)

    np.testing.assert_allclose(g.da_dw, numeric(lambda w: a(w=w), W), rtol=1e-5, atol=1e-7)
    np.testing.assert_allclose(g.da_dx, numeric(lambda x: a(x=x), X), rtol=1e-5, atol=1e-7)
    np.testing.assert_allclose(g.da_db, numeric(lambda b: a(b=b[0]), np.array([B]))[0], rtol=1e-5, atol=1e-7)
    z = 1.0
    assert float(g.da_dz) == pytest.approx((a(b=B + H) - a(b=B - H)) / (2 * H), rel=1e-5, abs=1e-7)
    assert float(g.da_dz) == pytest.approx(float(ACTIVATIONS[act].slope(z)))


def test_a_batch_has_one_gradient_row_per_input_row():
    x = np.array([[2.0, 1.0, 3.0], [0.0, 0.0, 0.0]])
    g = gradients(forward(x, W, B))
    assert g.da_dw.shape == g.da_dx.shape == (2, 3)
    np.testing.assert_array_equal(g.da_dz, [1.0, 0.0])


def test_a_relu_with_negative_z_is_dead():
    g = gradients(forward(X, W, -5.0))  # the seed example, z = -1
    assert g.dead and not np.any(g.da_dw) and g.da_db == 0
    assert not gradients(forward(X, W, -3.0)).dead


def test_the_command_line_json_has_the_four_gradient_fields(capsys):
    assert main(["--inputs", "2", "1", "3", "--weights", "1", "-1", "1", "--bias", "-3", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert (out["da_dz"], out["da_db"], out["da_dw"], out["da_dx"]) == (
        1.0,
        1.0,
        [2.0, 1.0, 3.0],
        [1.0, -1.0, 1.0],
    )


def test_the_diagram_annotates_each_edge_with_its_gradient():
    from neuron_core.figures.neuron import neuron_diagram

    f = forward(X, W, B)
    notes = neuron_diagram(f, grads=gradients(f))["layout"]["annotations"]
    labels = [a["text"] for a in notes]
    assert labels == [
        "w₁ = 1<br>∂a/∂w₁ = 2",
        "w₂ = -1<br>∂a/∂w₂ = 1",
        "w₃ = 1<br>∂a/∂w₃ = 3",
        "b = -3<br>∂a/∂b = 1",
    ]
    assert neuron_diagram(f)["layout"]["annotations"][0]["text"] == "w₁ = 1"


def test_the_explanations_say_when_and_why_a_neuron_is_dead():
    from neuron_core.words.explain import explain_gradients

    dead = forward(X, W, -5.0)
    assert "cannot learn from this example" in explain_gradients(dead, gradients(dead))
    assert "z = -1 is negative" in explain_gradients(dead, gradients(dead))
    live = forward(X, W, B)
    assert "f'(z) = 1 at z = 1" in explain_gradients(live, gradients(live))
    step = forward(X, W, B, "step")
    assert "The step has no useful derivative: at z = 1" in explain_gradients(step, gradients(step))
    assert r"\frac{\partial a}{\partial w} = (2, 1, 3)" in gradient_latex(gradients(live))


def says(x, w, b, act) -> str:
    f = forward(x, w, b, act)
    return explain_gradients(f, gradients(f))


def test_z_0_is_said_as_a_corner_with_its_convention_never_as_negative():
    relu = says(X, W, -4.0, "relu")  # z = 0
    assert "z = 0 is ReLU's corner" in relu and "ReLU'(0) = 0" in relu
    assert "negative" not in relu and "dead" not in relu
    leaky = says(X, W, -4.0, "leaky_relu")
    assert "this app takes its slope there to be α = 0.01" in leaky
    step = says(X, W, -4.0, "step")
    assert "z = 0 is where it jumps, and there it has no derivative at all" in step
    assert "perceptron rule" in step


def test_saturation_dead_and_step_are_three_different_things():
    saturated = says([2, 0, 3], [10, -1, 10], -13.0, "sigmoid")  # z = 37
    assert "Sigmoid is saturated at z = 37" in saturated and "never flat" in saturated
    assert "f'(z) ≈ 8.5·10⁻¹⁷" in saturated and "vanishing gradient" in saturated
    assert "dead" not in saturated and "every gradient is 0" not in saturated.lower()
    dead = says(X, W, -5.0, "relu")
    assert "exactly 0" in dead and "saturated" not in dead
    step = says(X, W, -5.0, "step")
    assert "no useful derivative" in step and "saturated" not in step and "dead" not in step


@pytest.mark.parametrize("act", ["sigmoid", "tanh"])
@pytest.mark.parametrize("z", [5.0, 19.5, 37.0, 40.0])
def test_the_sentences_for_z_and_minus_z_are_mirror_images(act, z):
    up, down = says([0.0], [1.0], z, act), says([0.0], [1.0], -z, act)  # z = b
    low, high = ("0", "1") if act == "sigmoid" else ("-1", "1")
    assert up.replace(f"z = {z:g}", "z = Z").replace(f"off towards {high}", "off towards L") == down.replace(
        f"z = {-z:g}", "z = Z"
    ).replace(f"off towards {low}", "off towards L")
    assert "saturated" in up


@settings(max_examples=300, deadline=None)
@given(
    inputs_and_weights(),
    slider,
    st.sampled_from([a for a in ACTIVATIONS if a != "step"]),
)
def test_the_directions_said_agree_with_the_signs_of_the_gradients(xw, b, act):
    x, w = xw
    f = forward(x, w, b, act)
    g = gradients(f)
    text = explain_gradients(f, g)
    if not np.any(g.da_dz):
        assert "To raise a" not in text
        return
    said = text.split("To raise a, move ", 1)[1].split(".")[0].split(";")[0]
    # "w₁, w₃ up, w₂ down and b up" -> {"w₁": "up", "w₃": "up", "w₂": "down", "b": "up"}
    way = {
        name: direction
        for names, direction in re.findall(r"((?:w[₀-₉]+, )*w[₀-₉]+|b) (up|down)", said)
        for name in names.split(", ")
    }
    for k, v in enumerate(g.da_dw.tolist()):
        assert way.get(f"w{sub(k + 1)}") == ("up" if v > 0 else "down" if v < 0 else None)
    assert way["b"] == ("up" if float(g.da_db) > 0 else "down")


def test_a_tiny_gradient_is_written_as_approximately_its_value_never_as_0():
    f = forward([2, 0], [10, -1], 10, "sigmoid")  # z = 30
    text = gradient_latex(gradients(f))
    assert r"\frac{\partial a}{\partial z} \approx 9.4 \cdot 10^{-14}" in text
    assert r"\frac{\partial a}{\partial w} = (\approx 1.9 \cdot 10^{-13}, 0)" in text  # x2 = 0: exactly 0
