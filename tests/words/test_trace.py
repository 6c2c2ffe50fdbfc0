"""The step-by-step lines in the seed's format, and how numbers print."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from neuron_core.model.neuron import forward
from neuron_core.numbers import BIG, fmt, tex
from neuron_core.words.calculation import latex, trace_lines
from tests.shown import approx_value


def test_the_seed_example_prints_exactly_the_seed_lines():
    assert trace_lines(forward([2, 1, 3], [1, -1, 1], -5)) == [
        "w*x + b = (1)*(2) + (-1)*(1) + (1)*(3) + (-5) = -1",
        "ReLU: -1 → 0 because -1 is negative.",
    ]


def test_non_negative_z_says_non_negative():
    assert trace_lines(forward([2, 1, 3], [1, -1, 1], -3))[1] == "ReLU: 1 → 1 because 1 is non-negative."
    assert trace_lines(forward([1], [1], -1))[1] == "ReLU: 0 → 0 because 0 is non-negative."


def test_float_noise_near_zero_never_reads_as_negative():
    f = forward([1], [0.3], -0.3)  # in floats 0.3 - 0.3 might not be 0; z is the exact decimal 0
    assert float(f.z) == 0 and trace_lines(f)[1] == "ReLU: 0 → 0 because 0 is non-negative."
    # b = -(0.1 + 0.2) is -0.30000000000000004 itself: then z is truly -5.6e-17, and said so.
    g = forward([1], [0.3], -(0.1 + 0.2))
    assert trace_lines(g)[1] == "ReLU: ≈ -5.6·10⁻¹⁷ → 0 because ≈ -5.6·10⁻¹⁷ is negative."


def test_other_activations_name_themselves_as_the_page_does():
    assert trace_lines(forward([2, 1, 3], [1, -1, 1], -5, "sigmoid"))[1] == "sigmoid: -1 → 0.2689"
    assert trace_lines(forward([2, 1, 3], [1, -1, 1], -5, "leaky_relu"))[1] == "Leaky ReLU: -1 → -0.01"
    assert trace_lines(forward([2, 1, 3], [1, -1, 1], -4, "gelu"))[1] == "GELU: 0 → 0"


@pytest.mark.parametrize(
    ("v", "text"),
    [
        (0.1 + 0.2, "0.3"),
        (2.0, "2"),
        (-5.0, "-5"),
        (-0.0, "0"),
        (1 / 3, "0.3333"),
        (-2.5, "-2.5"),
        (0.00004, "≈ 4·10⁻⁵"),
        (-0.00004, "≈ -4·10⁻⁵"),
        (1e6, "1000000"),
        (0.26894142, "0.2689"),
        (7.000000000000001, "7"),
        (3919032667883.1387, "≈ 3.9·10¹²"),
        (2.00003, "≈ 2 + 3·10⁻⁵"),
        (-0.99998, "≈ -1 + 2·10⁻⁵"),
    ],
)
def test_fmt(v, text):
    assert fmt(v) == text


@pytest.mark.parametrize(
    ("v", "text", "short"),
    [
        (1.0, "≈ 1", "≈ 1"),
        (0.0, "≈ 0", "≈ 0"),
        (1 - 2.3e-6, "≈ 1 - 2.3·10⁻⁶", "≈ 1"),
        (0.5, "0.5", "0.5"),
        (1.3e-16, "≈ 1.3·10⁻¹⁶", "≈ 0"),
    ],
)
def test_a_value_a_float_cannot_hold_is_never_shown_as_a_whole_number(v, text, short):
    """sigmoid(37) is 1.0 as a float, but the sigmoid never reaches 1: exact=False says so."""
    assert fmt(v, exact=False) == text and fmt(v, exact=False, room=False) == short


@given(st.floats(-1e6, 1e6, allow_nan=False), st.booleans())
def test_every_number_is_within_its_four_decimals_or_marked_approximate(v, exact):
    text = fmt(v, exact)
    if text.startswith("≈"):
        assert round(v, 4) == int(round(v, 4)) or abs(v) >= BIG  # only a would-be whole number is marked
        assert approx_value(text) == pytest.approx(v, rel=0.06, abs=1e-300)
    else:
        assert re.fullmatch(r"-?\d+(\.\d{0,3}[1-9])?", text)
        assert float(text) == pytest.approx(round(v, 4), abs=1e-9)
        if "." not in text:  # a whole number shown bare is the value, up to float noise
            assert exact and v == pytest.approx(int(text), rel=1e-12, abs=0)


def test_a_number_in_latex_is_the_same_number():
    assert tex("≈ 1 - 2.3·10⁻⁶") == r"\approx 1 - 2.3 \cdot 10^{-6}"
    assert tex("≈ 3.9·10¹²") == r"\approx 3.9 \cdot 10^{12}" and tex("0.5") == "0.5"


def test_latex_shows_the_symbols_then_the_numbers():
    text = latex(forward([2, 1, 3], [1, -1, 1], -5))
    assert "(1)(2) + (-1)(1) + (1)(3) + (-5) = -1" in text
    assert r"\text{ReLU}(-1) = 0" in text


def test_a_batch_has_no_trace():
    with pytest.raises(ValueError, match="one row"):
        trace_lines(forward([[1.0], [2.0]], [1.0], 0))


def test_a_long_list_of_sentences_is_its_first_few_and_a_count():
    from neuron_core.numbers import first

    assert first(["a", "b"]) == "a; b"
    assert first([f"point {k}" for k in range(1, 201)]) == "point 1; point 2; point 3 (and 197 more)"
    assert first([f"p{k}" for k in range(2000)], most=1) == "p0 (and 1,999 more)"
