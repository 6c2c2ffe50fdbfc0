"""The step-by-step lines in the seed's format, and how numbers print."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from neuron_core.neuron import forward
from neuron_core.trace import fmt, latex, trace_lines


def test_the_seed_example_prints_exactly_the_seed_lines():
    assert trace_lines(forward([2, 1, 3], [1, -1, 1], -5)) == [
        "w*x + b = (1)*(2) + (-1)*(1) + (1)*(3) + (-5) = -1",
        "ReLU: -1 → 0 because -1 is negative.",
    ]


def test_non_negative_z_says_non_negative():
    assert trace_lines(forward([2, 1, 3], [1, -1, 1], -3))[1] == "ReLU: 1 → 1 because 1 is non-negative."
    assert trace_lines(forward([1], [1], -1))[1] == "ReLU: 0 → 0 because 0 is non-negative."


def test_float_noise_near_zero_never_reads_as_negative():
    f = forward([1], [0.3], -(0.1 + 0.2))  # z is about -5.6e-17
    assert float(f.z) < 0
    assert trace_lines(f)[1] == "ReLU: 0 → 0 because 0 is non-negative."


def test_other_activations_name_themselves_as_the_page_does():
    assert trace_lines(forward([2, 1, 3], [1, -1, 1], -5, "sigmoid"))[1] == "sigmoid: -1 → 0.2689"
    assert trace_lines(forward([2, 1, 3], [1, -1, 1], -5, "leaky_relu"))[1] == "Leaky ReLU: -1 → -0.01"
    assert trace_lines(forward([2, 1, 3], [1, -1, 1], -4, "gelu"))[1] == "GELU: 0 → 0"


@pytest.mark.parametrize(
    ("v", "text"),
    [(0.1 + 0.2, "0.3"), (2.0, "2"), (-5.0, "-5"), (-0.0, "0"), (1 / 3, "0.3333"), (-2.5, "-2.5"),
     (0.00004, "0"), (-0.00004, "0"), (1e6, "1000000"), (0.26894142, "0.2689")],
)  # fmt: skip
def test_fmt(v, text):
    assert fmt(v) == text


@given(st.floats(-1e6, 1e6, allow_nan=False))
def test_fmt_is_the_value_to_four_decimals_without_trailing_zeros(v):
    text = fmt(v)
    assert re.fullmatch(r"-?\d+(\.\d{0,3}[1-9])?", text)
    assert float(text) == pytest.approx(round(v, 4), abs=1e-9)


def test_latex_shows_the_symbols_then_the_numbers():
    text = latex(forward([2, 1, 3], [1, -1, 1], -5))
    assert "(1)(2) + (-1)(1) + (1)(3) + (-5) = -1" in text
    assert r"\text{ReLU}(-1) = 0" in text


def test_a_batch_has_no_trace():
    with pytest.raises(ValueError, match="one row"):
        trace_lines(forward([[1.0], [2.0]], [1.0], 0))
