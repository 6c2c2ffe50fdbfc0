"""Every student can use it: announced results, keyboard-only play, and axe-core's check in Chromium."""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from tests.e2e.test_browser import TIMEOUT, expect_numbers, open_app

LIVE = ".neuron-live[role=status][aria-live=polite]"


def test_each_change_is_announced_once_with_z_and_a(page: Page, app_url: str):
    open_app(page, app_url)
    expect(page.locator(LIVE)).to_have_text(
        "z = -1, a = 0: z is negative, so ReLU outputs 0.", timeout=TIMEOUT
    )
    said: list[str] = []
    page.expose_function("heard", lambda text: said.append(text))
    page.evaluate(
        """() => { const live = document.querySelector('.neuron-live');
                   new MutationObserver(() => window.heard(live.textContent))
                       .observe(live, {childList: true, characterData: true, subtree: true}); }"""
    )
    thumb = page.get_by_role("slider", name="bias b")
    thumb.focus()
    for _ in range(3):  # a burst of three presses: -4.7, one sentence for it
        thumb.press("ArrowRight")
    expect_numbers(page, "-0.7", "0")
    expect(page.locator(LIVE)).to_have_text(
        "z = -0.7, a = 0: z is negative, so ReLU outputs 0.", timeout=TIMEOUT
    )
    page.wait_for_timeout(1500)
    assert said == ["z = -0.7, a = 0: z is negative, so ReLU outputs 0."]


def test_the_sweep_plays_and_pauses_from_the_keyboard(page: Page, app_url: str):
    open_app(page, f"{app_url}/?sweep=b")
    chart = page.locator(".st-key-sweep_chart")
    chart.locator(".js-plotly-plot").wait_for(timeout=TIMEOUT)
    play = chart.get_by_role("button", name="▶ Play")
    page.get_by_role("button", name="Download the state as JSON").focus()  # then Tab back to Play
    for _ in range(12):
        if page.evaluate("() => document.activeElement.textContent") == "▶ Play":
            break
        page.keyboard.press("Shift+Tab")
    expect(play).to_be_focused()
    page.keyboard.press("Enter")
    title = "() => document.querySelector('.st-key-sweep_chart .js-plotly-plot').layout.title.text"
    page.wait_for_function(f"() => ({title})().startsWith('b = ')", timeout=TIMEOUT)
    page.keyboard.press("Tab")
    expect(chart.get_by_role("button", name="❚❚ Pause")).to_be_focused()
    page.keyboard.press("Enter")


@pytest.mark.parametrize("query", ["", "?present=true", "?mode=quiz&seed=3", "?controls=b,act"])
def test_axe_finds_nothing_serious(page: Page, app_url: str, query: str):
    page.goto(f"{app_url}/{query}")
    expect(page.get_by_role("heading", level=1).first).to_be_visible(timeout=TIMEOUT)
    page.wait_for_timeout(2500)  # the charts and formulas drawn
    results = Axe().run(page)
    serious = [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == [], re.sub(r"\s+", " ", str(serious))


def test_reset_brings_the_page_back_to_its_top(page: Page, app_url: str):
    open_app(page, f"{app_url}/?b=-3&grad=true")
    main = "() => document.querySelector('[data-testid=stMain]').scrollTop"
    page.evaluate("() => document.querySelector('[data-testid=stMain]').scrollTo(0, 900)")
    page.wait_for_timeout(300)
    assert page.evaluate(main) > 300
    page.get_by_role("button", name="↺ Reset").click()
    expect_numbers(page, "-1", "0")
    page.wait_for_function(f"() => ({main})() === 0", timeout=TIMEOUT)


def tab_to(page: Page, test: str, limit: int = 80) -> None:
    """Press Tab until the focused element passes `test` (JavaScript over `el`)."""
    for _ in range(limit):
        if page.evaluate(f"() => {{ const el = document.activeElement; return !!el && ({test}); }}"):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {test}")


def test_a_quiz_of_five_with_the_keyboard_only(page: Page, app_url: str):
    from neuron_core.numbers import fmt
    from neuron_core.quiz import exercise, solve

    page.goto(f"{app_url}/?mode=quiz&seed=3&count=5")
    for k in range(5):
        expect(page.get_by_role("heading", name=f"Quiz: exercise {k + 1} of 5")).to_be_visible(
            timeout=TIMEOUT
        )
        f = solve(exercise(3 + k))
        tab_to(page, "el.getAttribute('aria-label') === 'your z'")
        page.keyboard.type(fmt(f.z))
        tab_to(page, "el.getAttribute('aria-label') === 'your a'")
        page.keyboard.type(str(round(float(f.a), 4)))
        page.keyboard.press("Enter")  # submits the form: Check
        expect(page.get_by_text(f"a = {fmt(round(float(f.a), 4))}: right.")).to_be_visible(timeout=TIMEOUT)
        if k < 4:
            tab_to(page, "el.textContent.trim() === 'Next exercise →'")
            page.keyboard.press("Enter")
    expect(page.get_by_text("Done: 5 of 5 right without the solution.")).to_be_visible(timeout=TIMEOUT)


def test_each_control_is_named_once(page: Page, app_url: str):
    open_app(page, app_url)
    tree = page.locator("[data-testid=stSidebar]").aria_snapshot()
    assert 'slider "bias b": "-5"' in tree and "bias b bias b" not in tree
    page.get_by_role("slider", name="n, the number of inputs", exact=True).press("ArrowRight")  # n = 4
    expect(page.get_by_role("slider", name="input x₄", exact=True)).to_have_count(1, timeout=TIMEOUT)
    page.wait_for_timeout(500)
    assert "x₄ input x₄" not in page.locator("[data-testid=stSidebar]").aria_snapshot()


def contrast(rgb: str, against: str) -> float:
    """WCAG's contrast ratio of two CSS rgb() colours."""

    def luminance(colour: str) -> float:
        channels = [int(v) / 255 for v in re.findall(r"\d+", colour)[:3]]
        lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    hi, lo = sorted((luminance(rgb), luminance(against)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_focus_shows_at_3_to_1_or_more_on_switches_and_sliders(page: Page, app_url: str):
    open_app(page, app_url)
    sidebar = page.evaluate(
        "() => getComputedStyle(document.querySelector('[data-testid=stSidebar]')).backgroundColor"
    )
    for focus, ring in [
        ("switch", "el => el.closest('label')"),
        ("slider", "el => el.closest('[data-testid=stSlider] [data-rac][style*=absolute]')"),
    ]:
        tab_to(
            page, f"el.getAttribute('role') === '{focus}' || el.type === 'range' && '{focus}' === 'slider'"
        )
        style = page.evaluate(
            f"() => {{ const el = ({ring})(document.activeElement), s = getComputedStyle(el);"
            " return [s.outlineStyle, parseFloat(s.outlineWidth), s.outlineColor]; }"
        )
        assert style[0] == "solid" and style[1] >= 2, (focus, style)
        assert contrast(style[2], sidebar) >= 3 and contrast(style[2], "rgb(255, 255, 255)") >= 3, (
            focus,
            style,
        )
