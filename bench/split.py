"""Where a slider move's server CPU goes: the server pinned to one core, sampled by py-spy.

The server runs on CPU 0 alone (`taskset`), as a small host or a share of Community Cloud would give
it; this process drives it from CPU 1 with the bench client. py-spy samples the thread holding the
GIL, 200 times a second, while the moves run; each sample is put in one bucket: a Streamlit command
the page calls (by its name: slider, selectbox, the chart element, image, …), the core's own work
(math, text and state; the figures and their JSON; the QR code), Streamlit running the script around
those calls, or the server's event loop sending the messages. The buckets are scaled to the CPU the
server's process used, read from /proc.

Run from the project's root: `python -m bench.split [--moves 150]`.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import os
import random
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

from bench.client import Session
from bench.server_cost import DATA, DATA_KEYS, DATA_PAGE, KEYS, VIEWS, server_cpu
from bench.stats import save
from tests.e2e.serve import streamlit_server

RATE = 200  # samples a second
# Each page measured: its query and its address (the data page's own, /data).
PAGES = {"default view": ("", ""), "every view on": (VIEWS, ""), "data page (OR, sigmoid)": (DATA, DATA_PAGE)}
APP_CODE = ("playground.py", "/pages/")  # the app's own scripts: the router and the pages


def bucket(stack: str) -> str:
    """What one sample was doing, from its frames (outermost first, separated by ';')."""
    frames = stack.split(";")
    names = [f.split(" (")[0] for f in frames]
    mine = max(stack.rfind(f) for f in APP_CODE)
    if mine < 0:
        if "script_runner" in stack:
            return "Streamlit: running the script, around the page's calls"
        return "Streamlit: the server's event loop (messages, websocket)"
    after = stack[mine:].split(";", 1)[-1]
    if "segno" in after:
        return "core: the QR code (segno)"
    if "neuron_core/figures/" in after or "neuron_core/element.py" in after:
        return "core: figures and their JSON"
    if "neuron_core/" in after and "streamlit/" not in after.split("neuron_core/", 1)[1]:
        return "core: math, text and state"
    calls = [k for k, n in enumerate(names) if n == "gather_metrics.<locals>.wrapped_func"]
    if calls and calls[0] + 1 < len(names):
        command = names[calls[0] + 1].split(".")[-1].lstrip("_")
        return f"st.{command}"
    return "Streamlit: running the script, around the page's calls"


async def drive(url: str, query: str, page: str, keys: list[str], moves: int, sampler: list) -> float:
    """Open the page, warm it up, then time `moves` slider moves while py-spy samples."""
    s = Session(url)
    await s.open(query, page)
    for _ in range(5):
        await s.move("b", -4.0)
        await s.move("b", -5.0)
    rng = random.Random(0)
    sampler.append(time.perf_counter())  # the caller starts py-spy now
    await asyncio.sleep(1.0)
    start = server_cpu(url.pid)
    for i in range(moves):
        run = await s.move(keys[i % len(keys)], round(rng.uniform(-10, 10), 1))
        if run.exception:
            raise RuntimeError("the page showed an exception")
    used = server_cpu(url.pid) - start
    await s.close()
    return used


def profile(url, query: str, keys: list[str], moves: int, page: str = "") -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "samples.txt"
        spy = subprocess.Popen(
            [
                shutil.which("py-spy") or "py-spy",
                "record",
                "-p",
                str(url.pid),
                "-o",
                str(out),
                "--format",
                "raw",
                "-r",
                str(RATE),
                "--gil",
                "--nonblocking",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(1.0)
        used = asyncio.run(drive(url, query, page, keys, moves, []))
        spy.send_signal(signal.SIGINT)
        spy.wait(timeout=60)
        counts: collections.Counter = collections.Counter()
        for line in out.read_text().splitlines():
            stack, _, n = line.rpartition(" ")
            counts[bucket(stack)] += int(n)
    total = sum(counts.values())
    per_move = used / moves * 1000
    return {
        "cpu_ms_per_move": round(per_move, 2),
        "split_ms": {k: round(per_move * v / total, 2) for k, v in counts.most_common()},
        "samples": total,
    }


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--moves", type=int, default=150)
    args = p.parse_args()
    os.sched_setaffinity(0, {1})  # the client on CPU 1, the server alone on CPU 0
    figures: dict = {"moves": args.moves, "server_cpus": "0 (taskset)"}
    with streamlit_server(cpus="0") as url:
        for page, (query, address) in PAGES.items():
            keys = DATA_KEYS if address == DATA_PAGE else KEYS
            figures[page] = f = profile(url, query, keys, args.moves, address)
            print(f"{page}: {f['cpu_ms_per_move']} ms of server CPU a move, on one core")
            for what, ms in f["split_ms"].items():
                if ms >= 0.05:
                    print(f"  {ms:6.2f} ms  {what}")
    floor = Path(__file__).with_name("floor_app.py")
    with streamlit_server(floor, cpus="0") as url:
        figures["floor"] = f = profile(url, "", KEYS, args.moves)
        print(f"floor: {f['cpu_ms_per_move']} ms of server CPU a move, on one core")
    save("split", figures)


if __name__ == "__main__":
    main()
