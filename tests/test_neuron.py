"""The forward pass against numpy written in the test, and its checks of bad input."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from neuron_core.neuron import forward

values = st.floats(-10, 10, allow_nan=False)


def test_the_seed_example():
    f = forward([2, 1, 3], [1, -1, 1], -5)
    assert f.terms.tolist() == [2.0, -1.0, 3.0]
    assert (float(f.z), float(f.a)) == (-1.0, 0.0)
    assert repr(f) == "Forward(n=3, act=relu, z=-1.0, a=0.0)"


@given(st.integers(1, 8).flatmap(lambda n: st.tuples(st.lists(values, min_size=n, max_size=n),
                                                     st.lists(values, min_size=n, max_size=n))),
       values)  # fmt: skip
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
    np.testing.assert_allclose(batch.z, x @ w + 0.5)
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
