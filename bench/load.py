"""A full classroom: 40 sessions moving sliders for a minute, against the app, the minimum and the floor
in turns; then five waves of 40 sessions connecting and leaving, to show memory does not grow per session.
Then a small host: the app and the floor each pinned to one core (taskset), 40 sessions each; and more
than one server: one replica behind HAProxy with 40 sessions against two replicas with 80.

Run from the project's root: `python -m bench.load [--sessions 40] [--seconds 60] [--waves 5]
[--only steady,waves,pinned,replicas]`. Everything goes to 127.0.0.1 only; every loop is bounded in
count and time.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import time
from contextlib import ExitStack
from pathlib import Path

from bench.client import Session
from bench.server_cost import APPS, KEYS
from bench.stats import RESULTS, against_floor, pct, save
from tests.e2e.serve import balanced, streamlit_server

SETTLE = 20.0  # s; more than server.disconnectedSessionTTL, so left sessions are gone when memory is read


def rss_mb(pid: int) -> float:
    """The server's resident memory in MB, from /proc."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


async def student(url: str, seconds: float, rng: random.Random, out: dict) -> None:
    """One session: open the page, then move a slider about once a second until time is up."""
    s = Session(url)
    try:
        await s.open()
        end = time.monotonic() + seconds
        i = 0
        while time.monotonic() < end:
            await asyncio.sleep(rng.uniform(0.5, 1.5))
            run = await s.move(KEYS[i % len(KEYS)], round(rng.uniform(-10, 10), 1))
            out["seconds"].append(run.seconds)
            out["errors"] += run.exception
            i += 1
    except Exception as e:  # a refused connection, a timeout, a dropped socket: all count
        out["errors"] += 1
        out["what"].append(repr(e)[:120])
    finally:
        await s.close()


async def steady(url: str, pid: int | list[int], sessions: int, seconds: float, seed: int) -> dict:
    """`sessions` students for `seconds`; memory is the sum over the server processes `pid`."""
    out: dict = {"seconds": [], "errors": 0, "what": [], "rss_during": []}
    pids = pid if isinstance(pid, list) else [pid]

    def rss() -> float:
        return sum(rss_mb(p) for p in pids)

    before = rss()

    async def watch() -> None:
        while True:
            out["rss_during"].append(rss())
            await asyncio.sleep(2)

    watcher = asyncio.create_task(watch())
    await asyncio.gather(*(student(url, seconds, random.Random(seed + k), out) for k in range(sessions)))
    watcher.cancel()
    await asyncio.sleep(SETTLE)
    return {
        "moves": len(out["seconds"]),
        "errors": out["errors"],
        "error_kinds": sorted(set(out["what"]))[:5],
        "p50_ms": round(pct(out["seconds"], 50) * 1000, 1),
        "p95_ms": round(pct(out["seconds"], 95) * 1000, 1),
        "rss_before_mb": round(before, 1),
        "rss_during_max_mb": round(max(out["rss_during"]), 1),
        "rss_after_mb": round(rss(), 1),
    }


async def waves(url: str, pid: int, sessions: int, count: int, seed: int) -> list[float]:
    """Memory after each wave of `sessions` connecting, moving a few sliders and leaving."""
    after = []
    for w in range(count):
        out: dict = {"seconds": [], "errors": 0, "what": []}
        await asyncio.gather(
            *(student(url, 3.0, random.Random(seed + 1000 * w + k), out) for k in range(sessions))
        )
        if out["errors"]:
            raise RuntimeError(f"wave {w + 1}: {out['errors']} errors: {out['what'][:3]}")
        await asyncio.sleep(SETTLE)
        after.append(round(rss_mb(pid), 1))
        print(f"  wave {w + 1}: {len(out['seconds'])} moves, server memory after {after[-1]} MB")
    return after


def report(name: str, f: dict) -> None:
    print(
        f"{name:10s} {f['moves']} moves, {f['errors']} errors, p50 {f['p50_ms']} ms, p95 {f['p95_ms']} ms, "
        f"memory {f['rss_before_mb']} → max {f['rss_during_max_mb']} → {f['rss_after_mb']} MB"
    )


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--sessions", type=int, default=40)
    p.add_argument("--seconds", type=float, default=60.0)
    p.add_argument("--waves", type=int, default=5)
    p.add_argument("--only", default="steady,waves,pinned,replicas")
    args = p.parse_args()
    parts = set(args.only.split(","))
    old = json.loads(RESULTS.read_text()).get("load", {}) if RESULTS.exists() else {}
    figures: dict = {k: v for k, v in old.items() if k != "machine"}
    figures |= {"sessions": args.sessions, "seconds": args.seconds}
    if parts & {"steady", "waves"}:
        with ExitStack() as stack:
            servers = {name: stack.enter_context(streamlit_server(path)) for name, path in APPS.items()}
            if "steady" in parts:
                for name, server in servers.items():  # in turns: each app alone
                    figures[name] = asyncio.run(
                        steady(server, server.pid, args.sessions, args.seconds, seed=1)
                    )
                    report(name, figures[name])
                figures |= against_floor(figures, {"p50": "p50_ms", "p95": "p95_ms"})
            if "waves" in parts:
                print(f"waves of {args.sessions} sessions against the app:")
                after = asyncio.run(
                    waves(servers["app"], servers["app"].pid, args.sessions, args.waves, seed=2)
                )
                figures["waves_rss_after_mb"] = after
                figures["waves_growth_mb"] = round(after[-1] - after[0], 1)
    if "pinned" in parts:  # a small host: the server alone on CPU 0, the students on CPU 1
        os.sched_setaffinity(0, {1})
        pinned = {}
        for name in ("app", "floor"):
            with streamlit_server(APPS[name], cpus="0") as server:
                pinned[name] = asyncio.run(steady(server, server.pid, args.sessions, args.seconds, seed=1))
                report(f"{name} 1 CPU", pinned[name])
        pinned["ratio_p95"] = round(pinned["app"]["p95_ms"] / pinned["floor"]["p95_ms"], 3)
        figures["pinned"] = pinned
        os.sched_setaffinity(0, set(range(os.cpu_count() or 1)))
    if "replicas" in parts:  # HAProxy with sticky sessions, as deploy/run serves it
        replicas = {}
        for count, sessions in ((1, args.sessions), (2, 2 * args.sessions)):
            with balanced(count) as (url, servers):
                pids = [s.pid for s in servers]
                replicas[f"{count}x{sessions}"] = f = asyncio.run(
                    steady(url, pids, sessions, args.seconds, seed=3)
                )
                report(f"{count} replica{'s' * (count > 1)}, {sessions}", f)
        one, two = replicas[f"1x{args.sessions}"], replicas[f"2x{2 * args.sessions}"]
        replicas["ratio_p95"] = round(two["p95_ms"] / one["p95_ms"], 3)
        figures["replicas"] = replicas
    print(figures.get("replicas", {}).get("ratio_p95"), figures.get("pinned", {}).get("ratio_p95"))
    save("load", figures)


if __name__ == "__main__":
    main()
