"""Hostile links through AppTest: valid values and a notice each, no exception, nothing rendered as HTML."""

import math

import pytest

from neuron_core.link import params as table
from neuron_core.link import state
from neuron_core.link.state import from_query
from tests.hostile import HOSTILE, params
from tests.paths import opened
from tests.shown import unescaped

RAW = ("<script", "<img", "onerror", "javascript:")


def elements(node):
    """Every element in AppTest's tree, depth first."""
    for child in getattr(node, "children", {}).values():
        yield child
        yield from elements(child)


@pytest.mark.parametrize("name", list(HOSTILE))
def test_a_hostile_link_renders_valid_values_and_a_notice(name):
    page, q = state.routed(params(HOSTILE[name]))  # a link with a data set opens the data page
    at = opened(q, page=page)
    assert not at.exception

    # The page's controls as Streamlit holds them; those a teacher's link hides keep the link's values.
    shown = {k: at.session_state[k] for k in from_query(q, page).state.flat() if k in at.session_state}
    s = state.State(**(from_query(q, page).state.flat() | shown))
    assert table.N_MIN <= s.n <= table.N_MAX and s.act in table.ACTIVATIONS
    assert all(math.isfinite(v) and table.LO <= v <= table.HI for v in (*s.x, *s.w, s.b))
    meant = from_query(q, page).state
    assert (s.x, s.w, s.b) == (meant.x, meant.w, meant.b)

    notices, expected = [unescaped(w.value) for w in at.warning], from_query(q, page).notices
    assert expected and notices[: len(expected)] == expected  # the link's notices come first
    assert not any(w.startswith(("Ignored", "Read")) for w in notices[len(expected) :])  # then training's
    for el in elements(at._tree):
        proto = getattr(el, "proto", None)
        assert not getattr(proto, "allow_html", False), f"{type(el).__name__} allows HTML"
        text = str(getattr(el, "value", "")) + str(getattr(proto, "body", ""))
        assert not any(r in text.lower() for r in RAW), f"{type(el).__name__} repeats the link: {text[:80]}"
