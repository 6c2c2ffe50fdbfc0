"""The goal language: it parses what it prints, refuses what is not a condition on the step's names (Python
above all) with one clear error, and a junk lesson file gives one line per problem, never a traceback."""

from __future__ import annotations

import json
import re
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from neuron_core.cli import main
from neuron_core.lessons import LessonError, read
from neuron_core.lessons.goal import (
    COMPARE,
    GoalError,
    Name,
    Neg,
    Not,
    Num,
    Op,
    Text,
    goal,
    holds,
    parse,
    show,
)
from neuron_core.lessons.quantities import TEXTS, known
from tests.paths import ROOT

NAMES = ["z", "a", "b", "w1", "x2", "loss", "right"]
numbers = st.one_of(
    st.sampled_from(NAMES).map(Name),
    st.decimals(0, 100, places=3, allow_nan=False).map(lambda d: Num(Fraction(d))),
)
sums = st.recursive(
    numbers,
    lambda inner: st.one_of(
        inner.map(Neg), st.tuples(st.sampled_from("+-*/"), inner, inner).map(lambda t: Op(*t))
    ),
    max_leaves=8,
)
conditions = st.recursive(
    st.tuples(st.sampled_from(COMPARE), sums, sums).map(lambda t: Op(*t))
    | st.sampled_from(["relu", "sigmoid"]).map(lambda t: Op("==", Name("act"), Text(t))),
    lambda inner: (
        inner.map(Not) | st.tuples(st.sampled_from(["and", "or"]), inner, inner).map(lambda t: Op(*t))
    ),
    max_leaves=6,
)


@given(conditions)
def test_the_goal_language_parses_what_it_prints(tree):
    assert parse(show(tree)) == tree


STEP_NAMES = known("neuron", 3, alpha=False)


@pytest.mark.parametrize(
    "text, said",
    [
        ("__import__('os').system('ls')", "cannot read “__import__"),
        ("a.real > 0", "cannot read “.real"),
        ("exec('1') > 0", "there is no function 'exec'"),
        ("lambda: 1", "cannot read “:"),
        ("[a for a in b]", "cannot read “["),
        ("a > 0 and", "it ends too soon"),
        ("0 < a < 1", "one comparison at a time"),
        ("a = 0", "compare with ==, not ="),
        ("a + 1", "is not a condition"),
        ("zz > 0", "there is no 'zz' here"),
        ("right == 4", "there is no 'right' here"),  # the data page's, not the playground's
        ("act == 'sigmod'", "act is never 'sigmod'"),
        ("act > 1", "compares a text with a number"),
        ("a and b", "and joins two conditions"),
        ("", "it is empty"),
    ],
)
def test_a_goal_that_is_not_a_condition_on_the_steps_names_is_refused_with_one_clear_error(text, said):
    with pytest.raises(GoalError, match=None) as e:
        goal(text, STEP_NAMES, TEXTS)
    assert said in str(e.value)


def test_a_goal_is_exact_on_decimals_and_false_where_a_name_is_missing_or_it_divides_by_0():
    values = {"z": Fraction("0.3"), "a": Fraction(0), "b": Fraction(-1)}
    assert holds(goal("z == 0.1 + 0.2", STEP_NAMES), values)  # 0.1 + 0.2 is 0.3 here, as on paper
    assert holds(goal("abs(b) == 1 and not a > 0", STEP_NAMES), values)
    assert not holds(goal("alpha > 0", STEP_NAMES | {"alpha": "number"}), values)
    assert not holds(goal("z / a > 0", STEP_NAMES), values)


LESSON = """title = "Mine"
about = "One step."

[[step]]
title = "Raise b"
text = "Move b until a is more than 0."
controls = ["b"]
goal = "a > 0"
hints = ["b adds to z."]
why = "ReLU passes a positive z."
"""
JUNK = {
    "not TOML": ("title = ", "mine.toml: not TOML"),
    "no steps": ('title = "x"\nabout = "y"\n', "mine.toml: a lesson has 1 to 8 steps"),
    "a missing title": (LESSON.replace('title = "Raise b"\n', ""), "mine.toml, step 1: title must be a text"),
    "a field unknown": (LESSON.replace("hints", "hint"), "step 1 (Raise b): there is no field 'hint'"),
    "an unknown name": (LESSON.replace("a > 0", "q > 0"), "step 1 (Raise b): goal: there is no 'q' here"),
    "alpha on ReLU": (LESSON.replace("a > 0", "alpha > 0"), "goal: it uses alpha, which relu has not"),
    "Python": (LESSON.replace("a > 0", "__import__('os')"), "goal: cannot read “__import__"),
    "HTML": (LESSON.replace("Move b", "<script>Move b"), "text has HTML in it"),
    "a control unknown": (LESSON.replace('["b"]', '["zz"]'), "controls: there is no control 'zz'"),
    "a bad start": (LESSON.replace("controls", 'start = "b=99"\ncontrols'), "start: Ignored b from the link"),
    "a goal met at the start": (LESSON.replace("a > 0", "a == 0"), "already holds at the start"),
    "a bad prediction alone": (
        LESSON.replace('goal = "a > 0"\n', "") + '[step.predict]\nask = "?"\nanswer = "q"\n',
        "predict's answer: there is no 'q' here",
    ),
    "a wrong right": (
        LESSON + '[step.predict]\nask = "?"\nchoices = ["x", "y"]\nright = "z"\n',
        "right must be",
    ),
}


@pytest.mark.parametrize("name", JUNK)
def test_a_junk_lesson_file_gives_one_clear_error_naming_the_file_and_the_step(name, tmp_path, capsys):
    text, said = JUNK[name]
    with pytest.raises(LessonError) as e:
        read(text, "mine")
    assert len(e.value.problems) == 1 and said in e.value.problems[0], e.value.problems
    path = tmp_path / "mine.toml"
    path.write_text(text, encoding="utf-8")
    assert main(["lesson", "check", str(path)]) == 2
    out, err = capsys.readouterr()
    assert not out and err.splitlines() == e.value.problems


def test_the_readmes_lesson_checks_as_the_readme_says(tmp_path, capsys):
    """The README's complete example, taken from it, checks with the command it gives, printing its line."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    part = readme[readme.index("### Write a lesson") :]
    example = re.search(r"```toml\n(.*?)```", part, re.S)[1]
    said = re.search(r"It prints `(my_lesson\.toml: [^`]*)`", part)[1]
    path = tmp_path / "my_lesson.toml"
    path.write_text(example, encoding="utf-8")
    assert main(["lesson", "check", str(path)]) == 0
    assert capsys.readouterr().out == said + "\n"


FIELDS = ["title", "text", "page", "start", "controls", "goal", "hints", "why", "zz"]
values = st.one_of(
    st.text(max_size=30).map(json.dumps),  # a TOML basic string (JSON's escapes are TOML's)
    st.sampled_from(['"a > 0"', '"b=-3"', '"data"', '"neuron"', '["b"]', '["zz", "w1"]', '"__import__(1)"']),
    st.integers(-5, 5).map(str),
    st.lists(st.text(max_size=8).map(json.dumps), max_size=3).map(lambda v: f"[{', '.join(v)}]"),
    st.sampled_from(["true", "1.5", "{}"]),
)
steps = st.dictionaries(st.sampled_from(FIELDS), values, max_size=8).map(
    lambda d: "[[step]]\n" + "".join(f"{k} = {v}\n" for k, v in d.items())
)
files = st.one_of(
    st.text(max_size=200),
    st.tuples(
        st.sampled_from(['title = "t"\nabout = "a"\n', "title = 3\n", ""]), st.lists(steps, max_size=9)
    ).map(lambda t: t[0] + "\n".join(t[1])),
)


@given(files)
def test_any_lesson_file_loads_or_gives_its_problems_never_a_traceback(text):
    try:
        lesson = read(text, "fuzz")
    except LessonError as e:
        assert e.problems and all(p.startswith("fuzz.toml") and "\n" not in p for p in e.problems)
    else:
        assert 1 <= len(lesson.steps) <= 8 and all(s.goal is not None or s.predict for s in lesson.steps)
