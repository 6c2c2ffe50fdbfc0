"""The app's parameters, declared once: PARAMS, one line each. state.py reads and writes them.

Each line gives a parameter's URL key (also its control's key and State's attribute), kind, default,
label, range and step, when it applies, whether it repeats per input, and where its control is drawn.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from neuron_core.model import batch, data
from neuron_core.model.activations import ACTIVATIONS
from neuron_core.model.neuron import N_MAX, N_MIN
from neuron_core.numbers import sub

LO, HI, STEP = -10.0, 10.0, 0.1  # every x_i, w_i and b
ALPHA_LO, ALPHA_HI = 0.0, 1.0  # the alpha slider's range (Leaky ReLU's slope below zero)
SEED_X, SEED_W, SEED_B = (2.0, 1.0, 3.0), (1.0, -1.0, 1.0), -5.0  # the worked example
LR_LO, LR_HI, STEPS_MAX = 0.001, 1.0, 200
SET_MAX = 20  # a quiz set holds at most this many exercises
WORDS_MAX = 120  # characters of the words a teacher writes for the class
CODE_MAX, KEY_MAX = 12, 64  # characters of a live class's code (6) and of its teacher's key (22), at most
CODE_LETTERS, CODE_LENGTH = (
    "ABCDEFGHJKMNPQRSTUVWXYZ23456789",
    6,
)  # a class's code: no look-alikes (I, L, O, 0, 1)
VIEW_MAX = 20_000  # characters of a view handed to the teacher's page (200 own points take about 6,000)
EPOCHS_MAX, ETA = batch.EPOCHS_CAP, 0.5  # training on data: at most this many epochs; η, its learning rate


@dataclass(frozen=True)
class Page:
    """One page of the app (PAGES holds it by name): its address, its title, and where values start on it
    when a link says nothing."""

    path: str  # its address after the app's: "" for the playground, the default page
    title: str
    starts: Mapping[str, Any] = field(default_factory=dict)
    # A view that is not one of PAGES (a lesson's step): the page whose parameters it has, by name. Its
    # starts are over that page's (x1, w2 for each input).
    of: str = ""
    sidebar: bool = True  # whether the page has a sidebar (the teacher's page has none: it starts closed)
    listed: bool = True  # whether the bar at the top lists it (a class's dashboard is opened by its link)


def named(page: str | Page) -> str:
    """The name of the page whose parameters a page has: its own, or the one a lesson's step is on."""
    return page if isinstance(page, str) else page.of


# The pages, in the navigation's order. The data page starts from a neuron that can learn on the points: a
# sigmoid with b = 0 (the worked example's dead ReLU has every gradient exactly 0, and learns nothing).
PAGES = {
    "neuron": Page("", "Playground"),
    "data": Page("data", "Data", {"data": "or", "b": 0.0, "act": "sigmoid"}),
    "quiz": Page("quiz", "Quiz"),
    "lessons": Page("lessons", "Lessons"),
    "teach": Page("teach", "Teach", sidebar=False),
    "dashboard": Page("dashboard", "Dashboard", sidebar=False, listed=False),
}
# The lessons, by their files' names (neuron_core/lessons/NAME.toml), in the seed post's order.
LESSON_ORDER = ("neuron", "activations", "learning", "line")
LESSON_NAMES = tuple(
    sorted(
        (p.stem for p in (Path(__file__).parents[1] / "lessons").glob("*.toml")),
        key=lambda k: (LESSON_ORDER.index(k) if k in LESSON_ORDER else len(LESSON_ORDER), k),
    )
)
LESSON_STEPS = 8  # a lesson has at most this many steps
BOTH = ("neuron", "data")  # the neuron's weights, bias and activation: on the playground and the data page
# The places whose controls a teacher's link chooses (controls=): the sidebar's move into the page body, the
# data page's head and batch keep their places; those not chosen are not drawn, held at the link's values.
CHOOSABLE = ("sidebar", "head", "batch")
ACTIVITIES = (
    "neuron",
    "data",
    "quiz",
    "lessons",
)  # the pages a teacher sends students to (the teacher's page)
Values = Mapping[str, Any]  # the values read so far, by key: what a later parameter may depend on


@dataclass(frozen=True)
class Param:
    """One parameter: its URL key (also its control's key), kind, range, default and label.

    `per_input` repeats it as key1 … keyn, its default a function of i. `when`, from the values before it,
    says whether it applies: only then is its control drawn and a link's value read (alpha for leaky_relu);
    `pages` says on which pages it does;
    where it does not (or on a page that does not have it), a `held` one takes that value (n = 2 on the data
    page, whose points have two coordinates), not the default. `place` is the sidebar, the top of
    the page (head), training, the data's section (batch) or its table of points, or nowhere (the link alone
    carries it).
    """

    key: str
    kind: Literal["number", "whole", "choice", "switch", "keys", "rows", "marks", "text"]
    default: Any
    label: str = ""
    lo: float = 0.0
    hi: float = 0.0
    step: float = 1.0
    format: str = "%g"  # %g: 2, -1, 0.3 as a teacher writes them, and a value from a link in full
    options: tuple | Callable[[Values], tuple] = ()
    when: Callable[[Values], bool] = lambda v: True
    per_input: bool = False
    place: Literal["sidebar", "head", "training", "batch", "table", "link"] = "sidebar"
    typed: bool = False  # a whole number typed in a box, not slid
    sweeps: bool = False  # part of the neuron: a sweep can run it from LO to HI
    counts: bool = False  # the number of inputs, n: a parameter per input repeats this many times
    names: Callable[[Any], str] | None = None  # a choice shown by these names; the link keeps the option
    held: Any = None  # where it does not apply, its value is this (n = 2 on the data page), not the default
    neuron: bool = False  # part of the neuron itself (x, w, b, the activation, alpha): what a link holds
    restarts: tuple[str, ...] = ()  # keys put back to their default when this one is changed on the page
    pages: tuple[str, ...] = ("neuron",)  # the pages it applies on (PAGES); on any other it is its default
    view: bool = False  # one of the views of the neuron, switched on together in one control
    # A link at the playground's address that carries this key: the page it was written for, from the
    # key's text (None: the playground's). Links written before the pages had addresses open there.
    opens: Callable[[str], str | None] | None = None
    form: str = ""  # a text's form, as a regular expression: a text of another form is ignored

    @property
    def linked(self) -> bool:
        """Whether the page itself keeps this key in the link (Streamlit's binding keeps the others')."""
        named = self.kind == "choice" and self.names is not None
        return self.typed or self.view or self.kind == "rows" or named

    def each(self, values: Values) -> list[Param]:
        """The parameter as controls: one per input for x and w, with its options for these values."""
        options = self.options(values) if callable(self.options) else self.options
        one = replace(self, options=options)
        if not self.per_input:
            return [one]
        n = count(values)
        return [
            replace(
                one,
                key=f"{self.key}{i}",
                label=f"{self.label}{sub(i)}",
                default=self.default(i),
                per_input=False,
            )
            for i in range(1, n + 1)
        ]


def count(values: Values) -> int:
    """n, the number of inputs: its value, or the one it is held at (2 on the data page)."""
    return values.get(COUNT.key, COUNT.default) if COUNT.when(values) else COUNT.held


def by_count(options: Callable[[Values], tuple]) -> Callable[[Values], tuple]:
    """Options that depend on n alone, worked out once per n (and per table: a test may add a line)."""

    @lru_cache(maxsize=64)
    def once(n: int, table: tuple[int, ...]) -> tuple:
        return options({COUNT.key: n})

    return lambda values: once(count(values), tuple(map(id, PARAMS)))


@by_count
def sweepable(values: Values) -> tuple[str, ...]:
    """What a sweep can run: none, each input, each weight, the bias."""
    return ("none", *(p.key for q in PARAMS if q.sweeps for p in q.each(values)))


def _label(option: str) -> str:
    """An activation or a data set as people read its name (ReLU, XOR); other options as they are."""
    return ACTIVATIONS[option].label if option in ACTIVATIONS else data.NAMES.get(option, option)


@by_count
def _controllable(values: Values) -> tuple[str, ...]:
    """What a teacher's link can show alone: each control of the places it chooses from, by key, and x and w
    for all of theirs."""
    return tuple(
        k
        for p in PARAMS
        if p.place in CHOOSABLE
        for k in dict.fromkeys([p.key, *(c.key for c in p.each(values))])
    )


def _inputs(values: Values) -> tuple[int, ...]:
    return tuple(range(1, max(count(values), 2) + 1))


# The app's parameters, in the sidebar's order. Adding one here adds its control, its link key, its reset
# and its notices; State has it as an attribute of the same name.
# One parameter to a line, as a table reads: the formatter leaves the table as it is.
# fmt: off
PARAMS: list[Param] = [
    # The neuron: n, then each input, each weight, the bias and the activation (the data page: w, b, act).
    Param("n", "whole", len(SEED_X), "n, the number of inputs", N_MIN, N_MAX, counts=True, held=2),
    # Inputs beyond the worked example's: x_i = 1 and w_i = 0, so a new input changes nothing until weighted.
    Param("x", "number", lambda i: (*SEED_X, *[1.0] * N_MAX)[i - 1], "input x", LO, HI, STEP, per_input=True,
          sweeps=True, neuron=True),
    Param("w", "number", lambda i: (*SEED_W, *[0.0] * N_MAX)[i - 1], "weight w", LO, HI, STEP, per_input=True,
          sweeps=True, neuron=True, pages=BOTH),
    Param("b", "number", SEED_B, "bias b", LO, HI, STEP, sweeps=True, neuron=True, pages=BOTH),
    Param("act", "choice", "relu", "activation", options=lambda v: tuple(ACTIVATIONS), names=_label,
          neuron=True, pages=BOTH),
    Param("alpha", "number", 0.01, "α, the slope below zero", ALPHA_LO, ALPHA_HI, 0.01,
          when=lambda v: getattr(ACTIVATIONS.get(v["act"]), "slider", False), neuron=True, pages=BOTH),
    # The views of the same neuron, one control (view) in the sidebar; the link keeps each as its own key.
    Param("grad", "switch", False, "Gradients", view=True),
    Param("land", "switch", False, "Landscape of two inputs", view=True),
    Param("train", "switch", False, "Training on this example", view=True),
    Param("compare", "choice", "none", "compare with a second activation",
          options=lambda v: ("none", *ACTIVATIONS), names=_label),
    Param("sweep", "choice", "none", "sweep (animate) a parameter", options=sweepable),
    Param("i", "choice", 1, "landscape: across, input xᵢ with i =", options=_inputs,
          when=lambda v: v["land"] and v["n"] >= 2),
    Param("j", "choice", 2, "landscape: up, input xⱼ with j =", options=_inputs,
          when=lambda v: v["land"] and v["n"] >= 2),
    Param("y", "number", 1.0, "target y", LO, HI, STEP, when=lambda v: v["train"]),
    Param("lr", "number", 0.05, "learning rate", LR_LO, LR_HI, 0.001, when=lambda v: v["train"]),
    Param("steps", "whole", 0, "steps taken", 0, STEPS_MAX, place="training", typed=True,
          when=lambda v: v["train"]),
    Param("present", "switch", False, "Presenter mode", pages=(*BOTH, "lessons")),  # a lesson's step, too
    # The data page: its points (x1, x2), which hold n at 2; the rule, its learning rate η, the epochs taken,
    # and the learner's own points. "none" is the playground's: no data.
    Param("data", "choice", "none", "data: points to classify", options=tuple(data.NAMES), names=_label,
          place="head", pages=("data",), restarts=("epochs",),  # another data set starts its epochs again
          opens=lambda t: "data" if t in data.NAMES else None),
    Param("rule", "choice", "gradient", "training rule", options=("gradient", "perceptron"), place="batch",
          names=lambda o: RULES[o], pages=("data",)),
    Param("eta", "number", ETA, "learning rate η", LR_LO, LR_HI, 0.01, place="batch", pages=("data",)),
    Param("epochs", "whole", 0, "epochs taken", 0, EPOCHS_MAX, place="batch", typed=True, pages=("data",)),
    Param("points", "rows", data.OWN, place="table", when=lambda v: v["data"] == "own", pages=("data",)),
    # A teacher's link: only these controls, in the page itself; the others fixed at the link's values.
    Param("controls", "keys", (), options=_controllable, place="link", pages=BOTH),
    # The quiz page's exercise (mode=quiz was its address before it had one: the app routes it there).
    Param("mode", "choice", "play", options=("play", "quiz"), place="link", pages=(),
          opens=lambda t: "quiz" if t == "quiz" else None),
    Param("seed", "whole", 1, lo=0, hi=10**9 - 1, place="link", pages=("quiz",)),
    # A set of exercises: count of them from seed on, q the one the student is at.
    Param("count", "whole", 1, lo=1, hi=SET_MAX, place="link", pages=("quiz",)),
    Param("q", "whole", 1, lo=1, hi=SET_MAX, place="link", pages=("quiz",)),
    # Each exercise of the set answered so far: 1 right without the solution, 0 not, - not answered.
    Param("got", "marks", "", "exercises", hi=SET_MAX, place="link", pages=("quiz",)),
    # A lesson (none: the list of them), the step the student is at, and each step done (1) or not (-).
    Param("lesson", "choice", "none", options=("none", *LESSON_NAMES), place="link", pages=("lessons",)),
    Param("step", "whole", 1, lo=1, hi=LESSON_STEPS, place="link", pages=("lessons",)),
    Param("done", "marks", "", "steps", hi=LESSON_STEPS, place="link", pages=("lessons",)),
    # The teacher's page: the activity students open (its own values are that page's keys), where its neuron
    # starts (the sliders as the link has them, or the page's own start), the words for the class under the
    # QR code, and the QR code alone, full screen, for the projector.
    Param("activity", "choice", "neuron", "Students open", options=ACTIVITIES, names=lambda o: PAGES[o].title,
          place="link", pages=("teach",)),
    Param("start", "choice", "now", "The neuron starts from", options=("now", "start"), place="link",
          pages=("teach",)),
    Param("words", "text", "", "Words for the class, under the QR code", hi=WORDS_MAX, place="link",
          pages=("teach",)),
    Param("qr", "switch", False, "The QR code, full screen", place="link", pages=("teach", "dashboard")),
    # The activity's view on the teacher's page, as one value (its page's query): a page switch drops the
    # keys of a page's own controls from the link (Streamlit's binding), so the view travels and stays apart.
    Param("view", "text", "", "the activity's view", hi=VIEW_MAX, place="link", pages=("teach",)),
    # A live class: its code, on a student's page (class=CODE joins it) and on its dashboard, which only
    # the teacher's key opens. The last lines of the table: State annotates class apart (a keyword).
    Param("key", "text", "", "a teacher's key", hi=KEY_MAX, place="link", pages=("dashboard",),
          form=r"[A-Za-z0-9_-]{16,64}"),
    Param("class", "text", "", "a live class's code (6 letters and digits)", hi=CODE_MAX, place="link",
          pages=(*ACTIVITIES, "dashboard"), form=f"[{CODE_LETTERS}]{{{CODE_LENGTH}}}"),
]
# fmt: on
COUNT = next(p for p in PARAMS if p.counts)
RULES = {"gradient": "gradient descent", "perceptron": "the perceptron rule (step)"}


def keys() -> frozenset[str]:
    """Every key a link may carry: each parameter's, x1 … x8 and w1 … w8 for as many inputs as can be."""
    return _keys(tuple(map(id, PARAMS)))


@lru_cache(maxsize=4)
def _keys(table: tuple[int, ...]) -> frozenset[str]:
    return frozenset(c.key for p in PARAMS for c in p.each({COUNT.key: N_MAX}))


CHOSEN = next(p for p in PARAMS if p.kind == "keys")
MARKS = next(p for p in PARAMS if p.kind == "marks")  # the quiz set's got (the lessons' done comes after)


def on(page: str | Page) -> list[Param]:
    """The parameters as a page has them: its own starts as defaults; one it does not have never applies."""
    extra = () if isinstance(page, str) else tuple(sorted(page.starts.items()))
    return _on(named(page), extra, tuple(map(id, PARAMS)))


def _never(values: Values) -> bool:
    return False


@lru_cache(maxsize=64)
def _on(page: str, extra: tuple, table: tuple[int, ...]) -> list[Param]:
    starts = {**PAGES[page].starts, **dict(extra)}
    out = []
    for p in PARAMS:
        if page not in p.pages:
            out.append(replace(p, when=_never))
        elif p.per_input and any(k.rstrip("0123456789") == p.key for k in starts):  # an input's own (x2)
            out.append(replace(p, default=lambda i, d=p.default, k=p.key: starts.get(f"{k}{i}", d(i))))
        else:
            out.append(replace(p, default=starts.get(p.key, p.default)))
    return out
