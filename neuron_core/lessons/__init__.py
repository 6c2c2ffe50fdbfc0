"""Lessons: short steps on the neuron, each checked from the page's own numbers.

A lesson is a TOML file (read with the standard library): a title, a line about it, and its steps. A step
is data: a title, a short text (markdown, never HTML), the link it opens with (`start`, a query read as
any link is), the controls shown, a goal (neuron_core.lessons.goal), hints in order and a why shown once
the goal is met; a step may first ask for a prediction (a number, marked as the quiz marks, or a choice).
Each file is checked as it is loaded; every problem is named by the file, the step and what is wrong.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

from neuron_core.lessons import goal as goals
from neuron_core.lessons.quantities import TEXTS, Quantities, known
from neuron_core.link import state
from neuron_core.link.params import LESSON_NAMES, LESSON_STEPS, PAGES, PARAMS, Page
from neuron_core.model.activations import ACTIVATIONS
from neuron_core.model.neuron import N_MAX
from neuron_core.quiz import agrees

HERE = Path(__file__).parent
ON = ("neuron", "data")  # the pages a step can be on: the playground's neuron, or the data's points
NAME = re.compile(r"[a-z][a-z0-9_]{0,30}")
HTML = re.compile(r"<\s*[A-Za-z/!?]")  # a tag's start: markdown here is never HTML
STEPS = "step"  # a lesson's steps, each a [[step]] table (a word here, not the activation of that name)
LESSON_FIELDS = {"title", "about", STEPS}
STEP_FIELDS = {"title", "text", "page", "start", "controls", "goal", "hints", "why", "predict"}
PREDICT_FIELDS = {"ask", "answer", "choices", "right"}


class LessonError(ValueError):
    """A lesson file that cannot be used: one line per problem, each naming the file and the step."""

    def __init__(self, problems: list[str]) -> None:
        # one line each, whatever a file's text quoted in it holds
        self.problems = [p.replace("\r", "\\r").replace("\n", "\\n") for p in problems]
        super().__init__("\n".join(self.problems))


@dataclass(frozen=True)
class Predict:
    """What a step asks first: a number (answer, a goal expression worked out at the step's start), or one
    of `choices`, of which `right` is right."""

    ask: str
    answer: goals.Node | None = None
    choices: tuple[str, ...] = ()
    right: str = ""


@dataclass(frozen=True)
class Step:
    title: str
    text: str
    page: str  # neuron or data: whose parameters, charts and quantities
    start: str  # the query it opens with
    controls: tuple[str, ...]
    goal: goals.Node | None  # None: the prediction is the step
    goal_text: str
    hints: tuple[str, ...]
    why: str
    predict: Predict | None = None

    @property
    def view(self) -> Page:
        """The step as a page of its own: its page's parameters, starting where its link says."""
        return Page("lessons", self.title, _starts(self.start, self.page), of=self.page)

    def opened(self) -> state.State:
        """The state the step opens with."""
        return state.from_query(_query(self.start), self.page).state

    def met(self, s: state.State) -> bool:
        """Whether the step's goal holds for the page's state s (a step with no goal: never by itself)."""
        return self.goal is not None and goals.holds(self.goal, Quantities(s, self.page))

    def answer(self) -> tuple[Fraction | str, bool]:
        """The prediction's right answer (the expression at the step's start, or the right choice), and
        whether it is exact (not a float's value of a curve, as the sigmoid's a)."""
        assert self.predict is not None
        if self.predict.answer is None:
            return self.predict.right, True
        q = Quantities(self.opened(), self.page)
        v = goals.value(self.predict.answer, q)
        return v, not (goals.names(self.predict.answer) & q.rough)

    def right(self, guess: float | str) -> bool:
        """Whether a prediction is right: a choice as it is, a number by the quiz's marking rule."""
        v, exact = self.answer()
        if isinstance(v, str):
            return guess == v
        return isinstance(guess, int | float) and agrees(float(guess), float(v), exact)


@dataclass(frozen=True)
class Lesson:
    name: str
    title: str
    about: str
    steps: tuple[Step, ...]


def _query(text: str) -> dict[str, list[str]]:
    return parse_qs(text, keep_blank_values=True)


def _starts(text: str, page: str) -> dict[str, Any]:
    """A step's start as defaults over its page's: each value its link sets, as the page reads it."""
    s = state.from_query(_query(text), page).state.flat()
    given = set(_query(text))
    return {k: v for k, v in s.items() if k in given}


def _controls(page: str) -> set[str]:
    """What a step on `page` can show: the page's own controls, each input's alone, and the step counts."""
    out = set()
    for p in PARAMS:
        if page in p.pages and p.place != "link":
            out |= {p.key, *(c.key for c in p.each({"n": N_MAX}))} if p.per_input else {p.key}
    return out - {"points", "present"}


def _text(v: Any, what: str, problems: list[str], markdown: bool = True) -> str:
    if not isinstance(v, str) or not v.strip():
        problems.append(f"{what} must be a text, and not empty")
        return ""
    if markdown and HTML.search(v):
        problems.append(f"{what} has HTML in it ({HTML.search(v).group()!r}…); write markdown")
    return v.strip()


def _texts(v: Any, what: str, problems: list[str]) -> tuple[str, ...]:
    if v is None:
        return ()
    if not isinstance(v, list) or not all(isinstance(t, str) and t.strip() for t in v):
        problems.append(f"{what} must be a list of texts")
        return ()
    for t in v:
        _text(t, what, problems)
    return tuple(t.strip() for t in v)


def _step(raw: Any, where: str, problems: list[str]) -> Step | None:
    """One step read and checked; its problems are added, each starting with `where`."""
    said: list[str] = []
    if not isinstance(raw, dict):
        problems.append(f"{where}: a step is a table ([[step]])")
        return None
    for extra in sorted(set(raw) - STEP_FIELDS):
        said.append(f"there is no field {extra!r} in a step; there are {', '.join(sorted(STEP_FIELDS))}")
    title = _text(raw.get("title"), "title", said)
    where = f"{where} ({title})" if title else where
    text = _text(raw.get("text"), "text", said)
    why = _text(raw.get("why"), "why", said)
    hints = _texts(raw.get("hints"), "hints", said)
    page = raw.get("page", "neuron")
    if page not in ON:
        said.append(f"page must be one of {', '.join(ON)}, not {page!r}")
        page = "neuron"
    start = raw.get("start", "")
    if not isinstance(start, str):
        said.append("start must be a link's query, as a text: b=-3&act=sigmoid")
        start = ""
    q = _query(start)
    for k in q:
        param = next((p for p in PARAMS if k in (p.key, *(c.key for c in p.each({"n": N_MAX})))), None)
        if param is not None and (page not in param.pages or param.place == "link"):
            said.append(f"start: {k} is not one of the {PAGES[page].title.lower()} page's values")
    read = state.from_query(q, page)
    said += [f"start: {n}" for n in read.notices]
    s = read.state
    controls = _texts(raw.get("controls"), "controls", said)
    for c in controls:
        if c not in _controls(page):
            said.append(f"controls: there is no control {c!r} on the {PAGES[page].title.lower()} page")
    n = N_MAX if "n" in controls else s.n
    alpha = any(a.slider for a in ACTIVATIONS.values()) if "act" in controls else s.act_alpha is not None
    names = known(page, n, alpha)
    node, goal_text = None, raw.get("goal")
    if goal_text is not None and (written := _text(goal_text, "goal", said, markdown=False)):
        try:
            node = goals.goal(written, names | ({} if alpha else {"alpha": "number"}), TEXTS)
            if not alpha and "alpha" in goals.names(node):
                said.append(
                    f"goal: it uses alpha, which {s.act} has not: start the step on an activation "
                    "with an α (act=leaky_relu), or show act"
                )
        except goals.GoalError as e:
            said.append(f"goal: {e}")
    predict = _predict(raw.get("predict"), s, page, names, said)
    if goal_text is None and raw.get("predict") is None:
        said.append("a step needs a goal, a prediction, or both")
    if node is not None and not said and goals.holds(node, Quantities(s, page)):
        said.append(f"goal: {goal_text!r} already holds at the start; there is nothing to do")
    problems += [f"{where}: {p}" for p in said]
    if said:
        return None
    return Step(title, text, page, start, controls, node, goal_text or "", hints, why, predict)


def _predict(raw: Any, s: state.State, page: str, names: dict, said: list[str]) -> Predict | None:
    if raw is None:
        return None
    if not isinstance(raw, dict):
        said.append("predict is a table: [step.predict] with ask, and answer or choices and right")
        return None
    for extra in sorted(set(raw) - PREDICT_FIELDS):
        said.append(f"there is no field {extra!r} in predict; there are {', '.join(sorted(PREDICT_FIELDS))}")
    ask = _text(raw.get("ask"), "predict's ask", said)
    if "answer" in raw and "choices" not in raw:
        if not (written := _text(raw["answer"], "predict's answer", said, markdown=False)):
            return None
        try:
            node = goals.parse(written)
            if goals.kind(node, names, TEXTS) != "number":
                raise goals.GoalError("it must be a number, as z or b - z")
            goals.value(node, Quantities(s, page))
        except goals.GoalError as e:
            said.append(f"predict's answer: {e}")
            return None
        except goals.Missing as e:
            said.append(f"predict's answer: there is no {e} at the step's start")
            return None
        return Predict(ask, answer=node)
    choices = _texts(raw.get("choices"), "predict's choices", said)
    right = raw.get("right")
    if len(set(choices)) < 2 or len(set(choices)) != len(choices):
        said.append("predict needs an answer, or two or more different choices")
    elif right not in choices:
        said.append(f"predict's right must be one of its choices, not {right!r}")
    return Predict(ask, choices=choices, right=right) if not said else None


def read(text: str, name: str) -> Lesson:
    """A lesson from its file's text; a LessonError gives every problem, each naming the file and step."""
    where = f"{name}.toml"
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise LessonError([f"{where}: not TOML: {e}"]) from None
    problems = []
    if not NAME.fullmatch(name):
        problems.append(f"{where}: a lesson's file name is its link's name: a-z, 0-9 and _, a letter first")
    for extra in sorted(set(raw) - LESSON_FIELDS):
        problems.append(f"{where}: there is no field {extra!r} in a lesson; there are title, about, step")
    said: list[str] = []
    title, about = _text(raw.get("title"), "title", said), _text(raw.get("about"), "about", said)
    problems += [f"{where}: {p}" for p in said]
    raw_steps = raw.get(STEPS)
    if not isinstance(raw_steps, list) or not 1 <= len(raw_steps) <= LESSON_STEPS:
        problems.append(f"{where}: a lesson has 1 to {LESSON_STEPS} steps, each a [[step]] table")
        raw_steps = raw_steps if isinstance(raw_steps, list) else []
    steps = [
        _step(r, f"{where}, step {k}", problems) for k, r in enumerate(raw_steps[:LESSON_STEPS], start=1)
    ]
    if problems:
        raise LessonError(problems)
    return Lesson(name, title, about, tuple(steps))


def load(path: Path) -> Lesson:
    """A lesson from its file (the file's name, less .toml, is the lesson's name in a link)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise LessonError([f"{path.name}: cannot be read: {e.__class__.__name__}"]) from None
    return read(text, path.stem)


def shipped() -> Mapping[str, Lesson]:
    """The lessons that come with the app: the seed post's order first, then any other file, by name."""
    return {name: load(HERE / f"{name}.toml") for name in LESSON_NAMES}


LESSONS = shipped()
