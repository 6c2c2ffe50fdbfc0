"""The room in a real browser: a 1280x720 projector, a 960x540 slide, a 390x844 phone with touch."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Frame, Page, expect

from tests.e2e.test_browser import POINT_JS, TIMEOUT, open_app

# Every box the view must hold on screen: both charts, the curve's point, the chosen controls and the
# sentence, as [name, left, top, right, bottom] in the viewport's pixels.
BOXES_JS = """() => {
    const box = (name, el) => {
        const r = el.getBoundingClientRect();
        return [name, r.left, r.top, r.right, r.bottom];
    };
    const svgs = document.querySelectorAll('.neuron-chart .main-svg:first-of-type');
    const out = [...svgs].map((el, k) => box('chart ' + k, el));
    const plot = document.querySelector('.st-key-curve .js-plotly-plot');
    const s = plot.layout.shapes.find(s => s.name === 'current');
    const L = plot._fullLayout, r = plot.getBoundingClientRect();
    const x = r.left + L._size.l + L.xaxis.l2p(s.xanchor);
    const y = r.top + L._size.t + L.yaxis.l2p(s.yanchor);
    out.push(['point', x - 8, y - 8, x + 8, y + 8]);
    const chosen = '.st-key-chosen [data-testid=stSlider], .st-key-chosen [data-testid=stSelectbox]';
    for (const el of document.querySelectorAll(chosen)) out.push(box('control', el));
    const bold = [...document.querySelectorAll('[data-testid=stMarkdownContainer] strong')];
    out.push(box('sentence', bold.find(e => e.textContent.startsWith('z = '))));
    return out;
}"""
# Each text in the diagram (labels on the edges, values in the nodes, names beside them): its box.
TEXTS_JS = """() => [...document.querySelectorAll(
        '.st-key-diagram .annotation-text, .st-key-diagram .textpoint text')]
    .filter(t => t.textContent.trim())
    .map(t => {
        const r = t.getBoundingClientRect();
        return [t.textContent, r.left, r.top, r.right, r.bottom];
    })"""
VALUE_HEIGHT_JS = """() => Math.min(...[...document.querySelectorAll(
    '.st-key-chosen [data-testid=stSliderThumbValue] p')].map(p => p.getBoundingClientRect().height))"""


def on_screen(where: Page | Frame, width: int, height: int, charts: int = 2) -> None:
    """Every box of the view lies inside the viewport, and no two texts of the diagram overlap.

    charts=1 asks for the first chart only (the curve, which a phone shows right under the controls).
    """
    where.wait_for_function("() => document.querySelectorAll('.neuron-chart .main-svg').length >= 2")
    where.wait_for_timeout(800)  # the charts fit themselves to the window after they are drawn
    for name, left, top, right, bottom in where.evaluate(BOXES_JS):
        if name.startswith("chart ") and int(name[-1]) >= charts:
            continue
        assert left >= -1 and top >= -1 and right <= width + 1 and bottom <= height + 1, (
            name,
            left,
            top,
            right,
            bottom,
        )
    texts = where.evaluate(TEXTS_JS)
    assert len(texts) >= 8
    for k, (a, *p) in enumerate(texts):
        for b, *q in texts[k + 1 :]:
            apart = p[2] <= q[0] + 1 or q[2] <= p[0] + 1 or p[3] <= q[1] + 1 or q[3] <= p[1] + 1
            assert apart, f"{a!r} overlaps {b!r}"


def test_presenter_mode_fits_a_1280x720_projector(page: Page, app_url: str):
    page.set_viewport_size({"width": 1280, "height": 720})
    open_app(page, f"{app_url}/?present=true&controls=b,act")
    expect(page.get_by_role("heading", name="z = -1 → a = 0")).to_be_visible()
    on_screen(page, 1280, 720)
    assert page.evaluate(VALUE_HEIGHT_JS) >= 24  # the slider's value, readable from the back
    # the chosen select box's text is as large as the slider's value
    sizes = page.evaluate(
        """() => [document.querySelector('.st-key-act input[role=combobox]'),
                  document.querySelector('.st-key-b [data-testid=stSliderThumbValue] p')]
                 .map(e => parseFloat(getComputedStyle(e).fontSize))"""
    )
    assert sizes[0] >= sizes[1] >= 24, sizes


def test_a_slide_at_960x540_holds_the_view(page: Page, app_url: str):
    page.set_viewport_size({"width": 960, "height": 540})
    page.set_content(
        f'<iframe src="{app_url}/?embed=true&present=true&controls=b" width="960" height="540" '
        'style="border: 0; position: absolute; left: 0; top: 0"></iframe>'
    )
    frame = page.frame_locator("iframe")
    expect(frame.get_by_role("heading", name="z = -1 → a = 0")).to_be_visible(timeout=TIMEOUT)
    on_screen(page.frames[1], 960, 540)


@pytest.fixture
def phone(browser: Browser) -> Page:
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    yield context.new_page()
    context.close()


def touch(page: Page, points: list[tuple[float, float]]) -> None:
    """One finger: down at the first point, through the others, up at the last, as a phone sends it."""
    cdp = page.context.new_cdp_session(page)
    kinds = ["touchStart", *["touchMove"] * (len(points) - 1)]
    for kind, (x, y) in zip(kinds, points, strict=True):
        cdp.send("Input.dispatchTouchEvent", {"type": kind, "touchPoints": [{"x": x, "y": y}]})
        page.wait_for_timeout(16)
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})


def test_a_student_on_a_phone_moves_b_in_one_gesture_and_swipes_scroll(phone: Page, app_url: str):
    page = phone
    open_app(page, f"{app_url}/?controls=b")
    assert page.evaluate("() => matchMedia('(pointer: coarse)').matches")
    on_screen(page, 390, 844, charts=1)  # the slider and the curve with its point together, nothing to open
    slider = page.locator(".st-key-chosen [data-testid=stSlider]")
    track = slider.locator("[role=group] > div").first.bounding_box()
    thumb = slider.locator("[role=group] > div > div[data-rac]").first.bounding_box()
    value = slider.get_by_test_id("stSliderThumbValue")
    main = "() => document.querySelector('[data-testid=stMain]').scrollTop"
    # A vertical swipe that starts on the track, far from the thumb: the page scrolls, b stays -5.
    x, y = track["x"] + 0.8 * track["width"], track["y"] + track["height"] / 2
    touch(page, [(x, y - 8 * k) for k in range(0, 30)])
    page.wait_for_timeout(1500)
    expect(value).to_have_text("-5")
    assert page.evaluate(main) > 100
    # Back up, then one horizontal drag of the thumb: b changes and the curve's point follows.
    page.evaluate("() => document.querySelector('[data-testid=stMain]').scrollTo(0, 0)")
    page.wait_for_timeout(500)
    thumb = slider.locator("[role=group] > div > div[data-rac]").first.bounding_box()
    x, y = thumb["x"] + thumb["width"] / 2, thumb["y"] + thumb["height"] / 2
    touch(page, [(x + 12 * k, y) for k in range(0, 12)])
    expect(value).not_to_have_text("-5", timeout=TIMEOUT)
    b = float(value.inner_text())
    assert b > -5
    expect(page.get_by_role("heading", name=re.compile(r"^z = "))).to_have_text(
        re.compile(rf"z = {b + 4:g}"), timeout=TIMEOUT
    )
    page.wait_for_function(
        f"() => {{ const p = ({POINT_JS})(); return p && Math.abs(p[0] - {b + 4}) < 1e-6; }}", timeout=TIMEOUT
    )


@pytest.mark.parametrize("address", ["/?present=true", "/data?data=xor&present=true"])
def test_a_projectors_link_opens_with_the_sidebar_closed_and_fits_1280x720(page: Page, app_url: str, address):
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(f"{app_url}{address}")
    page.locator(".js-plotly-plot").nth(1).wait_for(timeout=TIMEOUT)
    expect(page.get_by_test_id("stExpandSidebarButton")).to_be_visible(timeout=TIMEOUT)  # closed: » opens it
    expect(page.get_by_test_id("stSidebar")).to_have_attribute("data-collapsed", "true")
    if address.startswith("/?"):
        on_screen(page, 1280, 720)


@pytest.mark.parametrize("query", ["?grad=true", "?grad=true&n=5", "?grad=true&present=true"])
def test_gradient_labels_keep_apart_on_the_diagram(page: Page, app_url: str, query: str):
    page.set_viewport_size({"width": 1280, "height": 720})
    open_app(page, f"{app_url}/{query}")
    page.wait_for_timeout(800)
    texts = page.evaluate(TEXTS_JS)
    assert sum("∂a/∂" in t[0] for t in texts) >= 3
    for k, (a, *p) in enumerate(texts):
        for b, *q in texts[k + 1 :]:
            apart = p[2] <= q[0] + 1 or q[2] <= p[0] + 1 or p[3] <= q[1] + 1 or q[3] <= p[1] + 1
            assert apart, f"{a!r} overlaps {b!r}"


WIDE_JS = """() => [...document.querySelectorAll('[data-testid=stCode] pre, .katex-display')].map(e => {
    const css = getComputedStyle(e);
    return [e.tagName, e.scrollWidth, e.clientWidth, css.overflowX, css.backgroundImage];
})"""


def test_on_a_phone_the_seeds_lines_wrap_and_a_wide_formula_shows_that_it_scrolls(phone: Page, app_url: str):
    page = phone
    open_app(page, f"{app_url}/?x1=2.5&w1=-1.5&x2=1.25&w3=0.75")  # z = -7.75: long products
    page.get_by_test_id("stCode").first.scroll_into_view_if_needed()
    shown = page.evaluate(WIDE_JS)
    code = [s for s in shown if s[0] == "PRE"]
    formulas = [s for s in shown if s[0] != "PRE"]
    assert code and all(scroll <= width for _, scroll, width, _, _ in code)  # the two lines wrap
    wide = [s for s in formulas if s[1] > s[2] + 1]
    assert wide  # the sum and the by-hand layout are wider than 390 px
    # each scrolls sideways and carries the shadows that say so (no scrollbar shows on a phone)
    assert all(over == "auto" and image.count("radial-gradient") == 2 for _, _, _, over, image in wide)
