"""The pages through AppTest: each opens at its address, and every link written before the pages had
addresses opens the page it was for, with its values (a table of them, made from the parameter table)."""

import pytest
from streamlit.testing.v1 import AppTest

from neuron_core import forward
from neuron_core.link import state
from neuron_core.link.params import PAGES, PARAMS, Param
from neuron_core.model import data
from neuron_core.numbers import eq, fmt
from neuron_core.words import calculation
from tests.paths import APP, opened

TITLES = {
    "neuron": "Neuron Playground",
    "data": "The neuron meets data: OR",
    "quiz": "Quiz: exercise 1",
    "lessons": "Lessons",
    "teach": "Teach",
    "dashboard": "Dashboard",
}


@pytest.mark.parametrize("page", list(PAGES))
def test_each_page_opens_at_its_address_with_no_exception(page):
    at = opened(page=page)
    assert not at.exception and not at.error and at.title[0].value == TITLES[page]
    assert not at.warning or page == "data"  # the data page's start says what its line does


def other(p: Param) -> str:
    """A value of the parameter other than its default, as a link writes it."""
    c = p.each(state.State().flat())[0]
    match c.kind:
        case "switch":
            return "true"
        case "choice":
            return str(next(o for o in c.options if o != c.default))
        case "keys":
            return "b"
        case "number" | "whole":
            return str(c.lo if c.default != c.lo else c.hi).removesuffix(".0")
    return ""


# Every link form that existed before the pages: each playground parameter alone at another value, each
# data set (with its epochs) and each quiz link, all at the playground's own address.
START = state.State().flat()
OLD = [
    *(
        {p.key: other(p)}
        for p in PARAMS
        if "neuron" in p.pages and p.place != "link" and not p.per_input and p.when(START)
    ),
    # those that apply only with another: alpha with Leaky ReLU, i and j with the landscape, y, lr, steps
    {"act": "leaky_relu", "alpha": "0.5"},
    {"land": "true", "i": "2", "j": "3"},
    {"train": "true", "y": "3", "lr": "0.1", "steps": "4"},
    {"x2": "-1", "w3": "2", "n": "4", "x4": "5"},
    *({"data": name, "epochs": "3"} for name in data.NAMES),
    {"mode": "quiz", "seed": "4"},
    {"mode": "quiz", "seed": "4", "count": "3", "q": "2", "got": "1"},
    {"present": "true", "controls": "b,act"},
    {"present": "true", "controls": "b", "b": "2"},
]


@pytest.mark.parametrize("query", OLD, ids=lambda q: "&".join(f"{k}={v}" for k, v in q.items()))
def test_a_link_written_before_the_pages_opens_its_page_with_its_values(query):
    """Through the router itself, as a browser opens the old address."""
    at = AppTest.from_file(APP, default_timeout=30)
    at.query_params.update(query)
    at.run()
    assert not at.exception and not at.error
    page, read = state.routed(query)
    s = state.from_query(read, page).state
    title = at.title[0].value
    if page == "quiz":
        assert title == (f"Quiz: exercise {s.seed}" if s.count == 1 else f"Quiz: exercise {s.q} of {s.count}")
        return
    if page == "data":
        assert title == f"The neuron meets data: {data.NAMES[s.data]}"
        assert (at.slider(key="b").value, at.selectbox(key="act").value) == (-5.0, "relu")  # as meant then
        assert at.number_input(key="epochs").value == 3
        return
    f = forward(s.x, s.w, s.b, s.act, s.act_alpha)
    compact = f"z = {fmt(f.z)}   →   a {eq(calculation.a_text(f))}"  # a projector's or a student's title
    assert title == (compact if s.controls or s.present else "Neuron Playground")
    for k in query:
        want = getattr(s, k)
        assert want != START.get(k), k  # the link's value, not the default, was read
        if any(p.key == k and p.view for p in PARAMS):
            assert k in at.session_state["views"], k
        elif k in at.session_state:
            assert at.session_state[k] == want, k
        else:  # not a control on this page: a teacher's link holds it, and says so
            assert s.controls and k not in s.controls, k
