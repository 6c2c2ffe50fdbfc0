"""The teacher's page in AppTest: for every activity and generated choices of controls, the students' link
it builds opens the view it names, with only those controls and the values it holds; the projector's link
is the same view in presenter mode; every link reads back as the plan it was built from."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from neuron_core import quiz, teach
from neuron_core.lessons import LESSONS
from neuron_core.link import state
from neuron_core.link.params import PAGES
from neuron_core.model import data
from tests.paths import opened
from tests.shown import unescaped

WIDGETS = ("slider", "selectbox", "toggle", "number_input", "pills")
# The teacher's link that opens the page: a neuron other than the page's start, a view on.
LINKED = {
    "neuron": {"b": "-3", "act": "tanh", "w2": "2", "grad": "true"},
    "data": {"data": "and", "w1": "2", "b": "-1", "act": "step", "rule": "perceptron"},
}


def teach_at(query: dict):
    at = opened(query, page="teach")
    assert not at.exception and not at.error
    return at


def query_of(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query, keep_blank_values=True)


def links(at) -> list[str]:
    """The links the page shows (students' first, then the projector's)."""
    return [c.value for c in at.code]


def controls_in(block) -> dict[str, object]:
    """Every control drawn in a block (the page's main body, or its sidebar), by key, with its value."""
    return {w.key: w.value for kind in WIDGETS for w in getattr(block, kind) if w.key}


def expected(chosen: tuple[str, ...], view: state.State, page: str) -> set[str]:
    """The keys the students' page must show for these chosen controls: x and w as every input's, the
    views as their one control."""
    values, keys = view.flat(), set()
    for key in chosen:
        p = next(p for p in state.on(page) if p.key == key.rstrip("0123456789") or p.key == key)
        if p.per_input and key == p.key:
            keys |= {c.key for c in p.each(values)}
        elif p.view:
            keys.add("views")
        elif p.when(values):
            keys.add(key)
    return keys


def choose(at, activity: str, chosen: tuple[str, ...]):
    """Pick the chosen controls on the page's pills, group by group, and run it."""
    view = state.from_query({k: [v] for k, v in LINKED[activity].items()}, activity).state
    for g, options in teach.choosable(activity, view).items():
        mine = [k for k, _ in options if k in chosen]
        at.pills(key=f"teach ctl {activity} {g}").set_value(mine)
    return at.run()


@pytest.mark.parametrize("activity", ["neuron", "data"])
@settings(max_examples=6, deadline=None)
@given(data=st.data())
def test_the_students_link_opens_the_view_with_only_the_chosen_controls_and_its_values(activity, data):
    linked = LINKED[activity]
    view = state.from_query({k: [v] for k, v in linked.items()}, activity).state
    keys = [k for k, _ in teach.labels(activity, view)]
    chosen = tuple(data.draw(st.lists(st.sampled_from(keys), unique=True, max_size=4), label="chosen"))
    at = choose(
        teach_at({"activity": activity, **linked} if activity != "neuron" else linked), activity, chosen
    )
    student, projector = links(at)
    chosen = tuple(k for k in keys if k in chosen)  # in the sidebar's order, as the link writes them
    # The link reads back as the teacher's view with those controls, and writes itself again.
    planned = view.replace(controls=chosen)
    assert state.from_query(query_of(student), activity) == state.Reading(planned, [])
    assert urlsplit(student).path == f"/{PAGES[activity].path}"
    assert state.to_query(planned, activity) == {k: v[-1] for k, v in query_of(student).items()}
    # Opened, it shows only those controls (in the page itself), at the values it holds.
    page = opened({k: v[-1] for k, v in query_of(student).items()}, page=activity)
    assert not page.exception and not page.error
    assert not [w for w in page.warning if w.value.startswith(("Ignored", "Read"))]  # no notice
    shown = controls_in(page.main)
    if chosen:
        assert set(shown) == expected(chosen, planned, activity)
        assert controls_in(page.sidebar) == {}
    else:  # none chosen: every control, the neuron's in the sidebar
        shown = controls_in(page.sidebar)
        assert {"b", "act", "w1", "w2"} <= set(shown)
    values = planned.flat()
    for key, v in shown.items():
        if key in values:
            assert v == values[key], key
    # The projector's link: the same view, in presenter mode.
    assert state.from_query(query_of(projector), activity).state == planned.replace(present=True)


def test_the_neuron_starts_from_the_link_or_from_the_page_s_own_start():
    at = teach_at(LINKED["neuron"])
    assert links(at)[0] == "/?w2=2&b=-3&act=tanh&grad=true"
    (start,) = at.radio
    assert start.options == ["the view you came from", "the page's own start"]
    assert start.value == "now"
    assert list(start.proto.captions) == [
        "x = (2, 1, 3), w = (1, 2, 1), b = -3, tanh; Gradients",
        "x = (2, 1, 3), w = (1, -1, 1), b = -5, ReLU",
    ]
    start.set_value("start").run()
    assert links(at)[0] == "/"  # the worked example: every value at its default
    assert at.query_params["start"] == "start"  # in the page's own link, the view kept as it was
    assert at.query_params["view"] == "w2=2&b=-3&act=tanh&grad=true"
    assert not teach_at({}).radio  # opened without a view: nothing to choose between


@pytest.mark.parametrize("name", list(data.NAMES))
def test_each_data_set_is_chosen_by_name_and_its_link_opens_it(name):
    at = teach_at({"activity": "data"})
    at.selectbox(key="teach data").set_value(name).run()
    student = links(at)[0]
    page = opened({k: v[-1] for k, v in query_of(student).items()}, page="data")
    assert not page.exception and page.title[0].value == f"The neuron meets data: {data.NAMES[name]}"
    assert parse_qs(at.query_params.get("view", "")).get("data", ["or"]) == [name]  # OR, its start: left out


@settings(max_examples=5, deadline=None)
@given(count=st.integers(1, 20), seed=st.integers(0, quiz.SEED_MAX - 1))
def test_a_quiz_set_s_link_opens_its_first_exercise_and_its_worksheet_is_that_set(count, seed):
    at = teach_at({"activity": "quiz"})
    at.number_input(key="teach count").set_value(count)
    at.number_input(key="teach seed").set_value(seed).run()
    (student,) = links(at)  # the quiz has no presenter mode
    read = state.from_query(query_of(student), "quiz")
    assert (read.state.seed, read.state.count, read.state.q, read.notices) == (seed, count, 1, [])
    page = opened({k: v[-1] for k, v in query_of(student).items()}, page="quiz")
    title = f"Quiz: exercise 1 of {count}" if count > 1 else f"Quiz: exercise {seed}"
    assert not page.exception and page.title[0].value == title
    sheet, key = quiz.worksheet(seed, count).split("\f")
    assert [t.value.rstrip() for t in at.text] == [sheet.rstrip()]  # the exercises, without the key
    downloads = [b.proto.label for b in at.get("download_button")]
    assert downloads == ["The worksheet", "Its answer key"] and key.startswith(
        "Answer key"
    )  # the set the link opens, on paper


@pytest.mark.parametrize("name", list(LESSONS))
def test_a_lesson_s_link_opens_the_step_chosen_and_the_projector_s_in_presenter_mode(name):
    steps = LESSONS[name].steps
    at = teach_at({"activity": "lessons"})
    at.selectbox(key="teach lesson").set_value(name).run()
    k = len(steps)
    at.selectbox(key=f"teach step {name}").set_value(k).run()
    student, projector = links(at)
    read = state.from_query(query_of(student), "lessons")
    assert (read.state.lesson, read.state.step, read.state.done, read.notices) == (name, k, "", [])
    page = opened({k: v[-1] for k, v in query_of(student).items()}, page="lessons")
    assert not page.exception and page.title[0].value == steps[k - 1].title
    assert query_of(projector)["present"] == ["true"]


def test_each_page_opens_the_teacher_s_page_with_its_view_chosen():
    neuron = opened({"b": "-3", "grad": "true"})
    (link,) = [e for e in neuron.get("page_link") if e.proto.label == "Teach this view"]
    assert link.proto.page == "teach" and link.proto.query_string == "view=b%3D-3%26grad%3Dtrue"
    assert not opened({"b": "-3", "controls": "b"}).get("page_link")  # a student's page of chosen controls
    for page, query, opening in (
        ("neuron", {"b": "-3", "controls": "b"}, {"view": "b=-3&controls=b"}),
        ("data", {"data": "xor", "w1": "2"}, {"activity": "data", "view": "w1=2&data=xor"}),
        (
            "quiz",
            {"seed": "4", "count": "5", "q": "3", "got": "11"},
            {"activity": "quiz", "view": "seed=4&count=5"},
        ),
        ("lessons", {"lesson": "line", "step": "2"}, {"activity": "lessons", "view": "lesson=line&step=2"}),
    ):
        assert teach.opening(page, state.from_query(query, page).state) == opening
        at = teach_at(opening)  # the teacher's page opens at that choice, with its links
        view = state.from_query(query, page).state
        assert query_of(links(at)[0]) == {k: [v] for k, v in teach.plan(page, view).students().items()}


def test_junk_in_the_teacher_s_link_falls_back_with_one_notice_each():
    at = teach_at({"activity": "exam", "words": "x" * 400, "b": "nan"})
    notices = [w.value for w in at.warning]
    assert len(notices) == 3 and any("activity" in n for n in notices) and any("b from" in n for n in notices)
    assert at.segmented_control(key="teach activity").value == "neuron"
    assert at.text_input(key="teach words").value == "x" * 120


def test_the_teacher_s_page_opened_from_the_bar_at_the_top_takes_the_view_of_the_page_before():
    at = opened({"b": "-3", "act": "tanh", "controls": "b"})  # a projected teacher's link, say
    at.switch_page("pages/teach.py")
    at.query_params.clear()
    at.run()  # the bar's Teach: its address has no query
    assert not at.exception and links(at)[0] == "/?b=-3&act=tanh&controls=b"
    assert at.query_params["view"] == "b=-3&act=tanh&controls=b"  # in its own link now
    at.run()  # and once only: the next run is the teacher's page's own
    assert links(at)[0] == "/?b=-3&act=tanh&controls=b"
    fresh = opened(page="teach")  # a new session at the bare address: the page's own start
    assert links(fresh)[0] == "/"


def test_the_projected_qr_code_names_what_the_link_ignored_and_what_the_code_leaves_out():
    at = teach_at({"qr": "true", "activity": "quiz", "view": "count=999"})
    assert [unescaped(w.value) for w in at.warning] == [
        "Ignored count from the link because it is outside 1 to 20; using 1."
    ]
    assert "view" not in at.query_params  # the junk left out of the link
    points = ";".join(f"{1.234567 + k / 1000:.6f},2.345678,{k % 2}" for k in range(200))
    at = teach_at({"qr": "true", "activity": "data", "view": f"data=own&points={points}"})
    (said,) = [w.value for w in at.warning]  # the code opens the example's points: the screen says so
    assert "too long for any QR code" in said and "example's points" in said
