"""One-example training: gradient descent on (a - y)², replayable from the link, honest about a dead ReLU."""

import pytest
from streamlit.testing.v1 import AppTest

from neuron_core.model.activations import ACTIVATIONS
from neuron_core.model.neuron import forward
from neuron_core.model.training import train
from neuron_core.words.on_example import unreachable
from tests.charts import app_charts
from tests.model.test_train import W, X
from tests.paths import APP, opened


def test_training_in_the_app_steps_and_replays():
    at = opened({"train": "true", "b": "-3", "y": "3", "lr": "0.01", "steps": "2"})
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
    at = opened({"train": "true", "steps": "3"})
    assert any("cannot learn" in w.value for w in at.warning)


def test_a_diverging_run_says_so_and_the_page_shows_no_error_box():
    eight = {f"x{i}": "10" for i in range(1, 9)}
    for query, said in [
        (
            {"n": "8", **eight, "act": "identity", "train": "true", "steps": "100"},
            "Training stopped after 3 of 100 steps",
        ),
        (
            {"act": "identity", "train": "true", "y": "10", "lr": "0.2", "steps": "3"},
            "the loss grew from 121 to 1890625 in 3 steps",
        ),
    ]:
        at = opened(query)
        assert not at.exception
        (warning,) = at.warning
        assert "The learning rate is too large for these inputs" in warning.value and said in warning.value


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


@pytest.mark.parametrize(
    ("act", "y", "said"),
    [
        ("relu", "-3", "y = -3 is out of reach: ReLU never outputs anything below 0"),
        ("sigmoid", "1", "y = 1 is never reached: sigmoid only approaches 1"),
        ("tanh", "2", "y = 2 is out of reach: tanh never outputs anything above 1"),
        ("step", "0.5", "y = 0.5 is out of reach: the step outputs only 0 or 1"),
    ],
)
def test_a_target_no_weights_can_reach_is_named(act, y, said):
    at = opened({"act": act, "train": "true", "y": y, "b": "-3", "steps": "5"})
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
