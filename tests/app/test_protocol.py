"""What a crafted client can send, at the level of Streamlit's own websocket protocol (bench/client.py):
edits of the points table that no browser makes, each answered with the page and one notice, never an
error box, a traceback in the log or seconds of the server's time; and reruns asked for every 2 ms,
which get a session its share of runs and no more (bench/abuse.py measures what the others see)."""

from __future__ import annotations

import asyncio
import json
import re
import time
from collections.abc import Coroutine
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from bench.abuse import flooder
from bench.client import Session
from neuron_core.pace import BURST, RATE
from neuron_core.words.text import plain
from tests.e2e.serve import streamlit_server
from tests.paths import ROOT

# Edits a browser's table never sends, each of a kind the probe found: the editor failed on it (an
# error box until a reset) or spent seconds on it (20,000 junk rows: 51 s and 19.7 MB of tracebacks).
UNREADABLE = {
    "not JSON": "{not json",
    "a list": json.dumps([1, 2]),
    "nested 100,000 deep": "[" * 100_000 + "]" * 100_000,
    "a row named by a word": json.dumps({"edited_rows": {"zz": {"x1": 1}}}),
    "an extra column": json.dumps({"added_rows": [{"x1": 1, "x2": 2, "y": 1, "zz": 3}]}),
    "a row given as a list": json.dumps({"added_rows": [[1, 2, 1]]}),
    "a row the table has not": json.dumps({"edited_rows": {"99": {"x1": 1}}}),
    "a deletion of a row the table has not": json.dumps({"deleted_rows": [99]}),
}
TOO_MUCH = {
    "20,000 junk rows": (
        json.dumps({"added_rows": [{"x1": "junk", "x2": "zz", "y": "q"}] * 20_000}),
        "19,805 rows past the table's 200 were not read and 585 cells that are not a number left empty; "
        "it keeps 5 points.",
    ),
    "100,000 rows out of range": (
        json.dumps({"added_rows": [{"x1": 99, "x2": 99, "y": 1}] * 100_000}),
        "99,805 rows past the table's 200 were not read; it keeps 5 points.",
    ),
    "a cell that is text": (
        json.dumps({"edited_rows": {"0": {"x1": "<b>7</b>"}}}),
        "1 cell that is not a number left empty; it keeps 4 points.",
    ),
}
UNREAD = plain("The table's last edit could not be read, so it shows the link's points again.")


def in_own_loop(coro: Coroutine) -> Any:
    """Run a coroutine to its end on a thread of its own: the browser tests' Playwright keeps an event
    loop running on this one, where asyncio.run refuses to start another."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coro).result()


@pytest.fixture(scope="module")
def server():
    with streamlit_server() as url:
        yield url


def edit(server, text: str) -> tuple[list, Session, list]:
    """Open the own-points view, send the table `text` as its edit, then move b: both runs, in order."""

    async def go() -> tuple:
        s = Session(server)
        await s.open("data=own")
        after_edit = await s.edit("points", text)
        said = list(s.said)
        moved = await s.move("b", -4.0)
        await s.close()
        return [after_edit, moved], s, said

    return in_own_loop(go())


@pytest.mark.parametrize("name", UNREADABLE)
def test_an_unreadable_table_edit_puts_the_links_points_back_with_one_notice(server, name):
    runs, s, said = edit(server, UNREADABLE[name])
    assert not any(r.exception for r in runs)
    assert said.count(UNREAD) == 1
    assert "points=" not in s.query  # the link's points, the example's: the link does not write them
    assert "Traceback" not in server.logged()


@pytest.mark.parametrize("name", TOO_MUCH)
def test_a_table_edit_past_200_rows_or_with_junk_is_read_here_and_counted(server, name):
    text, sentence = TOO_MUCH[name]
    runs, _, said = edit(server, text)
    assert not any(r.exception for r in runs)
    notice = plain(f"From the table's last edit: {sentence}")
    assert [w for w in said if w.startswith("From the table")] == [notice]
    assert "Traceback" not in server.logged() and "Failed to parse" not in server.logged()


def test_a_table_edit_a_browser_makes_is_the_editors_own(server):
    runs, s, said = edit(server, json.dumps({"edited_rows": {"0": {"x1": 7}}}))
    assert not any(r.exception for r in runs)
    assert not [w for w in said if w.startswith(("From the table", "The table"))]
    assert "points=7,-1,0" in s.query.replace("%2C", ",").replace("%3B", ";")


def test_a_tab_asking_for_a_rerun_every_2_ms_gets_its_share_of_runs_and_no_more(server):
    async def go() -> tuple:
        s = Session(server)
        await s.open()
        start = time.monotonic()
        sent, started = await flooder(server, 3.0)
        seconds = time.monotonic() - start
        moved = await s.move("b", -4.0)  # a student's move right after: answered
        await s.close()
        return sent, started, seconds, moved

    sent, started, seconds, moved = in_own_loop(go())
    assert sent > 300  # it asked for hundreds
    # It ran at the session's pace. A run says new_session as it begins; each takes a turn from the
    # session's bucket (BURST, then RATE a second) at its first line and sleeps while the bucket is empty.
    # Streamlit also begins runs that a rerun asked right away stops before that first line: up to one
    # for each turn on a loaded machine (here 62-70 runs for 55 turns in 3.5 s; 70 on CI's). Unpaced,
    # 357-384 runs began in the same 3.5 s.
    assert started <= 2 * (BURST + RATE * seconds)
    assert not moved.exception


README = ROOT / "README.md"


def test_a_default_page_move_sends_no_more_elements_than_the_readme_states(server):
    """Every element is a message the server writes and the browser reads: a move's count is kept in the
    README (Speed), and a change that adds elements to every move fails here until the README says so."""
    stated = int(re.search(r"A default-view move sends (\d+) element messages", README.read_text())[1])

    async def go() -> list:
        s = Session(server)
        await s.open()
        await s.move("b", -4.9)
        await s.move("b", -4.8)  # a move like any other: the first one caches what does not change
        await s.close()
        return s.elements()

    sent = in_own_loop(go())
    assert "chart curve" in sent and "reference to a cached element" in sent  # it is the page's move
    assert len(sent) <= stated, sorted(sent)
