"""A live class's dashboard: only its teacher's address (the class's code and key) opens it. The students'
link and its QR code, the room's answers as they come (refreshed every few seconds from the database),
each wrong answer named by its likely cause, a switch that shows the answers to the class, End class."""

import time
from urllib.parse import parse_qs, urlsplit

import streamlit as st

import pages
from neuron_core.figures.room import answers_figure
from neuron_core.link import share, state
from neuron_core.live import room
from neuron_core.words import text

PAGE = "dashboard"
REFRESH = 2.0  # seconds between the dashboard's reads of the room
ACTIVE = 60.0  # a student who sent anything this recently is active


def class_link(where: share.Served, link: str, code: str) -> str:
    """The students' link of a class: its activity's address, with the class's code."""
    return where.root + link + ("&" if "?" in link else "?") + f"class={code}"


def dashboard() -> None:
    """The class's header (its code, its link, its QR code, the switches), then the room, live."""
    reading = pages.started()
    code, key = getattr(reading.state, "class"), reading.state.key
    pages.notices()
    store = pages.live_store()
    now = time.time()
    if not code or not key:
        st.title("Dashboard")
        st.info(
            "A live class's dashboard opens from the address the teacher's page gives when a class starts "
            "(Start a live class, under the links)."
        )
        st.page_link("pages/teach.py", label="The teacher's page", icon=":material/co_present:")
        return
    if st.session_state.get("ended") == code:
        st.title("Dashboard")
        st.success(f"Class {code} has ended: everything it held is deleted, and its link joins nothing now.")
        st.page_link("pages/teach.py", label="The teacher's page", icon=":material/co_present:")
        return
    if not store.teacher(code, key, now):  # the link's reading took only a code's and a key's forms
        st.title("Dashboard")
        st.warning(
            "This address opens no live class: the class has ended, or the address is not its teacher's."
        )
        return
    where = pages.served("dashboard")
    student = class_link(where, store.link(code, now) or "", code)
    png = share.qr_png(student)
    if reading.state.qr:  # the QR code alone, for the projector
        words = f"Class {code}: scan to join"
        pages.qr_screen(
            student, png, share.SCAN, words, "Back to the room", lambda: st.query_params.pop("qr")
        )
        return
    st.title(f"Class {code}")
    with st.container(horizontal=True, vertical_alignment="center"):
        st.toggle(
            "Projector view",
            key="projecting",
            help="Large type for the room; the right answers and the causes not marked (the class talks it "
            "over first); the link and the notes hidden",
        )
        st.segmented_control(
            "Count each student's",
            ("first", "last"),
            format_func={"first": "first answer", "last": "last answer"}.get,
            default="first",
            key="counted",
            help="First: what the room thought before hints and second tries. Last: where it stands now.",
        )
    if st.session_state.get("projecting"):
        the_room(code)
        return
    if where.note:
        (st.info if where.reachable else st.warning)(where.note, icon=":material/wifi:")
    left, right = st.columns([3, 1], gap="large")
    with left:
        st.markdown("**For students** (no name asked: each browser is one anonymous student)")
        st.code(student, language=None, wrap_lines=True)
        with st.container(horizontal=True, vertical_alignment="center"):
            st.button(
                "Project the QR code full screen",
                icon=":material/fullscreen:",
                on_click=lambda: st.query_params.update(qr="true"),
            )
            st.toggle(
                "Show the answers to the class",
                value=store.shown(code, now),
                key="shown",
                on_change=lambda: store.show(code, st.session_state["shown"]),
                help="The count of each answer, never a student's, on every student's page and here",
            )
            with st.popover("End class", icon=":material/stop_circle:"):
                st.markdown(
                    "Ending the class deletes every answer it holds; its link joins nothing any more."
                )
                st.button("End the class now", on_click=ended, args=(code,), type="primary")
        st.caption(
            "Keep this page's address to yourself: it holds the teacher's key (project in full screen, F11, "
            "with no address bar). The class ends by itself 12 hours after it started; End class deletes "
            "everything it holds now."
        )
    if png is not None:
        right.image(png, width=220, alt="QR code of the students' link", output_format="PNG")
    the_room(code)


def ended(code: str) -> None:
    """End the class: its data deleted, the dashboard's address opens nothing any more."""
    pages.live_store().end(code)
    st.session_state["ended"] = code


def said(e: room.Exercise) -> str:
    """The named wrong answers in a sentence: each answer with what it answers, how many, the cause."""
    parts = [f"{w.what} = {w.text} ({w.count} student{'s' * (w.count > 1)}): {w.cause}" for w in e.wrong]
    return f"Wrong answers with a likely cause: {'; '.join(parts)}."


@st.fragment(run_every=REFRESH)
def the_room(code: str) -> None:
    """The room as the database has it now: who joined, each exercise's answers, each lesson step."""
    store = pages.live_store()
    now = time.time()
    link = store.link(code, now)
    if link is None:
        st.info("The class has ended: nothing more is kept.")
        return
    big = bool(st.session_state.get("projecting"))
    first = st.session_state.get("counted", "first") != "last"
    joined, active = store.students(code, now - ACTIVE)
    with st.container(horizontal=True):
        st.metric("students joined", joined, width=220)
        st.metric("sent something in the last minute", active, width=300)
    quiz = state.from_query(parse_qs(urlsplit(link).query), "quiz").state
    for seed, got in sorted(store.checks(code, first).items()):
        e = room.exercise_answers(seed, got)
        k = seed - quiz.seed + 1  # its place in the class's quiz set, where it is one
        name = (
            f"Exercise {k} of {quiz.count}" if quiz.count > 1 and 1 <= k <= quiz.count else f"Exercise {seed}"
        )
        st.subheader(f"{name}: {e.students} answered" if big else f"{name}: {e.right} of {e.students} right")
        left, right = st.columns(2)
        for spot, what, answers in ((left, "z", e.z), (right, "a", e.a)):
            rows = [(w.text, w.count, None if big else w.right, None if big else w.cause) for w in answers]
            with spot:
                pages.draw(answers_figure(what, rows, big, e.students), f"{what} {seed}")
        if e.wrong and not big:
            st.markdown(text.plain(said(e)))
    steps = room.lesson_steps(*store.steps(code), store.predictions(code, first))
    if steps:
        st.subheader("Lessons")
        st.table(
            [{"step": f"{s.k}. {s.title}", "on it now": s.on, "done": s.done} for s in steps],
            border="horizontal",
        )
        for s in steps:
            if s.predictions:
                st.markdown(text.plain(f"Predictions at step {s.k}, {s.title}:"))
                rows = [(w.text, w.count, None if big else w.right, None) for w in s.predictions]
                pages.draw(answers_figure("prediction", rows, big), f"predict {s.lesson} {s.k}")
    if not joined:
        st.caption("No student yet: they join by the link or the QR code above.")


dashboard()
