"""The teacher's page: every link a lesson needs, built from choices and never typed (what students open,
where its neuron starts, which controls they get); the students' and the projector's links, a QR code to
project full screen, a quiz set's worksheet, and a preview of what a student sees."""

import re
import secrets
from urllib.parse import urlsplit

import streamlit as st

import pages
from neuron_core import quiz, teach
from neuron_core.lessons import LESSONS
from neuron_core.link import share, state
from neuron_core.link.params import ACTIVITIES, LESSON_NAMES, PAGES, SET_MAX, WORDS_MAX
from neuron_core.model import data
from neuron_core.words import text

PAGE = "teach"
PHONE = (390, 720)  # px: the preview, a student's phone


def chosen(key: str, value) -> str:
    """A choice's widget key, seeded from the link's value when it is first drawn (the link keeps it)."""
    st.session_state.setdefault(f"teach {key}", value)
    return f"teach {key}"


def served() -> share.Served:
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
    return share.served(st.context.url, PAGE, listen, lan)


def activity_choices(activity: str, view: state.State) -> dict:
    """What the activity itself asks: a data set, a quiz set's size and seed, a lesson and its first step."""
    match activity:
        case "data":
            return {
                "data": st.selectbox(
                    "Points", list(data.NAMES), format_func=data.NAMES.get, key=chosen("data", view.data)
                )
            }
        case "quiz":
            left, right = st.columns(2)
            count = left.number_input("Exercises in the set", 1, SET_MAX, key=chosen("count", view.count))
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
    st.session_state["teach seed"] = secrets.randbelow(quiz.SEED_MAX)


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
        "Only those chosen, large, in the page itself, the rest held where the link has them; none chosen: "
        "every control, in the sidebar."
    )
    return tuple(k for k in names if k in picked)


def teach_page() -> None:
    """The choices on the left, the links and the QR code on the right, the preview below; or the QR code
    alone, full screen, for the projector."""
    reading = pages.started()
    mine = reading.state
    if mine.view:  # a page's view handed over: into this page's own link, as its keys
        del st.query_params["view"]
        for key, value in teach.handed(mine.view):
            st.query_params[key] = value
        mine = mine.replace(view="")
    query = {k: st.query_params.get_all(k) for k in st.query_params}
    seen = {a: state.from_query(query, a) for a in ACTIVITIES}
    where = served()
    if mine.qr:
        activity = mine.activity
        plan = teach.plan(activity, seen[activity].state)
        qr_view(plan, where, mine.words or plan.words())
        return
    st.title("Teach")
    st.markdown(
        "Choose what your students open: the links, the QR code and the preview follow. Nothing to type: "
        "each link opens the view it names for everyone, on any device."
    )
    pages.notices()
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
            )
            or mine.activity
        )
        linked = seen[activity]
        for notice in linked.notices:
            if notice not in reading.notices:
                st.warning(text.plain(notice), icon="⚠️")
        view = linked.state.replace(**activity_choices(activity, linked.state))
        fresh = False
        if teach.plan(activity, view).students() != teach.plan(activity, view, fresh=True).students():
            fresh = (
                st.radio(
                    "The neuron starts from",
                    ("now", "start"),
                    format_func={
                        "now": "the link's values, as they were",
                        "start": "the page's own start",
                    }.get,
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
    keep_in_link(
        activity, plan, mine.replace(activity=activity, start="start" if fresh else "now", words=words)
    )
    with right:
        links(plan, where)
        preview(plan)


def keep_in_link(activity: str, plan: teach.Plan, mine: state.State) -> None:
    """The teacher's choices in this page's own link: a reload, or the link kept for next week, has them."""
    ours = state.to_query(mine, PAGE)
    for p in teach.MINE:
        pages.written(p, ours.get(p))
    view = state.to_query(plan.view, activity)
    for key in (*teach.OWN[activity], *(("controls",) if activity in teach.CHOSEN.pages else ())):
        pages.written(key, view.get(key))


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
    if plan.activity == "quiz":
        sheet = quiz.worksheet(plan.view.seed, plan.view.count)
        st.download_button(
            "Download the worksheet, with its answer key",
            sheet,
            "worksheet.txt",
            on_click="ignore",
            icon=":material/download:",
        )
        with st.expander("The worksheet"):
            st.text(sheet.replace("\f", "\n"))


def preview(plan: teach.Plan) -> None:
    """What a student sees: the students' link itself, on a phone's width, served by this app."""
    st.subheader("What a student sees")
    st.caption("The students' link, live, on a phone's width: try it as they will.")
    here = urlsplit(share.root(st.context.url, PAGE)).path or "/"
    with st.container(border=True, width=PHONE[0] + 34, key="preview"):
        st.iframe(share.address(here, plan.activity, plan.students()), width=PHONE[0], height=PHONE[1])


def qr_view(plan: teach.Plan, where: share.Served, words: str) -> None:
    """The QR code alone, for the projector: as large as the window holds, the address, the class's words."""
    student = share.address(where.root, plan.activity, plan.students())
    png, said = share.qr_for(where.root, plan.view, plan.activity)
    with st.container(key="qrview"):
        code, told = st.columns([3, 2], vertical_alignment="center", gap="large")
        if png is not None:
            code.image(png, alt="QR code of the students' link", output_format="PNG")
        else:
            code.caption(said)
        with told:
            with st.container(key="qrwords"):
                st.markdown(text.plain(words))
            with st.container(key="qraddress"):  # a long address breaks after / ? and &, not inside a word
                st.markdown(re.sub(r"([/?&])", "\\1\u200b", text.plain(share.short(student))))
            st.button(
                "Back to the choices",
                icon=":material/arrow_back:",
                on_click=lambda: st.query_params.pop("qr", None),
            )


teach_page()
