"""The state read from and written to the URL, generated from the one table of parameters (state.PARAMS)."""

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from neuron_core.link.params import PARAMS, Param
from neuron_core.link.state import State, from_query, to_query, widget_values
from tests.link.test_state import applying, junk, states
from tests.paths import APP


def drawn(s: State) -> list[Param]:
    """The controls the page draws for s: presenter mode keeps the sidebar's only."""
    return [
        c
        for c in applying(s)
        if c.place in ("sidebar", "batch", "table") or (c.place == "training" and not s.present)
    ]


@settings(max_examples=12, deadline=None)
@given(states(play=True))
def test_streamlit_reads_every_control_from_the_link_as_the_core_does(s):
    at = AppTest.from_file(APP, default_timeout=30)
    at.query_params.update(to_query(s))
    at.run()
    assert not at.exception
    assert {c.key: at.session_state[c.key] for c in drawn(s)} == {c.key: s.flat()[c.key] for c in drawn(s)}


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(states(play=True), st.data())
def test_streamlit_reads_a_junk_value_as_the_core_does(s, data):
    c = data.draw(st.sampled_from(drawn(s)))
    q = to_query(s) | {c.key: data.draw(junk(c))}
    assume(c.kind != "choice" or not isinstance(q[c.key], list))
    at = AppTest.from_file(APP, default_timeout=30)
    at.query_params.update(q)
    at.run()
    assert not at.exception
    core = from_query(q).state
    assert {d.key: at.session_state[d.key] for d in drawn(core)} == {
        d.key: core.flat()[d.key] for d in drawn(core)
    }


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
        at.button[0].click().run()  # ↺ Reset to the worked example
        assert at.slider(key="zeta").value == 0.5
    finally:
        PARAMS.remove(zeta)
