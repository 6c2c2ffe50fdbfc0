"""A live class against a crafted client, at the level of Streamlit's own websocket protocol
(bench/client.py): a forged student id, a forged Check of numbers no student writes, a flood of Checks,
junk codes and keys, each answered with the page and nothing stored that should not be, never an error
box or a traceback."""

from __future__ import annotations

import json
import secrets
import time

import pytest
import sqlalchemy as sa
from streamlit.proto.WidgetStates_pb2 import WidgetState

from bench.client import Session
from neuron_core.live import store
from neuron_core.live.store import Store
from tests.app.test_protocol import in_own_loop
from tests.e2e.serve import streamlit_server

SEED = 3


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """A server whose live classes are in a SQLite file of this module's, and a store on the same file."""
    url = f"sqlite:///{tmp_path_factory.mktemp('live') / 'live.sqlite3'}"
    with streamlit_server(env={"NEURON_LIVE_URL": url}) as server:
        yield server, Store(sa.create_engine(url))


def student_state(s: Session, student: str) -> WidgetState:
    """What a browser's chart element sends back as its student's id (Components v2's state, as JSON)."""
    return WidgetState(id=s.ids["student"], json_value=json.dumps({"student": student}))


def check(s: Session, z: float, a: float) -> list[WidgetState]:
    """The quiz form's two numbers and its Check, as a browser sends them."""
    states = [
        WidgetState(id=s.ids[f"z {SEED}"], double_value=z),
        WidgetState(id=s.ids[f"a {SEED}"], double_value=a),
    ]
    return [*states, WidgetState(id=s.ids["Check"], trigger_value=True)]


def opened(server, query: str, page: str) -> tuple:
    """A session that opens a page at a query, as a tab does, and closes: its run and what it saw."""

    async def run():
        s = Session(server)
        got = await s.open(query, page=page)
        await s.close()
        return got, s

    return in_own_loop(run())


def session_in(server, code: str, go) -> object:
    async def run():
        s = Session(server)
        await s.open(f"seed={SEED}&class={code}", page="quiz")
        try:
            return await go(s)
        finally:
            await s.close()

    return in_own_loop(run())


def test_a_forged_student_id_joins_nothing_and_a_real_one_joins_once(served):
    server, live = served
    code = live.start(f"quiz?seed={SEED}", time.time()).code
    runs = []

    async def go(s: Session):
        for forged in ("'; DROP TABLE neuron_class; --", "A" * 32, "0" * 31, "<script>", "1" * 5000):
            runs.append(await s.send(student_state(s, forged)))
        who = secrets.token_hex(16)
        runs.append(await s.send(student_state(s, who)))
        joined = list(s.said)  # the page says it is part of the class, as it joins
        runs.append(await s.send(student_state(s, who)))
        return joined

    said = session_in(server, code, go)
    assert not any(r.exception for r in runs)
    assert live.students(code, 0) == (1, 1)  # the one real id, once
    assert any(t.startswith(f"Part of class **{code}**") for t in said)
    assert "Traceback" not in server.logged()


def test_a_forged_check_of_numbers_no_student_writes_is_not_stored_and_a_flood_is_paced(served):
    server, live = served
    code = live.start(f"quiz?seed={SEED}", time.time()).code
    runs = []

    async def go(s: Session):
        who = secrets.token_hex(16)
        runs.append(await s.send(student_state(s, who)))
        for z, a in ((1e308, 1.0), (1.0, -1e300), (float("inf"), 1.0), (float("nan"), float("nan"))):
            runs.append(await s.send(*check(s, z, a)))
        assert live.checks(code) == {}  # not one of them stored
        began = time.monotonic()
        for _ in range(40):  # a flood: 40 Checks as fast as the server answers
            runs.append(await s.send(*check(s, 1.0, 1.0)))
        return time.monotonic() - began

    seconds = session_in(server, code, go)
    assert not any(r.exception for r in runs)
    stored = live.checks(code)[SEED]
    assert len(stored) == 1  # each student's last: one student
    with live.engine.connect() as c:
        n = c.execute(sa.select(sa.func.count()).select_from(store.events).where(store.events.c.code == code))
        taken = n.scalar()
    assert 1 <= taken <= store.WRITES + store.PER_SECOND * seconds + 1  # its burst, then its pace
    assert "Traceback" not in server.logged()


@pytest.mark.parametrize(
    "query",
    [
        "class=%27%3B%20DROP%20TABLE%20neuron_class%3B%20--",
        "class=ZZZZZZ",  # of a code's form, no class of that code now
        "class=<script>alert(1)</script>",
        "class=" + "A" * 5000,
    ],
)
def test_a_junk_class_gets_one_notice_and_joins_nothing(served, query):
    server, live = served
    run, s = opened(server, f"seed={SEED}&{query}", "quiz")
    said = s.said
    assert not run.exception and "student" not in s.ids  # no id asked for: nothing to join
    notices = [t for t in said if "class" in t.lower() and ("Ignored" in t or "no live class" in t)]
    assert len(notices) == 1 and "<script>" not in notices[0] and "DROP" not in notices[0]
    assert set(sa.inspect(live.engine).get_table_names()) >= {"neuron_class", "neuron_event"}
    assert "Traceback" not in server.logged()


@pytest.mark.parametrize("key", ["", "x", "%27%20OR%201%3D1%20--", "A" * 22])
def test_a_dashboard_with_a_junk_or_wrong_key_shows_nothing_of_the_class(served, key):
    server, live = served
    code = live.start(f"quiz?seed={SEED}", time.time()).code
    run, s = opened(server, f"class={code}&key={key}", "dashboard")
    assert not run.exception and not any(code in t for t in s.said)
    assert not [w for w in s.elements() if w == "metric"]  # no count of the room
