"""The app's state: State, and reading and writing links, all read off the table in params.py.

A link is read as Streamlit seeds a widget bound to a query parameter (``bind="query-params"``): a bad
value falls back to the default, and here also yields a plain-text notice that names the parameter.
"""

from __future__ import annotations

import keyword
import math
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from neuron_core.link.params import (
    CHOOSABLE,
    CHOSEN,
    COUNT,
    PARAMS,
    Page,
    Param,
    Values,
    count,
    keys,
    named,
    on,
)
from neuron_core.model import data
from neuron_core.model.activations import ACTIVATIONS
from neuron_core.model.data import Point
from neuron_core.model.neuron import N_MAX
from neuron_core.numbers import first, fmt, sub


class State:
    """Everything a view shows: each control's value by its key, and each parameter as an attribute.

    x and w are tuples of n values (``State(x=(1, 2), w=(3, -1))`` has n = 2); the controls' values by key
    (x1 … xn) make a state too.
    """

    __slots__ = ("_flat",)

    # Each parameter as an attribute, typed for an editor and a type checker: one per line of PARAMS, of
    # its kind's type (tests/link/test_state.py holds the two together).
    n: int
    x: tuple[float, ...]
    w: tuple[float, ...]
    b: float
    act: str
    alpha: float
    grad: bool
    land: bool
    train: bool
    compare: str
    sweep: str
    i: int
    j: int
    y: float
    lr: float
    steps: int
    present: bool
    data: str
    rule: str
    eta: float
    epochs: int
    points: tuple[Point, ...]
    controls: tuple[str, ...]
    mode: str
    seed: int
    count: int
    q: int
    got: str
    lesson: str
    step: int
    done: str
    activity: str
    start: str
    words: str
    qr: bool
    view: str
    key: str
    # a live class's code is annotated below the class: its key is a word of Python's own

    def __init__(self, **values: Any) -> None:
        rows = {p.key: tuple(values.pop(p.key)) for p in PARAMS if p.per_input and p.key in values}
        flat: dict[str, Any] = {}
        for p in PARAMS:
            if p.counts:  # x and w, where given, say what n is; a held n (data shown) is 2 all the same
                given = next((len(v) for v in rows.values()), values.pop(p.key, p.default))
                values.pop(p.key, None)
                flat[p.key] = count(flat | {p.key: given})
                if any(len(v) != flat[p.key] for v in rows.values()):
                    raise ValueError("x and w need one value per input")
                continue
            for i, c in enumerate(p.each(flat), start=1):
                flat[c.key] = rows[p.key][i - 1] if p.key in rows else values.get(c.key, c.default)
        unknown = set(values) - keys()
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
        """The alpha to compute with: the state's where the page's slider sets it, the entry's otherwise."""
        act = ACTIVATIONS.get(self.act)
        return self.alpha if act is not None and act.slider else None

    def flat(self) -> dict[str, Any]:
        """The value of each control, by its key: x1 … xn and w1 … wn one by one."""
        return dict(self._flat)


# A key that is a word of Python's own (class) is annotated here, where the class body cannot.
State.__annotations__.update({p.key: str for p in PARAMS if keyword.iskeyword(p.key)})


def shown(place: str, values: Values, page: str | Page = "neuron") -> Iterator[Param]:
    """The controls drawn in `place` on `page`, in order; each one's `when` is judged on the values so far.

    A teacher's link that names its controls draws only those: the sidebar's in the page body, the data
    page's head and batch in their places.
    """
    chosen = values.get(CHOSEN.key, CHOSEN.default)
    for p in on(page):
        if p.when(values):
            for c in p.each(values):
                spot = p.place
                if chosen and p.place in CHOOSABLE:
                    mine = p.key in chosen or c.key in chosen
                    spot = ("body" if p.place == "sidebar" else p.place) if mine else None
                if spot == place:
                    yield c


@dataclass(frozen=True)
class Reading:
    """A state read from a query, and one plain-text notice per value that was ignored."""

    state: State
    notices: list[str] = field(default_factory=list)


QueryValue = str | Sequence[str]


def _read(p: Param, raw: QueryValue) -> tuple[Any, str]:
    """One parameter's value from its query value, or None and the notice that says why it was ignored."""
    last = raw if isinstance(raw, str) else (list(raw) or [""])[-1]  # what a select box reads: the last
    if p.kind == "rows":  # the good points are kept; only when none is, the example's
        pts, said = data.read_points(last)
        why = first(said, most=1) if said else "it has none"
        notice = f"Ignored {p.key} from the link because {why}; using the {len(p.default)} of the example."
        if pts:
            notice = f"Ignored part of {p.key} from the link because {why}; kept the other {len(pts)}."
        return pts or None, notice if said or not pts else ""
    if p.kind == "marks":  # a set's answers: one mark per exercise, as many as a set holds
        kept = "".join(c for c in last if c in "01-")[: int(p.hi)]
        part = "part of " if kept else ""
        why = f"Ignored {part}{p.key} from the link: it marks at most {int(p.hi)} {p.label}, each 0, 1 or -."
        return kept, "" if kept == last else why
    if p.kind == "text":  # words to show as text: one line, as many characters as it holds
        line = " ".join("".join(c if c.isprintable() else " " for c in last).split())
        if p.form and line and not re.fullmatch(p.form, line):  # never quoted: it may be anything
            return None, f"Ignored {p.key} from the link: it is not {p.label}."
        why = f"Read {p.key} from the link as its first {int(p.hi)} characters."
        return line[: int(p.hi)], "" if len(line) <= p.hi else why
    if p.kind == "keys":
        names = dict.fromkeys(k.strip() for k in last.split(",") if k.strip())
        bad = [k for k in names if k not in p.options]
        kept = tuple(k for k in names if k in p.options)
        rest = "the others" if kept else "every control"
        names_ = f"{len(bad)} unknown name{'s' * (len(bad) > 1)}"
        notice = f"Ignored {p.key} from the link for {names_}; showing {rest}."
        return kept, notice if bad else ""
    if p.kind == "choice":
        match = [o for o in p.options if str(o) == last]
        what = ", ".join(map(str, p.options))
        return (
            (match[0], "")
            if match
            else (None, f"Ignored {p.key} from the link: it is not one of {what}; using {p.default}.")
        )
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
    why = why or _out(p, v)
    if why:
        return None, f"Ignored {p.key} from the link because {why}; using {fmt(p.default)}."
    if p.kind == "whole" and v != int(v):  # its whole part, as Streamlit's sliders do
        return int(v), f"Read {p.key} from the link as {int(v)}: it is a whole number."
    return (int(v) if p.kind == "whole" else v + 0.0), ""


def _out(p: Param, v: float) -> str:
    """Why a number cannot be a parameter's value (not finite, outside its range), or nothing."""
    if not math.isfinite(v):
        return "it is not a finite number"
    return "" if p.lo <= v <= p.hi else f"it is outside {fmt(p.lo)} to {fmt(p.hi)}"


def from_query(params: Mapping[str, QueryValue], page: str | Page = "neuron") -> Reading:
    """Read a page's state from query parameters; anything bad falls back to its default, with a notice.

    A key another page has is known but not read here (the quiz's seed on the playground).
    """
    notices: list[str] = []
    values: dict[str, Any] = {}
    known = keys()
    for p in on(page):
        for c in p.each(values):
            values[c.key] = c.default if p.when(values) or p.held is None else p.held
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


def _text(p: Param, v: Any) -> str:
    """A value as the link carries it, as Streamlit writes it: true, 2, 0.15, and b,act for a list."""
    if p.kind == "rows":
        return data.points_text(v)
    if isinstance(v, bool | tuple):
        return str(v).lower() if isinstance(v, bool) else ",".join(v)
    return str(int(v)) if isinstance(v, float) and v == int(v) else str(v)


def to_query(state: State, page: str | Page = "neuron") -> dict[str, str]:
    """The query parameters of a page's state, leaving out its defaults and what does not apply to it."""
    values, q = state.flat(), {}
    for p in on(page):
        for c in p.each(values):
            if p.when(values) and values[c.key] != c.default:
                q[c.key] = _text(p, values[c.key])
    return q


def stale(state: State, linked: Iterable[str], page: str | Page = "neuron") -> list[str]:
    """The page's own link keys whose parameter does not apply to state: steps once training is off."""
    values, out = state.flat(), []
    for p in on(page):
        if p.linked and not p.when(values):
            out += [c.key for c in p.each(values) if c.key in linked]
    return out


def widget_values(state: State, page: str | Page = "neuron") -> dict[str, Any]:
    """What reset puts back on a page: each control's value by its key, less a held one (n on the data
    page) and those of parameters the page does not have."""
    values = state.flat()
    left = {
        c.key
        for p in PARAMS
        if p.place == "link" or named(page) not in p.pages or (p.held is not None and not p.when(values))
        for c in p.each(values)
    }
    return {k: v for k, v in values.items() if k not in left}


def routed(params: Mapping[str, QueryValue]) -> tuple[str, dict[str, QueryValue]]:
    """Where a link at the playground's address was written for, and the query that page reads it from.

    Links written before the pages had addresses (?mode=quiz&seed=4, ?data=xor&epochs=10) carry their page
    in a key: they open that page with the same values. A value the link left out is the one it meant then,
    the playground's, where the page starts elsewhere (the data page's sigmoid): it is written in.
    """
    for p in PARAMS:
        raw = params.get(p.key)
        if p.opens is None or raw is None:
            continue
        page = p.opens(raw if isinstance(raw, str) else (list(raw) or [""])[-1])
        if page is None:
            continue
        query = {k: v for k, v in params.items() if k != p.key or page in p.pages}
        meant = {q.key: q for q in on("neuron")}
        for q in on(page):
            then = meant[q.key]
            if q.key not in params and {page, "neuron"} <= set(q.pages) and q.default != then.default:
                query[q.key] = _text(then, then.default)
        return page, query
    return "neuron", dict(params)


def start(page: str | Page) -> State:
    """Where a page starts when its link says nothing: the worked example on the playground."""
    return from_query({}, page).state


def clamped(state: State) -> tuple[State, list[str]]:
    """The state with every number in its control's range, to 4 decimals, and a notice for each one moved."""
    values, notices = state.flat(), []
    for p in PARAMS:
        for k, c in enumerate(p.each(values), start=1):
            if c.kind != "number":
                continue
            v = float(values[c.key])
            values[c.key] = round(min(max(v, c.lo), c.hi), 4) + 0.0
            if not c.lo <= v <= c.hi:
                name = f"{p.key}{sub(k)}" if p.per_input else p.key
                notices.append(
                    f"{name} = {fmt(v, exact=False)} is beyond its slider: it will be set to "
                    f"{fmt(values[c.key])}."
                )
    return State(**values), notices


GRABBED = "A drag on a chart sent values that could not be read ({why}); the sliders keep theirs."


def grabbed(value: Any, offered: Iterable[str]) -> tuple[dict[str, float], str]:
    """The values a drag on a chart sent (the chart element's `grab`), read as a link's are: only keys the
    chart offered, each a finite number in its slider's range and on its step. Anything else refuses the
    whole drag, with one notice; the sliders keep their values."""
    number = {c.key: c for p in PARAMS if p.kind == "number" for c in p.each({COUNT.key: N_MAX})}
    offered = set(offered)
    if not isinstance(value, dict) or not value:
        return {}, GRABBED.format(why="not a set of values")
    out: dict[str, float] = {}
    for k, v in value.items():
        p = number.get(k) if k in offered else None
        if p is None:
            return {}, GRABBED.format(why="a value this chart does not offer")
        if isinstance(v, bool) or not isinstance(v, int | float):
            return {}, GRABBED.format(why=f"{k} is not a number")
        try:
            x = float(v)
        except OverflowError:  # a whole number past any float's (JSON has no limit)
            x = math.inf
        why = _out(p, x)
        if why:
            return {}, GRABBED.format(why=f"{k}: {why}")
        steps = (x - p.lo) / p.step
        if abs(steps - round(steps)) > 1e-6:
            return {}, GRABBED.format(why=f"{k} is not on its slider's step of {fmt(p.step)}")
        out[k] = round(x, 4) + 0.0
    return out, ""
