"""Made for the room: teacher links that show only some controls, two links to share, a QR code."""

from streamlit.testing.v1 import AppTest

from neuron_core.link.state import from_query
from tests.hostile import params
from tests.paths import opened
from tests.shown import unescaped


def page(query: str) -> AppTest:
    at = opened(params(query))
    assert not at.exception
    return at


def test_a_teacher_link_shows_only_its_controls_in_the_page_and_the_rest_as_numbers():
    at = page("controls=b,act&w1=2")
    assert [s.key for s in at.slider] == ["b"] and [s.key for s in at.selectbox] == ["act"]
    assert not at.sidebar.slider and not at.sidebar.toggle  # the sidebar holds only a way out
    assert "Fixed by this link: x = (2, 1, 3), w = (2, -1, 1)." in [c.value for c in at.caption]
    assert at.title[0].value == "z = 1   →   a = 1"  # w1 = 2 from the link is used though not shown
    at.slider(key="b").set_value(-2.0).run()
    assert at.title[0].value == "z = 4   →   a = 4"


def test_x_names_every_input_and_unknown_names_are_counted_not_echoed():
    at = page("controls=x,zz,<script>")
    assert [s.key for s in at.slider] == ["x1", "x2", "x3"]
    assert [unescaped(w.value) for w in at.warning] == [
        "Ignored controls from the link for 2 unknown names; showing the others."
    ]
    assert page("controls=,,").slider.len > 3  # empty: the whole playground, sidebar and all
    only_junk = from_query({"controls": "nope"})
    assert only_junk.state.controls == () and "showing every control" in only_junk.notices[0]


def test_a_move_makes_no_link_and_no_qr_code_the_teacher_s_page_does():
    at = page("b=-3&act=tanh")
    assert not at.get("image") and len(at.code) == 1  # the seed's two lines
    (teach,) = at.get("page_link")  # one click to the teacher's page, with this view chosen
    assert teach.proto.label == "Teach this view"
    assert teach.proto.page == "teach" and teach.proto.query_string == "view=b%3D-3%26act%3Dtanh"
