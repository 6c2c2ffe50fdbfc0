"""The state read from and written to the URL, generated from the one table of parameters (state.PARAMS)."""

import ast
import math
import typing

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from neuron_core.link import state
from neuron_core.link.params import COUNT, PAGES, PARAMS, WORDS_MAX, Param, keys, on
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
        case "text" if p.form:  # a code or a key: of its form, or none
            return st.one_of(st.just(""), st.from_regex(p.form, fullmatch=True))
        case "text":  # one line of printable characters, as a link's words are read
            return st.text(max_size=int(p.hi)).map(
                lambda t: " ".join("".join(filter(str.isprintable, t)).split())
            )
    return st.booleans()


@st.composite
def states(draw, page: str = "neuron", play: bool = False) -> State:
    """Any state a page's table allows: each parameter in order, a valid value where it applies on the page,
    else its default there."""
    values: dict = {}
    for p in on(page):
        for c in p.each(values):
            values[c.key] = draw(value(c)) if p.when(values) else c.default if p.held is None else p.held
            if play and c.place == "link":
                values[c.key] = c.default  # the quiz page has no controls to compare
    return state.State(**values)


@st.composite
def paged(draw) -> tuple[str, State]:
    """Any page and any state its table allows."""
    page = draw(st.sampled_from(list(PAGES)))
    return page, draw(states(page))


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


def applying(s: State, page: str = "neuron") -> list[Param]:
    """The controls (and link-only parameters) that apply to s on a page: the keys its link may carry."""
    values = s.flat()
    return [c for p in on(page) if p.when(values) for c in p.each(values)]


def test_no_parameters_is_the_seed_example():
    assert from_query({}) == state.Reading(State(x=(2.0, 1.0, 3.0), w=(1.0, -1.0, 1.0), b=-5.0), [])
    assert to_query(State()) == {}


def test_the_issue_example_link():
    r = from_query({"n": "2", "x1": "1", "x2": "2", "w1": "3", "w2": "-1", "b": "0.5", "act": "relu"})
    assert r.notices == [] and r.state == State(x=(1.0, 2.0), w=(3.0, -1.0), b=0.5, act="relu")


def test_inputs_beyond_the_seed_default_to_x_1_and_w_0():
    s = from_query({"n": "5"}).state
    assert s.x == (2.0, 1.0, 3.0, 1.0, 1.0) and s.w == (1.0, -1.0, 1.0, 0.0, 0.0)


@given(paged())
def test_every_state_survives_writing_and_reading_back(ps):
    page, s = ps
    assert from_query(to_query(s, page), page) == state.Reading(s, [])


def test_each_page_starts_where_its_table_says():
    assert state.start("neuron") == State() and state.start("quiz").seed == 1
    s = state.start("data")
    assert (s.data, s.n, s.w, s.b, s.act) == ("or", 2, (1.0, -1.0), 0.0, "sigmoid")
    assert to_query(s, "data") == {}


@pytest.mark.parametrize(
    ("query", "page", "read"),
    [
        ({"mode": "quiz", "seed": "4"}, "quiz", {"seed": "4"}),
        (
            {"mode": "quiz", "seed": "4", "count": "5", "q": "2", "got": "1"},
            "quiz",
            {"seed": "4", "count": "5", "q": "2", "got": "1"},
        ),
        # the data page starts at a sigmoid with b = 0: an old link meant the playground's ReLU and b = -5
        ({"data": "xor", "epochs": "10"}, "data", {"data": "xor", "epochs": "10", "b": "-5", "act": "relu"}),
        (
            {"data": "own", "points": "1,2,1", "b": "2"},
            "data",
            {"data": "own", "points": "1,2,1", "b": "2", "act": "relu"},
        ),
        ({"data": "zz"}, "neuron", {"data": "zz"}),  # no data set: the playground (which has no data)
        ({"data": "none", "b": "1"}, "neuron", {"data": "none", "b": "1"}),
        ({"mode": "play", "b": "1"}, "neuron", {"mode": "play", "b": "1"}),
        ({"present": "true", "controls": "b,act"}, "neuron", {"present": "true", "controls": "b,act"}),
    ],
)
def test_a_link_written_before_the_pages_opens_the_page_it_was_for_with_its_values(query, page, read):
    assert state.routed(query) == (page, read)
    r = from_query(read, page)
    was, now = from_query(query).state.flat(), r.state.flat()  # as the one page read it then, and now
    neuron = [c.key for p in on(page) if p.neuron and "neuron" in p.pages for c in p.each(now)]
    assert all(now[k] == was[k] for k in neuron)  # the neuron the link meant: the playground's
    if not r.notices:  # every value the link has for the page, as it wrote it
        mine = {c.key for c in applying(r.state, page)}
        assert {k: v for k, v in read.items() if k in mine} == to_query(r.state, page)


def typed(p: Param) -> object:
    """The type a parameter's kind gives its attribute: a choice is its options' type (i and j are whole)."""
    if p.per_input:
        return tuple[float, ...]
    kinds = {
        "number": float,
        "whole": int,
        "switch": bool,
        "marks": str,
        "text": str,
        "keys": tuple[str, ...],
    }
    return type(p.default) if p.kind == "choice" else tuple[Point, ...] if p.kind == "rows" else kinds[p.kind]


@given(paged())
def test_state_is_typed_as_the_table_says_and_holds_those_types(ps):
    """State's annotations are the table's keys in order, each its kind's type; a state's values have them,
    and so do those read back from its link (5 == 5.0, so equality alone would not say)."""
    page, s = ps
    hints = typing.get_type_hints(State)
    assert list(hints) == [p.key for p in PARAMS]
    for p in PARAMS:
        assert hints[p.key] == typed(p), p.key
        for v in (getattr(s, p.key), getattr(from_query(to_query(s, page), page).state, p.key)):
            assert isinstance(v, typing.get_origin(hints[p.key]) or hints[p.key]), (p.key, v)
            if isinstance(v, tuple) and p.kind != "keys":
                assert all(isinstance(e, float if p.per_input else tuple) for e in v), (p.key, v)


@settings(suppress_health_check=[HealthCheck.filter_too_much])
@given(paged(), st.data())
def test_a_junk_value_reads_as_if_it_were_not_there_with_one_notice_naming_it(ps, data):
    page, s = ps
    c = data.draw(st.sampled_from([c for c in applying(s, page) if c.kind != "text"]))  # words are cut, below
    bad = data.draw(junk(c))
    link = to_query(s, page)
    without = {k: v for k, v in link.items() if k != c.key}
    r, absent = from_query(link | {c.key: bad}, page), from_query(without, page)
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
    ],
)
def test_each_notice_says_what_was_wrong(query, key, why):
    r = from_query(query)
    assert r.state == State() and len(r.notices) == 1 and key in r.notices[0] and why in r.notices[0]


def test_a_key_of_another_page_is_known_and_not_read():
    assert from_query({"mode": "exam", "seed": "x", "epochs": "5"}) == state.Reading(State(), [])
    assert from_query({"data": "zz"}, "data").notices == [
        "Ignored data from the link: it is not one of and, or, nand, xor, clouds, overlap, own; using or."
    ]


def test_words_read_as_one_line_of_at_most_as_many_characters_as_they_hold():
    r = from_query({"words": "Move b\n until\ta > 0\x00 <b>!</b>"}, "teach")
    assert r.state.words == "Move b until a > 0 <b>!</b>" and r.notices == []  # shown as text, never HTML
    cut = from_query({"words": ["first", "w" * 500]}, "teach")  # the last, as a text box reads a link
    assert cut.state.words == "w" * WORDS_MAX
    assert cut.notices == [f"Read words from the link as its first {WORDS_MAX} characters."]
    assert to_query(cut.state, "teach") == {"words": "w" * WORDS_MAX}


def test_a_whole_number_with_a_fraction_keeps_its_whole_part_and_says_so():
    for key, raw, whole, page in (("n", "2.5", 2, "neuron"), ("seed", "7.9", 7, "quiz")):
        r = from_query({key: raw}, page)
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
    for page in PAGES:
        valid(from_query(q, page), page)


def valid(r: state.Reading, page: str) -> None:
    """Every value of the page's controls in its range or among its options; no notice quotes the link."""
    values = r.state.flat()
    for p in on(page):
        for c in p.each(values) if p.when(values) else ():
            v = values[c.key]
            if c.kind in ("number", "whole"):
                assert math.isfinite(v) and c.lo <= v <= c.hi
            elif c.kind == "choice":
                assert v in c.options
    assert all("<" not in n for n in r.notices)


@pytest.mark.parametrize("page", list(PAGES))
def test_widget_values_are_every_control_of_the_page_keyed_as_the_url(page):
    s = State(x=(1.0, 2.0, 3.0, 4.0), w=(0.5, 0.0, 0.0, 1.0), land=True, train=True)
    values = widget_values(s, page)
    n = {COUNT.key: 4, "act": "relu"}
    controls = [c for p in PARAMS if p.place != "link" and page in p.pages for c in p.each(n)]
    assert values.keys() == {c.key for c in controls}
    assert "w1" not in values or (values["w1"] == 0.5 and values.get("x4", 4.0) == 4.0)


def test_no_key_is_spelled_out_but_in_the_table():
    """playground.py, state.py and params.py name keys through the tables only: PARAMS's lines and those of
    PAGES (to the next blank line) excepted."""
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
        pages = next((k for k, line in enumerate(lines) if line.startswith("PAGES")), len(lines))
        tables = [
            range(start, end + 1),
            range(pages, next((k for k in range(pages, len(lines)) if not lines[k]), pages)),
        ]
        for node in ast.walk(ast.parse(source)):
            if (
                isinstance(node, ast.Constant)
                and node.value in every
                and not any(node.lineno - 1 in t for t in tables)
            ):
                pytest.fail(f"{path.name}:{node.lineno} spells out the key {node.value!r}")


def test_a_state_with_an_unknown_activation_is_built_as_before_and_computes_no_alpha():
    """The table's questions about an activation ask its entry, and a name it has none for is no crash."""
    assert State(act="nope").act_alpha is None and State(act="leaky_relu", alpha=0.2).act_alpha == 0.2


def test_a_class_s_code_and_a_teacher_s_key_of_another_form_are_ignored_and_never_quoted():
    for raw in ("<script>", "abc123", "ABCDE", "ABCDEFG", "I0O1LL"):
        r = from_query({"class": raw}, "quiz")
        assert getattr(r.state, "class") == "" and r.notices == [
            "Ignored class from the link: it is not a live class's code (6 letters and digits)."
        ]
    assert getattr(from_query({"class": "ABC234"}, "quiz").state, "class") == "ABC234"
    assert from_query({"key": "x' OR 1=1"}, "dashboard").notices == [
        "Ignored key from the link: it is not a teacher's key."
    ]
