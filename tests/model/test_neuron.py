"""The forward pass against numpy written in the test, and its checks of bad input."""

from decimal import Decimal

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from neuron_core.link.params import SEED_W, SEED_X
from neuron_core.model.activations import ACTIVATIONS
from neuron_core.model.neuron import EXACT_MAX_VALUES, dot, forward, gradients, landscape, sweep
from tests.strategies import inputs_and_weights, linked, slider

values = st.floats(-10, 10, allow_nan=False)


def test_the_seed_example():
    f = forward([2, 1, 3], [1, -1, 1], -5)
    assert f.terms.tolist() == [2.0, -1.0, 3.0]
    assert (float(f.z), float(f.a)) == (-1.0, 0.0)
    assert repr(f) == "Forward(n=3, act=relu, z=-1.0, a=0.0)"


@given(
    st.integers(1, 8).flatmap(
        lambda n: st.tuples(
            st.lists(values, min_size=n, max_size=n), st.lists(values, min_size=n, max_size=n)
        )
    ),
    values,
)
def test_z_is_the_weighted_sum_plus_bias(xw, b):
    x, w = xw
    f = forward(x, w, b)
    want = sum(wi * xi for wi, xi in zip(w, x, strict=True)) + b
    assert float(f.z) == pytest.approx(want, abs=1e-9)
    assert float(f.a) == max(0.0, float(f.z))
    np.testing.assert_allclose(f.terms, np.multiply(w, x))


def test_a_batch_of_rows_matches_row_by_row():
    rng = np.random.default_rng(0)
    x, w = rng.normal(size=(50, 4)), rng.normal(size=4)
    batch = forward(x, w, 0.5, "tanh")
    np.testing.assert_allclose(batch.z, dot(x, w) + 0.5)
    np.testing.assert_allclose(batch.a, [float(forward(row, w, 0.5, "tanh").a) for row in x])


@pytest.mark.parametrize(
    ("x", "w", "b", "act", "message"),
    [
        ([1, 2], [1], 0, "relu", "2 inputs but 1 weights"),
        ([], [], 0, "relu", "1 to 8 weights"),
        ([1] * 9, [1] * 9, 0, "relu", "1 to 8 weights"),
        ([1, float("nan")], [1, 1], 0, "relu", "x2 is nan"),
        ([1, 1], [float("inf"), 1], 0, "relu", "w1 is inf"),
        ([1], [1], float("-inf"), "relu", "b is -inf"),
        (["a"], [1], 0, "relu", "x must be numbers"),
        ([1], [1], "b", "relu", "b must be a number"),
        ([1e200], [1e200], 0, "relu", "too large"),
        ([1], [1], 0, "swish", "unknown activation"),
    ],
)
def test_bad_input_is_a_value_error_that_says_what_is_wrong(x, w, b, act, message):
    with pytest.raises(ValueError, match=message):
        forward(x, w, b, act)


def test_finite_values_whose_sum_overflows_are_still_accepted():
    x = np.full((3, 1), 1e308)
    f = forward(x, [1.0], 0.0)  # every z is finite; only their sum is not
    assert np.isfinite(f.z).all()


# Exact z: values from sliders (one decimal) and links (a few more) are decimals, and z is their exact sum.
value = st.one_of(slider, linked)


def exact_z(x, w, b) -> Decimal:
    """w·x + b in exact decimal arithmetic, each value taken as it is written at its shortest."""
    d = [Decimal(repr(float(v))) for v in (*x, *w, b)]
    n = len(x)
    return sum((d[n + i] * d[i] for i in range(n)), d[-1])


@settings(max_examples=300, deadline=None)
@given(
    inputs_and_weights(value),
    value,
    st.sampled_from(list(ACTIVATIONS)),
)
def test_z_is_the_exact_decimal_sum_of_what_the_sliders_and_links_give(xw, b, act):
    x, w = xw
    f = forward(x, w, b, act)
    assert float(f.z) == float(exact_z(x, w, b))


@settings(max_examples=200, deadline=None)
@given(
    inputs_and_weights(),
    st.sampled_from(list(ACTIVATIONS)),
)
def test_at_z_0_the_output_is_the_formulas(xw, act):
    x, w = xw
    b = float(-exact_z(x, w, 0.0))  # a link can carry it: two decimals at most
    f = forward(x, w, b, act)
    assert float(f.z) == 0.0 and float(f.a) == float(ACTIVATIONS[act](0.0))


def test_the_step_at_z_0_follows_its_formula_not_float_noise():
    # -2.2·2 - 1 + 3 + 2.4 is 0; in floats it came out -4.4e-16 and the step said 0.
    f = forward([2, 1, 3], [-2.2, -1, 1], 2.4, "step")
    assert float(f.z) == 0.0 and float(f.a) == 1.0
    # The same z = 0 gives the same slope however it is reached (ReLU'(0) = 0 by convention).
    reached = gradients(forward([2, 1, 3], [-2.3, -1, 1], 2.6)).da_dz
    assert reached == gradients(forward(SEED_X, SEED_W, -4)).da_dz == 0.0


def test_sweeps_and_the_landscape_are_exact_too():
    f = forward([2, 1, 3], [1, -1, 1], -5, "step")  # w·x = 4: b = -4 puts z at 0
    values, zs = sweep(f, "b")
    assert zs[values == -4.0][0] == 0.0
    values, zs = sweep(forward([2, 1, 3], [-2.2, -1, 1], 0, "step"), "b")
    assert zs[values == 2.5][0] == 0.1 and zs[np.isclose(values, 2.0)][0] == -0.4  # exact decimals
    # z = 0.1·x1 + 0.7·x2 over the app's grid: 0.1·7 - 0.7 is 1.1e-16 in floats, exactly 0 here.
    xi, xj, a = landscape(forward([0, 0], [0.1, 0.7], 0, "step"), 0, 1, -10.0, 10.0, 21)
    z = [[exact_z([xi[c], xj[r]], [0.1, 0.7], 0.0) for c in range(21)] for r in range(21)]
    assert sum(v == 0 for row in z for v in row) == 3  # (0, 0), (7, -1), (-7, 1)
    assert a.tolist() == [[1.0 if v >= 0 else 0.0 for v in row] for row in z]


def test_a_large_batch_keeps_float_arithmetic():
    rows = np.full((EXACT_MAX_VALUES, 2), 0.1)
    f = forward(rows, [1, 2], -0.3)
    assert np.all(f.z == dot(rows, np.array([1.0, 2.0])) - 0.3)  # 0.1 + 0.2 - 0.3: float noise kept
