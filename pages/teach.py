"""The teacher's page: every link a lesson needs, built from choices and never typed (what students open,
where its neuron starts, which controls they get); the students' and the projector's links, a QR code to
project full screen, a quiz set's worksheet, and a preview of what a student sees."""

import contextlib
import secrets
import time
from urllib.parse import urlsplit

import streamlit as st
from streamlit.errors import StreamlitAPIException

import pages
from neuron_core import element, quiz, teach
from neuron_core.lessons import LESSONS
from neuron_core.link import share, state
from neuron_core.link.params import ACTIVITIES, LESSON_NAMES, PAGES, SET_MAX, WORDS_MAX
from neuron_core.model import data
from neuron_core.words import text
from pages import Kept

PAGE = "teach"
PHONE = (390, 720)  # px: the preview, a student's phone
SET_START, SET_DRAWN = 5, 10_000  # a quiz set's size to start from; Another set draws a number below this


def chosen(key: str, value) -> str:
    """A choice's widget key, seeded from the link's value when it is first drawn (the link keeps it)."""
    st.session_state.setdefault(f"teach {key}", value)
    return f"teach {key}"


def activity_choices(activity: str, view: state.State, counted: bool = True) -> dict:
    """What the activity itself asks: a data set, a quiz set's size (5 unless the link says) and seed, a
    lesson and its first step."""
    match activity:
        case "data":
            return {
                "data": st.selectbox(
                    "Points", list(data.NAMES), format_func=data.NAMES.get, key=chosen("data", view.data)
                )
            }
        case "quiz":
            left, right = st.columns(2)
            count = left.number_input(
                "Exercises in the set", 1, SET_MAX, key=chosen("count", view.count if counted else SET_START)
            )
            seed = right.number_input(
                "Set number",
                0,
                quiz.SEED_MAX - 1,
                key=chosen("seed", view.seed),
                help="Everyone who opens the link gets the same exercises: the set number makes them.",
            )
            st.button("Another set", icon=":material/casino:", on_click=another_set)
            return {"count": int(count), "seed": int(seed)}
        case "lessons":
            names = [n for n in LESSON_NAMES if n in LESSONS]
            lesson = st.selectbox(
                "Lesson",
                names,
                format_func=lambda n: LESSONS[n].title,
                key=chosen("lesson", view.lesson if view.lesson in names else names[0]),
            )
            steps = LESSONS[lesson].steps
            k = st.selectbox(
                "Starting at step",
                range(1, len(steps) + 1),
                format_func=lambda j: f"{j}. {steps[j - 1].title}",
                key=chosen(f"step {lesson}", min(view.step, len(steps))),
            )
            return {"lesson": lesson, "step": k}
    return {}


def another_set() -> None:
    """A new quiz set: another seed, drawn at random."""
    st.session_state["teach seed"] = 1 + secrets.randbelow(SET_DRAWN - 1)  # short enough to say aloud


def controls_chosen(activity: str, view: state.State) -> tuple[str, ...]:
    """Which controls students get, group by group (none: every control, in the sidebar)."""
    groups = teach.choosable(activity, view)
    names = dict(teach.labels(activity, view))
    st.markdown("**Which controls students get**")
    picked = []
    for g, options in groups.items():
        keys = [k for k, _ in options]
        picked += st.pills(
            teach.GROUPS[g],
            keys,
            selection_mode="multi",
            format_func=names.get,
            key=chosen(f"ctl {activity} {g}", [k for k in keys if k in view.controls]),
            wrap=True,
        )
    st.caption(
        "Students get only the controls chosen here, large, in the page; everything else stays as above. "
        "None chosen: every control, in the sidebar."
    )
    return tuple(k for k in names if k in picked)


def teach_page() -> None:
    """The choices on the left, the links, the QR code and the preview on the right; or the QR code alone,
    full screen, for the projector."""
    reading = pages.started()
    # no sidebar here: one left open over the page (a phone, after a link tapped in it) closes
    pages.chart_element(key="teach told", data=element.payload(None, element.page(close=True)))
    mine = reading.state
    last = st.session_state.pop(Kept.SEEN, None)  # the view of the page this one was opened from
    if not mine.view and last and not st.query_params:  # opened bare, from the bar at the top: that view
        mine = mine.replace(**last)
    # The activity's view: the link's `view` (a page's handed over, or this page's own), over any of its keys
    # written in the link itself (a link typed by hand, /teach?b=-3).
    query = teach.view_query({k: st.query_params.get_all(k) for k in st.query_params}, mine.view)
    seen = {a: state.from_query(query, a) for a in ACTIVITIES}
    where = pages.served(PAGE)
    if mine.qr:
        linked = seen[mine.activity]
        told(reading, linked)
        plan = teach.plan(mine.activity, linked.state, mine.start == "start")
        keep_in_link(mine.activity, linked.state, mine)
        qr_view(plan, where, mine.words or plan.words())
        return
    st.title("Teach")
    st.markdown(
        "Choose what your students open: the links, the QR code and the preview follow. Nothing to type: "
        "each link opens the view it names for everyone, on any device."
    )
    if where.note:
        (st.info if where.reachable else st.warning)(where.note, icon=":material/wifi:")
    left, right = st.columns([5, 4], gap="large")
    with left:
        activity = (
            st.segmented_control(
                "Students open",
                ACTIVITIES,
                format_func=lambda a: PAGES[a].title,
                key=chosen("activity", mine.activity),
                required=True,
                on_change=lambda: st.session_state.update({"teach start": "start"}),  # another page's start
            )
            or mine.activity
        )
        linked = seen[activity]
        told(reading, linked)
        view = linked.state.replace(**activity_choices(activity, linked.state, "count" in query))
        fresh = False
        if teach.plan(activity, view).students() != teach.plan(activity, view, fresh=True).students():
            fresh = (
                st.radio(
                    "The neuron starts from",
                    ("now", "start"),
                    format_func={"now": "the view you came from", "start": "the page's own start"}.get,
                    captions=[teach.summary(view, activity), teach.summary(state.start(activity), activity)],
                    key=chosen("start", mine.start),
                )
                == "start"
            )
        ctl = controls_chosen(activity, view) if activity in teach.CHOSEN.pages else None
        plan = teach.plan(activity, view, fresh, ctl)
        words = st.text_input(
            "Words for the class, under the QR code",
            max_chars=WORDS_MAX,
            placeholder=plan.words(),
            key=chosen("words", mine.words),
        )
    ours = mine.replace(activity=activity, start="start" if fresh else "now", words=words)
    keep_in_link(activity, view.replace(controls=ctl) if ctl is not None else view, ours)
    with right:
        links(plan, where)
        start_class(plan)
        preview(plan)


def told(reading: state.Reading, linked: state.Reading) -> None:
    """What the link had that was ignored, for this page and for the activity's: each notice once, as text."""
    for notice in dict.fromkeys([*reading.notices, *linked.notices]):
        st.warning(text.plain(notice), icon="⚠️")


def keep_in_link(activity: str, view: state.State, mine: state.State) -> None:
    """The teacher's choices in this page's own link, and the activity's view in one value (`view`) as its
    page writes it (what it ignored left out): a reload, or the link kept for next week, has them.

    The view keeps its own keys apart from this page's: a page's controls stay bound to their keys (b) for
    a run after a page switch, and this page may not write them."""
    ours = state.to_query(mine.replace(view=teach.view_text(view, activity)), PAGE)
    for key in teach.MINE:
        pages.written(key, ours.get(key))
    for key in st.query_params.keys() - set(teach.MINE):  # a view's keys written in the link by hand
        with contextlib.suppress(StreamlitAPIException):  # bound to a control this run: it leaves by itself
            del st.query_params[key]


def links(plan: teach.Plan, where: share.Served) -> None:
    """The students' link and the projector's, each with a copy button; the QR code; the worksheet."""
    student = share.address(where.root, plan.activity, plan.students())
    st.markdown("**For students**")
    st.code(student, language=None, wrap_lines=True)
    if (projected := plan.projector()) is not None:
        st.markdown("**For the projector** (presenter mode: large charts, the sidebar closed)")
        st.code(share.address(where.root, plan.activity, projected), language=None, wrap_lines=True)
    else:
        st.caption("The quiz has no presenter mode: project the students' link.")
    png, said = share.qr_for(where.root, plan.view, plan.activity)
    if png is not None:
        st.image(png, caption=said, width=280, alt="QR code of the students' link above", output_format="PNG")
        st.button(
            "Project the QR code full screen",
            icon=":material/fullscreen:",
            type="primary",
            on_click=lambda: st.query_params.update(qr="true"),
        )
    else:
        st.caption(said)
    if plan.activity == "quiz":  # the exercises and the answer key apart: a printer ignores a page break
        sheet, key = quiz.worksheet(plan.view.seed, plan.view.count).split("\f")
        with st.container(horizontal=True):
            st.download_button(
                "The worksheet", sheet, "worksheet.txt", on_click="ignore", icon=":material/download:"
            )
            st.download_button(
                "Its answer key", key, "answer-key.txt", on_click="ignore", icon=":material/key:"
            )
        with st.expander("The worksheet"):
            st.text(sheet)


def start_class(plan: teach.Plan) -> None:
    """A live class on this link: its dashboard, which only this teacher's address opens, shows the room's
    answers as they come."""
    st.markdown("**A live class**")
    st.caption(
        "Students join by the link, with no name: their answers come to your dashboard as they give them, "
        "each wrong one named by its likely cause."
    )
    if st.button("Start a live class with this link", icon=":material/groups:"):
        started = pages.live_store().start(share.address("", plan.activity, plan.students()), time.time())
        st.switch_page("pages/dashboard.py", query_params={"class": started.code, "key": started.key})


def preview(plan: teach.Plan) -> None:
    """What a student sees: the students' link itself, on a phone's width, served by this app."""
    st.subheader("What a student sees")
    st.caption("The students' link, live, on a phone's width: try it as they will.")
    here = urlsplit(share.root(st.context.url, PAGE)).path or "/"
    with st.container(border=True, width=PHONE[0] + 34, key="preview"):
        st.iframe(share.address(here, plan.activity, plan.students()), width=PHONE[0], height=PHONE[1])


def qr_view(plan: teach.Plan, where: share.Served, words: str) -> None:
    """The QR code alone, for the projector: as large as the window holds, the address, the class's words."""
    png, said = share.qr_for(where.root, plan.view, plan.activity)
    student = share.address(where.root, plan.activity, plan.students())
    pages.qr_screen(student, png, said, words, "Back to the choices", lambda: st.query_params.pop("qr", None))


teach_page()
