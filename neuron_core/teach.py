"""A teacher's plan for a class, built from choices: what students open, where its neuron starts, which
controls they get. From it come the students' and the projector's queries, the words for the class, and the
controls there are to choose from, grouped as the sidebar has them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import parse_qs, urlencode

from neuron_core.lessons import LESSONS
from neuron_core.link import state
from neuron_core.link.params import CHOOSABLE, CHOSEN, PARAMS, Param, on
from neuron_core.link.state import State
from neuron_core.model import data
from neuron_core.numbers import fmt

# What an activity keeps of the teacher's link whichever neuron it starts from: its own choices.
OWN = {"neuron": (), "data": ("data", "points"), "quiz": ("seed", "count"), "lessons": ("lesson", "step")}
PRESENT = next(p for p in PARAMS if p.key == "present")
# The groups of controls, as the sidebar has them: each input, each weight, the rest of the neuron, the
# views, and the data page's own (its data set and training).
GROUPS = {"x": "Inputs", "w": "Weights", "neuron": "The neuron", "views": "Views", "data": "The data"}


@dataclass(frozen=True)
class Plan:
    """What students open (an activity: one of the pages) and the view they start at."""

    activity: str
    view: State  # the activity's values, as its page reads them: the teacher's choices in it

    def students(self) -> dict[str, str]:
        """The students' link's query: the view, presenter mode off."""
        return state.to_query(self.view.replace(present=False), self.activity)

    def projector(self) -> dict[str, str] | None:
        """The projector's link's query (presenter mode on), or None where the page has no presenter mode."""
        if self.activity not in PRESENT.pages:
            return None
        return state.to_query(self.view.replace(present=True), self.activity)

    def words(self) -> str:
        """What the class is told under the QR code, unless the teacher writes their own."""
        v = self.view
        match self.activity:
            case "data":
                said = f"The neuron meets data: {data.NAMES[v.data]}"
            case "quiz":
                said = f"Quiz: {v.count} exercises" if v.count > 1 else f"Quiz: exercise {v.seed}"
            case "lessons" if v.lesson in LESSONS:
                lesson = LESSONS[v.lesson]
                said = f"Lesson: {lesson.title}" + (f", from step {v.step}" if v.step > 1 else "")
            case "lessons":
                said = "Lessons on one neuron"
            case _:
                said = "The neuron playground"
        moves = [label for key, label in labels(self.activity, v) if key in v.controls]
        if not moves or self.activity not in CHOSEN.pages:
            return said
        return f"{said}: move {' and '.join([', '.join(moves[:-1]), moves[-1]] if len(moves) > 1 else moves)}"


def plan(activity: str, linked: State, fresh: bool = False, chosen: tuple[str, ...] | None = None) -> Plan:
    """The plan for an activity from the teacher's link: its view as the link has it, or (`fresh`) the
    page's own start with the activity's own choices kept (the data set, the quiz's set, the lesson);
    `chosen` the controls students get (none: every one). A quiz or a lesson starts at its beginning."""
    keep = {k: getattr(linked, k) for k in OWN[activity]}
    view = state.start(activity).replace(**keep) if fresh or activity not in CHOSEN.pages else linked
    if activity in CHOSEN.pages:  # the link's chosen controls, unless chosen anew
        view = view.replace(controls=linked.controls if chosen is None else chosen)
    return Plan(activity, view)


def group(p: Param) -> str:
    """A choosable control's group: its input's or weight's row, the neuron, the views, or the data."""
    if p.per_input:
        return p.key
    if p.place != "sidebar":
        return "data"
    return "neuron" if p.neuron or p.counts else "views"


def choosable(activity: str, view: State) -> dict[str, list[tuple[str, str]]]:
    """The controls a teacher can give students on an activity's page, as (key, label) in groups (GROUPS):
    those that apply to the view, every input and every weight also as one (x, w); presenter mode is the
    projector's."""
    if activity not in CHOSEN.pages:
        return {}
    values, out = view.flat(), {}
    for p in on(activity):
        if p.place not in CHOOSABLE or p.key == PRESENT.key or not p.when(values):
            continue
        one = p.each(values)
        every = [(p.key, f"every {p.label.split()[0]}")] if p.per_input and len(one) > 1 else []
        out.setdefault(group(p), []).extend([*every, *((c.key, c.label) for c in one)])
    return {k: out[k] for k in GROUPS if k in out}


def labels(activity: str, view: State) -> list[tuple[str, str]]:
    """Every choosable control of the activity as (key, label), in the sidebar's order."""
    return [c for cs in choosable(activity, view).values() for c in cs]


def opening(page: str, s: State) -> dict[str, str]:
    """The teacher's page's query, opened from a page's view: that page preselected, its values as one
    (`view`)."""
    activity = page if page in OWN else "neuron"
    kept = state.to_query(s.replace(present=False), activity)
    if activity in ("quiz", "lessons"):  # where the set or the lesson starts, not where a student is
        kept = {k: v for k, v in kept.items() if k in OWN[activity]}
    return {
        **({"activity": activity} if activity != "neuron" else {}),
        **({"view": urlencode(kept, safe=",")} if kept else {}),
    }


def view_text(view: State, activity: str) -> str:
    """A view as the teacher's page keeps it, in one value: its page's query, as its link writes it."""
    return urlencode(state.to_query(view, activity), safe=",")


def view_query(link: Mapping[str, Sequence[str]], view: str) -> dict[str, list[str]]:
    """The query an activity's view is read from: a view's keys written in the teacher's page's link itself,
    less that page's own, under the view it keeps in one value (`view`)."""
    own = {k: list(v) for k, v in link.items() if k not in MINE}
    return own | parse_qs(view, keep_blank_values=True)


def summary(s: State, activity: str) -> str:
    """A view's neuron in a line, as a teacher reads it: "x = (2, 1, 3), w = (1, -1, 1), b = -5, ReLU", then
    what else it has on ("Gradients, target y = 3")."""
    values, said, more = s.flat(), [], []
    shown = state.to_query(s.replace(present=False, controls=()), activity)
    for p in on(activity):
        if not p.when(values) or p.place == "link" or p.key in OWN[activity]:
            continue
        v = getattr(s, p.key)
        if p.neuron:
            said.append(
                f"{p.key} = ({', '.join(map(fmt, v))})"
                if p.per_input
                else p.names(v)
                if p.names
                else f"{p.label.split(',')[0] if p.label.startswith('α') else p.key} = {fmt(v)}"
            )
        elif any(c.key in shown for c in p.each(values)):
            more.append(
                p.label if p.kind == "switch" else f"{p.label} = {fmt(v) if isinstance(v, float) else v}"
            )
    return ", ".join(said) + (f"; {', '.join(more)}" if more else "")


MINE = tuple(p.key for p in PARAMS if "teach" in p.pages)  # the teacher's page's own choices
