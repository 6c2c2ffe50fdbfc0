"""A live class under load: 40 students checking an answer within 2 seconds, on SQLite and on PostgreSQL.

For each database: a server of its own (pinned to CPU 0, as a small host gives it), a class started in
the store, 40 students over Streamlit's own websocket protocol (bench/client.py), each joined with an id
of its own; their 40 Checks go out spread over 2 seconds. Measured:
- how long until the database holds all 40 (polled every 20 ms), and so until the dashboard shows them:
  that time plus at most one of its refreshes (2 s);
- the server's CPU for one Check (the quiz page's run with the write), against a slider move's on the
  playground in the same run (the same client, the same server);
- the server's CPU for one refresh of the dashboard, from a real Chromium showing it for 20 s, against
  the same 20 s with no dashboard open.

Run from the project's root: `python -m bench.live` (PostgreSQL where NEURON_POSTGRES_URL names one, as
`deploy/postgres start DIR PORT` prints it).
"""

from __future__ import annotations

import asyncio
import json
import os
import secrets
import tempfile
import time
from pathlib import Path

import sqlalchemy as sa
from streamlit.proto.WidgetStates_pb2 import WidgetState

from bench.client import Session
from bench.server_cost import server_cpu
from bench.stats import save
from neuron_core.live import store
from neuron_core.live.store import Store
from tests.e2e.serve import CHROMIUM_ARGS, chromium_path, streamlit_server

STUDENTS, SPREAD = 40, 2.0  # 40 Checks spread over 2 seconds
SEED = 3  # the exercise: z = 1, a = 1
MOVES = 40  # slider moves measured beside them
IDLE = 20.0  # seconds a dashboard is watched


async def join(url: str, code: str) -> Session:
    """A student: the class's link opened, its id sent as the browser's element sends it."""
    s = Session(url)
    await s.open(f"seed={SEED}&class={code}", page="quiz")
    await s.send(WidgetState(id=s.ids["student"], json_value=json.dumps({"student": secrets.token_hex(16)})))
    return s


def checked(s: Session, k: int) -> list[WidgetState]:
    z = 1.0 if k % 4 else 4.0  # one in four forgets the bias
    return [
        WidgetState(id=s.ids[f"z {SEED}"], double_value=z),
        WidgetState(id=s.ids[f"a {SEED}"], double_value=z),
        WidgetState(id=s.ids["Check"], trigger_value=True),
    ]


async def room(url: str, pid: int, live: Store) -> dict:
    started = live.start(f"quiz?seed={SEED}", time.time())
    code = started.code
    students = [await join(url, code) for _ in range(STUDENTS)]
    cpu = server_cpu(pid)
    began = time.monotonic()

    async def one(k: int, s: Session) -> None:
        await asyncio.sleep(SPREAD * k / STUDENTS)
        await s.send(*checked(s, k))

    sends = asyncio.gather(*(one(k, s) for k, s in enumerate(students)))
    counted = None
    while counted is None:  # the database, as the dashboard reads it
        if len(live.checks(code).get(SEED, [])) == STUDENTS:
            counted = time.monotonic() - began
        await asyncio.sleep(0.02)
    await sends
    check_cpu = (server_cpu(pid) - cpu) / STUDENTS
    # A slider move on the playground, on the same server, for comparison.
    mover = Session(url)
    await mover.open("")
    for _ in range(5):
        await mover.move("b", -4.0)
        await mover.move("b", -5.0)
    cpu = server_cpu(pid)
    for k in range(MOVES):
        await mover.move("b", round(-9.9 + 0.4 * k, 1))
    move_cpu = (server_cpu(pid) - cpu) / MOVES
    for s in [*students, mover]:
        await s.close()
    return {
        "class": started,
        "counted_s": round(counted, 3),
        "check_cpu_ms": round(1000 * check_cpu, 2),
        "move_cpu_ms": round(1000 * move_cpu, 2),
    }


def dashboard_cpu(url: str, pid: int, started: store.Started) -> float:
    """Server CPU (ms) per dashboard refresh: 20 s watched in Chromium, less 20 s with none open."""
    from playwright.sync_api import sync_playwright

    time.sleep(2)
    idle = server_cpu(pid)
    time.sleep(IDLE)
    idle = server_cpu(pid) - idle
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 1000})
        page.goto(f"{url}/dashboard?class={started.code}&key={started.key}")
        page.get_by_text("students joined").wait_for(timeout=60_000)
        page.wait_for_timeout(3000)
        watched = server_cpu(pid)
        page.wait_for_timeout(IDLE * 1000)
        watched = server_cpu(pid) - watched
        browser.close()
    refreshes = IDLE / 2.0
    return round(1000 * (watched - idle) / refreshes, 2)


def on(name: str, url: str) -> dict:
    """One database: its server, its room of 40, its dashboard."""
    live = Store(sa.create_engine(url))
    with streamlit_server(env={"NEURON_LIVE_URL": url}, cpus="0") as server:
        got = asyncio.run(room(server, server.pid, live))
        got["refresh_cpu_ms"] = dashboard_cpu(server, server.pid, got.pop("class"))
    got["check_vs_move"] = round(got["check_cpu_ms"] / got["move_cpu_ms"], 2)
    got["refresh_vs_move"] = round(got["refresh_cpu_ms"] / got["move_cpu_ms"], 2)
    print(name, got)
    return got


def main() -> None:
    figures = {}
    with tempfile.TemporaryDirectory() as tmp:
        figures["sqlite"] = on("sqlite", f"sqlite:///{Path(tmp) / 'live.sqlite3'}")
    if url := os.environ.get("NEURON_POSTGRES_URL"):
        store.metadata.drop_all(sa.create_engine(url))
        figures["postgresql"] = on("postgresql", url)
    figures["median_note"] = "one run of 40 Checks per database; CPU per Check and per move are means"
    save("live", figures)


if __name__ == "__main__":
    main()
