"""The state read from and written to the URL, generated from the one table of parameters (state.PARAMS)."""

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from neuron_core.link.params import PARAMS, Param
from neuron_core.link.state import State, from_query, to_query, widget_values
from tests.link.test_state import applying, junk, states
from tests.paths import APP, opened


def drawn(s: State, page: str) -> list[Param]:
    """The controls a page draws for s, each under its key: presenter mode keeps the sidebar's only (the
    views are one control, `views`)."""
    return [
        c
        for c in applying(s, page)
        if not c.view
        and (c.place in ("sidebar", "head", "batch", "table") or (c.place == "training" and not s.present))
    ]


def held(at: AppTest, s: State, page: str) -> tuple[dict, dict]:
    """What Streamlit holds for each control of the page, and what the core's state says, with the views."""
    views = sorted(p.key for p in applying(s, page) if p.view and getattr(s, p.key))
    ui = {c.key: at.session_state[c.key] for c in drawn(s, page)}
    if any(p.view for p in applying(s, page)):
        ui["views"] = sorted(at.session_state["views"])
    core = {c.key: s.flat()[c.key] for c in drawn(s, page)} | ({"views": views} if "views" in ui else {})
    return ui, core


# The playground and the data page, each with any state its table allows (the quiz has no controls).
PAGED = st.sampled_from(["neuron", "data"]).flatmap(lambda p: st.tuples(st.just(p), states(p, play=True)))


@settings(max_examples=12, deadline=None)
@given(PAGED)
def test_streamlit_reads_every_control_from_the_link_as_the_core_does(ps):
    page, s = ps
    at = opened(to_query(s, page), page=page)
    assert not at.exception
    ui, core = held(at, s, page)
    assert ui == core


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(PAGED, st.data())
def test_streamlit_reads_a_junk_value_as_the_core_does(ps, data):
    page, s = ps
    c = data.draw(st.sampled_from(drawn(s, page)))
    q = to_query(s, page) | {c.key: data.draw(junk(c))}
    assume(c.kind != "choice" or not isinstance(q[c.key], list))
    at = opened(q, page=page)
    assert not at.exception
    ui, core = held(at, from_query(q, page).state, page)
    assert ui == core


def test_a_parameter_added_to_the_table_is_a_control_a_link_key_and_reset():
    zeta = Param("zeta", "number", 0.5, "ζ, a throwaway parameter", 0.0, 1.0, 0.1)
    PARAMS.append(zeta)
    try:
        assert from_query({"zeta": "0.7"}).state.zeta == 0.7
        assert from_query({"zeta": "7"}).notices == [
            "Ignored zeta from the link because it is outside 0 to 1; using 0.5."
        ]
        assert to_query(State(zeta=0.2)) == {"zeta": "0.2"} and widget_values(State())["zeta"] == 0.5
        at = AppTest.from_file(APP, default_timeout=30)
        at.query_params["zeta"] = "0.7"
        at.run()
        assert not at.exception and at.slider(key="zeta").label == "ζ, a throwaway parameter"
        assert at.slider(key="zeta").value == 0.7
        at.button[0].click().run()  # ↺ Reset (to the worked example)
        assert at.slider(key="zeta").value == 0.5
    finally:
        PARAMS.remove(zeta)
