"""The state read from and written to the URL: examples, junk, and properties."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from neuron_core import state
from neuron_core.state import ACTS, State, from_query, to_query, widget_values
from tests.hostile import KEYS

in_range = st.floats(state.LO, state.HI, allow_nan=False)


@st.composite
def states(draw) -> State:
    n = draw(st.integers(state.N_MIN, state.N_MAX))
    act = draw(st.sampled_from(ACTS))
    alpha = draw(st.floats(state.ALPHA_LO, state.ALPHA_HI)) if act == "leaky_relu" else state.SEED_ALPHA
    mode = draw(st.sampled_from(state.MODES))
    land = draw(st.booleans())
    i, j = draw(st.lists(st.integers(1, max(n, 2)), min_size=2, max_size=2, unique=True)) if land else (1, 2)
    return State(
        land=land,
        i=i,
        j=j,
        sweep=draw(st.sampled_from(state.sweepable(n))),
        train=draw(st.booleans()),
        y=draw(in_range),
        lr=draw(st.floats(state.LR_LO, state.LR_HI)),
        steps=draw(st.integers(0, state.STEPS_MAX)),
        present=draw(st.booleans()),
        grad=draw(st.booleans()),
        mode=mode,
        seed=draw(st.integers(0, state.QUIZ_SEED_MAX - 1)) if mode == "quiz" else 1,
        x=tuple(draw(st.lists(in_range, min_size=n, max_size=n))),
        w=tuple(draw(st.lists(in_range, min_size=n, max_size=n))),
        b=draw(in_range),
        act=act,
        alpha=alpha,
    )


def test_no_parameters_is_the_seed_example():
    assert from_query({}) == state.Reading(State(x=(2.0, 1.0, 3.0), w=(1.0, -1.0, 1.0), b=-5.0), [])
    assert to_query(State()) == {}


def test_the_issue_example_link():
    q = {"n": "2", "x1": "1", "x2": "2", "w1": "3", "w2": "-1", "b": "0.5", "act": "relu"}
    r = from_query(q)
    assert r.notices == []
    assert r.state == State(x=(1.0, 2.0), w=(3.0, -1.0), b=0.5, act="relu")


def test_inputs_beyond_the_seed_default_to_x_1_and_w_0():
    s = from_query({"n": "5"}).state
    assert s.x == (2.0, 1.0, 3.0, 1.0, 1.0) and s.w == (1.0, -1.0, 1.0, 0.0, 0.0)


@pytest.mark.parametrize(
    ("query", "key", "why"),
    [
        ({"x1": "abc"}, "x1", "not a number"),
        ({"x1": "nan"}, "x1", "not a finite number"),
        ({"w2": "inf"}, "w2", "not a finite number"),
        ({"b": "1e999"}, "b", "not a finite number"),
        ({"b": "10.5"}, "b", "outside -10 to 10"),
        ({"x3": ""}, "x3", "empty"),
        ({"w1": ["1", "2"]}, "w1", "more than once"),
        ({"n": "0"}, "n", "outside 1 to 8"),
        ({"n": "-3"}, "n", "outside 1 to 8"),
        ({"n": "100000"}, "n", "outside 1 to 8"),
        ({"act": "swish"}, "act", "not one of relu"),
    ],
)
def test_each_bad_value_falls_back_to_its_default_with_a_notice(query, key, why):
    r = from_query(query)
    assert r.state == State()
    assert len(r.notices) == 1 and key in r.notices[0] and why in r.notices[0]


def test_a_fractional_n_keeps_its_whole_part_and_says_so():
    r = from_query({"n": "2.5"})
    assert r.state.n == 2 and "as 2" in r.notices[0]


def test_unknown_parameters_are_counted_not_echoed():
    r = from_query({"<script>": "1", "zz": "2", "x3": "1"})
    assert r.notices == ["Ignored 2 unknown parameters in the link."]


def test_alpha_is_read_for_leaky_relu_only():
    assert from_query({"act": "leaky_relu", "alpha": "0.2"}).state.alpha == 0.2
    assert from_query({"act": "elu", "alpha": "0.2"}).state.alpha == state.SEED_ALPHA
    assert State(act="elu", alpha=0.2).act_alpha is None


def test_widget_values_are_keyed_as_the_url():
    assert widget_values(State()) == {
        "n": 3, "x1": 2.0, "w1": 1.0, "x2": 1.0, "w2": -1.0, "x3": 3.0, "w3": 1.0,
        "b": -5.0, "act": "relu", "alpha": 0.01, "present": False, "grad": False, "land": False,
        "i": 1, "j": 2, "sweep": "none", "train": False, "y": state.TRAIN_Y, "lr": state.TRAIN_LR, "steps": 0,
    }  # fmt: skip


@pytest.mark.parametrize(
    ("query", "key", "value", "notice"),
    [
        # As Streamlit's select boxes read a link: the last value, even an empty one, and only an option.
        ({"sweep": ["b", ""]}, "sweep", "none", True),
        ({"sweep": ["", "b"]}, "sweep", "b", False),
        ({"sweep": "x5"}, "sweep", "none", True),  # n is 3
        ({"sweep": "x5", "n": "5"}, "sweep", "x5", False),
        ({"act": ["sigmoid", ""]}, "act", "relu", True),
        ({"land": "true", "i": "1.0", "j": "3"}, "i", 1, True),
        ({"land": "true", "i": "4"}, "i", 1, True),
        ({"land": "true", "i": "2", "j": "3"}, "j", 3, False),
    ],
)
def test_select_boxes_read_the_link_as_streamlit_does(query, key, value, notice):
    r = from_query(query)
    assert getattr(r.state, key) == value
    assert [n.startswith(f"Ignored {key} from the link") for n in r.notices] == [True] * notice, r.notices


@given(states())
def test_every_valid_state_survives_writing_and_reading_back(s):
    assert from_query(to_query(s)) == state.Reading(s, [])


text = st.text(max_size=30)
# Every key the app reads from a link, and one beyond n's range.
junk = st.dictionaries(
    st.one_of(st.sampled_from([*KEYS, "w8", "sweep", "train", "y", "lr", "steps"]), text),
    st.one_of(text, st.lists(text, max_size=3), st.floats().map(repr)),
    max_size=12,
)


@given(junk)
def test_any_text_reads_as_a_valid_state_and_never_raises(q):
    s = from_query(q).state
    assert state.N_MIN <= s.n <= state.N_MAX and len(s.w) == s.n
    assert all(math.isfinite(v) and state.LO <= v <= state.HI for v in (*s.x, *s.w, s.b))
    assert s.act in ACTS and state.ALPHA_LO <= s.alpha <= state.ALPHA_HI
    assert s.sweep in state.sweepable(s.n) and 1 <= s.i <= max(s.n, 2) and 1 <= s.j <= max(s.n, 2)


@given(
    st.dictionaries(st.sampled_from(["n", "x1", "b", "act", "evil"]), st.just("<img src=x onerror=alert(1)>"))
)
def test_notices_never_repeat_what_the_link_said(q):
    assert all("<" not in notice for notice in from_query(q).notices)


@pytest.mark.parametrize(
    ("query", "expected", "notice"),
    [
        ({"mode": "quiz", "seed": "7"}, ("quiz", 7, False), None),
        ({"present": "TRUE"}, ("play", 1, True), None),
        ({"mode": "exam"}, ("play", 1, False), "mode"),
        ({"mode": "quiz", "seed": "2.5"}, ("quiz", 1, False), "seed"),
        ({"mode": "quiz", "seed": "-1"}, ("quiz", 1, False), "seed"),
        ({"present": "yes"}, ("play", 1, False), "present"),
        ({"grad": "maybe"}, ("play", 1, False), "grad"),
    ],
)
def test_mode_seed_and_presenter_mode(query, expected, notice):
    r = from_query(query)
    assert (r.state.mode, r.state.seed, r.state.present) == expected
    assert [notice in n for n in r.notices] == ([True] if notice else [])
