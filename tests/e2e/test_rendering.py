"""Charts that update in place: across slider moves no chart div is removed and no frame shows a chart
without its plot, the point follows (z, a), and widths follow the window."""

from __future__ import annotations

from playwright.sync_api import Page, expect
from plotly.offline import get_plotlyjs_version

from neuron_core.numbers import fmt
from tests.e2e.test_browser import TIMEOUT, expect_numbers, expect_point, open_app

# Watch the page from now on: chart divs removed from the DOM, and animation frames in which any chart
# present at the start is missing, detached, empty or without its traces (what a student sees blink).
WATCH = """() => {
    const charts = () => [...document.querySelectorAll('.neuron-chart')];
    const first = charts();
    const w = window.__watch = { first, removed: 0, blank: 0, frames: 0, running: true };
    new MutationObserver(records => {
        for (const r of records) for (const n of r.removedNodes)
            if (n.nodeType === 1 && (n.matches('.neuron-chart, .js-plotly-plot')
                                     || n.querySelector('.neuron-chart, .js-plotly-plot'))) w.removed++;
    }).observe(document.body, { childList: true, subtree: true });
    const drawn = d => d.isConnected && d.querySelector('.main-svg') !== null
        && d.querySelectorAll('.trace').length > 0 && d.getBoundingClientRect().height > 0;
    const tick = () => {
        w.frames++;
        if (!first.every(drawn)) w.blank++;
        if (w.running) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    return first.length;
}"""
REPORT = """() => { const w = window.__watch; w.running = false;
    return { charts: w.first.length, connected: w.first.filter(d => d.isConnected).length,
             now: document.querySelectorAll('.neuron-chart').length,
             removed: w.removed, blank: w.blank, frames: w.frames }; }"""


def test_ten_key_presses_keep_every_chart_mounted_and_drawn(page: Page, app_url: str):
    open_app(page, app_url)
    page.locator(".st-key-terms .js-plotly-plot").wait_for(timeout=TIMEOUT)
    assert page.evaluate(WATCH) == 3  # the diagram, the curve and each term's share of z
    thumb = page.locator(".st-key-b input[type='range']")
    thumb.focus()
    for k in range(1, 11):
        thumb.press("ArrowRight")  # b: -5 → -4.9 → … → -4, z: -1 → 0
        z = round(-1 + 0.1 * k, 10)
        expect_numbers(page, fmt(z), fmt(max(z, 0.0)))
        expect_point(page, z, max(z, 0.0))
    report = page.evaluate(REPORT)
    assert report["frames"] > 10  # the watch really looked, frame by frame
    assert report == {**report, "charts": 3, "connected": 3, "now": 3, "removed": 0, "blank": 0}


def test_a_mouse_drag_moves_the_point_in_place(page: Page, app_url: str):
    open_app(page, app_url)
    page.evaluate(WATCH)
    thumb = page.locator(".st-key-b input[type='range']").locator("xpath=../..")  # the round thumb
    thumb.scroll_into_view_if_needed()
    box = thumb.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x + 60, y, steps=6)
    page.mouse.up()
    expect(page.get_by_test_id("stMetricValue").first).not_to_have_text("-1", timeout=TIMEOUT)
    z = float(page.get_by_test_id("stMetricValue").first.inner_text())
    expect_point(page, z, max(z, 0.0))
    report = page.evaluate(REPORT)
    assert report["removed"] == 0 and report["blank"] == 0 and report["connected"] == report["charts"]


def test_charts_follow_the_width_of_a_phone_and_a_resized_window(page: Page, app_url: str):
    # [width of the chart's div, width Plotly drew its plot at] for each chart
    widths = """() => [...document.querySelectorAll('.neuron-chart')].map(d =>
        [d.getBoundingClientRect().width, d.querySelector('.main-svg').getBoundingClientRect().width])"""
    page.set_viewport_size({"width": 390, "height": 844})
    open_app(page, app_url)
    page.locator(".st-key-terms .js-plotly-plot").wait_for(timeout=TIMEOUT)
    phone = page.evaluate(widths)
    assert all(200 < div <= 390 and abs(plot - div) <= 1 for div, plot in phone)
    # Wider and narrower again: every plot is redrawn at its div's new width.
    before = phone[0][0]
    for size in (1280, 640):
        page.set_viewport_size({"width": size, "height": 720})
        page.wait_for_function(
            f"""before => {{ const w = ({widths})();
                   return w[0][0] !== before && w.every(([div, plot]) => Math.abs(plot - div) <= 1); }}""",
            arg=before,
            timeout=TIMEOUT,
        )
        before = page.evaluate(widths)[0][0]
        assert before < size


def test_every_chart_has_a_name_for_screen_readers_and_plotlys_png_button(page: Page, app_url: str):
    open_app(page, app_url)
    curve = page.locator(".st-key-curve .neuron-chart")
    expect(curve).to_have_attribute("role", "figure")
    # Its drawing is hidden from assistive technology: the figure reads as its name, not as tick labels.
    expect(curve.locator(".main-svg").first).to_have_attribute("aria-hidden", "true")
    expect(curve).to_have_attribute("aria-label", "ReLU curve; the current point is z = -1, a = 0")
    thumb = page.locator(".st-key-b input[type='range']")
    thumb.focus()
    thumb.press("End")  # b = 10, z = 14
    expect(curve).to_have_attribute(
        "aria-label", "ReLU curve; the current point is z = 14, a = 14", timeout=TIMEOUT
    )
    curve.hover()
    expect(curve.locator(".modebar-btn[data-title='Download plot as a PNG']")).to_have_count(1)
    labels = page.locator(".neuron-chart").evaluate_all("ds => ds.map(d => d.getAttribute('aria-label'))")
    assert len(labels) == 3 and all(labels)


def test_plotly_js_comes_from_the_app_itself(page: Page, app_url: str):
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    open_app(page, app_url)
    version = get_plotlyjs_version()
    assert page.evaluate("() => window.Plotly.version") == version
    assert f"{app_url}/app/static/plotly-cartesian-{version}.min.js" in fetched
    assert [url for url in fetched if not url.startswith((app_url, "blob:", "data:"))] == []
