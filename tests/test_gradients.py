"""Gradients of a against central finite differences, for every activation, and the dead-ReLU case."""

import json

import numpy as np
import pytest

from neuron_core.activations import ACTIVATIONS
from neuron_core.cli import main
from neuron_core.neuron import forward, gradients

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
    from neuron_core.figures import neuron_diagram

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
    from neuron_core.trace import explain_gradients, gradient_latex

    dead = forward(X, W, -5.0)
    assert "cannot learn from this example" in explain_gradients(dead, gradients(dead))
    assert "z = -1 is negative" in explain_gradients(dead, gradients(dead))
    live = forward(X, W, B)
    assert "f'(z) = 1 at z = 1" in explain_gradients(live, gradients(live))
    step = forward(X, W, B, "step")
    assert "step is flat at z = 1" in explain_gradients(step, gradients(step))
    assert r"\frac{\partial a}{\partial w} = (2, 1, 3)" in gradient_latex(gradients(live))
