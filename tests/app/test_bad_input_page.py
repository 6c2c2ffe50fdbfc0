"""Bad input, round two: long point sets, text that stays text, the last seed."""

from streamlit.testing.v1 import AppTest

from neuron_core.link import state
from neuron_core.model import data
from neuron_core.words.text import plain
from tests.paths import opened
from tests.shown import unescaped


def run(query: dict) -> AppTest:
    at = opened(query, 60)
    assert not at.exception and not at.error
    return at


def test_the_longest_point_sets_a_link_holds_open_with_a_qr_code_or_one_sentence():
    full = ";".join(
        f"{-9.87654321 + k * 0.0912345:.15g},{9.12345678 - k * 0.0876543:.15g},{k % 2}"
        for k in range(data.POINTS_MAX)
    )
    corner = ";".join(["-9.9,-9.9,1"] * data.POINTS_MAX)
    for points in (full, corner):  # on the teacher's page, which makes the links and the QR code
        at = opened({"activity": "data", "data": "own", "points": points}, 60, page="teach")
        assert not at.exception and not at.error
        shown = [str(el.proto) for el in walk(at._tree) if type(el).__name__ == "Image"]
        said = [c.value for c in at.caption if "too long for any QR code" in c.value]
        assert len(shown) + len(said) == 1  # a QR code (with its sentence as caption), or the sentence
        assert "too long for any QR code" in " ".join(shown + said) and "characters" in " ".join(shown + said)


def walk(node):
    """Every element in AppTest's tree, depth first."""
    for child in getattr(node, "children", {}).values():
        yield child
        yield from walk(child)


def test_a_notice_that_quotes_a_link_shows_the_link_as_text():
    for junk in ("[Fix it](//ev.il)", "https://ev.il/x", "![](//host/a)", "**x**", "<b>x</b>", "a\\b"):
        at = run({"data": "own", "points": f"1,1,1;{junk},2,0"})
        warning = at.warning[0]  # the link's notice comes first
        assert (
            unescaped(warning.value)
            == state.from_query({"data": "own", "points": f"1,1,1;{junk},2,0"}, "data").notices[0]
        )
        assert warning.value == plain(unescaped(warning.value))


def test_a_value_too_long_to_read_is_cut_in_its_notice():
    at = run({"data": "own", "points": "1,1,1;" + "9" * 400_000 + ",2,0"})
    assert all(len(w.value) < 300 for w in at.warning)


def test_next_after_the_last_seed_is_the_first():
    at = run({"mode": "quiz", "seed": "999999999"})
    (show,) = [b for b in at.button if b.label == "Show the solution"]
    show.click().run()
    (nxt,) = [b for b in at.button if b.label == "Next exercise →"]
    nxt.click().run()
    assert at.query_params["seed"] == "0" and not at.warning
