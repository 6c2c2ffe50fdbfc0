"""Activations against independent references: math expressions, and finite differences."""

import math
import warnings

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from neuron_core.model.activations import ACTIVATIONS, get
from neuron_core.numbers import fmt


def _gelu(z: float) -> float:
    return 0.5 * z * (1 + math.tanh(math.sqrt(2 / math.pi) * (z + 0.044715 * z**3)))


def _sigmoid(z: float) -> float:
    return 1 / (1 + math.exp(-z))


# Written out again with the math module, one scalar at a time; alpha as each default.
REFERENCE = {
    "relu": lambda z: max(0.0, z),
    "leaky_relu": lambda z: z if z > 0 else 0.01 * z,
    "elu": lambda z: z if z > 0 else math.exp(z) - 1,
    "gelu": _gelu,
    "sigmoid": _sigmoid,
    "tanh": math.tanh,
    "softplus": lambda z: math.log(1 + math.exp(z)),
    "identity": lambda z: z,
    "step": lambda z: 1.0 if z >= 0 else 0.0,
}
ZS = np.array([-7.5, -3.0, -1.0, -0.5, -0.1, 0.0, 0.1, 0.5, 1.0, 2.0, 3.0, 7.5])


def test_the_table_and_the_references_name_the_same_activations():
    assert set(ACTIVATIONS) == set(REFERENCE)


@pytest.mark.parametrize("name", list(REFERENCE))
def test_value_matches_the_reference(name):
    got = ACTIVATIONS[name](ZS)
    want = np.array([REFERENCE[name](float(z)) for z in ZS])
    np.testing.assert_allclose(got, want, rtol=1e-12, atol=1e-12)


@pytest.mark.parametrize("name", list(REFERENCE))
def test_derivative_matches_central_differences(name):
    act = ACTIVATIONS[name]
    zs = ZS[np.abs(ZS) > 0.05] if act.kinks else ZS  # a corner has no derivative to compare
    h = 1e-6
    numeric = (act(zs + h) - act(zs - h)) / (2 * h)
    np.testing.assert_allclose(act.slope(zs), numeric, rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize("name", list(REFERENCE))
def test_no_warning_and_no_nan_at_plus_minus_1000(name):
    act = ACTIVATIONS[name]
    z = np.array([-1000.0, -50.0, 50.0, 1000.0])
    with warnings.catch_warnings(), np.errstate(over="raise", invalid="raise", divide="raise"):
        warnings.simplefilter("error")
        values, slopes = act(z), act.slope(z)
    assert np.isfinite(values).all() and np.isfinite(slopes).all()


def test_conventions_at_zero():
    assert ACTIVATIONS["relu"].slope(0.0) == 0.0
    assert ACTIVATIONS["step"](0.0) == 1.0
    assert ACTIVATIONS["step"](-1e-12) == 0.0


def test_alpha_is_settable_for_leaky_relu_and_elu():
    assert ACTIVATIONS["leaky_relu"](-2.0, alpha=0.1) == pytest.approx(-0.2)
    assert ACTIVATIONS["leaky_relu"].slope(-2.0, alpha=0.1) == pytest.approx(0.1)
    assert ACTIVATIONS["elu"](-1.0, alpha=2.0) == pytest.approx(2 * (math.exp(-1) - 1))


def test_an_unknown_name_is_a_value_error_that_lists_the_names():
    with pytest.raises(ValueError, match="relu, leaky_relu"):
        get("swish")


@given(st.lists(st.floats(-30, 30), min_size=1, max_size=20), st.sampled_from(list(REFERENCE)))
def test_vectorised_equals_one_at_a_time(zs, name):
    act = ACTIVATIONS[name]
    together = act(np.array(zs))
    np.testing.assert_array_equal(together, [float(act(z)) for z in zs])
    np.testing.assert_allclose(together, [REFERENCE[name](z) for z in zs], rtol=1e-9, atol=1e-12)


def test_a_new_activation_is_one_entry_drawn_explained_exported_quizzed_and_linked(monkeypatch):
    """softsign, z / (1 + |z|), added to the table alone: the page's math, words, curve, script, quiz and
    link follow."""
    import contextlib
    import io

    from neuron_core.export import script
    from neuron_core.figures.neuron import activation_curve
    from neuron_core.link.state import from_query, to_query
    from neuron_core.model import activations
    from neuron_core.model.batch import threshold
    from neuron_core.model.neuron import forward
    from neuron_core.quiz import exercise, hint, mark, solve, table
    from neuron_core.words.calculation import trace_lines
    from neuron_core.words.explain import explain

    softsign = activations.Activation(
        "softsign",
        "softsign",
        r"\frac{z}{1 + |z|}",
        lambda z, _: z / (1.0 + np.abs(z)),
        lambda z, _: 1.0 / (1.0 + np.abs(z)) ** 2,
        code="# softsign squashes z into (-1, 1), more gently than tanh.\n"
        "def softsign(z):\n    return z / (1 + np.abs(z))\n",
        quiz=(5,),  # drawn among the activations read off a table
    )
    monkeypatch.setitem(activations.ACTIVATIONS, "softsign", softsign)
    f = forward([2.0, 1.0, 3.0], [1.0, -1.0, 1.0], -2.0, "softsign")  # z = 2: a = 2/3
    assert trace_lines(f) == ["w*x + b = (1)*(2) + (-1)*(1) + (1)*(3) + (-2) = 2", "softsign: 2 → 0.6667"]
    assert explain(f).startswith("z = 2 is positive")
    assert threshold(softsign, 0.0) == pytest.approx(1.0)  # a = 0.5 at z = 1, found without a formula
    curve = activation_curve(softsign, 0.0, 2.0, 2 / 3)
    assert curve["label"].endswith("a = 0.6667")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(script(f), "neuron.py", "exec"), {"__name__": "__main__"})
    assert out.getvalue().splitlines() == trace_lines(f)
    # read from a link and written back to one, as the activation and as the one compared
    reading = from_query({"act": "softsign", "compare": "softsign"})
    assert (reading.state.act, reading.state.compare, reading.notices) == ("softsign", "softsign", [])
    assert to_query(reading.state) == {"act": "softsign", "compare": "softsign"}
    # quizzed: some seed draws it, its values are given as a table, and a wrong a is hinted at by name
    seed = next(k for k in range(1, 5000) if exercise(k).act == "softsign")
    q = solve(exercise(seed))
    rows = table(q)
    assert rows is not None and len(rows) == 9
    assert all(text == fmt(float(softsign(k)), exact=bool(softsign.exact(k))) for k, text in rows)
    assert "read softsign(z) off the table" in hint(q, mark(q, float(q.z), float(q.a) + 5), 1)
