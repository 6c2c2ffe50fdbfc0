"""The pages, and what they share: the router, the link's reading, the controls drawn from the parameter
table, the chart element, the charts of the neuron, the written calculation, and the way to the teacher's
page.

Each page is a script here (neuron.py, data.py, quiz.py, lessons.py, teach.py). Only Streamlit in this folder;
the work is neuron_core's.
"""

from __future__ import annotations

import os
import re
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import streamlit as st
from streamlit.errors import StreamlitAPIException

from neuron_core import element, grab, teach

# Named apart from the pages neuron.py and data.py: importing a page (lessons.py uses their views) makes
# it an attribute of this package, which would hide a module of the same name.
from neuron_core.figures import neuron as drawn_neuron
from neuron_core.figures import style
from neuron_core.link import share, state
from neuron_core.link.params import PAGES, Page
from neuron_core.live import room
from neuron_core.live import store as live
from neuron_core.live.store import Store
from neuron_core.model import data as datasets
from neuron_core.numbers import first
from neuron_core.pace import Pace
from neuron_core.words import calculation, explain, on_data, text


class Kept:
    """Every key the pages keep in session_state beside their controls' own (each is its parameter's key)."""

    PACE = "pace"  # this session's fair share of the server (neuron_core.pace)
    LINK = "link"  # this run's reading of the link: the page's state and its notices (set by the router)
    PAGE = "page"  # this run's page, by name (neuron, data, quiz, lessons)
    ON = "on"  # whose parameters this run's controls are: the page's, or a lesson step's (params.Page)
    STEP = "step"  # the lesson and step the sliders were last set for: another starts them afresh
    ROUTED = "routed"  # this session's page ran once without the router (pages.started) and again with it
    VIEWS = "views"  # the one control that switches the views of the neuron on
    RESETS = "resets"  # how many times Reset was pressed: the page goes back to its top, the table afresh
    TABLES = "tables"  # how many table edits were not given to the editor: each starts it afresh
    CHECKS, TRIES_Z, TRIES_A, SHOWN = "checks", "tries z", "tries a", "shown"  # each exercise's, by seed
    TRIES, RIGHT, HINTS = "tries", "right", "hints"  # a lesson step's, by lesson and step (and SHOWN)
    JOINED = "joined"  # the live class this browser's student joined, and its id
    SENT = "sent"  # what this session has sent its class once (a step reached, a step done)
    SEEN = "seen"  # the last page's view, as the teacher's page opens it (teach.opening): the bar's Teach
    GRABS = "grabs"  # what each chart offered to drag in the last run, by the chart's key
    REFUSED = "refused"  # the notice for a drag whose values could not be read, shown once

    @staticmethod
    def count(key: str) -> int:
        """A counter's value: 0 until it is first counted."""
        return st.session_state.get(key, 0)

    @staticmethod
    def add(key: str, k: int = 1) -> None:
        """Count k more on a counter."""
        st.session_state[key] = st.session_state.get(key, 0) + k

    @staticmethod
    def exercise(what: str, seed: int | str) -> str:
        """An exercise's (or a lesson step's) own counter (checks, tries) or flag (shown, right): the next
        starts afresh."""
        return f"{what} {seed}"


ROOM = Path(__file__).parents[1] / "static" / "room.css"  # the one stylesheet: constant, reviewed


def paced() -> None:
    """Wait this session's turn when it asks for more runs than its share (neuron_core.pace)."""
    wait = st.session_state.setdefault(Kept.PACE, Pace()).wait(time.monotonic())
    if wait:
        time.sleep(wait)


MAIN = "playground"  # the entry script's name: playground.py
_run = threading.local()  # whether this thread's run went through the router (Streamlit runs one per thread)


def route() -> st.Page:
    """Start a run: the session's fair share, the pages, an old link sent to its page, the link read for the
    page, the page's settings and stylesheet. Returns the page to run.

    A link written before the pages had addresses (?mode=quiz&seed=4, ?data=xor) opens the page it was
    written for, with its values.
    """
    paced()
    _run.drawn = set()  # the controls this run draws, by key: what a chart may offer to drag
    # The playground is the default page, at the app's own address. Its name (its hash) is the entry
    # script's, as Streamlit's older multipage apps name it: a run that Streamlit resolves their way (the
    # first after the server starts, every run of AppTest) then runs the router too, not the page alone.
    nav = {
        name: st.Page(
            f"pages/{name}.py",
            title=p.title,
            url_path=p.path or MAIN,
            default=not p.path,
            visibility="visible" if p.listed else "hidden",
        )
        for name, p in PAGES.items()
    }
    current = st.navigation(list(nav.values()), position="top")
    name = next(n for n, p in nav.items() if p is current)
    query = {k: st.query_params.get_all(k) for k in st.query_params}
    if not PAGES[name].path:  # the playground's address: an old link may be for another page
        to, sent = state.routed(query)
        if to != name:
            st.switch_page(nav[to], query_params=sent)
    # Before any control seeds itself from the link, note which of the link's values will be ignored.
    reading = state.from_query(query, name)
    if st.session_state.get(Kept.PAGE) not in (None, name):  # a page entered starts from its link (the
        # navigation clears it: the page's start), not from the last page's values; the views' control
        # seeds itself from the link again (views)
        st.session_state.update(state.widget_values(reading.state, name))
        st.session_state.pop(Kept.VIEWS, None)
    st.session_state[Kept.LINK], st.session_state[Kept.PAGE], st.session_state[Kept.ON] = reading, name, name
    # A teacher's link that names its controls puts them in the page, and a projector's (presenter mode)
    # wants every pixel for the charts: the sidebar starts closed (» opens it).
    st.set_page_config(
        page_title=f"{PAGES[name].title} · Neuron Playground" if PAGES[name].path else "Neuron Playground",
        page_icon="🧠",
        layout="wide",
        initial_sidebar_state="collapsed"
        if reading.state.controls or reading.state.present or not PAGES[name].sidebar
        else "auto",
    )
    st.html(ROOM)
    return current


def run() -> None:
    """The app: route, then run the page (it knows it was routed)."""
    page = route()
    _run.routed = True
    try:
        page.run()
    finally:
        _run.routed = False


def started() -> state.Reading:
    """At the top of each page: its link's reading. A page Streamlit ran without the router routes itself.

    Streamlit runs a script in pages/ by itself (its older multipage apps) on the first run after the server
    starts, before any run has called st.navigation, and in every run of AppTest.
    """
    if not getattr(_run, "routed", False):
        route()
        # Such a run gives its widgets other ids than the runs through the router after it: a browser's
        # first click or value on that page was lost (a form's Check did nothing). Once a session, the
        # page runs again at once, through the router, and the browser gets the widgets every later run
        # knows. (AppTest, which has no browser's request headers, runs every run this way: its ids agree.)
        if st.context.headers and not st.session_state.get(Kept.ROUTED):
            st.session_state[Kept.ROUTED] = True
            st.rerun()
    return link()


def link() -> state.Reading:
    """This run's reading of the link (read by the router before the page ran)."""
    return st.session_state[Kept.LINK]


def page_name() -> str:
    """This run's page, by name."""
    return st.session_state[Kept.PAGE]


def on_page() -> str | Page:
    """Whose parameters this run's controls have: the page's, by name, or the lesson step's (a Page)."""
    return st.session_state.get(Kept.ON, page_name())


def notices() -> None:
    """What the link had that was ignored, and a drag's values that were: shown as text, never as markdown
    (a notice may quote the link)."""
    for notice in [*link().notices, *filter(None, [st.session_state.pop(Kept.REFUSED, None)])]:
        st.warning(text.plain(notice), icon="⚠️")


def reset(page: str) -> None:
    """Put every control of the page back to where it starts: the worked example on the playground."""
    st.session_state.update(state.widget_values(state.start(page), page))
    st.session_state[Kept.VIEWS] = []
    Kept.add(Kept.RESETS)  # the page goes back to its top


def control(p: state.Param) -> Any:
    """One control, drawn as its kind says from its line in state.PARAMS and bound to its key in the link."""
    hooks = {"on_change": restart, "args": (p,)} if p.restarts else {}  # a change restarts other keys
    drawn().add(p.key)
    bound = {"key": p.key, "bind": "query-params", **hooks}
    match p.kind:
        case "switch":
            return st.toggle(p.label, **bound)
        case "choice" if p.names:  # Streamlit's binding would write the name (ReLU) where links keep relu
            return linked(
                p, lambda: st.selectbox(p.label, p.options, format_func=p.names, key=p.key, **hooks)
            )
        case "choice":
            return st.selectbox(p.label, p.options, index=p.options.index(p.default), **bound)
        case "rows":  # the learner's own points: a table, written to the link as x1,x2,y;…
            return own_points(p)
        case "whole" if p.typed:  # Streamlit's binding fails on ?steps=-inf (OverflowError) before any check
            return linked(p, lambda: st.number_input(p.label, p.lo, p.hi, key=p.key, **hooks))
        case "whole":
            return st.slider(p.label, p.lo, p.hi, p.default, **bound)
    return st.slider(p.label, p.lo, p.hi, p.default, p.step, format=p.format, **bound)


def views(shown: list[state.Param]) -> dict[str, bool]:
    """The views of the neuron as one control: each one chosen is on, and its key true in the link."""
    st.session_state.setdefault(Kept.VIEWS, [p.key for p in shown if getattr(link().state, p.key)])
    labels = {p.key: p.label for p in shown}
    chosen = st.pills(
        "Show", list(labels), selection_mode="multi", format_func=labels.get, key=Kept.VIEWS, width="stretch"
    )
    for p in shown:
        written(p.key, "true" if p.key in chosen else None)
    return {p.key: p.key in chosen for p in shown}


def restart(p: state.Param) -> None:
    """A control changed on the page: the keys it restarts go back to their defaults (a new data set
    starts at epoch 0)."""
    for q in state.on(on_page()):
        if q.key in p.restarts:
            st.session_state[q.key] = q.default


def linked(p: state.Param, draw: Callable[[], Any]) -> Any:
    """A control that follows the link itself: seeded from the core's reading of it, written back to it."""
    st.session_state.setdefault(p.key, getattr(link().state, p.key))
    value = draw()
    written(p.key, None if value == p.default else str(value))
    return value


def written(key: str, text: str | None) -> None:
    """The link's value for a key, or none: changed only when it differs (each change is sent anew)."""
    if text is None:
        st.query_params.pop(key, None)
    elif st.query_params.get(key) != text:
        st.query_params[key] = text


def readable_table_edits() -> None:
    """Make the points table's editor read any edit a browser sends without raising.

    Streamlit parses the edit (JSON from the browser) before the script runs: one that is not JSON, not an
    object, or nested 100,000 deep raised there, with an error box on every run until a reset. Now it is
    marked unreadable, and own_points puts the link's points back with one notice. The parser is not a
    public API: where a release moves it, this does nothing (tests/app/test_protocol.py then fails).
    """
    try:
        from streamlit.elements.widgets.data_editor import DataEditorSerde

        parse = DataEditorSerde.deserialize
    except (ImportError, AttributeError):
        return
    if getattr(parse, "readable", False):
        return

    def tolerant(self: DataEditorSerde, ui_value: str | None) -> dict:
        try:
            return parse(self, ui_value)
        except (ValueError, TypeError, AttributeError, RecursionError):
            return {"edited_rows": {}, "added_rows": [], "deleted_rows": [], "unreadable": True}

    tolerant.readable = True
    DataEditorSerde.deserialize = tolerant


def own_points(p: state.Param) -> tuple:
    """The learner's points in a table to edit (rows can be added and deleted), kept in the link."""
    base = st.session_state.setdefault(p.key, getattr(link().state, p.key))  # Reset puts the example back
    st.caption(on_data.TABLE_HELP)

    def editor() -> str:  # a new key, so an empty editor, after a Reset and after an edit not given it
        return f"{p.key} {Kept.count(Kept.RESETS) + Kept.count(Kept.TABLES)}"

    key = editor()
    # An edit the editor would spend seconds on or fail at (datasets.edited) is not given to it: the table
    # starts afresh on the points it leaves, with one notice.
    read = datasets.edited(base, st.session_state.get(key))
    if read is not None:
        base, notice = read
        st.session_state[p.key] = base
        Kept.add(Kept.TABLES)
        key = editor()
        st.caption(text.plain(notice))
    cols = {
        c: st.column_config.NumberColumn(label, min_value=lo, max_value=hi, step=step)
        for c, (label, lo, hi, step) in datasets.COLUMNS.items()
    }
    rows = st.data_editor(
        [dict(zip(cols, r, strict=True)) for r in base], num_rows="dynamic", column_config=cols, key=key
    )
    pts, said = datasets.from_rows([[r.get(c) for c in cols] for r in rows])
    if said:
        st.caption(text.plain(f"Left out: {first(said)}."))
    written(p.key, None if pts == p.default else datasets.points_text(pts))
    return pts


def controls(place: str, values: dict, across: int = 1, only: tuple[str, ...] | None = None) -> dict:
    """Draw one place's controls (sidebar, body, training…) in `across` columns, or `only` those of these
    keys (a lesson's step); return the values so far."""
    values = dict(values)
    spots = st.columns(across) if across > 1 else [st.container()]
    k, group = 0, None
    for p in state.shown(place, values, on_page()):  # each `when` judged on the values read before it
        if only is not None and p.key not in only:
            continue
        if p.view and group is not None:
            continue  # drawn with the first: the views are one control
        if p.view:  # every view this place has (a view applies whatever was read before it)
            group = [q for q in state.shown(place, values, on_page()) if q.view]
        with spots[k % len(spots)]:
            values.update(views(group)) if p.view else values.update({p.key: control(p)})
        k += 1
    return values


def sidebar_top(page: str, to: str) -> Any:
    """Reset (back `to` the page's start) and, beside it, a place for the link to the teacher's page, drawn
    once the run's state is known: one row, so that the neuron's controls start high in the sidebar."""
    with st.container(horizontal=True, vertical_alignment="center"):
        st.button("↺ Reset", on_click=reset, args=(page,), help=f"Back to {to}", width="stretch")
        return st.container(width="stretch")


def teach_link(place, s: state.State, page: str, label: str = "Teach this view") -> None:
    """One click to the teacher's page with this view chosen: its links, QR code and preview for a class.

    Not on a student's page (a teacher's link of chosen controls, a live class's); the teacher's page opened
    from the bar at the top takes this view all the same (Kept.SEEN)."""
    st.session_state[Kept.SEEN] = teach.opening(page, s)
    if s.controls or getattr(s, "class"):  # a student's page: chosen controls, or a live class's
        return
    place.page_link(
        "pages/teach.py",
        label=label,
        icon=":material/co_present:",
        query_params=st.session_state[Kept.SEEN],
        help="The teacher's page: links, a QR code and a preview of this view for a class",
        width="stretch",
    )


WIDE, HALF = 820, 560  # px: the width of a chart alone on its row; Streamlit narrows it on a phone

# Every chart goes through this one element: with a fixed key it stays mounted across reruns and the
# browser updates it in place with Plotly.react (st.plotly_chart remounts a chart whose figure changed).
chart_element = st.components.v2.component("neuron_chart", js=element.loader(), isolate_styles=False)


def drawn() -> set[str]:
    """The keys of the controls this run has drawn so far: the values a chart may offer to drag."""
    if not hasattr(_run, "drawn"):
        _run.drawn = set()
    return _run.drawn


def draw(
    chart: style.Chart,
    key: str,
    width: int | str = "stretch",
    told: element.Page | None = None,
    grabs: style.Spec | None = None,
) -> None:
    """Show a chart in the chart element under `key`, with the page-wide message `told` where there is one,
    and what a student can drag on it (`grabs`, from neuron_core.grab): a release comes back as `grab`."""
    offered = st.session_state.setdefault(Kept.GRABS, {})
    offered[key] = grab.keys(grabs)
    chart = chart | {"grab": grabs} if grabs else chart
    chart_element(
        key=key, data=element.payload(chart, told), width=width, on_grab_change=lambda: released(key)
    )


def released(key: str) -> None:
    """A drag released on chart `key`: its values to their sliders, read as a link's values are (those the
    chart offered, in range, on the step); anything else refused, the sliders kept, with one notice."""
    sent = (st.session_state.get(key) or {}).get("grab")
    if sent is None:
        return
    values, notice = state.grabbed(sent, st.session_state.get(Kept.GRABS, {}).get(key, ()))
    if notice:
        st.session_state[Kept.REFUSED] = notice
    st.session_state.update(values)


def scroll(to: str, count: int, key: str) -> None:
    """Scroll the page when `count` changes: to its top ("top"), or so that what is above is seen ("here")."""
    chart_element(key=key, data=element.payload(None, element.page(scroll=to, count=count)))


def charts(
    f, big: bool = False, grads=None, other=None, curve_first: bool = False, s=None, stacked: bool = False
) -> None:
    """The neuron diagram beside the activation curve with the current point (and a second, compared)."""
    # curve_first: the curve on the left, under the controls on a phone; `s` lets it say what changed.
    # stacked: the curve above the diagram, in a column of their own (a lesson's step, beside its text).
    spots = [st.container(), st.container()] if stacked else st.columns(2)
    left, right = spots[:: -1 if curve_first or stacked else 1]
    heads = not big and not stacked  # presenter mode: every pixel for the charts
    with left:
        if heads:
            st.subheader("The neuron")
        draw(drawn_neuron.neuron_diagram(f, big, grads), "diagram", grabs=grab.diagram(f, drawn()))
    with right:
        if heads:
            st.subheader("The activation")
        al = explain.compare_alpha(f, other) if other else None
        curve = drawn_neuron.activation_curve(
            f.act, f.alpha, float(f.z), float(f.a), big, compare=other, compare_alpha=al
        )
        # What a screen reader hears after a change, for the controls' values it is for (said only while
        # the sliders still show them); a new count of resets takes the page back to its top.
        after = {k: v for k, v in state.widget_values(s).items() if type(v) in (int, float)} if s else {}
        say = explain.announce(f) if s else ""
        told = element.page(say=say, after=after, top=Kept.count(Kept.RESETS))
        draw(curve, "curve", told=told, grabs=grab.curve(f, drawn()))


def apply_training(trained: state.State) -> None:
    """Move the sliders to the trained weights and bias and start counting again."""
    st.session_state.update(state.widget_values(trained, on_page()))


def take(p: state.Param, k: int | None) -> None:
    """k more steps (or epochs) in the link, up to the most it holds, or none at all (k = None)."""
    st.session_state[p.key] = 0 if k is None else min(int(p.hi), st.session_state[p.key] + k)


def counted(
    place: str, values: dict, what: str, across: int = 1, only: tuple[str, ...] | None = None
) -> dict:
    """Take one, take ten, start again; then the place's controls (or `only` some), its count of steps
    among them."""
    # steps, or epochs: the link replays them
    count = next(p for p in state.shown(place, values, on_page()) if p.typed)
    with st.container(horizontal=True):
        full = st.session_state.get(count.key, values[count.key]) >= count.hi  # the link holds no more
        for label, k in ((f"Take one {what}", 1), (f"Take ten {what}s", 10), ("Start again", None)):
            st.button(
                label, on_click=take, args=(count, k), key=f"{place} {label}", disabled=full and k is not None
            )
    return controls(place, values, across, only)


def said(notes: list[tuple[str, str]]) -> None:
    """Notes as boxes of their kind (info, success, warning), in one container."""
    # One container however many notes: the charts after it keep their place, and so stay mounted.
    with st.container():
        for kind, note in notes:
            getattr(st, kind)(note)


def move_sliders(s: state.State, key: str) -> None:
    """The button that moves the sliders to trained weights, and what will not fit on them."""
    trained, moved = state.clamped(s)
    st.button(
        "Move the sliders to these weights", key=f"move {key}", on_click=apply_training, args=(trained,)
    )
    if moved:
        st.caption(" ".join(moved))


def worked(f) -> None:
    """The calculation written out twice, as the seed prints it and by hand (with the activation's rule),
    then each term's share of z."""
    st.code("\n".join(calculation.trace_lines(f)), language=None, wrap_lines=True)  # a phone wraps them
    st.subheader("By hand")
    st.caption(
        "The weights and the bias as one row, the inputs and a 1 as one column: multiply, add, activate."
    )
    st.latex(rf"{calculation.by_hand(f)} \\[0.4em] {calculation.formula(f)}")
    st.subheader("Each term's share of z")
    draw(drawn_neuron.contributions(f), "terms", HALF)


def served(page: str) -> share.Served:
    """Where students open the app: this page's address, or this computer's on its network where the page
    was opened on its own address and the server listens on the network too."""
    listen = st.get_option("server.address")
    lan = None
    if not listen or listen in ("0.0.0.0", "::"):
        try:
            from streamlit import net_util  # the address `streamlit run` prints as its Network URL

            lan = net_util.get_internal_ip()
        except (ImportError, AttributeError):  # not a public API: where a release moves it, none is known
            lan = None
    return share.served(st.context.url, page, listen, lan)


def qr_screen(student: str, png: bytes | None, said: str, words: str, back: str, on_back: Callable) -> None:
    """The students' QR code alone, for the projector: as large as the window holds, the address, the
    class's words, and a way back."""
    with st.container(key="qrview"):
        code, told = st.columns([3, 2], vertical_alignment="center", gap="large")
        if png is not None:
            code.image(png, alt="QR code of the students' link", output_format="PNG")
        if said != share.SCAN:  # no code, or one of the example's points: say so on the screen itself
            code.warning(said)
        with told:
            with st.container(key="qrwords"):
                st.markdown(text.plain(words))
            with st.container(key="qraddress"):  # a long address breaks after / ? and &, not inside a word
                st.markdown(re.sub(r"([/?&])", "\\1\u200b", text.plain(share.short(student))))
            st.button(back, icon=":material/arrow_back:", on_click=on_back)


LIVE_ENV = "NEURON_LIVE_URL"  # the live classes' database, as a SQLAlchemy address (PostgreSQL for replicas)
LIVE_FILE = Path(tempfile.gettempdir()) / "neuron-playground-live.sqlite3"  # the default: SQLite, no set-up
SQLITE_WAIT = 10.0  # seconds a SQLite writer waits for the lock (its busy timeout)


@st.cache_resource(show_spinner=False)
def live_store() -> Store:
    """The live classes' database: NEURON_LIVE_URL, else [connections.live] in .streamlit/secrets.toml, else a
    SQLite file of this computer's, so that `streamlit run playground.py` needs nothing more."""
    url = os.environ.get(LIVE_ENV)
    if not url:
        try:
            return Store(st.connection("live", type="sql").engine)
        except StreamlitAPIException:  # no connection configured: the file
            url = f"sqlite:///{LIVE_FILE}"
    # SQLite: a writer waits up to 10 s for another's lock (40 students at once), never fails at once
    waits = {"connect_args": {"timeout": SQLITE_WAIT}} if url.startswith("sqlite") else {}
    return Store(st.connection("live", type="sql", url=url, **waits).engine)


class Joined:
    """This browser's student in a live class: what it sends, each write checked and paced by the store."""

    def __init__(self, code: str, student: str) -> None:
        self.code, self.student = code, student

    def step(self, lesson: str, k: int, done: bool = False) -> None:
        """A lesson's step reached, or done."""
        live_store().step(self.code, self.student, lesson, k, done, time.time())

    def check(self, seed: int, z: float, a: float, right: bool, hinted: bool) -> None:
        """A quiz Check: the exercise, the guesses, right or not, whether a hint was shown."""
        live_store().check(self.code, self.student, seed, z, a, right, hinted, time.time())

    def predict(self, lesson: str, k: int, answer: str, right: bool) -> None:
        """A prediction's answer."""
        live_store().predict(self.code, self.student, lesson, k, answer, right, time.time())

    def shown(self) -> bool | None:
        """Whether the teacher shows the room's answers to the class; None once the class has ended."""
        return live_store().shown(self.code, time.time())

    def once(self, what: tuple, send: Callable[[], None]) -> None:
        """Send something once a session (a step reached, a step done), however often the page reruns."""
        sent = st.session_state.setdefault(Kept.SENT, set())
        if (self.code, *what) not in sent:
            sent.add((self.code, *what))
            send()

    def answers(self, seed: int) -> room.Exercise:
        """The class's answers to an exercise, counted."""
        return room.exercise_answers(seed, live_store().checks(self.code).get(seed, []))


def student() -> str | None:
    """This browser's anonymous id (128 random bits its chart element keeps), or None until it is known."""
    got = chart_element(
        key="student", data=element.payload(None, element.page(student=True)), on_student_change=lambda: None
    )
    return got.get("student")


def joined(s: state.State) -> Joined | None:
    """On a student's page of a live class (class=CODE): join it once, and say what is sent. None where
    the link names no class, or one that is not on now (one notice)."""
    code = getattr(s, "class")
    if not code:
        return None
    if live_store().link(code, time.time()) is None:  # the link's reading took only a code's form
        st.warning(f"There is no live class {code} now (it may have ended): nothing is sent.")
        return None
    who = student()
    if who is None or not live.STUDENT.fullmatch(str(who)):  # not yet known (or not a browser's)
        st.caption(f"Joining class {code}…")
        return None
    if st.session_state.get(Kept.JOINED) != (code, who):
        if not live_store().join(code, who, time.time()):
            st.warning(f"Class {code} is full or has ended: nothing is sent.")
            return None
        st.session_state[Kept.JOINED] = (code, who)
    st.caption(
        f"Part of class **{code}**. Sent to the teacher, with no name: that you joined, each lesson step you "
        "reach and finish, each quiz answer you check (right or not, and whether you saw a hint), each "
        "prediction. Nothing else."
    )
    return Joined(code, who)


readable_table_edits()
