"""What one crafted client costs everyone else: a tab flooding reruns, and edits of the points table no
browser makes. The server is pinned to one core (taskset), as a small host gives it; the clients run on
the other.

- flood: a second session moves a slider about once a second (bench.load's student), alone and then while
  the first sends a rerun every 2 ms without waiting for any; its p50 and p95, and their ratio (target:
  p95 within 2 x alone).
- table: the server CPU one edit of the points table costs: 20,000 junk rows, 100,000 rows out of
  range, and a browser's own one-cell edit (target: a few hundred ms at most).

Run from the project's root: `python -m bench.abuse [--seconds 20] [--only flood,table]`. Everything goes
to 127.0.0.1 only; every loop is bounded in count and time.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import time

from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from bench.client import Session
from bench.load import student
from bench.server_cost import server_cpu
from bench.stats import pct, save
from tests.e2e.serve import streamlit_server

FLOOD_EVERY = 0.002  # s between the flooding session's reruns
EDITS = {
    "junk_20000": json.dumps({"added_rows": [{"x1": "junk", "x2": "zz", "y": "q"}] * 20_000}),
    "out_of_range_100000": json.dumps({"added_rows": [{"x1": 99, "x2": 99, "y": 1}] * 100_000}),
    "one_cell": json.dumps({"edited_rows": {"0": {"x1": 7}}}),
}


async def flooder(url: str, seconds: float) -> tuple[int, int]:
    """A crafted tab: a rerun with a new b every FLOOD_EVERY s, never waiting; how many it sent, and how
    many runs the server started for it (each begins with a new_session message)."""
    s = Session(url)
    await s.open()
    started = 0

    async def drain() -> None:  # read what the server sends, so its writes never wait on this socket
        nonlocal started
        try:
            while True:
                fwd = ForwardMsg()
                fwd.ParseFromString(await s.ws.recv())
                started += fwd.WhichOneof("type") == "new_session"
        except Exception:  # the socket closed at the end
            return

    reader = asyncio.create_task(drain())
    sent = 0
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        s.values["b"] = round(-10 + (sent % 200) / 10, 1)
        await s.ws.send(s.rerun_message(s.query))
        sent += 1
        await asyncio.sleep(FLOOD_EVERY)
    await asyncio.sleep(0.5)  # the runs it asked for last
    reader.cancel()
    await s.close()
    return sent, started


async def flood(url: str, seconds: float) -> dict:
    """A student moving sliders about once a second (bench.load's), alone and then beside the flooder."""
    alone, flooded = ({"seconds": [], "errors": 0, "what": []} for _ in range(2))
    await student(url, seconds, random.Random(1), alone)
    _, (sent, started) = await asyncio.gather(
        student(url, seconds, random.Random(1), flooded), flooder(url, seconds)
    )

    def figures(out: dict) -> dict:
        ms = {f"p{q}_ms": round(pct(out["seconds"], q) * 1000, 1) for q in (50, 95)}
        return {"moves": len(out["seconds"]), "errors": out["errors"], **ms}

    f = {"alone": figures(alone), "flooded": figures(flooded), "reruns_sent": sent, "runs_started": started}
    f["ratio_p50"] = round(f["flooded"]["p50_ms"] / f["alone"]["p50_ms"], 2)
    f["ratio_p95"] = round(f["flooded"]["p95_ms"] / f["alone"]["p95_ms"], 2)
    return f


async def table(url: str, pid: int) -> dict:
    out = {}
    for name, text in EDITS.items():
        s = Session(url)
        await s.open("data=own")
        cpu = server_cpu(pid)
        run = await s.edit("points", text)
        out[name] = {
            "cpu_ms": round((server_cpu(pid) - cpu) * 1000, 1),
            "seconds": round(run.seconds, 3),
            "bytes_sent": len(text),
            "error_box": run.exception,
        }
        await s.close()
    return out


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--seconds", type=float, default=20.0)
    p.add_argument("--only", default="flood,table")
    args = p.parse_args()
    parts = set(args.only.split(","))
    os.sched_setaffinity(0, {1})  # the clients on CPU 1, the server alone on CPU 0
    figures: dict = {"seconds": args.seconds}
    with streamlit_server(cpus="0") as server:
        if "table" in parts:
            figures["table"] = asyncio.run(table(server, server.pid))
            print("table:", figures["table"])
        if "flood" in parts:
            figures["flood"] = asyncio.run(flood(server, args.seconds))
            print("flood:", figures["flood"])
        figures["log_bytes"] = len(server.logged())
    save("abuse", figures)


if __name__ == "__main__":
    main()
