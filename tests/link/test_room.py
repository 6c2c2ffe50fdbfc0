"""Made for the room: teacher links that show only some controls, two links to share, a QR code."""

from urllib.parse import parse_qs, urlsplit

import numpy as np
import segno
from PIL import Image

from neuron_core.link import share
from neuron_core.link.state import State, from_query


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
    # the app's own address gets its slash, as a browser writes it; a page's keeps its path
    assert share.link("http://127.0.0.1:8501", State(b=1.0)) == "http://127.0.0.1:8501/?b=1"
    data_start = from_query({}, "data").state
    assert share.link("http://h/data", data_start.replace(data="xor"), "data") == "http://h/data?data=xor"


def qr_matrix(png: bytes, scale: int, border: int = 4) -> list[list[bool]]:
    """The modules of a QR code image: dark where the centre pixel of each module is dark."""
    image = np.asarray(Image.open(__import__("io").BytesIO(png)).convert("L"))
    size = image.shape[0] // scale - 2 * border
    return [
        [
            bool(image[(border + r) * scale + scale // 2, (border + c) * scale + scale // 2] < 128)
            for c in range(size)
        ]
        for r in range(size)
    ]


def test_the_qr_code_is_the_students_link_and_big_enough_for_a_room():
    student = "https://np.example/app?b=-3&act=sigmoid&controls=b"
    png = share.qr_png(student)
    expected = [[bool(v) for v in row] for row in segno.make(student, error="m", micro=False).matrix]
    assert qr_matrix(png, scale=10) == expected
    assert Image.open(__import__("io").BytesIO(png)).size[0] >= 330  # ≥ 33 modules of 10 px


def test_a_link_on_this_computers_own_address_says_no_student_can_open_it_and_how_to_serve_the_room():
    for own in (
        "http://127.0.0.1:8501/",
        "http://localhost:8501/data",
        "http://[::1]:8501/",
        "http://0.0.0.0:8501",
    ):
        said = share.unreachable(own)
        assert "cannot open" in said and "--server.address 0.0.0.0" in said and "Community Cloud" in said
    for room in (
        "https://neuron.streamlit.app/",
        "http://192.168.1.20:8501/",
        "http://classroom.school.example/",
    ):
        assert share.unreachable(room) == ""
    assert share.unreachable(None) == "" and share.unreachable("") == ""  # no address known: nothing to say
    assert share.unreachable("http://*x*[y](z).localhost/") == ""  # the page writes no name but a plain one
