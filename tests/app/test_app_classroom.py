"""The classroom features through AppTest: quiz links, presenter mode, the sentence, the downloads."""

from streamlit.testing.v1 import AppTest

from neuron_core.figures import style
from neuron_core.numbers import eq, fmt
from neuron_core.quiz import exercise, hint, mark, solve, worksheet
from neuron_core.words.calculation import trace_lines
from tests.charts import app_charts
from tests.paths import opened


def run(query: dict) -> AppTest:
    at = opened(query)
    assert not at.exception
    return at


def button(at: AppTest, label: str):
    (b,) = [b for b in at.button if b.label == label]
    return b


def answer_shown(at: AppTest) -> bool:
    """Whether any part of the answer is on the page: numbers, charts, the lines, a worked formula."""
    f = solve(exercise(int(at.query_params["seed"])))
    worked = f"= {fmt(f.z)}"
    return bool(
        at.metric
        or at.code
        or app_charts(at)
        or any(worked in el.value for el in at.latex)
        or any("worked solution" in el.value for el in at.subheader)
    )


def test_a_quiz_link_shows_its_exercise_and_hides_the_answer():
    at = run({"mode": "quiz", "seed": "3"})
    assert at.title[0].value == "Quiz: exercise 3"
    assert r"\begin{array}{ccc|c} 0 & 2 & 2 & -3" in at.latex[0].value
    assert not answer_shown(at)


def test_the_same_seed_gives_the_same_exercise_and_another_seed_another():
    one, two, other = (
        run({"mode": "quiz", "seed": "11"}),
        run({"mode": "quiz", "seed": "11"}),
        run({"mode": "quiz", "seed": "12"}),
    )
    assert one.latex[0].value == two.latex[0].value != other.latex[0].value


def guess(at: AppTest, seed: int, z: float, a: float) -> AppTest:
    at.number_input(key=f"z {seed}").set_value(z)
    at.number_input(key=f"a {seed}").set_value(a)
    return button(at, "Check").click().run()


def test_a_wrong_guess_gets_a_hint_and_another_try_never_the_solution():
    at = run({"mode": "quiz", "seed": "3"})  # z = 1, a = 1
    guess(at, 3, 1.0, 0.0)
    (said,) = [e.value for e in at.error]
    assert said.startswith(
        "z = 1: right. a = 0: not quite.\n\nz is right; a is off. Your z is positive: ReLU keeps"
    )
    assert not at.success and not answer_shown(at)
    guess(at, 3, 1.0, 1.0)  # the second try, right: the solution and the next exercise
    assert [s.value for s in at.success] == ["z = 1: right. a = 1: right."]
    assert at.code[0].value == "\n".join(trace_lines(solve(exercise(3))))
    assert answer_shown(at)


def test_hints_narrow_z_down_a_step_at_a_time():
    f = solve(exercise(3))
    wrong = mark(f, 5.0, 0.0)
    first, second = hint(f, wrong, 1), hint(f, wrong, 2)
    # The signs of the products first, each named, no product's value; then the products themselves.
    assert first == "z is off. Start with the signs of the products: w₁x₁ is 0, w₂x₂ is 0, w₃x₃ is positive."
    assert "w₁x₁ = 0, w₂x₂ = 0, w₃x₃ = 4; now add them up, and add b = -3." in second and "1" not in second


def test_show_the_solution_shows_it_and_next_starts_blank():
    at = run({"mode": "quiz", "seed": "3"})
    guess(at, 3, 7.0, 7.0)
    assert not answer_shown(at)
    button(at, "Show the solution").click().run()
    assert answer_shown(at)
    button(at, "Next exercise →").click().run()
    assert at.query_params["seed"] == "4" and at.title[0].value == "Quiz: exercise 4"
    assert not answer_shown(at) and not at.error and not at.success
    assert at.number_input(key="z 4").value is None and at.number_input(key="a 4").value is None


def test_a_set_of_five_ends_with_a_score():
    at = run({"mode": "quiz", "seed": "3", "count": "5"})
    for k in range(5):
        seed = 3 + k
        assert at.title[0].value == f"Quiz: exercise {k + 1} of 5"
        f = solve(exercise(seed))
        if k == 1:  # one asked for, not answered
            button(at, "Show the solution").click().run()
        else:
            guess(at, seed, float(f.z), round(float(f.a), 4))
        if k < 4:
            button(at, "Next exercise →").click().run()
    assert [s.value for s in at.success][-1] == "Done: 4 of 5 right without the solution."


def test_checking_with_a_guess_missing_asks_for_both():
    at = run({"mode": "quiz", "seed": "3"})
    at.number_input(key="z 3").set_value(1.0)
    button(at, "Check").click().run()
    assert "Enter both z and a, then check." in [c.value for c in at.caption]
    assert not answer_shown(at) and not at.error


def test_presenter_mode_shows_the_essentials_in_large_type():
    at = run({"present": "true"})
    assert at.toggle(key="present").value is True
    assert at.title[0].value == "z = -1   →   a = 0"
    charts = app_charts(at)
    assert list(charts) == ["diagram", "curve"] and charts["diagram"]["layout"]["font"]["size"] == 21
    assert not at.code and not at.latex and not at.metric
    assert at.slider(key="b")  # the controls are still there
    at.slider(key="b").set_value(-3.0).run()
    assert at.title[0].value == "z = 1   →   a = 1"


def test_the_playground_says_what_happened_in_one_sentence():
    at = run({})
    assert "**z = -1 is negative, so ReLU outputs 0.**" in [m.value for m in at.markdown]
    terms = app_charts(at)["terms"]["data"][0]  # the contributions chart
    assert terms["y"] == ["w₁x₁", "w₂x₂", "w₃x₃", "b", "z"]
    labels = [d.proto.label for d in at.get("download_button")]
    assert labels == ["Download as a Python script", "Download the state as JSON"]


def test_every_chart_goes_through_the_one_chart_element_as_built():
    at = run({"grad": "true", "land": "true", "train": "true", "sweep": "b"})
    assert not at.get("plotly_chart")
    elements = at.get("bidi_component")
    assert {e.proto.component_name for e in elements} == {"neuron_chart"}
    charts = app_charts(at)
    assert list(charts) == ["diagram", "curve", "sweep_chart", "landscape", "training", "terms"]
    assert all(c["layout"]["font"]["family"] == style.FONT for c in charts.values())
    # Each has a sentence for screen readers and a file name for Plotly's PNG button.
    assert all(c["label"] and c["name"] for c in charts.values())
    assert len({c["name"] for c in charts.values()}) == 6


def test_show_gradients_explains_a_dead_relu_and_annotates_the_diagram():
    at = run({"grad": "true"})
    assert at.button_group(key="views").value == ["grad"]
    (warning,) = at.warning
    assert "dead" in warning.value and "cannot learn" in warning.value
    assert r"\frac{\partial a}{\partial w} = (0, 0, 0)" in at.latex[0].value
    assert "∂a/∂w₁ = 0" in app_charts(at)["diagram"]["layout"]["annotations"][0]["text"]
    at.slider(key="b").set_value(-3.0).run()
    assert not at.warning and "f'(z) = 1" in at.info[0].value
    assert r"\frac{\partial a}{\partial w} = (2, 1, 3)" in at.latex[0].value


def test_a_set_prints_as_a_worksheet_whose_answers_are_the_cores():
    sheet = worksheet(3, 5)
    exercises, key = sheet.split("\f")
    assert exercises.count("z = __________      a = __________") == 5 and "→" not in exercises
    for k in range(5):
        f = solve(exercise(3 + k))
        assert f"Exercise {k + 1}.  z = {fmt(f.z)},  a {eq(fmt(f.a, f.exact))}" in key
        assert all(line in key for line in trace_lines(f))
    at = run({"mode": "quiz", "seed": "3", "count": "5"})
    assert at.get("download_button")[0].proto.label.startswith("Download this set as a worksheet")


def right_answer(seed: int) -> tuple[float, float]:
    """z and a as a student writes them right: a to four decimals, or whole where it is whole."""
    f = solve(exercise(seed))
    return float(f.z), (float(f.a) if f.exact else round(float(f.a), 4))


def test_a_reload_in_the_middle_of_a_set_keeps_every_answer_in_the_link():
    at = run({"mode": "quiz", "seed": "3", "count": "5"})
    guess(at, 3, *right_answer(3))
    assert at.query_params["got"] == "1"
    button(at, "Next exercise →").click().run()
    again = opened(dict(at.query_params), page="quiz")  # a reload, or another server: the same link
    assert again.title[0].value == "Quiz: exercise 2 of 5"
    for k in range(1, 5):
        seed = 3 + k
        if k == 2:  # this one's solution shown first: it does not count
            button(again, "Show the solution").click().run()
        else:
            guess(again, seed, *right_answer(seed))
        if k < 4:
            button(again, "Next exercise →").click().run()
    assert again.query_params["got"] == "11011"
    assert [s.value for s in again.success][-1] == "Done: 4 of 5 right without the solution."
    reloaded = opened(dict(again.query_params), page="quiz")  # the last exercise, reloaded once answered
    assert "Exercise 5 was answered before: right." in [i.value for i in reloaded.info]
    assert [s.value for s in reloaded.success][-1] == "Done: 4 of 5 right without the solution."


def test_z_and_a_have_their_own_hints_and_a_right_a_needs_the_right_z():
    f = solve(exercise(3))  # z = 1 (products 0, 0 and 4, b = -3), ReLU: a = 1
    at = run({"mode": "quiz", "seed": "3"})
    guess(at, 3, 5.0, 1.0)
    (said,) = [e.value for e in at.error]
    assert said.startswith(
        "z = 5: not quite. a = 1 is the neuron's a, but a follows from z: find the right z"
    )
    assert "signs of the products" in said
    guess(at, 3, 4.0, 4.0)  # a = ReLU(4): right for the student's own z
    (said,) = [e.value for e in at.error]
    assert "a = 4 is what ReLU gives for your z: once z is right, a follows from it." in said
    assert "The products are w₁x₁ = 0, w₂x₂ = 0, w₃x₃ = 4" in said
    guess(at, 3, 1.0, 0.0)  # z right now: a's first hint, whatever z's tries were
    (said,) = [e.value for e in at.error]
    assert "z is right; a is off. Your z is positive: ReLU keeps" in said
    guess(at, 3, 1.0, 2.0)
    (said,) = [e.value for e in at.error]
    assert "z is right; a is still off. Apply the rule at z = 1: a = max(0, 1)." in said
    assert float(f.z) == 1
