"""The lessons that ship: each loads and checks; every step opens on its link with no notice; a state that
meets a step's goal is marked done and its start is not; a prediction is marked by the quiz's rule."""

from __future__ import annotations

from urllib.parse import parse_qs

import pytest

from neuron_core.cli import main
from neuron_core.lessons import HERE, LESSONS, read
from neuron_core.link import state
from neuron_core.link.params import LESSON_NAMES

# For every step with a goal: the values that meet it, written as a link's query over the step's start.
# A goal that held at the start would be refused when the lesson loads.
MEETS = {
    ("neuron", 2): "b=-3.9",
    ("neuron", 3): "b=-4",
    ("neuron", 5): "n=4&w4=1.1",
    ("activations", 1): "b=-2",
    ("activations", 3): "b=0.7",
    ("activations", 6): "act=leaky_relu&alpha=0.01",
    ("learning", 3): "steps=1",
    ("learning", 4): "steps=10",
    ("learning", 5): "lr=0.1&steps=3",
    ("learning", 6): "steps=10",
    ("line", 1): "w1=1&w2=1&b=-1.5",
    ("line", 2): "w1=1&w2=1&b=-0.5",
    ("line", 3): "epochs=12",
    ("line", 4): "w1=1&w2=1&b=-0.5",
    ("line", 5): "epochs=20",
}
# And values next to them that do not: the goal is the boundary, not a nearby one.
MISSES = {
    ("neuron", 2): "b=-4",
    ("neuron", 3): "b=-3.9",
    ("neuron", 5): "n=4&w4=1",
    ("activations", 1): "b=-2.1",
    ("activations", 3): "b=0.5",
    ("activations", 6): "act=leaky_relu&alpha=0",
    ("learning", 3): "steps=0",
    ("learning", 4): "steps=9",
    ("learning", 5): "lr=0.05&steps=3",
    ("learning", 6): "steps=9",
    ("line", 1): "w1=1&w2=1&b=-0.5",
    ("line", 2): "w1=1&w2=1&b=-1.5",
    ("line", 3): "epochs=11",
    ("line", 4): "w1=1&w2=-1&b=0",
    ("line", 5): "epochs=19",
}
# Every prediction: its right answer, and a wrong one.
PREDICTIONS = {
    ("neuron", 1): (-1, 1),
    ("neuron", 3): (-4, -5),
    ("neuron", 4): (1, -1),
    ("neuron", 6): ("it goes up by 1", "it goes up by 2"),
    ("activations", 2): (0.5, 1),
    ("activations", 4): (1, 0),
    ("activations", 5): ("not at all", "a little"),
    ("learning", 1): ("up", "down"),
    ("learning", 2): ("w₃", "w₁"),
    ("learning", 6): ("still 0", "closer to 3"),
    ("line", 4): (3, 4),
    ("line", 5): ("no, never", "yes, given enough epochs"),
}
STEPS = [(name, k) for name, lesson in LESSONS.items() for k in range(1, len(lesson.steps) + 1)]


def step(name: str, k: int):
    return LESSONS[name].steps[k - 1]


def at(name: str, k: int, query: str) -> state.State:
    """The step's state for a link's query, read over the step's start as the page reads it."""
    reading = state.from_query(parse_qs(query), step(name, k).view)
    assert not reading.notices, reading.notices
    return reading.state


def test_the_four_lessons_ship_in_the_seeds_order_each_of_5_to_8_steps():
    assert list(LESSONS) == list(LESSON_NAMES) == ["neuron", "activations", "learning", "line"]
    assert all(5 <= len(lesson.steps) <= 8 for lesson in LESSONS.values())
    assert main(["lesson", "check", *(str(HERE / f"{n}.toml") for n in LESSONS)]) == 0


@pytest.mark.parametrize("name, k", STEPS)
def test_every_step_opens_on_its_link_with_no_notice_and_every_step_is_tested(name, k):
    s = step(name, k)
    assert not state.from_query(parse_qs(s.start), s.page).notices
    assert ((name, k) in MEETS) == (s.goal is not None)
    assert ((name, k) in PREDICTIONS) == (s.predict is not None)
    assert s.why and s.text and s.title


@pytest.mark.parametrize("name, k", sorted(MEETS))
def test_a_state_that_meets_the_goal_is_done_and_the_start_and_a_near_miss_are_not(name, k):
    s = step(name, k)
    assert s.met(at(name, k, MEETS[name, k]))
    assert not s.met(s.opened())
    assert not s.met(at(name, k, MISSES[name, k]))


@pytest.mark.parametrize("name, k", sorted(PREDICTIONS))
def test_a_prediction_is_right_only_when_it_is_the_answer(name, k):
    right, wrong = PREDICTIONS[name, k]
    s = step(name, k)
    assert s.right(right) and not s.right(wrong)
    if not isinstance(right, str):  # as the quiz marks: the value to the places written, and no other
        assert s.right(float(right)) and not s.right(str(right)) and not s.right(right + 0.01)


def test_a_prediction_of_a_curves_value_is_marked_to_the_places_written():
    text = (
        (HERE / "activations.toml")
        .read_text(encoding="utf-8")
        .replace("act=sigmoid&b=-4", "act=sigmoid&b=-3")
    )
    s = read(text, "activations").steps[1]  # sigmoid(1) = 0.7310585786…
    assert s.right(0.73) and s.right(0.731) and s.right(0.7) and not s.right(0.74) and not s.right(1)
