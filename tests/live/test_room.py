"""What the dashboard says of a room: each exercise's answers counted, the right one marked, each wrong one
named by its likely cause; each lesson step's progress and predictions; the chart of them."""

from neuron_core.figures.room import answers_figure
from neuron_core.lessons import LESSONS
from neuron_core.live.room import Answer, exercise_answers, lesson_steps
from neuron_core.mistakes import OF_A_WRONG_Z, SKIPPED
from neuron_core.quiz import exercise, solve
from tests.charts import plotly


def test_an_exercise_s_answers_are_counted_marked_and_named():
    # exercise 3: w = (0, 2, 2), x = (1, 0, 2), b = -3, ReLU: z = 1, a = 1
    checks = [(1.0, 1.0, True, False)] * 3 + [
        (4.0, 4.0, False, True),
        (-7.0, 0.0, False, False),
        (1.0, -1.0, False, False),
    ]
    e = exercise_answers(3, checks)
    assert (e.seed, e.students, e.right) == (3, 6, 3)
    assert e.z == (
        Answer("1", 4, True),
        Answer("4", 1, False, "forgot the bias"),
        Answer("-7", 1, False, "flipped a product's sign"),
    )
    assert e.a == (
        Answer("1", 3, True, what="a"),
        Answer("4", 1, False, OF_A_WRONG_Z, "a"),
        Answer("0", 1, False, OF_A_WRONG_Z, "a"),  # ReLU(-7)
        Answer("-1", 1, False, None, "a"),  # no mistake known gives it
    )
    assert [w.cause for w in e.wrong] == [
        "forgot the bias",
        "flipped a product's sign",
        OF_A_WRONG_Z,
        OF_A_WRONG_Z,
    ]
    assert exercise_answers(3, []).students == 0 and exercise_answers(3, []).z == ()


def test_z_given_as_a_is_named():
    seed = next(k for k in range(200) if exercise(k).act == "relu" and float(solve(exercise(k)).z) < 0)
    z = float(solve(exercise(seed)).z)  # ReLU gives 0: a student who gives z as a skipped it
    assert exercise_answers(seed, [(z, z, False, False)]).a[0].cause == SKIPPED


def test_a_lesson_s_steps_in_order_with_who_is_on_them_and_who_did_them():
    on = {("neuron", 2): 3, ("neuron", 1): 1}
    done = {("neuron", 1): 4}
    predicted = {("neuron", 1): [("-1", True), ("-1", True), ("4", False)]}
    steps = lesson_steps(on, done, predicted)
    assert [(s.lesson, s.k) for s in steps] == [
        ("neuron", k) for k in range(1, len(LESSONS["neuron"].steps) + 1)
    ]
    first, second = steps[:2]
    assert (first.on, first.done, second.on, second.done) == (1, 4, 3, 0)
    assert first.title == LESSONS["neuron"].steps[0].title
    assert first.predictions == (Answer("-1", 2, True), Answer("4", 1, False))
    assert lesson_steps({}, {}, {}) == [] and lesson_steps({("nosuch", 1): 2}, {}, {}) == []


def test_the_chart_of_answers_keeps_its_height_and_scale_as_answers_come():
    few = answers_figure("z", [("1", 2, True, None)], scale=5)
    many = answers_figure("z", [(str(k), 1, False, None) for k in range(9)], scale=5)
    assert few["layout"]["height"] == many["layout"]["height"]
    assert few["layout"]["xaxis"]["range"] == many["layout"]["xaxis"]["range"] == [0, 11.0]  # 5 students
    assert many["data"][0]["y"][-1] == "z = 4 others" and many["data"][0]["x"][-1] == 4  # 9 answers: 5 + 4


def test_the_chart_of_answers_is_plotly_s_and_says_what_it_shows():
    fig = answers_figure("z", [("1", 3, True, None), ("4", 1, False, "forgot the bias")])
    plotly(fig)  # valid against Plotly's schema
    assert fig["label"] == "The room's answers for z: 1: 3 ✓ right; 4: 1 · forgot the bias."
    students = answers_figure("z", [("1", 3, None, None), ("4", 1, None, None)])  # a student's page
    assert "right" not in students["label"] and "✓" not in "".join(students["data"][0]["text"])
    assert answers_figure("a", [])["label"] == "The room's answers for a: none yet: 0."
