"""Bad input, round two: long point sets, text that stays text, the last seed."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from neuron_core.link import share, state
from neuron_core.words.text import plain
from tests.shown import unescaped


def test_a_link_a_qr_code_holds_gets_its_own_qr_code():
    png, said = share.qr_for(
        "http://127.0.0.1:8501/data", state.from_query({"data": "xor"}, "data").state, "data"
    )
    assert png is not None and said == "Scan for the students' link"


JUNK = st.text(alphabet="[]()!*_`#<>\\:/.-+|~=$&abc xyz", min_size=1, max_size=40)


@settings(max_examples=200, deadline=None)
@given(JUNK)
def test_text_with_markdown_in_it_shows_as_itself(text):
    md = plain(text)
    assert unescaped(md) == text
    # every character markdown or HTML would read is escaped: none stands bare
    assert not re.search(r"(?<!\\)[\[\]()!*_`#<>|~$&]", re.sub(r"\\\\|\\.", "", md))
