"""One-example training: gradient descent on (a - y)², replayable from the link, honest about a dead ReLU."""

import re

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from neuron_core.figures.training import training_figure
from neuron_core.link.params import LR_HI, LR_LO, STEPS_MAX
from neuron_core.link.state import State, from_query, to_query
from neuron_core.model.activations import ACTIVATIONS
from neuron_core.model.neuron import forward
from neuron_core.model.training import LIMIT, train
from neuron_core.words.calculation import step_latex
from neuron_core.words.on_example import training_trouble
from tests.charts import plotly
from tests.shown import is_true
from tests.strategies import inputs_and_weights, slider

X, W = np.array([2.0, 1.0, 3.0]), np.array([1.0, -1.0, 1.0])


def test_one_step_is_the_chain_rule_written_out():
    f = forward(X, W, -3.0)  # z = 1, a = 1
    t = train(f, y=3.0, lr=0.01, steps=1)
    # dL/dw = 2 (a - y) f'(z) x = 2 (1 - 3) (1) x = -4 x
    np.testing.assert_allclose(t.w[1], W - 0.01 * -4 * X)
    assert t.b[1] == pytest.approx(-3.0 - 0.01 * -4)
    assert t.loss[0] == 4.0 and t.loss[1] < t.loss[0]


def test_training_brings_the_output_to_the_target():
    t = train(forward(X, W, -3.0, "tanh"), y=0.5, lr=0.1, steps=100)
    assert t.loss[-1] < 1e-6 and t.a[-1] == pytest.approx(0.5, abs=1e-3)
    assert len(t.loss) == len(t.b) == 101 and t.w.shape == (101, 3)


def test_the_same_start_replays_the_same_steps():
    f = forward(X, W, -3.0, "sigmoid")
    np.testing.assert_array_equal(train(f, 0.9, 0.5, 20).w, train(f, 0.9, 0.5, 20).w)


def test_a_dead_relu_does_not_learn_and_says_so():
    t = train(forward(X, W, -5.0), y=3.0, lr=0.1, steps=10)  # z = -1: every gradient is 0
    assert t.stuck and np.all(t.loss == 9.0)


def test_the_figure_shows_the_loss_and_each_weight():
    fig = plotly(training_figure(train(forward(X, W, -3.0), 3.0, 0.01, 5)))
    assert [d.name for d in fig.data] == ["loss", "w₁", "w₂", "w₃", "b"]
    assert len(fig.data[0].y) == 6


def test_the_training_travels_in_the_link():
    s = State(train=True, y=2.5, lr=0.02, steps=7)
    assert from_query(to_query(s)).state == s


@settings(max_examples=150, deadline=None)
@given(
    inputs_and_weights(),
    slider,
    st.sampled_from(list(ACTIVATIONS)),
    slider,
    st.floats(LR_LO, LR_HI),
    st.integers(0, STEPS_MAX),
)
def test_training_never_raises_and_every_number_it_shows_is_finite(xw, b, act, y, lr, steps):
    x, w = xw
    t = train(forward(x, w, b, act), y, lr, steps)
    assert 0 <= t.steps <= steps and len(t.loss) == len(t.a) == t.steps + 1
    assert all(np.isfinite(v).all() for v in (t.w, t.b, t.a, t.loss))
    assert np.abs(t.w).max() <= LIMIT and np.abs(t.b).max() <= LIMIT
    if t.steps < steps:  # stopped early only when a run was blowing up
        assert t.diverging and "Training stopped after" in training_trouble(t, steps)


def test_a_run_that_converges_is_not_called_diverging():
    t = train(forward(X, W, -3.0), 3.0, 0.01, 50)
    assert not t.diverging and t.loss[-1] < t.loss[0] and t.steps == 50


@settings(max_examples=100, deadline=None)
@given(
    inputs_and_weights(),
    slider,
    st.sampled_from(list(ACTIVATIONS)),
    slider,
    st.floats(LR_LO, LR_HI),
    st.integers(0, 20),
)
def test_the_written_step_is_the_step_training_takes(xw, b, act, y, lr, steps):
    """Every result in the written-out step (the loss, ∂L/∂z, each new w_i and b) is the run's next step."""
    x, w = xw
    f = forward(x, w, b, act)
    t = train(f, y, lr, steps + 1)
    assume(t.steps == steps + 1)
    now = forward(x, t.w[steps], t.b[steps], act)
    # as the page writes it: from the step's fractions where training kept them (a float sum of them can
    # lose every digit: z = 3.3·10⁻¹⁶ from products near 0.03 came out 3.19·10⁻¹⁶)
    kept = t.descent is not None and steps <= t.exact_steps
    v = (t.descent.v(steps)[:-1], t.descent.v(steps)[-1]) if kept else None
    text = step_latex(now, y, lr, t.is_exact("w", steps), v)
    rows = text.removeprefix(r"\begin{aligned}").removesuffix(r"\end{aligned}").split(r" \\ ")
    results = [re.split(r" (= |\\approx )", row)[-2:] for row in rows]
    values = [float(t.loss[steps]), None, *t.w[steps + 1].tolist(), float(t.b[steps + 1])]
    for (relation, shown), value in zip(results, values, strict=True):
        if value is None:
            continue
        shown = untex(shown)
        # "= v", or "≈ v" with v a decimal: v is still the run's value to its last place
        if relation == "= " or ("." in shown and "·10" not in shown):
            assert is_true(shown, value, exact=True), (shown, value)
        else:  # ≈ a whole number, or ≈ m·10ⁿ
            assert is_true(f"≈ {shown}", value, exact=False), (shown, value)


def untex(text: str) -> str:
    """A number as tex() wrote it, back in the page's text form."""
    sup = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")
    text = text.replace(r"\approx ", "≈ ")
    return re.sub(r" \\cdot 10\^\{(-?\d+)\}", lambda m: "·10" + m[1].translate(sup), text)
