"""The lessons page in AppTest: the list, every step at its link, a lesson taken from its first step to its
last (with a reload in the middle), a step done kept done, and junk links falling back with one notice."""

from __future__ import annotations

import pytest

from neuron_core.lessons import LESSONS
from neuron_core.words.text import plain
from tests.paths import opened

STEPS = [(name, k) for name, lesson in LESSONS.items() for k in range(1, len(lesson.steps) + 1)]


def lesson_at(query: dict):
    return opened(query, page="lessons")


def button(at, label: str):
    (b,) = [b for b in at.button if b.label == label]
    return b


def test_the_list_names_every_lesson_with_a_link_to_start_it():
    at = lesson_at({})
    assert not at.exception and at.title[0].value == "Lessons"
    text = " ".join(m.value for m in at.markdown)
    assert all(lesson.title in text and lesson.about in text for lesson in LESSONS.values())


@pytest.mark.parametrize("name, k", STEPS)
def test_every_step_opens_at_its_link_with_its_title_and_no_notice_or_error(name, k):
    at = lesson_at({"lesson": name, "step": str(k)})
    step = LESSONS[name].steps[k - 1]
    assert not at.exception and not at.error
    assert not [w for w in at.warning if w.value.startswith(("Ignored", "Read"))]  # no notice (a dead
    # neuron's gradients are a warning of the page's own)
    assert at.title[0].value == step.title
    assert (
        f"{LESSONS[name].title} · step {k} of {len(LESSONS[name].steps)}" in at.get("progress")[0].proto.text
    )


@pytest.mark.parametrize(
    "query, said",
    [
        ({"lesson": "nosuch"}, "Ignored lesson from the link: it is not one of none, neuron"),
        ({"lesson": "neuron", "step": "99"}, "Ignored step from the link because it is outside 1 to 8"),
        ({"lesson": "line", "step": "7"}, "Ignored step from the link: the lesson has 5 steps"),
        ({"lesson": "neuron", "step": "x"}, "Ignored step from the link because it is not a number"),
        ({"lesson": "neuron", "done": "<b>"}, "Ignored done from the link: it marks at most 8 steps"),
        ({"lesson": "neuron", "step": "2", "b": "nan"}, "Ignored b from the link"),
    ],
)
def test_a_junk_lesson_link_falls_back_with_one_notice(query, said):
    at = lesson_at(query)
    assert not at.exception and not at.error
    notices = [w.value for w in at.warning]
    assert len(notices) == 1 and plain(said) in notices[0], notices


def predict(at, value):
    at.number_input(key=next(n.key for n in at.number_input if n.key.startswith("guess"))).set_value(value)
    return button(at, "Check").click().run()


def choose(at, value):
    at.radio[0].set_value(value)
    return button(at, "Check").click().run()


def done(at) -> bool:
    return any(s.value.startswith("**Done.**") for s in at.success)


def test_lesson_neuron_from_its_first_step_to_its_last_with_a_reload_in_the_middle():
    at = lesson_at({"lesson": "neuron"})
    predict(at, 1)
    assert not done(at) and "Not yet (1 try). Hint: Multiply" in at.error[0].value
    predict(at, -1)
    assert done(at) and at.query_params["done"] == "1-----"
    button(at, "Next step →").click().run()
    assert not done(at) and [s.label for s in at.slider] == ["bias b"]  # only b, as the step says
    at.slider(key="b").set_value(-3.0).run()
    assert done(at) and at.query_params["done"] == "11----"
    button(at, "Next step →").click().run()
    assert not at.slider  # a prediction first: its controls (and charts) come once it is answered
    predict(at, -4)
    assert not done(at)  # predicted; now b to it
    at.slider(key="b").set_value(-4.0).run()
    assert done(at)
    # A reload (the link alone, a new session) keeps the place and the steps done.
    query = dict(at.query_params)
    at = lesson_at(query)
    assert done(at) and query["done"] == "111---"
    button(at, "Next step →").click().run()
    predict(at, 1)
    button(at, "Next step →").click().run()
    at.slider(key="n").set_value(4).run()
    assert not done(at)  # the new input's weight is 0: it changes nothing yet
    at.slider(key="w4").set_value(2.0).run()
    assert done(at)
    button(at, "Next step →").click().run()
    choose(at, "it goes up by 1")
    assert done(at) and at.query_params["done"] == "111111"
    assert any("the lesson is done, 6 of 6 steps" in s.value for s in at.success)
    assert not at.exception and not at.error


def test_a_step_done_stays_done_when_the_student_goes_back_to_look():
    at = lesson_at({"lesson": "neuron", "step": "2", "done": "11"})
    assert done(at) and at.slider(key="b").value == -5.0  # back at its start, and still done
    assert button(at, "Next step →")


def test_a_hint_is_given_on_request_one_at_a_time():
    at = lesson_at({"lesson": "neuron", "step": "2"})
    button(at, "A hint").click().run()
    assert [i.value for i in at.info if i.value.startswith("Hint")] == [
        f"Hint: {LESSONS['neuron'].steps[1].hints[0]}"
    ]
    button(at, "Another hint").click().run()
    assert len([i for i in at.info if i.value.startswith("Hint")]) == 2 and not [
        b for b in at.button if "hint" in b.label
    ]


def test_the_data_lesson_trains_by_the_perceptron_rule_to_4_of_4():
    at = lesson_at({"lesson": "line", "step": "3"})
    assert not done(at)
    button(at, "Take ten epochs").click().run()
    assert not done(at)
    button(at, "Take one epoch").click().run()
    button(at, "Take one epoch").click().run()
    assert done(at) and not at.exception


def test_an_answered_prediction_survives_a_reload_before_the_goal_is_met():
    at = lesson_at({"lesson": "neuron", "step": "3", "done": "11"})
    predict(at, -4)
    assert at.query_params["done"] == "110---" and not done(at)  # answered, not yet done: b is still -5
    at = lesson_at(dict(at.query_params))  # a reload
    assert not at.number_input and at.slider(key="b").value == -5.0  # the answer kept, no question again
    assert any(s.value.endswith("**-4**.") for s in at.success)
