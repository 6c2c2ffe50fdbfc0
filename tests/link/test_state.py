"""The state read from and written to the URL, generated from the one table of parameters (state.PARAMS)."""

import ast
import math
import typing

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from neuron_core.link import state
from neuron_core.link.params import COUNT, PARAMS, Param, keys
from neuron_core.link.state import State, from_query, to_query, widget_values
from neuron_core.model.data import Point
from tests.paths import ROOT


def value(p: Param) -> st.SearchStrategy:
    """Any valid value of one control, as its kind and range declare."""
    match p.kind:
        case "number":
            return st.floats(p.lo, p.hi)
        case "whole":
            return st.integers(int(p.lo), int(p.hi))
        case "choice":
            return st.sampled_from(p.options)
        case "keys":
            return st.lists(st.sampled_from(p.options), unique=True, max_size=4).map(tuple)
        case "rows":
            point = st.tuples(st.floats(-10, 10), st.floats(-10, 10), st.sampled_from([0, 1]))
            return st.lists(point, min_size=1, max_size=30).map(tuple)
        case "marks":
            return st.text(alphabet="01-", max_size=int(p.hi))
    return st.booleans()


@st.composite
def states(draw, play: bool = False) -> State:
    """Any state the table allows: each parameter in order, a valid value where it applies, else default."""
    values: dict = {}
    for p in PARAMS:
        for c in p.each(values):
            values[c.key] = draw(value(c)) if p.when(values) else c.default if p.held is None else p.held
            if play and c.place == "link":
                values[c.key] = c.default  # the quiz page has no controls to compare
    return state.State(**values)


def junk(p: Param) -> st.SearchStrategy:
    """Values the link may carry that a control of this kind cannot take."""
    bad = ["", "abc", "nan", "-inf", "1e999", ["1", "1"]]
    match p.kind:
        case "number" | "whole":
            return st.sampled_from([*bad, repr(p.hi + 1), repr(p.lo - 1)])
        case "keys":
            return st.sampled_from(["zz", "<script>", "nope,not one"])
        case "marks":  # no mark among them: nothing is kept
            return st.sampled_from(["abc", "<script>", "2", ["x", "y"]])
        case "rows":  # none of them a point: the whole list falls back to the example's points
            return st.sampled_from(["", "abc", "1,2", "1,2,3;nan,0,1", "<script>", "11,0,1", ["1,2,1", ""]])
        case "choice":
            return st.sampled_from(["", "none of these", "<script>", ["", ""]]).filter(
                lambda v: v not in map(str, p.options)
            )
    return st.sampled_from(["", "yes", "1", "maybe"])


def applying(s: State) -> list[Param]:
    """The controls (and link-only parameters) that apply to s: the keys its link may carry."""
    values = s.flat()
    return [c for p in PARAMS if p.when(values) for c in p.each(values)]


def test_no_parameters_is_the_seed_example():
    assert from_query({}) == state.Reading(State(x=(2.0, 1.0, 3.0), w=(1.0, -1.0, 1.0), b=-5.0), [])
    assert to_query(State()) == {}


def test_the_issue_example_link():
    r = from_query({"n": "2", "x1": "1", "x2": "2", "w1": "3", "w2": "-1", "b": "0.5", "act": "relu"})
    assert r.notices == [] and r.state == State(x=(1.0, 2.0), w=(3.0, -1.0), b=0.5, act="relu")


def test_inputs_beyond_the_seed_default_to_x_1_and_w_0():
    s = from_query({"n": "5"}).state
    assert s.x == (2.0, 1.0, 3.0, 1.0, 1.0) and s.w == (1.0, -1.0, 1.0, 0.0, 0.0)


@given(states())
def test_every_state_survives_writing_and_reading_back(s):
    assert from_query(to_query(s)) == state.Reading(s, [])


def typed(p: Param) -> object:
    """The type a parameter's kind gives its attribute: a choice is its options' type (i and j are whole)."""
    if p.per_input:
        return tuple[float, ...]
    kinds = {"number": float, "whole": int, "switch": bool, "marks": str, "keys": tuple[str, ...]}
    return type(p.default) if p.kind == "choice" else tuple[Point, ...] if p.kind == "rows" else kinds[p.kind]


@given(states())
def test_state_is_typed_as_the_table_says_and_holds_those_types(s):
    """State's annotations are the table's keys in order, each its kind's type; a state's values have them,
    and so do those read back from its link (5 == 5.0, so equality alone would not say)."""
    hints = typing.get_type_hints(State)
    assert list(hints) == [p.key for p in PARAMS]
    for p in PARAMS:
        assert hints[p.key] == typed(p), p.key
        for v in (getattr(s, p.key), getattr(from_query(to_query(s)).state, p.key)):
            assert isinstance(v, typing.get_origin(hints[p.key]) or hints[p.key]), (p.key, v)
            if isinstance(v, tuple) and p.kind != "keys":
                assert all(isinstance(e, float if p.per_input else tuple) for e in v), (p.key, v)


@settings(suppress_health_check=[HealthCheck.filter_too_much])
@given(states(), st.data())
def test_a_junk_value_reads_as_if_it_were_not_there_with_one_notice_naming_it(s, data):
    c = data.draw(st.sampled_from(applying(s)))
    bad = data.draw(junk(c))
    link = to_query(s)
    without = {k: v for k, v in link.items() if k != c.key}
    r, absent = from_query(link | {c.key: bad}), from_query(without)
    assert r.state == absent.state
    # One notice more than without it (a junk n can also leave a later value, such as j, out of range).
    extra = [n for n in r.notices if n not in absent.notices]
    assert len(r.notices) == len(absent.notices) + 1 and len(extra) == 1
    assert extra[0].startswith(f"Ignored {c.key} from the link")


@pytest.mark.parametrize(
    ("query", "key", "why"),
    [
        ({"x1": "abc"}, "x1", "not a number"),
        ({"x1": "nan"}, "x1", "not a finite number"),
        ({"b": "1e999"}, "b", "not a finite number"),
        ({"b": "10.5"}, "b", "outside -10 to 10"),
        ({"x3": ""}, "x3", "empty"),
        ({"w1": ["1", "2"]}, "w1", "more than once"),
        ({"n": "0"}, "n", "outside 1 to 8"),
        ({"act": "swish"}, "act", "not one of relu"),
        ({"present": "yes"}, "present", "neither true nor false"),
        ({"mode": "exam"}, "mode", "not one of play"),
    ],
)
def test_each_notice_says_what_was_wrong(query, key, why):
    r = from_query(query)
    assert r.state == State() and len(r.notices) == 1 and key in r.notices[0] and why in r.notices[0]


def test_a_whole_number_with_a_fraction_keeps_its_whole_part_and_says_so():
    for key, raw, whole in (("n", "2.5", 2), ("seed", "7.9", 7)):
        r = from_query({key: raw, "mode": "quiz"})
        assert getattr(r.state, key) == whole and r.notices == [
            f"Read {key} from the link as {whole}: it is a whole number."
        ]


def test_unknown_parameters_are_counted_not_echoed():
    r = from_query({"<script>": "1", "zz": "2", "x3": "1", "w8": "1"})
    assert r.notices == ["Ignored 2 unknown parameters in the link."]


def test_a_parameter_that_does_not_apply_is_not_read():
    assert from_query({"act": "leaky_relu", "alpha": "0.2"}).state.alpha == 0.2
    assert from_query({"act": "elu", "alpha": "junk"}) == from_query({"act": "elu"})
    assert State(act="elu", alpha=0.2).act_alpha is None


@pytest.mark.parametrize(
    ("query", "key", "value", "notice"),
    [
        # As Streamlit's select boxes read a link: the last value, even an empty one, and only an option.
        ({"sweep": ["b", ""]}, "sweep", "none", True),
        ({"sweep": ["", "b"]}, "sweep", "b", False),
        ({"sweep": "x5"}, "sweep", "none", True),  # n is 3
        ({"sweep": "x5", "n": "5"}, "sweep", "x5", False),
        ({"land": "true", "i": "1.0", "j": "3"}, "i", 1, True),
        ({"land": "true", "i": "4"}, "i", 1, True),
    ],
)
def test_select_boxes_read_the_link_as_streamlit_does(query, key, value, notice):
    r = from_query(query)
    assert getattr(r.state, key) == value
    assert [n.startswith(f"Ignored {key} from the link") for n in r.notices] == [True] * notice, r.notices


ALL_KEYS = sorted(keys())


text = st.text(max_size=30)


@given(
    st.dictionaries(
        st.sampled_from([*ALL_KEYS, "evil"]), st.one_of(text, st.lists(text, max_size=3)), max_size=12
    )
)
def test_any_text_reads_as_a_valid_state_that_never_repeats_the_link(q):
    r = from_query(q)
    values = r.state.flat()
    for p in PARAMS:
        for c in p.each(values):
            v = values[c.key]
            if c.kind in ("number", "whole"):
                assert math.isfinite(v) and c.lo <= v <= c.hi
            elif c.kind == "choice":
                assert v in c.options
    assert all("<" not in n for n in r.notices)


def test_widget_values_are_every_control_keyed_as_the_url():
    values = widget_values(State(x=(1.0, 2.0, 3.0, 4.0), w=(0.5, 0.0, 0.0, 1.0), land=True, train=True))
    controls = [c for p in PARAMS if p.place != "link" for c in p.each({COUNT.key: 4, "act": "relu"})]
    assert values.keys() == {c.key for c in controls} and values["x4"] == 4.0 and values["w1"] == 0.5


def test_no_key_is_spelled_out_but_in_the_table():
    """playground.py, state.py and params.py name keys through the table only (its lines excepted)."""
    every = keys()
    for path in (
        ROOT / "playground.py",
        ROOT / "neuron_core" / "link" / "state.py",
        ROOT / "neuron_core" / "link" / "params.py",
    ):
        source = path.read_text()
        lines = source.splitlines()
        start = next((k for k, line in enumerate(lines) if line.startswith("PARAMS")), len(lines))
        end = next((k for k in range(start, len(lines)) if lines[k].startswith("]")), start)
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.Constant) and node.value in every and not start <= node.lineno - 1 <= end:
                pytest.fail(f"{path.name}:{node.lineno} spells out the key {node.value!r}")


def test_a_state_with_an_unknown_activation_is_built_as_before_and_computes_no_alpha():
    """The table's questions about an activation ask its entry, and a name it has none for is no crash."""
    assert State(act="nope").act_alpha is None and State(act="leaky_relu", alpha=0.2).act_alpha == 0.2
