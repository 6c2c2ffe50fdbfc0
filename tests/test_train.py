"""One-example training: gradient descent on (a - y)², replayable from the link, honest about a dead ReLU."""

import re
from pathlib import Path

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from neuron_core.figures.training import training_figure
from neuron_core.link.params import LR_HI, LR_LO, STEPS_MAX
from neuron_core.link.state import State, from_query, to_query
from neuron_core.model.activations import ACTIVATIONS
from neuron_core.model.neuron import forward
from neuron_core.model.training import LIMIT, train
from neuron_core.words.calculation import step_latex
from neuron_core.words.on_example import training_trouble, unreachable
from tests.charts import app_charts, plotly
from tests.shown import is_true
from tests.strategies import inputs_and_weights, slider

APP = str(Path(__file__).resolve().parents[1] / "playground.py")
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


def test_training_in_the_app_steps_and_replays():
    at = AppTest.from_file(APP, default_timeout=30)
    at.query_params.update({"train": "true", "b": "-3", "y": "3", "lr": "0.01", "steps": "2"})
    at.run()
    assert not at.exception and at.number_input(key="steps").value == 2
    next(b for b in at.button if b.label == "Take one step").click().run()
    assert at.number_input(key="steps").value == 3
    spec = app_charts(at)["training"]
    assert len(spec["data"][0]["y"]) == 4
    expected = train(forward(X, W, -3.0), 3.0, 0.01, 3)
    assert f"loss = {round(float(expected.loss[-1]), 4):g}" in " ".join(m.value for m in at.markdown)
    next(b for b in at.button if b.label == "Move the sliders to these weights").click().run()
    assert at.slider(key="w1").value == pytest.approx(round(float(expected.w[-1, 0]), 4))
    assert at.number_input(key="steps").value == 0


def test_training_a_dead_relu_warns():
    at = AppTest.from_file(APP, default_timeout=30)
    at.query_params.update({"train": "true", "steps": "3"})
    at.run()
    assert any("cannot learn" in w.value for w in at.warning)


@settings(max_examples=150, deadline=None)
@given(
    inputs_and_weights(),
    slider,
    st.sampled_from(list(ACTIVATIONS)),
    slider,
    st.floats(LR_LO, LR_HI),
    st.integers(0, STEPS_MAX),
)  # fmt: skip
def test_training_never_raises_and_every_number_it_shows_is_finite(xw, b, act, y, lr, steps):
    x, w = xw
    t = train(forward(x, w, b, act), y, lr, steps)
    assert 0 <= t.steps <= steps and len(t.loss) == len(t.a) == t.steps + 1
    assert all(np.isfinite(v).all() for v in (t.w, t.b, t.a, t.loss))
    assert np.abs(t.w).max() <= LIMIT and np.abs(t.b).max() <= LIMIT
    if t.steps < steps:  # stopped early only when a run was blowing up
        assert t.diverging and "Training stopped after" in training_trouble(t, steps)


def test_a_diverging_run_says_so_and_the_page_shows_no_error_box():
    eight = {f"x{i}": "10" for i in range(1, 9)}
    for query, said in [
        ({"n": "8", **eight, "act": "identity", "train": "true", "steps": "100"},
         "Training stopped after 3 of 100 steps"),
        ({"act": "identity", "train": "true", "y": "10", "lr": "0.2", "steps": "3"},
         "the loss grew from 121 to 1890625 in 3 steps"),
    ]:  # fmt: skip
        at = AppTest.from_file(APP, default_timeout=30)
        at.query_params.update(query)
        at.run()
        assert not at.exception
        (warning,) = at.warning
        assert "The learning rate is too large for these inputs" in warning.value and said in warning.value


def test_a_run_that_converges_is_not_called_diverging():
    t = train(forward(X, W, -3.0), 3.0, 0.01, 50)
    assert not t.diverging and t.loss[-1] < t.loss[0] and t.steps == 50


def test_reaching_the_target_is_celebrated_not_warned_about():
    at = AppTest.from_file(APP, default_timeout=30)
    at.query_params.update({"train": "true", "b": "-4", "y": "0", "steps": "2"})  # z = 0, a = 0 = y
    at.run()
    assert not at.exception and not at.warning
    assert [s.value for s in at.success] == [
        "a = y = 0: the loss is 0, so there is nothing left to learn from this example."
    ]
    t = train(forward(X, W, -4.0), 0.0, 0.05, 2)
    assert t.reached and not t.stuck and not t.diverging


@settings(max_examples=100, deadline=None)
@given(inputs_and_weights(), slider, st.sampled_from(list(ACTIVATIONS)), slider, st.floats(LR_LO, LR_HI),
       st.integers(0, 20))  # fmt: skip
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


@pytest.mark.parametrize(
    ("act", "y", "said"),
    [("relu", "-3", "y = -3 is out of reach: ReLU never outputs anything below 0"),
     ("sigmoid", "1", "y = 1 is never reached: sigmoid only approaches 1"),
     ("tanh", "2", "y = 2 is out of reach: tanh never outputs anything above 1"),
     ("step", "0.5", "y = 0.5 is out of reach: the step outputs only 0 or 1")],
)  # fmt: skip
def test_a_target_no_weights_can_reach_is_named(act, y, said):
    at = AppTest.from_file(APP, default_timeout=30)
    at.query_params.update({"act": act, "train": "true", "y": y, "b": "-3", "steps": "5"})
    at.run()
    assert not at.exception and any(said in i.value for i in at.info)
    assert (
        unreachable(ACTIVATIONS["identity"], 0.0, -7.0) is None
        and unreachable(ACTIVATIONS["relu"], 0.0, 0.0) is None
    )


def test_moving_the_sliders_says_which_trained_values_do_not_fit_on_them():
    def page(steps: str) -> AppTest:
        at = AppTest.from_file(APP, default_timeout=30)
        at.query_params.update(
            {"act": "identity", "train": "true", "y": "10", "b": "-3", "lr": "0.2", "steps": steps}
        )
        return at.run()

    assert not [c for c in page("0").caption if "beyond its slider" in c.value]
    at = page("1")  # z = 1, ∂L/∂z = 2 (1 - 10) = -18: w ← w + 0.2·18·x = (8.2, 2.6, 11.8), b = 0.6
    assert [c.value for c in at.caption if "beyond its slider" in c.value] == [
        "w₃ = 11.8 is beyond its slider: it will be set to 10."
    ]
    next(b for b in at.button if b.label == "Move the sliders to these weights").click().run()
    assert [at.slider(key=k).value for k in ("w1", "w2", "w3", "b")] == pytest.approx([8.2, 2.6, 10, 0.6])
