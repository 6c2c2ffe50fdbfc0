"""A full classroom: 40 sessions moving sliders for a minute, against the app, the minimum and the floor
in turns; then five waves of 40 sessions connecting and leaving, to show memory does not grow per session.

Run from the project's root: `python -m bench.load [--sessions 40] [--seconds 60] [--waves 5]`.
Everything goes to 127.0.0.1 only; every loop is bounded in count and time.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import time
from contextlib import ExitStack
from pathlib import Path

from bench.client import Session
from bench.server_cost import APPS
from bench.stats import against_floor, pct, save
from tests.e2e.serve import streamlit_server

KEYS = ["b", "w1", "x2", "w3"]
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


async def steady(url: str, pid: int, sessions: int, seconds: float, seed: int) -> dict:
    out: dict = {"seconds": [], "errors": 0, "what": [], "rss_during": []}
    before = rss_mb(pid)

    async def watch() -> None:
        while True:
            out["rss_during"].append(rss_mb(pid))
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
        "rss_after_mb": round(rss_mb(pid), 1),
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


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--sessions", type=int, default=40)
    p.add_argument("--seconds", type=float, default=60.0)
    p.add_argument("--waves", type=int, default=5)
    args = p.parse_args()
    figures: dict = {"sessions": args.sessions, "seconds": args.seconds}
    with ExitStack() as stack:
        servers = {name: stack.enter_context(streamlit_server(path)) for name, path in APPS.items()}
        for name, server in servers.items():  # in turns: each app alone
            figures[name] = asyncio.run(steady(server, server.pid, args.sessions, args.seconds, seed=1))
            f = figures[name]
            print(
                f"{name:8s} {f['moves']} moves, {f['errors']} errors, "
                f"p50 {f['p50_ms']} ms, p95 {f['p95_ms']} ms, "
                f"memory {f['rss_before_mb']} → max {f['rss_during_max_mb']} → {f['rss_after_mb']} MB"
            )
        print(f"waves of {args.sessions} sessions against the app:")
        after = asyncio.run(waves(servers["app"], servers["app"].pid, args.sessions, args.waves, seed=2))
    figures |= against_floor(figures, {"p50": "p50_ms", "p95": "p95_ms"})
    figures["waves_rss_after_mb"] = after
    figures["waves_growth_mb"] = round(after[-1] - after[0], 1)
    print(f"minimum ÷ floor: p50 {figures['minimum_ratio_p50']}, p95 {figures['minimum_ratio_p95']}")
    print(
        f"app ÷ floor: p50 {figures['ratio_p50']}, p95 {figures['ratio_p95']} (target p95 <= 1.25); "
        f"memory after wave 1 → {args.waves}: {figures['waves_growth_mb']:+} MB (target within 20 MB)"
    )
    save("load", figures)


if __name__ == "__main__":
    main()
