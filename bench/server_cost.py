"""Server cost of one slider move: the playground against the floor app, in turns, in one run.

Run from the project's root: `python -m bench.server_cost [--moves 200]`.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
from contextlib import ExitStack
from pathlib import Path

from bench.client import Session
from bench.stats import against_floor, pct, save
from tests.e2e.serve import APP, ROOT, streamlit_server

FLOOR = ROOT / "bench" / "floor_app.py"
MINIMUM = ROOT / "bench" / "minimum_app.py"
# Measured side by side: the playground, the brief's minimum (the floor plus the diagram and the curve)
# and the floor.
APPS = {"app": APP, "minimum": MINIMUM, "floor": FLOOR}
# The playground again, opened with every optional view on: gradients, landscape, sweep, training.
VIEWS = "grad=true&land=true&sweep=b&train=true&steps=3"
# And the data page as it opens (/data: OR, a sigmoid), its points, boundary, the frames of Play and the
# epochs chart, against the playground with the same activation (its smooth curve costs bytes of its own).
DATA, DATA_PAGE = "", "data"
DATA_BASE = "act=sigmoid"
KEYS = ["b", "w1", "x2", "w3"]  # moved in turn
DATA_KEYS = ["b", "w1", "w2"]  # what moves the data's line (x moves only the neuron above it)


BLOCK = 10


def server_cpu(pid: int) -> float:
    """Seconds of CPU the server process has used so far (user + system), from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def measure(
    urls: dict[str, str], pids: dict[str, int], moves: int, queries: dict[str, str]
) -> dict[str, dict[str, list[float]]]:
    sessions = {name: Session(url) for name, url in urls.items()}
    for name, s in sessions.items():
        await s.open(queries.get(name, ""), DATA_PAGE if name == "data" else "")
        for _ in range(5):  # warm up: imports, caches, the first figures
            await s.move("b", -4.0)
            await s.move("b", -5.0)
    out = {name: {"seconds": [], "bytes": [], "cpu": [], "elements": []} for name in sessions}
    # Values that do not come back in a cycle: a state seen before would be sent as cached references.
    rng = random.Random(0)
    values = [round(rng.uniform(-10.0, 10.0), 1) for _ in range(moves)]
    for block in range(0, moves, BLOCK):
        for name, s in sessions.items():  # in turns of BLOCK moves, so both see the same machine load
            cpu = server_cpu(pids[name])
            keys = DATA_KEYS if name.startswith("data") else KEYS
            for i in range(block, min(block + BLOCK, moves)):
                run = await s.move(keys[i % len(keys)], values[i])
                if run.exception:
                    raise RuntimeError(f"{name} showed an exception")
                out[name]["seconds"].append(run.seconds)
                out[name]["bytes"].append(run.bytes)
                out[name]["elements"].append(len(s.elements()))
            out[name]["cpu"].append((server_cpu(pids[name]) - cpu) / (min(block + BLOCK, moves) - block))
    for s in sessions.values():
        await s.close()
    return out


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--moves", type=int, default=200)
    args = p.parse_args()
    with ExitStack() as stack:
        servers = {name: stack.enter_context(streamlit_server(path)) for name, path in APPS.items()}
        servers["views"] = servers["app"]  # another session of the same server, every view on
        servers["data"] = servers["data_base"] = servers["app"]  # and one with data, one without
        pids = {name: server.pid for name, server in servers.items()}
        queries = {"views": VIEWS, "data": DATA, "data_base": DATA_BASE}
        out = asyncio.run(measure(dict(servers), pids, args.moves, queries))
    figures = {}
    for name, o in out.items():
        figures[name] = {
            "p50_ms": round(pct(o["seconds"], 50) * 1000, 2),
            "p95_ms": round(pct(o["seconds"], 95) * 1000, 2),
            "bytes_per_move": int(pct(o["bytes"], 50)),
            "cpu_ms_per_move": round(pct(o["cpu"], 50) * 1000, 2),
            "elements_per_move": int(pct(o["elements"], 50)),
        }
    figures |= against_floor(figures, {"p50": "p50_ms", "p95": "p95_ms", "cpu": "cpu_ms_per_move"})
    figures["moves"] = args.moves
    figures["data_added_bytes"] = figures["data"]["bytes_per_move"] - figures["data_base"]["bytes_per_move"]
    figures["data_added_cpu_ms"] = round(
        figures["data"]["cpu_ms_per_move"] - figures["data_base"]["cpu_ms_per_move"], 2
    )
    for name in (*APPS, "views", "data_base", "data"):
        f = figures[name]
        print(
            f"{name:8s} p50 {f['p50_ms']:7.2f} ms  p95 {f['p95_ms']:7.2f} ms  "
            f"server CPU {f['cpu_ms_per_move']:6.2f} ms  {f['bytes_per_move']:6d} B/move  "
            f"{f['elements_per_move']:3d} elements/move"
        )
    print(f"views ÷ floor: p50 {figures['views_ratio_p50']:.3f}  server CPU {figures['views_ratio_cpu']:.3f}")
    print(
        f"data: {figures['data_added_bytes']} B and {figures['data_added_cpu_ms']} ms of server CPU per move "
        "more than the same page without it (target <= 10000 B)"
    )
    print(
        f"minimum ÷ floor: p50 {figures['minimum_ratio_p50']:.3f}  "
        f"server CPU {figures['minimum_ratio_cpu']:.3f}"
    )
    print(
        f"app ÷ floor: p50 {figures['ratio_p50']:.3f}  p95 {figures['ratio_p95']:.3f}  "
        f"server CPU {figures['ratio_cpu']:.3f}  (target: p50 <= 1.10, <= 10000 B/move)"
    )
    save("server_cost", figures)


if __name__ == "__main__":
    main()
