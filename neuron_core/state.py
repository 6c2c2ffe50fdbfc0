"""The app's state, declared once: names, ranges and defaults, read from and written to a URL query.

The reading rules match how Streamlit seeds a widget bound to a query parameter
(``bind="query-params"``): a bad value falls back to the default. Here each fallback
also yields a plain-text notice that names the parameter, so the page can say what it ignored.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from neuron_core.activations import ACTIVATIONS
from neuron_core.neuron import N_MAX, N_MIN
from neuron_core.trace import fmt, sub

LO, HI, STEP = -10.0, 10.0, 0.1  # every x_i, w_i and b
ALPHA_LO, ALPHA_HI, ALPHA_STEP = 0.0, 1.0, 0.01  # leaky_relu's slope below zero
ACTS: tuple[str, ...] = tuple(ACTIVATIONS)

SEED_X = (2.0, 1.0, 3.0)
SEED_W = (1.0, -1.0, 1.0)
SEED_B = -5.0
SEED_ACT = "relu"
SEED_ALPHA = ACTIVATIONS["leaky_relu"].alpha
SEED_N = len(SEED_X)
MODES = ("play", "quiz")
TRAIN_Y, TRAIN_LR, LR_LO, LR_HI, STEPS_MAX = 1.0, 0.05, 0.001, 1.0, 200
QUIZ_SEED_MAX = 10**9


def default_x(i: int) -> float:
    """Default x_i (1-based): the seed example's, then 1 for any input added beyond it."""
    return SEED_X[i - 1] if i <= SEED_N else 1.0


def default_w(i: int) -> float:
    """Default w_i (1-based): the seed example's, then 0, so a new input changes nothing until weighted."""
    return SEED_W[i - 1] if i <= SEED_N else 0.0


def sweepable(n: int) -> tuple[str, ...]:
    """What a sweep can run with n inputs: none, each input, each weight, the bias."""
    return ("none", *(f"x{k}" for k in range(1, n + 1)), *(f"w{k}" for k in range(1, n + 1)), "b")


@dataclass(frozen=True)
class State:
    """Everything a view shows is a function of these values."""

    x: tuple[float, ...] = SEED_X
    w: tuple[float, ...] = SEED_W
    b: float = SEED_B
    act: str = SEED_ACT
    alpha: float = SEED_ALPHA  # used by leaky_relu only
    present: bool = False  # presenter mode: large type, the essentials only
    grad: bool = False  # show the gradients of a on the diagram and as numbers
    land: bool = False  # show a over a grid of two inputs, x_i across and x_j up
    sweep: str = "none"  # or x1…xn, w1…wn, b: the parameter an animation sweeps from -10 to 10
    train: bool = False  # one-example training towards the target y
    y: float = TRAIN_Y
    lr: float = TRAIN_LR
    steps: int = 0  # gradient steps taken; they replay from the sliders' weights
    i: int = 1
    j: int = 2
    mode: str = "play"  # or "quiz": an exercise from `seed`, answer hidden until a guess
    seed: int = 1

    @property
    def n(self) -> int:
        return len(self.x)

    @property
    def act_alpha(self) -> float | None:
        """The alpha to compute with: the state's for leaky_relu, the activation's own otherwise."""
        return self.alpha if self.act == "leaky_relu" else None


@dataclass(frozen=True)
class Reading:
    """A state read from a query, and one plain-text notice per value that was ignored."""

    state: State
    notices: list[str] = field(default_factory=list)


QueryValue = str | Sequence[str]


def _values(raw: QueryValue) -> list[str]:
    """A parameter's non-empty values: ``?k=`` is empty, ``?k=1&k=2`` has two."""
    vals = [raw] if isinstance(raw, str) else list(raw)
    return [v for v in vals if v != ""]


def _number(raw: QueryValue, lo: float, hi: float) -> tuple[float | None, str]:
    """A number in [lo, hi] from one query value, or None and the reason it was ignored."""
    vals = _values(raw)
    if not vals:
        return None, "it is empty"
    if len(vals) > 1:
        return None, "it is given more than once"
    try:
        v = float(vals[0])
    except ValueError:
        return None, "it is not a number"
    if not math.isfinite(v):
        return None, "it is not a finite number"
    if not lo <= v <= hi:
        return None, f"it is outside {fmt(lo)} to {fmt(hi)}"
    return v + 0.0, ""


def from_query(params: Mapping[str, QueryValue]) -> Reading:
    """Read a state from query parameters; anything bad falls back to its default, with a notice."""
    notices: list[str] = []
    used: set[str] = set()

    def number(key: str, lo: float, hi: float, default: float) -> float:
        used.add(key)
        if key not in params:
            return default
        v, why = _number(params[key], lo, hi)
        if v is None:
            notices.append(f"Ignored {key} from the link because {why}; using {fmt(default)}.")
            return default
        return v

    n_raw = number("n", N_MIN, N_MAX, SEED_N)
    n = int(n_raw)  # a slider of whole numbers keeps the whole part, as Streamlit's does
    if n != n_raw:
        notices.append(f"Read n from the link as {n}: the number of inputs is a whole number.")
    x = tuple(number(f"x{i}", LO, HI, default_x(i)) for i in range(1, n + 1))
    w = tuple(number(f"w{i}", LO, HI, default_w(i)) for i in range(1, n + 1))
    b = number("b", LO, HI, SEED_B)

    def choice(key: str, options: tuple[str, ...], default: str, what: str) -> str:
        # As Streamlit's select boxes read the link: the last value, an empty one included.
        used.add(key)
        if key not in params:
            return default
        raw = params[key]
        last = raw if isinstance(raw, str) else (list(raw) or [""])[-1]
        if last in options:
            return last
        notices.append(f"Ignored {key} from the link: it is not {what}; using {default}.")
        return default

    act = choice("act", ACTS, SEED_ACT, f"one of {', '.join(ACTS)}")
    alpha = number("alpha", ALPHA_LO, ALPHA_HI, SEED_ALPHA) if act == "leaky_relu" else SEED_ALPHA

    def flag(key: str) -> bool:
        used.add(key)
        if key not in params:
            return False
        vals = _values(params[key])
        if vals and vals[-1].lower() in ("true", "false"):
            return vals[-1].lower() == "true"
        notices.append(f"Ignored {key} from the link: it is neither true nor false; using false.")
        return False

    present, grad, land = flag("present"), flag("grad"), flag("land")
    # The landscape's two inputs: two different ones of 1 to n (the select boxes' options).
    inputs = tuple(str(k) for k in range(1, max(n, 2) + 1))
    i, j = (int(choice(key, inputs, d, f"one of 1 to {inputs[-1]}")) for key, d in (("i", "1"), ("j", "2")))
    if i == j:
        i, j = 1, 2
    train = flag("train")
    y = number("y", LO, HI, TRAIN_Y)
    lr = number("lr", LR_LO, LR_HI, TRAIN_LR)
    steps = int(number("steps", 0, STEPS_MAX, 0))

    sweep = choice("sweep", sweepable(n), "none", f"one of x1 to x{n}, w1 to w{n}, b")
    mode = choice("mode", MODES, "play", f"one of {', '.join(MODES)}")
    used.add("seed")
    seed = 1
    if "seed" in params:
        v, why = _number(params["seed"], 0, QUIZ_SEED_MAX - 1)
        if v is None or v != int(v):
            why = why or "it is not a whole number"
            notices.append(f"Ignored seed from the link because {why}; using 1.")
        else:
            seed = int(v)

    # Inputs beyond n stay quietly in the link (Streamlit uses them if n grows); the rest is unknown.
    known = {f"{p}{i}" for p in "xw" for i in range(1, N_MAX + 1)} | {"alpha"}
    unknown = [k for k in params if k not in used and k not in known]
    if unknown:
        s = "" if len(unknown) == 1 else "s"
        notices.append(f"Ignored {len(unknown)} unknown parameter{s} in the link.")
    state = State(
        x=x,
        w=w,
        b=b,
        act=act,
        alpha=alpha,
        present=present,
        grad=grad,
        land=land,
        i=i,
        j=j,
        sweep=sweep,
        train=train,
        y=y,
        lr=lr,
        steps=steps,
        mode=mode,
        seed=seed,
    )
    return Reading(state, notices)


def _num(v: float) -> str:
    # The same text Streamlit writes to the URL: whole numbers bare, others as Python's shortest repr.
    return str(int(v)) if v == int(v) else repr(float(v))


def to_query(state: State) -> dict[str, str]:
    """The query parameters of a state, leaving out defaults, as the app's URL shows them."""
    q: dict[str, str] = {}
    if state.n != SEED_N:
        q["n"] = str(state.n)
    for i, (xi, wi) in enumerate(zip(state.x, state.w, strict=True), start=1):
        if xi != default_x(i):
            q[f"x{i}"] = _num(xi)
        if wi != default_w(i):
            q[f"w{i}"] = _num(wi)
    if state.b != SEED_B:
        q["b"] = _num(state.b)
    if state.act != SEED_ACT:
        q["act"] = state.act
    if state.act == "leaky_relu" and state.alpha != SEED_ALPHA:
        q["alpha"] = _num(state.alpha)
    if state.present:
        q["present"] = "true"
    if state.grad:
        q["grad"] = "true"
    if state.land:
        q |= {"land": "true", "i": str(state.i), "j": str(state.j)}
    if state.sweep != "none":
        q["sweep"] = state.sweep
    if state.train:
        q["train"] = "true"
    if state.y != TRAIN_Y:
        q["y"] = _num(state.y)
    if state.lr != TRAIN_LR:
        q["lr"] = _num(state.lr)
    if state.steps:
        q["steps"] = str(state.steps)
    if state.mode != "play":
        q |= {"mode": state.mode, "seed": str(state.seed)}
    return q


def widget_values(state: State) -> dict[str, float | int | str]:
    """The value of each control, by its key (the same key as in the URL)."""
    values: dict[str, float | int | str] = {"n": state.n}
    for i, (xi, wi) in enumerate(zip(state.x, state.w, strict=True), start=1):
        values[f"x{i}"], values[f"w{i}"] = xi, wi
    values |= {
        "b": state.b,
        "act": state.act,
        "alpha": state.alpha,
        "present": state.present,
        "grad": state.grad,
        "land": state.land,
        "i": state.i,
        "j": state.j,
        "sweep": state.sweep,
        "train": state.train,
        "y": state.y,
        "lr": state.lr,
        "steps": state.steps,
    }
    return values


def slider_values(w: Sequence[float], b: float) -> tuple[dict[str, float], list[str]]:
    """The sliders' values for trained weights and a trained bias, and a notice for each one moved.

    A slider holds LO to HI: a value outside is set to the nearer end, and the notice says so. Inside,
    values keep 4 decimals, as the page writes them.
    """
    values, notices = {}, []
    named = [(f"w{i}", f"w{sub(i)}", float(wi)) for i, wi in enumerate(w, start=1)] + [("b", "b", float(b))]
    for key, name, v in named:
        values[key] = round(min(max(v, LO), HI), 4) + 0.0
        if not LO <= v <= HI:
            notices.append(
                f"{name} = {fmt(v, exact=False)} is beyond its slider: it will be set to {fmt(values[key])}."
            )
    return values, notices
