"""The app's parameters, declared once in PARAMS; State, links, reset and the sidebar are read off it.

A link is read as Streamlit seeds a widget bound to a query parameter (``bind="query-params"``): a bad
value falls back to the default, and here also yields a plain-text notice that names the parameter.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from neuron_core.activations import ACTIVATIONS
from neuron_core.neuron import N_MAX, N_MIN
from neuron_core.trace import fmt, sub

LO, HI, STEP = -10.0, 10.0, 0.1  # every x_i, w_i and b
ALPHA_LO, ALPHA_HI = 0.0, 1.0  # leaky_relu's slope below zero
SEED_X, SEED_W, SEED_B = (2.0, 1.0, 3.0), (1.0, -1.0, 1.0), -5.0  # the worked example
LR_LO, LR_HI, STEPS_MAX = 0.001, 1.0, 200

Values = Mapping[str, Any]  # the values read so far, by key: what a later parameter may depend on


@dataclass(frozen=True)
class Param:
    """One parameter: its URL key (also its control's key), kind, range, default and label.

    A parameter `per_input` repeats as key1 … keyn, its default a function of i. `when` says, from the
    values before it, whether it applies: a control is drawn and a link's value read only then (alpha
    for leaky_relu). `place` is where its control is drawn: the sidebar, the training section, or
    nowhere (the link alone carries it).
    """

    key: str
    kind: Literal["number", "whole", "choice", "switch"]
    default: Any
    label: str = ""
    lo: float = 0.0
    hi: float = 0.0
    step: float = 1.0
    format: str = "%g"  # %g: 2, -1, 0.3 as a teacher writes them, and a value from a link in full
    options: tuple | Callable[[Values], tuple] = ()
    when: Callable[[Values], bool] = lambda v: True
    per_input: bool = False
    place: Literal["sidebar", "training", "link"] = "sidebar"
    typed: bool = False  # a whole number typed in a box, not slid
    sweeps: bool = False  # part of the neuron: a sweep can run it from LO to HI
    counts: bool = False  # the number of inputs, n: a parameter per input repeats this many times
    names: Callable[[Any], str] | None = None  # a choice shown by these names; the link keeps the option

    def each(self, values: Values) -> list[Param]:
        """The parameter as controls: one per input for x and w, with its options for these values."""
        options = self.options(values) if callable(self.options) else self.options
        one = replace(self, options=options)
        if not self.per_input:
            return [one]
        n = values.get(COUNT.key, COUNT.default)
        return [replace(one, key=f"{self.key}{i}", label=f"{self.label}{sub(i)}", default=self.default(i),
                        per_input=False) for i in range(1, n + 1)]  # fmt: skip


def sweepable(values: Values) -> tuple[str, ...]:
    """What a sweep can run: none, each input, each weight, the bias."""
    return ("none", *(p.key for q in PARAMS if q.sweeps for p in q.each(values)))


def _label(option: str) -> str:
    """An activation as people read its name (ReLU, Leaky ReLU); other options as they are."""
    return ACTIVATIONS[option].label if option in ACTIVATIONS else option


def _inputs(values: Values) -> tuple[int, ...]:
    return tuple(range(1, max(values[COUNT.key], 2) + 1))


# The app's parameters, in the sidebar's order. Adding one here adds its control, its link key, its reset
# and its notices; State has it as an attribute of the same name.
PARAMS: list[Param] = [
    Param("present", "switch", False, "Presenter mode"),
    Param("grad", "switch", False, "Show gradients"),
    Param("land", "switch", False, "Show the landscape of two inputs"),
    Param("n", "whole", len(SEED_X), "n, the number of inputs", N_MIN, N_MAX, counts=True),
    # Inputs beyond the worked example's: x_i = 1 and w_i = 0, so a new input changes nothing until weighted.
    Param("x", "number", lambda i: (*SEED_X, *[1.0] * N_MAX)[i - 1], "input x", LO, HI, STEP, per_input=True,
          sweeps=True),
    Param("w", "number", lambda i: (*SEED_W, *[0.0] * N_MAX)[i - 1], "weight w", LO, HI, STEP, per_input=True,
          sweeps=True),
    Param("b", "number", SEED_B, "bias b", LO, HI, STEP, sweeps=True),
    Param("act", "choice", "relu", "activation", options=tuple(ACTIVATIONS), names=_label),
    Param("alpha", "number", 0.01, "α, the slope below zero", ALPHA_LO, ALPHA_HI, 0.01,
          when=lambda v: v["act"] == "leaky_relu"),
    Param("compare", "choice", "none", "compare with a second activation", options=("none", *ACTIVATIONS),
          names=_label),
    Param("sweep", "choice", "none", "sweep (animate) a parameter", options=sweepable),
    Param("i", "choice", 1, "landscape: across, input x_i with i =", options=_inputs,
          when=lambda v: v["land"] and v["n"] >= 2),
    Param("j", "choice", 2, "landscape: up, input x_j with j =", options=_inputs,
          when=lambda v: v["land"] and v["n"] >= 2),
    Param("train", "switch", False, "Train on this example"),
    Param("y", "number", 1.0, "target y", LO, HI, STEP, when=lambda v: v["train"]),
    Param("lr", "number", 0.05, "learning rate", LR_LO, LR_HI, 0.001, "%.3f", when=lambda v: v["train"]),
    Param("steps", "whole", 0, "steps taken", 0, STEPS_MAX, place="training", typed=True,
          when=lambda v: v["train"]),
    Param("mode", "choice", "play", options=("play", "quiz"), place="link"),
    Param("seed", "whole", 1, lo=0, hi=10**9 - 1, place="link", when=lambda v: v["mode"] == "quiz"),
]  # fmt: skip
COUNT = next(p for p in PARAMS if p.counts)


class State:
    """Everything a view shows: each control's value by its key, and each parameter as an attribute.

    ``State(b=-3).b == -3``; x and w are tuples of n values (``State(x=(1, 2), w=(3, -1))`` has n = 2),
    and the controls' values by key (x1 … xn) make a state too.
    """

    __slots__ = ("_flat",)

    def __init__(self, **values: Any) -> None:
        rows = {p.key: tuple(values.pop(p.key)) for p in PARAMS if p.per_input and p.key in values}
        n = next((len(v) for v in rows.values()), values.pop(COUNT.key, COUNT.default))
        values.pop(COUNT.key, None)  # x and w, where given, say what n is
        if any(len(v) != n for v in rows.values()):
            raise ValueError("x and w need one value per input")
        flat: dict[str, Any] = {COUNT.key: n}
        for p in (p for p in PARAMS if not p.counts):
            for i, c in enumerate(p.each(flat), start=1):
                flat[c.key] = rows[p.key][i - 1] if p.key in rows else values.get(c.key, c.default)
        unknown = set(values) - {c.key for p in PARAMS for c in p.each({COUNT.key: N_MAX})}
        if unknown:
            raise TypeError(f"State has no parameter {', '.join(sorted(unknown))}")
        object.__setattr__(self, "_flat", flat)

    def __getattr__(self, key: str) -> Any:
        if key in self._flat:
            return self._flat[key]
        if key in (rows := {p.key: p for p in PARAMS if p.per_input}):
            return tuple(self._flat[c.key] for c in rows[key].each(self._flat))
        raise AttributeError(key)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, State) and self._flat == other._flat

    def __repr__(self) -> str:
        return f"State({', '.join(f'{k}={v!r}' for k, v in self._flat.items())})"

    def replace(self, **values: Any) -> State:
        """This state with some values changed: x and w as tuples, or any control's value by its key."""
        rows = {p.key for p in PARAMS if p.per_input and p.key in values}
        return State(**{k: v for k, v in self._flat.items() if k.rstrip("0123456789") not in rows} | values)

    @property
    def act_alpha(self) -> float | None:
        """The alpha to compute with: the state's for leaky_relu, the activation's own otherwise."""
        return self.alpha if self.act == "leaky_relu" else None

    def flat(self) -> dict[str, Any]:
        """The value of each control, by its key: x1 … xn and w1 … wn one by one."""
        return dict(self._flat)


def shown(place: str, values: Values) -> Iterator[Param]:
    """The controls drawn in `place`, in order; each one's `when` is judged on the values read so far."""
    for p in PARAMS:
        if p.place == place and p.when(values):
            yield from p.each(values)


@dataclass(frozen=True)
class Reading:
    """A state read from a query, and one plain-text notice per value that was ignored."""

    state: State
    notices: list[str] = field(default_factory=list)


QueryValue = str | Sequence[str]


def _read(p: Param, raw: QueryValue) -> tuple[Any, str]:
    """One parameter's value from its query value, or None and the notice that says why it was ignored.

    The rules, one per kind: a number must be one value, finite and in range; a whole number too, and
    one with a fraction keeps its whole part, as Streamlit's sliders do; a choice is the last value
    (an empty one included), if it is among the options; a switch the last non-empty value, true or false.
    """
    if p.kind == "choice":
        last = raw if isinstance(raw, str) else (list(raw) or [""])[-1]
        match = [o for o in p.options if str(o) == last]
        what = ", ".join(map(str, p.options))
        return (match[0], "") if match else (None, f"Ignored {p.key} from the link: it is not one of {what}; "
                                                  f"using {p.default}.")  # fmt: skip
    vals = [v for v in ([raw] if isinstance(raw, str) else raw) if v != ""]  # ?k= is empty; ?k=1&k=2 two
    if p.kind == "switch":
        if vals and vals[-1].lower() in ("true", "false"):
            return vals[-1].lower() == "true", ""
        return None, f"Ignored {p.key} from the link: it is neither true nor false; using false."
    why = "it is empty" if not vals else "it is given more than once" if len(vals) > 1 else ""
    v = math.nan
    if not why:
        try:
            v = float(vals[0])
        except ValueError:
            why = "it is not a number"
    if not why and not math.isfinite(v):
        why = "it is not a finite number"
    elif not why and not p.lo <= v <= p.hi:
        why = f"it is outside {fmt(p.lo)} to {fmt(p.hi)}"
    if why:
        return None, f"Ignored {p.key} from the link because {why}; using {fmt(p.default)}."
    if p.kind == "whole" and v != int(v):
        return int(v), f"Read {p.key} from the link as {int(v)}: it is a whole number."
    return (int(v) if p.kind == "whole" else v + 0.0), ""


def from_query(params: Mapping[str, QueryValue]) -> Reading:
    """Read a state from query parameters; anything bad falls back to its default, with a notice."""
    notices: list[str] = []
    values: dict[str, Any] = {}
    known = {c.key for p in PARAMS for c in p.each({COUNT.key: N_MAX})}
    for p in PARAMS:
        for c in p.each(values):
            values[c.key] = c.default
            # As the page: a parameter that does not apply has no control, so its value is not read.
            if c.key in params and p.when(values):
                v, notice = _read(c, params[c.key])
                values[c.key] = c.default if v is None else v
                notices += [notice] if notice else []
    # Inputs beyond n stay quietly in the link (Streamlit uses them if n grows); the rest is unknown.
    unknown = [k for k in params if k not in known]
    if unknown:
        notices.append(f"Ignored {len(unknown)} unknown parameter{'s' * (len(unknown) > 1)} in the link.")
    return Reading(State(**values), notices)


def _text(v: Any) -> str:
    # The same text Streamlit writes to the URL: true, whole numbers bare, others as the shortest repr.
    return (
        str(v).lower()
        if isinstance(v, bool)
        else str(int(v))
        if isinstance(v, float) and v == int(v)
        else str(v)
    )


def to_query(state: State) -> dict[str, str]:
    """The query parameters of a state, leaving out defaults and what does not apply to it."""
    values, q = state.flat(), {}
    for p in PARAMS:
        for c in p.each(values):
            if p.when(values) and values[c.key] != c.default:
                q[c.key] = _text(values[c.key])
    return q


def widget_values(state: State) -> dict[str, Any]:
    """The value of each control, by its key (the same key as in the URL): what reset puts back."""
    link_only = {p.key for p in PARAMS if p.place == "link"}
    return {k: v for k, v in state.flat().items() if k not in link_only}


def fit(state: State) -> tuple[State, list[str]]:
    """The state with every number within its control's range, kept to 4 decimals as the page writes
    them, and a notice for each value that had to be moved into range."""
    values, notices = state.flat(), []
    for p in PARAMS:
        for k, c in enumerate(p.each(values), start=1):
            if c.kind != "number":
                continue
            v = float(values[c.key])
            values[c.key] = round(min(max(v, c.lo), c.hi), 4) + 0.0
            if not c.lo <= v <= c.hi:
                name = f"{p.key}{sub(k)}" if p.per_input else p.key
                notices.append(f"{name} = {fmt(v, exact=False)} is beyond its slider: it will be set to "
                               f"{fmt(values[c.key])}.")  # fmt: skip
    return State(**values), notices
