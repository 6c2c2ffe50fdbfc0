"""Made for the room: teacher links that show only some controls, two links to share, a QR code."""

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import numpy as np
import segno
from PIL import Image
from streamlit.testing.v1 import AppTest

from neuron_core.link import share
from neuron_core.link.state import State, from_query
from tests.hostile import params
from tests.shown import unescaped

APP = str(Path(__file__).resolve().parents[1] / "playground.py")


def page(query: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    at.query_params.update(params(query))
    at.run()
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


def test_repeated_controls_keys_read_as_the_last_and_names_only_once():
    assert from_query({"controls": ["b", "act,act,b"]}).state.controls == ("act", "b")


def test_the_share_links_are_the_view_for_students_and_for_the_projector():
    s = State(b=-3.0, act="sigmoid", present=True, controls=("b",))
    student, teacher = share.links("https://np.example/app?b=1#top", s)
    assert student == "https://np.example/app?b=-3&act=sigmoid&controls=b"
    assert parse_qs(urlsplit(teacher).query) == {
        "b": ["-3"],
        "act": ["sigmoid"],
        "present": ["true"],
        "controls": ["b"],
    }
    assert from_query(parse_qs(urlsplit(student).query)).state == s.replace(present=False)


def qr_matrix(png: bytes, scale: int, border: int = 4) -> list[list[bool]]:
    """The modules of a QR code image: dark where the centre pixel of each module is dark."""
    image = np.asarray(Image.open(__import__("io").BytesIO(png)).convert("L"))
    size = image.shape[0] // scale - 2 * border
    return [[bool(image[(border + r) * scale + scale // 2, (border + c) * scale + scale // 2] < 128)
             for c in range(size)] for r in range(size)]  # fmt: skip


def test_the_qr_code_is_the_students_link_and_big_enough_for_a_room():
    student = "https://np.example/app?b=-3&act=sigmoid&controls=b"
    png = share.qr_png(student)
    expected = [[bool(v) for v in row] for row in segno.make(student, error="m", micro=False).matrix]
    assert qr_matrix(png, scale=10) == expected
    assert Image.open(__import__("io").BytesIO(png)).size[0] >= 330  # ≥ 33 modules of 10 px


def test_the_page_shares_this_view_with_a_qr_code():
    at = page("b=-3&act=tanh")
    codes = [c.value for c in at.code]
    assert any(c.endswith("?b=-3&act=tanh") for c in codes) and any("present=true" in c for c in codes)
    assert len(at.get("image")) == 1
