"""In Debian's Chromium: frames while a chart is dragged, and a release to the page's own numbers.

Run from the project's root: `python -m bench.drag [--drags 8]`.
Frames: the median time between animation frames while the curve's point, a weight's edge or the data's
line is dragged (a pointer move every 16 ms for 1.5 s), against the same page left idle as long. Release:
from the pointer's release to the frame in which the page's own z has changed, for a chart's drag, for
the b slider's thumb dragged on the same page, and for the floor app's slider (bench/floor_app.py).
"""

from __future__ import annotations

import argparse
import statistics
from contextlib import ExitStack

from playwright.sync_api import Page, sync_playwright

from bench.server_cost import APPS
from bench.stats import pct, save
from tests.e2e.serve import CHROMIUM_ARGS, chromium_path, streamlit_server
from tests.e2e.test_drag import at

MOVES = 90  # pointer moves, 16 ms apart: a drag of 1.5 s
# The intervals between animation frames from now on, until `window.__frames.stop()`.
FRAMES = """() => {
    const f = window.__frames = { times: [], on: true, stop() { this.on = false; } };
    const tick = (t) => { if (f.on) { f.times.push(t); requestAnimationFrame(tick); } };
    requestAnimationFrame(tick);
}"""
INTERVALS = """() => { const t = window.__frames.times; window.__frames.stop();
                       return t.slice(1).map((v, i) => v - t[i]); }"""
# Resolve with the ms from the next pointer release to the first animation frame after the page's own
# z (the first metric; the floor's one line of text) shows something else than it did at the release.
ARM = """(what) => {
    const read = () => document.querySelector(what)?.textContent;
    window.__release = new Promise((resolve) => {
        let t0 = null, before = null;
        window.addEventListener('pointerup', () => { t0 = performance.now(); before = read(); },
                                { capture: true, once: true });
        const obs = new MutationObserver(() => {
            if (t0 !== null && read() !== before) {
                obs.disconnect();
                requestAnimationFrame(() => resolve(performance.now() - t0));
            }
        });
        obs.observe(document.body, { subtree: true, childList: true, characterData: true });
    });
}"""
Z = {"app": "[data-testid=stMetricValue]", "floor": "[data-testid=stText]"}


def grips(page: Page, what: str) -> tuple[float, float]:
    """Where a drag of `what` starts: the curve's point, w₂'s edge, the data's line, the b slider's thumb."""
    if what == "slider":
        page.locator(".st-key-b").scroll_into_view_if_needed()  # the sidebar scrolls on its own
        box = page.locator(".st-key-b [role=slider], .st-key-b input[type='range']").first.bounding_box()
        value = float(page.locator(".st-key-b input[type='range']").input_value())
        track = page.locator(".st-key-b [data-testid=stSlider]").bounding_box() or box
        return track["x"] + track["width"] * (value + 10) / 20, box["y"] + box["height"] / 2
    key, js = {
        "curve": ("curve", "d.layout.shapes.find((s) => s.name === 'current')"),
        "diagram": ("diagram", "d.layout.shapes[1]"),
        "line": ("points_chart", "d.data[0]"),
    }[what]
    x, y = page.evaluate(
        f"""() => {{ const d = document.querySelector('.st-key-{key} .js-plotly-plot'); const s = {js};
            return '{what}' === 'curve' ? [s.xanchor, s.yanchor]
                 : '{what}' === 'diagram' ? [(s.x0 + s.x1) / 2, (s.y0 + s.y1) / 2]
                 : [(s.x[0] + s.x[1]) / 2, (s.y[0] + s.y[1]) / 2]; }}"""
    )
    return at(page, key, x, y)


def drag(
    page: Page, what: str, by: tuple[float, float], moves: int = MOVES, frames: bool = False
) -> list[float]:
    """Drag `what` by `by` in `moves` pointer moves 16 ms apart and release; the frame intervals meanwhile."""
    start = grips(page, what)
    page.mouse.move(*start)
    page.mouse.down()
    if frames:
        page.evaluate(FRAMES)
    for k in range(1, moves + 1):
        page.mouse.move(start[0] + by[0] * k / moves, start[1] + by[1] * k / moves)
        page.wait_for_timeout(16)
    out = page.evaluate(INTERVALS) if frames else []
    page.mouse.up()
    return out


def idle(page: Page, moves: int = MOVES) -> list[float]:
    """The frame intervals of the same page left alone as long as a drag takes."""
    page.evaluate(FRAMES)
    page.wait_for_timeout(16 * moves)
    return page.evaluate(INTERVALS)


def released(page: Page, app: str, what: str, by: tuple[float, float]) -> float:
    """Ms from a drag's release to the frame in which the page's z has changed."""
    page.evaluate(ARM, Z[app])
    drag(page, what, by, moves=10)
    ms = page.evaluate(
        "() => Promise.race([window.__release, new Promise((r) => setTimeout(r, 20000, NaN))])"
    )
    if ms != ms:
        raise RuntimeError(f"the {what}'s release did not change the page's z within 20 s")
    page.wait_for_timeout(400)  # the rerun settled, as between a student's drags
    return ms


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--drags", type=int, default=8)
    args = p.parse_args()
    with ExitStack() as stack, sync_playwright() as pw:
        urls = {name: stack.enter_context(streamlit_server(APPS[name])) for name in ("app", "floor")}
        browser = pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 720})
        floor = browser.new_page(viewport={"width": 1280, "height": 720})
        frames: dict[str, list[float]] = {"idle": [], "curve": [], "diagram": [], "line": []}
        release: dict[str, list[float]] = {"curve": [], "diagram": [], "slider": [], "floor": []}
        page.goto(urls["app"])
        page.locator(".st-key-curve .js-plotly-plot").wait_for(timeout=60_000)
        floor.goto(urls["floor"])
        floor.locator("[data-testid=stText]").wait_for(timeout=60_000)
        for k in range(args.drags):  # in turns, so that each sees the same machine load
            sign = 1 if k % 2 == 0 else -1  # there and back: b stays in its range
            page.locator(".st-key-curve").scroll_into_view_if_needed()
            frames["idle"] += idle(page)
            frames["curve"] += drag(page, "curve", (sign * 60, 0), frames=True)
            page.wait_for_timeout(600)
            frames["diagram"] += drag(page, "diagram", (0, -sign * 60), frames=True)
            page.wait_for_timeout(600)
            release["curve"].append(released(page, "app", "curve", (sign * 30, 0)))
            release["diagram"].append(released(page, "app", "diagram", (0, -sign * 30)))
            release["slider"].append(released(page, "app", "slider", (sign * 30, 0)))
            release["floor"].append(released(floor, "floor", "slider", (sign * 30, 0)))
        page.goto(f"{urls['app']}/data?data=and")
        page.locator(".st-key-points_chart .js-plotly-plot").wait_for(timeout=60_000)
        page.locator(".st-key-points_chart").scroll_into_view_if_needed()
        for k in range(args.drags):
            sign = 1 if k % 2 == 0 else -1
            frames["line"] += drag(page, "line", (sign * 40, sign * 40), frames=True)
            page.wait_for_timeout(800)
        browser.close()
    med = {k: round(statistics.median(v), 1) for k, v in frames.items()}
    rel = {k: round(statistics.median(v), 1) for k, v in release.items()}
    figures = {
        "frame_ms_p50": med,
        "frame_ms_p95": {k: round(pct(v, 95), 1) for k, v in frames.items()},
        "frames_counted": {k: len(v) for k, v in frames.items()},
        "release_ms_p50": rel,
        "ratio_frame_vs_idle": {k: round(med[k] / med["idle"], 3) for k in ("curve", "diagram", "line")},
        "ratio_release_vs_slider": {k: round(rel[k] / rel["slider"], 3) for k in ("curve", "diagram")},
        "ratio_release_vs_floor": {
            k: round(rel[k] / rel["floor"], 3) for k in ("curve", "diagram", "slider")
        },
        "drags": args.drags,
    }
    for k in ("curve", "diagram", "line"):
        p95 = figures["frame_ms_p95"]
        print(
            f"frames while dragging the {k}: p50 / p95 {med[k]} / {p95[k]} ms, "
            f"idle {med['idle']} / {p95['idle']} ms"
        )
    for k in ("curve", "diagram", "slider", "floor"):
        print(f"release of the {k} to the page's z: p50 {rel[k]} ms")
    save("drag", figures)


if __name__ == "__main__":
    main()
