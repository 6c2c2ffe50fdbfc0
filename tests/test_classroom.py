"""Quiz exercises, the by-hand layout, the plain sentence, the contributions chart and the export."""

import json
import math
import subprocess
import sys
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from neuron_core import forward
from neuron_core.export import script, state_json
from neuron_core.figures.neuron import contributions
from neuron_core.figures.style import NEGATIVE, POSITIVE
from neuron_core.model.activations import ACTIVATIONS
from neuron_core.quiz import exercise, feedback, hint, mark, solve
from neuron_core.words.calculation import by_hand, trace_lines
from neuron_core.words.explain import explain
from tests.charts import plotly

SEED = forward([2, 1, 3], [1, -1, 1], -5)


def test_an_exercise_comes_from_its_seed_alone():
    # Fixed here, so a change of generator (which would give students other numbers) fails loudly.
    assert exercise(3) == exercise(3)
    e = exercise(3)
    assert (e.x, e.w, e.b, e.act) == ((1.0, 0.0, 2.0), (0.0, 2.0, 2.0), -3.0, "relu")
    assert exercise(4) != exercise(3)


@given(st.integers(0, 10**9 - 1))
def test_exercises_are_small_whole_numbers(seed):
    e = exercise(seed)
    assert e.n in (2, 3)
    assert all(v == int(v) and -3 <= v <= 3 for v in (*e.x, *e.w))
    assert e.b == int(e.b) and -5 <= e.b <= 5


def test_a_guess_is_right_as_far_as_it_is_written():
    f = solve(exercise(3))  # z = 1, a = 1
    assert mark(f, 1, 1).both
    assert not mark(f, 1.00004, 0.99996).z  # five places written, and the fifth is wrong
    m = mark(f, 1, 0)
    assert m.z and not m.a and not m.both
    f = solve(exercise(4))  # sigmoid(-8) = 0.000335
    assert [mark(f, -8, a).a for a in (0.0003, 0.000335, 0.00034, 0.0008, 0, 0.001)] == [
        True,
        True,
        True,
        False,
        False,
        False,
    ]
    assert mark(f, -8, 0).whole == "a is not a whole number: it is 0.0003, not 0. Sigmoid never reaches 0."
    f = solve(exercise(78))  # tanh(-5) = -0.99991
    assert not mark(f, -5, -1).a and mark(f, -5, -0.9999).a
    assert "Tanh never reaches -1" in hint(f, mark(f, -5, -1), 1)


def test_any_number_a_student_can_type_is_marked_without_an_error():
    f = solve(exercise(4))
    for guess in (1e-300, 1.2345678901234569e-20, 5e-324, 1e308, -1.7976931348623157e308, -0.0):
        m = mark(f, guess, guess)
        assert not m.z and not m.a and not m.follows
        assert len(feedback(f, m, guess, guess, 1, 0)) < 400  # 1e308 in two digits, not 309


def _rule(guess: str, value: float, exact: bool) -> bool:
    """The README's marking rule, written again from its words with fractions."""
    places = len(guess.partition(".")[2])
    g = Fraction(guess)
    if places == 0:
        return exact and Fraction(value) == g
    scaled = abs(Fraction(value)) * 10**places
    rounded = math.floor(scaled + Fraction(1, 2)) * (1 if value >= 0 else -1)
    return Fraction(rounded, 10**places) == g


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 10**6), st.integers(0, 6), st.integers(-2, 2))
def test_marking_follows_the_stated_rule_and_no_whole_number_is_right_for_a_value_it_is_not(
    seed, places, nudge
):
    f = solve(exercise(seed))
    a = float(f.a)
    k = round(Fraction(a) * 10**places) + nudge  # a guess near a, written to `places` decimals
    whole, part = divmod(abs(k), 10**places)
    text = f"{'-' if k < 0 else ''}{whole}" + (f".{part:0{places}d}" if places else "")
    text = text.rstrip("0").rstrip(".") if "." in text else text
    text = "0" if text in ("-0", "") else text
    guess = float(text)
    assert mark(f, float(f.z), guess).a == _rule(text, a, f.exact), (seed, text, a)
    if guess.is_integer() and guess != a:
        assert not mark(f, float(f.z), guess).a


@pytest.mark.parametrize(
    ("x", "w", "b", "act", "sentence"),
    [
        ([2, 1, 3], [1, -1, 1], -5, "relu", "z = -1 is negative, so ReLU outputs 0."),
        ([2, 1, 3], [1, -1, 1], -3, "relu", "z = 1 is positive, so ReLU passes it through: a = 1."),
        ([1], [1], -1, "relu", "z = 0 is zero, so ReLU outputs 0."),  # 0 is not passed through: it is 0
        ([2], [-1], 0, "leaky_relu", "z = -2 is negative, so Leaky ReLU scales it by α = 0.01: a = -0.02."),
        ([2], [-1], 0, "step", "z = -2 is negative, so the step outputs 0."),
        ([2], [-1], 0, "sigmoid", "z = -2 is negative, and sigmoid(-2) = 0.1192."),
    ],
)
def test_one_plain_sentence_says_what_happened(x, w, b, act, sentence):
    assert explain(forward(x, w, b, act)) == sentence


def test_by_hand_is_the_augmented_row_times_the_column_with_a_one():
    text = by_hand(SEED)
    assert r"\begin{array}{ccc|c} 1 & -1 & 1 & -5 \end{array}" in text
    assert r"2 \\ 1 \\ 3 \\ \hline 1" in text
    assert text.endswith(r"= (2) + (-1) + (3) + (-5) = -1 \;\xrightarrow{\text{ReLU}}\; 0")
    hidden = by_hand(SEED, reveal=False)
    assert hidden.endswith(r"= z \;\xrightarrow{\text{ReLU}}\; a") and "-1 \\;" not in hidden


def test_contributions_add_up_to_z_in_the_diagrams_colours():
    fig = plotly(contributions(SEED))
    (bars,) = fig.data
    assert list(bars.y) == ["w₁x₁", "w₂x₂", "w₃x₃", "b", "z"]
    ends = np.add(bars.base, bars.x)
    assert ends[-2] == pytest.approx(float(SEED.z)) and bars.x[-1] == float(SEED.z)
    np.testing.assert_allclose(bars.base[1:4], ends[:3])  # each term starts where the last one ended
    assert list(bars.marker.color[:4]) == [POSITIVE, NEGATIVE, POSITIVE, NEGATIVE]
    assert list(bars.marker.pattern.shape[:4]) == ["", "/", "", "/"]  # the sign without colour


@pytest.mark.parametrize("act", list(ACTIVATIONS))
def test_the_exported_script_runs_with_numpy_and_prints_the_same_lines(act, tmp_path):
    f = forward([0.5, -1.5, 2.0], [1.2, 0.3, -0.7], 0.25, act)
    path = tmp_path / "neuron.py"
    path.write_text(script(f))
    r = subprocess.run(
        [sys.executable, str(path)], capture_output=True, text=True, encoding="utf-8", timeout=60
    )
    assert r.returncode == 0 and r.stderr == ""
    assert r.stdout.splitlines() == trace_lines(f)


def test_the_exported_seed_script_prints_the_seed_lines(tmp_path):
    path = tmp_path / "seed.py"
    path.write_text(script(SEED))
    out = subprocess.run([sys.executable, str(path)], capture_output=True, text=True, encoding="utf-8").stdout
    assert out == "w*x + b = (1)*(2) + (-1)*(1) + (1)*(3) + (-5) = -1\nReLU: -1 → 0 because -1 is negative.\n"


def test_the_state_json_has_the_math_names():
    data = json.loads(state_json(SEED))
    assert data == {
        "n": 3,
        "x": [2.0, 1.0, 3.0],
        "w": [1.0, -1.0, 1.0],
        "b": -5.0,
        "act": "relu",
        "alpha": None,
        "terms": [2.0, -1.0, 3.0],
        "z": -1.0,
        "a": 0.0,
        "trace": [
            "w*x + b = (1)*(2) + (-1)*(1) + (1)*(3) + (-5) = -1",
            "ReLU: -1 → 0 because -1 is negative.",
        ],
        "da_dz": 0.0,
        "da_db": 0.0,
        "da_dw": [0.0, 0.0, 0.0],
        "da_dx": [0.0, 0.0, 0.0],
    }


def test_a_whole_guess_is_told_only_a_level_the_activation_never_reaches():
    # GELU levels off towards 0 far below 0 but is 0 at z = 0: "GELU never reaches 0" was false
    f = forward([1.0], [1.0], -11.0, "gelu")
    assert mark(f, -10, 0).whole == "a is not a whole number: it is ≈ -1.2·10⁻³⁷, not 0."
    f = forward([1.0], [1.0], -41.0, "elu", 1.0)  # ELU only approaches -alpha
    assert mark(f, -40, -1).whole.endswith(" ELU never reaches -1.")
