"""In Debian's Chromium: key press to the frame that shows the new point, blinks, and the first load.

Run from the project's root: `python -m bench.browser [--presses 12] [--starts 5]`.
The playground, the minimum and the floor (bench/server_cost.APPS), and the playground with every view.
"""

from __future__ import annotations

import argparse
import statistics
import time
from contextlib import ExitStack

from playwright.sync_api import Page, sync_playwright

from bench.server_cost import APPS, VIEWS
from bench.stats import against_floor, save
from tests.e2e.serve import CHROMIUM_ARGS, chromium_path, streamlit_server

# What "rendered" means for each app, as a JS predicate of the expected z.
RENDERED = {
    # The playground: the activation curve's point is drawn where z is on the z axis (within a pixel).
    "app": """z => {
        const p = document.querySelector('.st-key-curve .js-plotly-plot');
        if (!p || !p._fullLayout || !p.layout.shapes) return false;
        const i = p.layout.shapes.findIndex(s => s.name === 'current');
        // Cheap first (no layout forced on every DOM change): has Plotly been handed this z yet?
        if (i < 0 || Math.abs(p.layout.shapes[i].xanchor - z) > 1e-9) return false;
        const drawn = p.querySelector(`.shapelayer path[data-index="${i}"]`);
        if (!drawn) return false;
        const r = drawn.getBoundingClientRect(), svg = p.querySelector('.main-svg').getBoundingClientRect();
        const xa = p._fullLayout.xaxis;
        return Math.abs((r.left + r.right) / 2 - (svg.left + xa._offset + xa.l2p(z))) < 1;
    }""",
    # The floor: its one line of text shows z.
    "floor": """z => [...document.querySelectorAll('[data-testid=stText]')].some(e =>
                   e.textContent.trim() === 'z = ' + (Math.round(z * 1e4) / 1e4))""",
}
RENDERED["minimum"] = RENDERED["views"] = RENDERED["app"]  # the same activation curve, drawn the same way

# Resolve with the ms from the next keydown to the first animation frame after the DOM change that
# makes `rendered(z)` true: the frame in which the student sees the new point.
ARM = """([rendered, z]) => {
    const done = eval(rendered);
    window.__latency = new Promise(resolve => {
        let t0 = null;
        window.addEventListener('keydown', () => { t0 = performance.now(); }, {capture: true, once: true});
        const obs = new MutationObserver(() => {
            if (t0 !== null && done(z)) {
                obs.disconnect();
                requestAnimationFrame(() => resolve(performance.now() - t0));
            }
        });
        obs.observe(document.body, {subtree: true, childList: true, attributes: true, characterData: true});
    });
}"""

# Count, from now on, chart divs removed from the page and animation frames in which a chart that was
# there at the start is detached or shows no plot: a blink.
WATCH = """() => {
    const first = [...document.querySelectorAll('.js-plotly-plot')];
    const w = window.__watch = { removed: 0, blank: 0 };
    new MutationObserver(records => {
        for (const r of records) for (const n of r.removedNodes)
            if (n.nodeType === 1 && (n.matches('.js-plotly-plot') || n.querySelector('.js-plotly-plot')))
                w.removed++;
    }).observe(document.body, { childList: true, subtree: true });
    const tick = () => {
        if (!first.every(d => d.isConnected && d.querySelectorAll('.trace').length > 0)) w.blank++;
        requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
}"""

# Bytes the first load fetched over HTTP (the page and every file it loads; not the websocket).
FETCHED = """() => performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
                 .reduce((sum, e) => sum + e.transferSize, 0)"""


def ready(page: Page, name: str, z: float) -> None:
    page.wait_for_function(RENDERED[name], arg=z, timeout=30_000)


def press_latency(page: Page, name: str, presses: int, z: float = -1.0) -> list[float]:
    """Press → on the b slider `presses` times from z; each time, ms until the new z is rendered."""
    thumb = page.locator(".st-key-b input[type='range']")
    thumb.focus()
    out = []
    for _ in range(presses):
        z = round(z + 0.1, 10)
        page.evaluate(ARM, [RENDERED[name], z])
        thumb.press("ArrowRight")
        out.append(page.evaluate("() => window.__latency"))
        page.wait_for_timeout(150)  # let the rerun settle, as between a student's key presses
    return out


def cold_start(browser, url: str, name: str) -> tuple[float, int]:
    """Ms from opening the page in a fresh browser context to the full first render, and bytes fetched."""
    context = browser.new_context()
    page = context.new_page()
    start = time.perf_counter()
    page.goto(url)
    ready(page, name, -1.0)
    ms = (time.perf_counter() - start) * 1000
    fetched = page.evaluate(FETCHED)
    context.close()
    return ms, fetched


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--presses", type=int, default=12)
    p.add_argument("--starts", type=int, default=5)
    args = p.parse_args()
    figures: dict[str, dict[str, float]] = {}
    with ExitStack() as stack, sync_playwright() as pw:
        urls = {name: stack.enter_context(streamlit_server(path)) for name, path in APPS.items()}
        urls["views"] = f"{urls['app']}/?{VIEWS}"  # the playground with every optional view on
        browser = pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        starts: dict[str, list[tuple[float, int]]] = {name: [] for name in urls}
        for _ in range(args.starts + 1):  # in turns; the first of each warms the server up and is dropped
            for name, url in urls.items():
                starts[name].append(cold_start(browser, url, name))
        pages = {name: browser.new_page() for name in urls}
        for name, url in urls.items():
            pages[name].goto(url)
            ready(pages[name], name, -1.0)
            pages[name].evaluate(WATCH)
        latency: dict[str, list[float]] = {name: [] for name in urls}
        for k in range(args.presses):  # in turns, one press each, so all see the same machine load
            for name, page in pages.items():
                latency[name] += press_latency(page, name, 1, z=round(-1.0 + 0.1 * k, 10))
        watched = {name: page.evaluate("() => window.__watch") for name, page in pages.items()}
        browser.close()
    for name in urls:
        figures[name] = {
            "keypress_p50_ms": round(statistics.median(latency[name]), 1),
            "cold_start_p50_ms": round(statistics.median(ms for ms, _ in starts[name][1:]), 1),
            "cold_start_bytes": int(statistics.median(b for _, b in starts[name][1:])),
            "removed_per_move": round(watched[name]["removed"] / args.presses, 2),
            "blank_frames_per_move": round(watched[name]["blank"] / args.presses, 2),
        }
        f = figures[name]
        print(
            f"{name:8s} key press → frame p50 {f['keypress_p50_ms']:7.1f} ms   "
            f"per move: divs removed {f['removed_per_move']}, blank frames {f['blank_frames_per_move']}   "
            f"cold start p50 {f['cold_start_p50_ms']:7.1f} ms, {f['cold_start_bytes'] / 1e6:.2f} MB"
        )
    ratios = against_floor(figures, {"keypress": "keypress_p50_ms", "cold_start": "cold_start_p50_ms"})
    print(f"minimum ÷ floor: key press {ratios['minimum_ratio_keypress']:.3f}")
    print(f"views ÷ floor: key press {ratios['views_ratio_keypress']:.3f}")
    print(
        f"app ÷ floor: key press {ratios['ratio_keypress']:.3f} (target <= 1.5)   "
        f"cold start {ratios['ratio_cold_start']:.3f}"
    )
    save("browser", {**figures, **ratios, "presses": args.presses})


if __name__ == "__main__":
    main()
