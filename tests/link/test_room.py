"""Made for the room: teacher links that show only some controls, two links to share, a QR code."""

from urllib.parse import parse_qs, urlsplit

import numpy as np
import segno
from PIL import Image

from neuron_core.link import share
from neuron_core.link.state import State, from_query


def test_repeated_controls_keys_read_as_the_last_and_names_only_once():
    assert from_query({"controls": ["b", "act,act,b"]}).state.controls == ("act", "b")


def test_a_link_is_the_app_s_own_address_the_page_s_path_and_the_view():
    s = State(b=-3.0, act="sigmoid", controls=("b",))
    base = share.root("https://np.example/app/", "neuron")
    assert share.link(base, s) == "https://np.example/app/?b=-3&act=sigmoid&controls=b"
    assert from_query(parse_qs(urlsplit(share.link(base, s)).query)).state == s
    # the app's own address from any page's (a base path kept), and "/" where none is known
    assert share.root("http://127.0.0.1:8501") == "http://127.0.0.1:8501/"
    assert share.root("http://h:1/base/teach", "teach") == "http://h:1/base/"
    assert share.root("http://h/data/", "data") == share.root("http://h/data", "data") == "http://h/"
    assert share.root(None) == "/" and share.link("/", State()) == "/"
    data_start = from_query({}, "data").state
    assert share.link("http://h/", data_start.replace(data="xor"), "data") == "http://h/data?data=xor"
    assert share.address("/", "quiz", {"seed": "4", "count": "5"}) == "/quiz?seed=4&count=5"


def test_an_address_is_short_for_the_room_without_its_scheme_and_the_app_alone_where_long():
    assert (
        share.short("http://192.168.1.20:8501/quiz?seed=4&count=5") == "192.168.1.20:8501/quiz?seed=4&count=5"
    )
    long = "https://neuron.streamlit.app/data?data=own&points=" + "1,1,1;" * 40
    assert share.short(long) == "neuron.streamlit.app/data"


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


def test_a_page_on_this_computers_own_address_says_no_student_can_open_it_and_how_to_serve_the_room():
    for own in (
        "http://127.0.0.1:8501/",
        "http://localhost:8501/data",
        "http://[::1]:8501/",
        "http://0.0.0.0:8501",
    ):
        for listen in ("127.0.0.1", "localhost"):  # the server listens on this computer's own address only
            said = share.served(own, "data" if own.endswith("data") else "neuron", listen, "192.168.1.20")
            assert not said.reachable and said.root == share.root(
                own, "data" if own.endswith("data") else "neuron"
            )
            assert "cannot open" in said.note and "--server.address 0.0.0.0" in said.note
            assert "Community Cloud" in said.note
        nowhere = share.served(own, "neuron", None, None)  # listening everywhere, but no network known
        assert not nowhere.reachable and "cannot open" in nowhere.note


def test_a_page_on_this_computers_own_address_links_to_its_address_on_the_network_where_it_listens_there():
    for listen, lan, host in (
        (None, "192.168.1.20", "192.168.1.20"),
        ("0.0.0.0", "10.0.0.7", "10.0.0.7"),
        ("10.1.2.3", None, "10.1.2.3"),
        ("", "fd00::5", "[fd00::5]"),
    ):
        said = share.served("http://localhost:8501/base/teach", "teach", listen, lan)
        assert said.reachable and said.root == f"http://{host}:8501/base/"
        assert "(localhost)" in said.note and "same network" in said.note


def test_a_page_on_a_rooms_address_says_nothing_and_keeps_it():
    for room in (
        "https://neuron.streamlit.app/",
        "http://192.168.1.20:8501/",
        "http://classroom.school.example/teach",
    ):
        said = share.served(
            room, "teach", "127.0.0.1", None
        )  # behind a proxy, the server listens on loopback
        assert said == share.Served(share.root(room, "teach"))
    assert share.served(None, "teach") == share.Served("/")  # no address known (a test): nothing to say
    assert share.served("http://*x*[y](z).localhost/", "neuron").note == ""  # a name it would not write
    assert share.served("http://localhost/", "neuron", None, "*evil*").reachable is False
