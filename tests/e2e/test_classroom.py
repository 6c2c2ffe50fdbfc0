"""Classroom features in a real browser: quiz links, the downloaded script, presenter mode, an iframe."""

from __future__ import annotations

import re
import subprocess
import sys

from playwright.sync_api import Browser, Page, expect

from tests.e2e.test_browser import TIMEOUT, Sent, open_app

TEX = "() => [...document.querySelectorAll('annotation')].map(a => a.textContent).join('\\n')"


def open_quiz(page: Page, url: str, seed: int) -> str:
    """Open exercise `seed`; return the TeX of the formulas on the page."""
    page.goto(f"{url}/?mode=quiz&seed={seed}")
    expect(page.get_by_role("heading", name=f"Quiz: exercise {seed}")).to_be_visible(timeout=TIMEOUT)
    page.locator("annotation").first.wait_for(state="attached", timeout=TIMEOUT)
    return page.evaluate(TEX)


def test_a_quiz_link_is_the_same_exercise_everywhere_and_hides_the_answer(browser: Browser, app_url: str):
    pages = [browser.new_context().new_page() for _ in range(2)]  # two students, two browsers' worth of state
    first, second = (open_quiz(p, app_url, 3) for p in pages)
    assert first == second and r"0 & 2 & 2 & -3" in first
    page = pages[0]
    # Nothing of the answer before a guess: no numbers, no charts, no worked lines.
    expect(page.get_by_test_id("stMetric")).to_have_count(0)
    expect(page.locator(".js-plotly-plot")).to_have_count(0)
    expect(page.get_by_test_id("stCode")).to_have_count(0)
    assert "= 1" not in page.evaluate(TEX) and "non-negative" not in page.inner_text("body")

    assert open_quiz(pages[1], app_url, 4) != first  # another seed, another exercise

    page.get_by_label("your z").fill("1")
    page.get_by_label("your a").fill("1")
    page.get_by_label("your a").press("Enter")  # a keyboard user submits the form with Enter
    expect(page.get_by_text("z = 1: right.")).to_be_visible(timeout=TIMEOUT)
    expect(page.get_by_text("a = 1: right.")).to_be_visible()
    expect(page.get_by_text("ReLU: 1 → 1 because 1 is non-negative.")).to_be_visible()
    page.get_by_role("button", name="Next exercise →").click()
    expect(page).to_have_url(re.compile(r"seed=4"), timeout=TIMEOUT)
    expect(page.get_by_role("heading", name="Quiz: exercise 4")).to_be_visible(timeout=TIMEOUT)
    for p in pages:
        p.context.close()


def test_the_downloaded_script_prints_the_lines_the_page_shows(page: Page, app_url: str, tmp_path):
    open_app(page, f"{app_url}/?n=2&x1=1.5&x2=-2&w1=3&w2=0.5&b=0.2&act=sigmoid")
    shown = page.get_by_test_id("stCode").first.inner_text().strip()
    with page.expect_download(timeout=TIMEOUT) as download:
        page.get_by_role("button", name="Download as a Python script").click()
    path = tmp_path / "neuron.py"
    download.value.save_as(path)
    out = subprocess.run(
        [sys.executable, str(path)], capture_output=True, text=True, encoding="utf-8", timeout=60
    )
    assert out.returncode == 0 and out.stdout.strip() == shown
    assert shown.splitlines()[1].startswith("sigmoid: 3.7 → ")


def test_presenter_mode_from_the_keyboard(page: Page, app_url: str):
    open_app(page, app_url)
    switch = page.get_by_role("switch", name="Presenter mode")
    switch.focus()
    switch.press("Space")
    expect(page.get_by_role("heading", name="z = -1 → a = 0")).to_be_visible(timeout=TIMEOUT)
    expect(page).to_have_url(re.compile(r"present=true"), timeout=TIMEOUT)
    expect(page.get_by_test_id("stCode")).to_have_count(0)
    expect(page.locator(".js-plotly-plot")).to_have_count(2)


def test_the_page_works_inside_an_iframe_for_slides(page: Page, app_url: str):
    page.set_content(f'<iframe src="{app_url}/?embed=true&b=-3" width="1280" height="900"></iframe>')
    frame = page.frame_locator("iframe")
    expect(frame.get_by_test_id("stMetricValue").first).to_have_text("1", timeout=TIMEOUT)
    expect(frame.get_by_test_id("stException")).to_have_count(0)


def test_a_sweep_plays_in_the_browser_without_the_server(page: Page, app_url: str):
    sent = Sent(page)
    open_app(page, f"{app_url}/?sweep=b")
    chart = page.locator(".st-key-sweep_chart")
    chart.locator(".js-plotly-plot").wait_for(timeout=TIMEOUT)
    start = page.evaluate("() => document.querySelector('.st-key-sweep_chart .js-plotly-plot').data[1].x[0]")
    sent.listening = True
    chart.get_by_text("▶ Play").click()
    page.wait_for_function(
        """x0 => { const p = document.querySelector('.st-key-sweep_chart .js-plotly-plot');
                   return p.data[1].x[0] !== x0 && p.layout.title.text.startsWith('b = '); }""",
        arg=start,
        timeout=TIMEOUT,
    )
    assert sent.reruns() == []


def test_a_training_step_in_the_browser_survives_a_reload(page: Page, app_url: str):
    open_app(page, f"{app_url}/?train=true&b=-3&y=3&lr=0.01")
    expect(page.get_by_text("After 0 steps")).to_be_visible(timeout=TIMEOUT)
    page.get_by_role("button", name="Take one step").click()
    expect(page.get_by_text("After 1 step:")).to_be_visible(timeout=TIMEOUT)
    expect(page).to_have_url(re.compile(r"[?&]steps=1(&|$)"), timeout=TIMEOUT)
    page.reload()
    expect(page.get_by_text("After 1 step:")).to_be_visible(timeout=TIMEOUT)
    # replayed from the link: a = 1 + 0.04 (4 + 1 + 9 + 1) = 1.6, so the loss is (1.6 - 3)² = 1.96
    expect(page.get_by_text("loss = 1.96")).to_be_visible()


PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True}
IN_VIEW = (
    """(el) => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }"""
)


def test_a_set_on_a_phone_shows_each_answer_where_the_student_looks_and_survives_a_reload(
    browser: Browser, app_url: str
):
    from neuron_core.numbers import fmt
    from neuron_core.quiz import exercise, solve

    page = browser.new_context(**PHONE).new_page()
    page.goto(f"{app_url}/?mode=quiz&seed=3&count=5")
    for k in range(5):
        heading = page.get_by_role("heading", name=f"Quiz: exercise {k + 1} of 5")
        expect(heading).to_be_visible(timeout=TIMEOUT)
        page.wait_for_timeout(300)
        assert heading.evaluate(IN_VIEW), f"exercise {k + 1} does not start at its top"
        if k == 2:  # a reload in the middle of the set (a phone that lost its connection, say)
            page.reload()
            expect(heading).to_be_visible(timeout=TIMEOUT)
        f = solve(exercise(3 + k))
        a = fmt(f.a) if f.exact else str(round(float(f.a), 4))
        page.get_by_label("your z").tap()
        page.get_by_label("your z").fill(fmt(f.z))
        page.get_by_label("your a").tap()
        page.get_by_label("your a").fill(a)
        page.get_by_role("button", name="Check").tap()
        said = page.get_by_text(f"a = {a}: right.")
        expect(said).to_be_visible(timeout=TIMEOUT)
        page.wait_for_timeout(300)
        assert said.evaluate(IN_VIEW), f"exercise {k + 1}: the feedback is off the screen"
        if k < 4:
            page.get_by_role("button", name="Next exercise →").tap()
    done = page.get_by_text("Done: 5 of 5 right without the solution.")
    expect(done).to_be_visible(timeout=TIMEOUT)
    assert done.evaluate(IN_VIEW), "the score is off the screen"
    assert "got=11111" in page.url
