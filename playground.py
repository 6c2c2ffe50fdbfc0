"""Neuron Playground: one artificial neuron, made visible. Run with `streamlit run playground.py`."""

import time
from collections.abc import Callable
from contextlib import nullcontext
from pathlib import Path
from typing import Any

import streamlit as st

from neuron_core import element, forward, gradients, quiz
from neuron_core.export import script, state_json
from neuron_core.figures import explore, neuron, style, training
from neuron_core.link import share, state
from neuron_core.link.params import MARKS
from neuron_core.model import batch, data
from neuron_core.model.activations import ACTIVATIONS
from neuron_core.model.training import train
from neuron_core.numbers import eq, first, fmt, sub
from neuron_core.pace import Pace
from neuron_core.words import calculation, explain, on_data, on_example, text


class Kept:
    """Every key the page keeps in session_state beside its controls' own (each is its parameter's key)."""

    PACE = "pace"  # this session's fair share of the server (neuron_core.pace)
    RESETS = "resets"  # how many times Reset was pressed: the page goes back to its top, the table afresh
    TABLES = "tables"  # how many table edits were not given to the editor: each starts it afresh
    CHECKS, TRIES_Z, TRIES_A, SHOWN = "checks", "tries z", "tries a", "shown"  # each exercise's, by seed

    @staticmethod
    def count(key: str) -> int:
        """A counter's value: 0 until it is first counted."""
        return st.session_state.get(key, 0)

    @staticmethod
    def add(key: str, k: int = 1) -> None:
        """Count k more on a counter."""
        st.session_state[key] = st.session_state.get(key, 0) + k

    @staticmethod
    def exercise(what: str, seed: int) -> str:
        """An exercise's own counter (checks, tries z, tries a) or flag (shown): the next starts afresh."""
        return f"{what} {seed}"


def paced() -> None:
    """Wait this session's turn when it asks for more runs than its share (neuron_core.pace)."""
    wait = st.session_state.setdefault(Kept.PACE, Pace()).wait(time.monotonic())
    if wait:
        time.sleep(wait)


paced()
# Before any control seeds itself from the link, note which of the link's values will be ignored.
link = state.from_query({k: st.query_params.get_all(k) for k in st.query_params})
# A teacher's link that names its controls puts them in the page: the sidebar starts closed.
st.set_page_config(
    page_title="Neuron Playground",
    page_icon="🧠",
    layout="wide",
    initial_sidebar_state="collapsed" if link.state.controls else "auto",
)
ROOM = Path(__file__).with_name("static") / "room.css"  # the one stylesheet: constant, reviewed
st.html(ROOM)


def reset_to_seed() -> None:
    """Put every control back to the worked example x = (2, 1, 3), w = (1, -1, 1), b = -5."""
    st.session_state.update(state.widget_values(state.State()))
    Kept.add(Kept.RESETS)  # the page goes back to its top


def control(p: state.Param) -> Any:
    """One control, drawn as its kind says from its line in state.PARAMS and bound to its key in the link."""
    hooks = {"on_change": restart, "args": (p,)} if p.restarts else {}  # a change restarts other keys
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


def restart(p: state.Param) -> None:
    """A control changed on the page: the keys it restarts go back to their defaults (a new data set
    starts at epoch 0)."""
    for q in state.PARAMS:
        if q.key in p.restarts:
            st.session_state[q.key] = q.default


def linked(p: state.Param, draw: Callable[[], Any]) -> Any:
    """A control that follows the link itself: seeded from the core's reading of it, written back to it."""
    st.session_state.setdefault(p.key, getattr(link.state, p.key))
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


readable_table_edits()


def own_points(p: state.Param) -> tuple:
    """The learner's points in a table to edit (rows can be added and deleted), kept in the link."""
    base = st.session_state.setdefault(p.key, getattr(link.state, p.key))  # Reset puts the example back
    st.caption(on_data.TABLE_HELP)

    def editor() -> str:  # a new key, so an empty editor, after a Reset and after an edit not given it
        return f"{p.key} {Kept.count(Kept.RESETS) + Kept.count(Kept.TABLES)}"

    key = editor()
    # An edit the editor would spend seconds on or fail at (data.edited) is not given to it: the table
    # starts afresh on the points it leaves, with one notice.
    read = data.edited(base, st.session_state.get(key))
    if read is not None:
        base, notice = read
        st.session_state[p.key] = base
        Kept.add(Kept.TABLES)
        key = editor()
        st.caption(text.plain(notice))
    cols = {
        c: st.column_config.NumberColumn(label, min_value=lo, max_value=hi, step=step)
        for c, (label, lo, hi, step) in data.COLUMNS.items()
    }
    rows = st.data_editor(
        [dict(zip(cols, r, strict=True)) for r in base], num_rows="dynamic", column_config=cols, key=key
    )
    pts, said = data.from_rows([[r.get(c) for c in cols] for r in rows])
    if said:
        st.caption(text.plain(f"Left out: {first(said)}."))
    written(p.key, None if pts == p.default else data.points_text(pts))
    return pts


def controls(place: str, values: dict, across: int = 1) -> dict:
    """Draw one place's controls (sidebar, body, training…) in `across` columns; return the values so far."""
    values = dict(values)
    spots = st.columns(across) if across > 1 else [st.container()]
    for k, p in enumerate(state.shown(place, values)):
        with spots[k % len(spots)]:
            values[p.key] = control(p)
    return values


WIDE, HALF = 820, 560  # px: the width of a chart alone on its row; Streamlit narrows it on a phone

# Every chart goes through this one element: with a fixed key it stays mounted across reruns and the
# browser updates it in place with Plotly.react (st.plotly_chart remounts a chart whose figure changed).
chart_element = st.components.v2.component("neuron_chart", js=element.loader(), isolate_styles=False)


def draw(
    chart: style.Chart, key: str, width: int | str = "stretch", told: element.Page | None = None
) -> None:
    """Show a chart in the chart element under `key`, with the page-wide message `told` where there is one."""
    chart_element(key=key, data=element.payload(chart, told), width=width)


def charts(f, big: bool = False, grads=None, other=None, curve_first: bool = False, s=None) -> None:
    """The neuron diagram beside the activation curve with the current point (and a second, compared)."""
    # curve_first: the curve on the left, under the controls on a phone; `s` lets it say what changed.
    left, right = st.columns(2)[:: -1 if curve_first else 1]
    with left:
        if not big:  # presenter mode: every pixel for the charts
            st.subheader("The neuron")
        draw(neuron.neuron_diagram(f, big, grads), "diagram")
    with right:
        if not big:
            st.subheader("The activation")
        al = explain.compare_alpha(f, other) if other else None
        curve = neuron.activation_curve(
            f.act, f.alpha, float(f.z), float(f.a), big, compare=other, compare_alpha=al
        )
        # What a screen reader hears after a change, for the controls' values it is for (said only while
        # the sliders still show them); a new count of resets takes the page back to its top.
        after = {k: v for k, v in state.widget_values(s).items() if type(v) in (int, float)} if s else {}
        say = explain.announce(f) if s else ""
        draw(curve, "curve", told=element.page(say=say, after=after, top=Kept.count(Kept.RESETS)))


def landscape_view(f, i: int, j: int) -> None:
    """a over every pair of values of two inputs, the others held where the sliders are."""
    st.subheader(f"The landscape: a over x{sub(i)} and x{sub(j)}")
    if f.n < 2 or i == j:
        st.info("The landscape needs two different inputs: set n to 2 or more and choose i and j apart.")
        return
    st.caption(explain.landscape_caption(f, i - 1, j - 1))
    draw(explore.landscape_figure(f, i - 1, j - 1), "landscape", WIDE)


def apply_training(trained: state.State) -> None:
    """Move the sliders to the trained weights and bias and start counting again."""
    st.session_state.update(state.widget_values(trained))


def take(p: state.Param, k: int | None) -> None:
    """k more steps (or epochs) in the link, up to the most it holds, or none at all (k = None)."""
    st.session_state[p.key] = 0 if k is None else min(int(p.hi), st.session_state[p.key] + k)


def counted(place: str, values: dict, what: str, across: int = 1) -> dict:
    """Take one, take ten, start again; then the place's controls, its count of steps among them."""
    count = next(p for p in state.shown(place, values) if p.typed)  # steps, or epochs: the link replays them
    with st.container(horizontal=True):
        full = st.session_state.get(count.key, values[count.key]) >= count.hi  # the link holds no more
        for label, k in ((f"Take one {what}", 1), (f"Take ten {what}s", 10), ("Start again", None)):
            st.button(
                label, on_click=take, args=(count, k), key=f"{place} {label}", disabled=full and k is not None
            )
    return controls(place, values, across)


def said(notes: list[tuple[str, str]]) -> None:
    """Notes as boxes of their kind (info, success, warning), in one container."""
    # One container however many notes: the charts after it keep their place, and so stay mounted.
    with st.container():
        for kind, text in notes:
            getattr(st, kind)(text)


def training_view(f, s: state.State) -> None:
    """Gradient descent on (a - y)² from the sliders' weights; the step count in the link replays it."""
    y, steps = s.y, s.steps
    t = train(f, y, s.lr, steps)
    now = forward(f.x, t.w[-1], t.b[-1], f.act.name, f.alpha)
    said(on_example.notes(now, t, y, steps))
    st.markdown(on_example.summary(t))
    draw(training.training_figure(t), "training", WIDE)
    if not t.reached:
        st.caption("The next step, by the chain rule: the loss, its slope in z, and each weight's update.")
        st.latex(calculation.step_latex(now, y, s.lr, t.is_exact("w"), t.exact_now()))
    move_sliders(s.replace(w=tuple(t.w[-1].tolist()), b=float(t.b[-1]), steps=0), "to one example")


def move_sliders(s: state.State, key: str) -> None:
    """The button that moves the sliders to trained weights, and what will not fit on them."""
    trained, moved = state.clamped(s)
    st.button(
        "Move the sliders to these weights", key=f"move {key}", on_click=apply_training, args=(trained,)
    )
    if moved:
        st.caption(" ".join(moved))


def data_view(s: state.State) -> None:
    """The neuron on points (x1, x2) labelled 0 or 1: its boundary, and training on all of them at once."""
    pts = data.points(s.data, s.points)
    if not pts:
        st.info("The table has no points yet: add a row, with x₁, x₂ and a label y of 0 or 1.")
        return
    d = data.make(pts)
    run = batch.fit(d, s.w, s.b, s.act, s.act_alpha, s.rule, s.eta, s.epochs + batch.PLAY_EPOCHS)
    k = min(s.epochs, run.epochs)  # fewer when training had to stop
    st.caption(f"{on_data.rule_text(run.act, run.alpha)} {on_data.loss_text(run.act, d.m)}")
    said_k = f"**Epoch {k}: {on_data.said(run, k)}.** The line it reached: {on_data.line(run, k)}."
    st.markdown(f"{said_k} {on_data.sides(run, d, k)}")
    said(on_data.notes(pts, s.data, run, k, s.epochs, s.act))
    left, right = st.columns([3, 2])
    with left:
        draw(training.data_figure(d, pts, run, k), "points_chart")
    with right:
        draw(training.epochs_figure(run, k), "epochs_chart")
    st.caption(on_data.play_text(run, k))
    move_sliders(s.replace(w=tuple(run.w[k].tolist()), b=float(run.b[k]), epochs=0), "to the data")


def worked(f) -> None:
    """The calculation written out: the seed's lines, the formula, the by-hand layout and the terms."""
    st.code("\n".join(calculation.trace_lines(f)), language=None, wrap_lines=True)  # a phone wraps them
    st.latex(calculation.latex(f))
    st.subheader("By hand")
    st.caption(
        "The weights and the bias as one row, the inputs and a 1 as one column: multiply, add, activate."
    )
    st.latex(calculation.by_hand(f))
    st.subheader("Each term's share of z")
    draw(neuron.contributions(f), "terms", HALF)


def playground() -> None:
    """The playground: every control read in one pass, in page order, then each view drawn in its place
    from the run's one State (a view drawn above its section's controls has a container kept for it)."""
    with st.sidebar:
        st.button("↺ Reset to the worked example", on_click=reset_to_seed, width="stretch")
        sharing = st.container()
        values = controls("sidebar", link.state.flat())
        side_end = st.container()
    head = st.container()  # the title, written once every control is read (a container: one message, always)
    fixed = None
    if link.state.controls:  # a teacher's link: its controls in the page (the key names it for the
        with st.container(key="chosen"):  # stylesheet: larger, for the room), what it fixes under them
            values = controls("body", values, across=min(3, len(list(state.shown("body", values)))))
        fixed = st.container()
    top = st.container()
    sections = state.State(**values)  # which sections the page has (a teacher may have chosen train)
    data_rest = middle = None
    if sections.data != "none":
        st.subheader(f"The neuron meets data: {data.NAMES[sections.data]}")
        values = controls("table", counted("batch", values, "epoch", across=3))
        data_rest = st.container()
    # the sweep and the landscape keep one place whether or not training follows (a chart that moves
    # to another container is drawn anew)
    if not sections.present and (sections.sweep != "none" or sections.land):
        middle = st.container()
    training = sections.train and not sections.present
    if training:
        st.subheader(f"Training on this one example, towards y = {fmt(sections.y)}")
        values = counted("training", values, "step")
    s = state.State(**values)  # the run's one State: every view below is handed it
    if s.controls:  # the whole playground is a click away
        side_end.link_button("Open the whole playground", share.link(None, s.replace(controls=())))
        fixed.caption(share.fixed(s))
    # The links and the QR code are made when asked for, not on every move of every student.
    if sharing.button("Share this view", icon=":material/share:", width="stretch", key="share"):
        share_view(s)
    for key in state.stale(s, st.query_params):  # a view switched off takes its values out of the link
        st.query_params.pop(key, None)
    with top:
        f, g = top_view(s, head)
    if data_rest is not None:
        with data_rest:
            data_view(s)
    if s.present:  # the charts first on a projector; the gradients, if asked for, under them
        if g is not None:
            gradient_view(f, g)
        return
    with middle or nullcontext():  # above the training section's controls, where there is one
        if s.sweep != "none":
            st.subheader(f"Sweep: {s.sweep} from -10 to 10")
            st.caption(
                "Press ▶ Play: the point travels along the curve as the parameter runs, the others held."
            )
            draw(explore.sweep_figure(f, s.sweep), "sweep_chart", WIDE)
        if s.land:
            landscape_view(f, s.i, s.j)
    if training:
        training_view(f, s)
    worked(f)
    with st.container(horizontal=True):
        st.download_button(
            "Download as a Python script", lambda: script(f), "neuron.py", key="script", on_click="ignore"
        )
        st.download_button(
            "Download the state as JSON", lambda: state_json(f), "neuron.json", key="json", on_click="ignore"
        )


def top_view(s: state.State, head) -> tuple:
    """The title (in `head`), result, meaning, gradients and charts; returns f and g (None unless shown)."""
    f = forward(s.x, s.w, s.b, s.act, s.act_alpha)
    other = ACTIVATIONS.get(s.compare)  # a second activation drawn dashed on the same axes
    z, a = fmt(f.z), calculation.a_text(f)
    # A projector, or a student's phone on a teacher's link: the result first, nothing else.
    compact = s.present or bool(s.controls)
    head.title(f"z = {z}   →   a {eq(a)}" if compact else "Neuron Playground")
    if not compact:
        st.markdown(
            "A neuron multiplies each input $x_i$ by its weight $w_i$, adds the bias $b$ to get "
            "$z = w \\cdot x + b$, and passes $z$ through an activation to give its output $a$. "
            "**Try it:** move $b$ up until $a$ stops being 0, flip the sign of a weight, "
            "or switch the activation and watch the point move along the curve. "
            "The sliders are in the sidebar (on a phone, tap » at the top left)."
        )
    for notice in link.notices:  # a notice may quote the link: shown as text, never as markdown
        st.warning(text.plain(notice), icon="⚠️")
    if not compact:
        with st.container(horizontal=True):
            st.metric("pre-activation z = w·x + b", z, width=280)
            st.metric(f"output a = {f.act.label}(z)", a, width=280)
    st.markdown(f"**{explain.explain(f)}**" + (f" {explain.compared(f, other)}" if other else ""))
    g = gradients(f) if s.grad else None
    if g is not None and not s.present:
        gradient_view(f, g)
    charts(f, s.present, g, other, curve_first=bool(s.controls), s=s)
    return f, g


def gradient_view(f, g) -> None:
    """The gradients of a as numbers, and what they say in words."""
    st.subheader("Gradients: which way should each weight move?")
    st.latex(calculation.gradient_latex(g))
    (st.warning if g.dead else st.info)(explain.explain_gradients(f, g))


@st.dialog("Share this view", width="large")
def share_view(s: state.State) -> None:
    """Two links to this view, each one click to copy, and a QR code of the students' to scan in class."""
    student, teacher = share.links(st.context.url, s)
    for who, url in (
        ("students (add controls=b,act to show only those controls)", student),
        ("the projector (presenter mode)", teacher),
    ):
        st.caption(f"For {who}; the button at the right copies it:")
        st.code(url, language=None, wrap_lines=True)
    png, said = share.qr_for(st.context.url, s)
    if png is None:
        st.caption(said)
    else:
        st.image(png, caption=said, width=360, alt="QR code of the students' link above", output_format="PNG")


def next_exercise(s: state.State) -> None:
    """The next exercise of the set, or of the seeds when there is no set."""
    # after the last seed comes the first, 0: a seed the link can hold
    nxt = s.replace(q=s.q + 1) if s.count > 1 else s.replace(seed=(s.seed + 1) % quiz.SEED_MAX)
    st.query_params.update(state.to_query(nxt))


def scroll(to: str, count: int, key: str) -> None:
    """Scroll the page when `count` changes: to its top ("top"), or so that what is above is seen ("here")."""
    chart_element(key=key, data=element.payload(None, element.page(scroll=to, count=count)))


def quiz_page(s: state.State) -> None:
    """An exercise from the seed alone: a hint for a wrong answer, the solution once right or on request.

    A set ends with a score that the link keeps (got), so a reload or another server counts every answer.
    """
    q = min(s.q, s.count)
    seed = s.seed + q - 1
    f = quiz.solve(quiz.exercise(seed))
    scroll("top", seed, "quiz top")  # Next: the new exercise from its top
    with st.sidebar:
        st.link_button("← Back to the playground", "?", width="stretch")
    st.title(f"Quiz: exercise {seed}" if s.count == 1 else f"Quiz: exercise {q} of {s.count}")
    for notice in link.notices:  # a notice may quote the link: shown as text, never as markdown
        st.warning(text.plain(notice), icon="⚠️")
    st.markdown(
        f"Work out $z = w \\cdot x + b$ and then $a = \\text{{{f.act.label}}}(z)$ (its rule is below), on "
        "paper if you like, then enter both and check. Everyone who opens this link gets the same numbers."
    )
    st.latex(calculation.by_hand(f, reveal=False))
    st.latex(calculation.formula(f))
    if table := quiz.table(f):
        st.caption(
            f"{f.act.label}(z) at whole numbers, to read off: " + ",  ".join(f"{k} → {v}" for k, v in table)
        )
    got = (s.got + "-" * q)[: max(len(s.got), q)] if s.count > 1 else ""
    # This exercise's own counters, each kept apart: the next exercise starts afresh.
    tries_z, tries_a, shown, checks = (
        Kept.exercise(k, seed) for k in (Kept.TRIES_Z, Kept.TRIES_A, Kept.SHOWN, Kept.CHECKS)
    )
    with st.form(f"guess {seed}"):
        gz = st.number_input("your z", value=None, step=1.0, format="%g", key=f"z {seed}")
        ga = st.number_input("your a", value=None, step=0.1, format="%g", key=f"a {seed}")
        checked = st.form_submit_button("Check") and gz is not None and ga is not None
        if not checked and (gz is None or ga is None):
            st.caption("Enter both z and a, then check.")
    m = quiz.mark(f, gz, ga) if gz is not None and ga is not None else None
    if checked:
        Kept.add(checks)
        counter = tries_a if m.z else tries_z
        Kept.add(counter, not m.both)
    if m is not None and st.session_state.get(checks):
        # One box, right under Check, so that a phone shows it where the student is looking.
        tries = Kept.count(tries_z), Kept.count(tries_a)
        hinted = not st.session_state.get(shown)  # once the solution is on the page, no more hints
        (st.success if m.both else st.error)(quiz.feedback(f, m, gz, ga, *tries, hinted=hinted))
    answered = (m is not None and m.both and bool(st.session_state.get(checks))) or st.session_state.get(
        shown
    )
    if s.count > 1 and answered and got[q - 1] == "-":  # the first outcome counts, kept in the link
        got = got[: q - 1] + ("0" if st.session_state.get(shown) else "1") + got[q:]
        st.query_params[MARKS.key] = got
    if s.count > 1 and got[q - 1] != "-" and not answered:
        answered = True  # answered before a reload: the link remembers
        st.info(f"Exercise {q} was answered before: {'right' if got[q - 1] == '1' else 'solution shown'}.")
    if answered and s.count > 1 and q == s.count:
        st.success(quiz.score(got, s.count))
    scroll("here", Kept.count(checks), f"quiz feedback {seed}")
    if not answered:
        st.button("Show the solution", on_click=lambda: st.session_state.update({shown: True}))
    else:
        if q < s.count or s.count == 1:
            nxt = s.replace(q=q, got=got)
            st.button("Next exercise →", on_click=next_exercise, args=(nxt,), type="primary")
        st.subheader("The worked solution")
        st.markdown(f"**{explain.explain(f)}**")
        worked(f)
        charts(f)
    if s.count > 1:  # for the teacher: the whole set on paper, below the exercise
        sheet = quiz.worksheet(s.seed, s.count)
        st.download_button(
            "Download this set as a worksheet, with its answer key", sheet, "worksheet.txt", on_click="ignore"
        )


if link.state.mode == "quiz":
    quiz_page(link.state)
else:
    playground()
