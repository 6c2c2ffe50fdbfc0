"""Lessons in Chromium: lesson neuron from its first step to its last with the mouse and the keyboard,
reloaded in the middle; lesson line on a phone by touch; a projected step on a 1280x720 first screen."""

from __future__ import annotations

import re

from playwright.sync_api import Browser, Page, expect

from tests.e2e.test_pages import ERRORS, on_screen_box, sized

TIMEOUT = 15_000


def heading(page: Page, text: str) -> None:
    expect(page.get_by_role("heading", level=1)).to_have_text(text, timeout=TIMEOUT)


def done(page: Page) -> None:
    expect(page.get_by_text("Done.", exact=False).first).to_be_visible(timeout=TIMEOUT)


def predict(page: Page, value: str) -> None:
    """Type a number into the prediction's box and press Enter, as a keyboard user does."""
    box = page.get_by_role("spinbutton").first
    box.fill(value)
    box.press("Enter")


def slide(page: Page, label: str, presses: int, key: str = "ArrowRight") -> None:
    """Move a slider by the keyboard, one step a press."""
    slider = page.get_by_role("slider", name=label)
    expect(slider).to_have_count(1, timeout=TIMEOUT)
    thumb = slider.element_handle()  # the one node, held: while a rerun draws, Streamlit may show two
    thumb.focus()
    for _ in range(presses):
        thumb.press(key)


def next_step(page: Page, title: str) -> None:
    """Next step by the keyboard: the button focused, then Enter."""
    button = page.get_by_role("button", name="Next step →")
    button.focus()
    button.press("Enter")
    heading(page, title)


def test_lesson_neuron_from_its_first_step_to_its_last_with_the_mouse_and_the_keyboard(
    page: Page, app_url: str
):
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(f"{app_url}/lessons")
    heading(page, "Lessons")
    page.get_by_role("button", name="Start: What one neuron computes").click()
    heading(page, "Predict z")
    expect(page.locator(".st-key-curve")).to_have_count(0)  # the prediction first: no chart yet
    predict(page, "1")  # a wrong try: a hint
    expect(page.get_by_text(re.compile(r"Not yet \(1 try\)\. Hint: Multiply"))).to_be_visible(timeout=TIMEOUT)
    predict(page, "-1")
    done(page)
    expect(page).to_have_url(re.compile(r"done=1-----"), timeout=TIMEOUT)
    next_step(page, "Make a stop being 0")
    live = page.locator(".neuron-live[role=status][aria-live=polite]")  # what a screen reader hears
    expect(live).to_have_text(
        re.compile(r"^Step 2 of 6: Make a stop being 0\. Only the bias"), timeout=TIMEOUT
    )
    expect(page.get_by_role("slider")).to_have_count(1)  # only b, as the step says
    slide(page, "bias b", 11)  # b: -5 → -3.9, z = 0.1
    done(page)
    expect(live).to_have_text(re.compile(r"^Done\. ReLU passes a positive z"), timeout=TIMEOUT)
    expect(page).to_have_url(re.compile(r"b=-3\.9"), timeout=TIMEOUT)
    next_step(page, "Predict the corner")
    page.get_by_role("spinbutton").first.fill("-4")
    page.get_by_role("button", name="Check").click()  # the mouse, this time
    expect(page.get_by_role("slider", name="bias b")).to_be_visible(timeout=TIMEOUT)
    expect(page.locator(".st-key-b [data-testid=stSliderThumbValue]")).to_have_text("-5")  # its own start
    slide(page, "bias b", 10)  # b → -4
    done(page)
    page.reload()  # the link alone: the same step, done, and the steps done before
    heading(page, "Predict the corner")
    done(page)
    expect(page).to_have_url(re.compile(r"done=111---"), timeout=TIMEOUT)
    next_step(page, "Flip the sign of a weight")
    predict(page, "1")
    done(page)
    next_step(page, "One more input")
    slide(page, "n, the number of inputs", 1)
    expect(page.get_by_role("slider", name="weight w₄")).to_be_visible(timeout=TIMEOUT)
    slide(page, "weight w₄", 11)  # w4 = 1.1: z = 0.1
    done(page)
    next_step(page, "Which way does z move?")
    page.get_by_role("radio", name="it goes up by 1").press("Space")  # the keyboard's way to choose
    page.get_by_role("button", name="Check").press("Enter")
    expect(page.get_by_text(re.compile("the lesson is done, 6 of 6 steps"))).to_be_visible(timeout=TIMEOUT)
    expect(page.locator(ERRORS)).to_have_count(0)


def test_a_projected_step_has_its_control_its_check_and_its_point_on_the_first_screen(
    browser: Browser, app_url: str
):
    page = sized(browser, "projector")
    page.goto(f"{app_url}/lessons?lesson=neuron&step=2")
    heading(page, "Make a stop being 0")
    point = page.locator(".st-key-curve .js-plotly-plot .main-svg").first
    point.wait_for(timeout=TIMEOUT)
    for where in (
        page.get_by_role("slider", name="bias b"),
        page.get_by_role("button", name="A hint"),
        point,
    ):
        assert on_screen_box(where.bounding_box(), page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    page.close()


def finger(page: Page, label: str, value: float, lo: float = -10.0, hi: float = 10.0) -> None:
    """Drag a slider's thumb with one finger to about `value`: touch events, as a phone sends them."""
    group = page.get_by_role("group", name=label)
    group.scroll_into_view_if_needed()
    track = group.locator("> div").first.bounding_box()  # the bar the thumb runs along
    thumb = group.get_by_test_id("stSliderThumbValue").locator("..").bounding_box()  # the thumb itself
    y = thumb["y"] + thumb["height"] / 2
    x0, x1 = thumb["x"] + thumb["width"] / 2, track["x"] + (value - lo) / (hi - lo) * track["width"]
    cdp = page.context.new_cdp_session(page)
    cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x0, "y": y}]})
    for i in range(1, 11):
        point = {"x": x0 + (x1 - x0) * i / 10, "y": y}
        cdp.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [point]})
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    cdp.detach()


def tapped(page: Page, name: str) -> None:
    page.get_by_role("button", name=name).tap()


def test_lesson_line_on_a_phone_by_touch(browser: Browser, app_url: str):
    """The whole of lesson line at 390x844, by a finger: sliders dragged, buttons and choices tapped."""
    page = sized(browser, "phone")
    page.goto(f"{app_url}/lessons?lesson=line")
    heading(page, "AND by hand")
    page.locator(".st-key-points_chart .main-svg").first.wait_for(timeout=TIMEOUT)
    expect(page.get_by_role("button", name="▶ Play")).to_have_count(0)  # by hand: nothing trains it
    finger(page, "weight w₂", 1.0)
    expect(page).to_have_url(re.compile(r"w2=(0\.[6-9]|1|1\.[0-4])(&|$)"), timeout=TIMEOUT)
    finger(page, "bias b", -1.5)
    done(page)  # w = (1, about 1), b about -1.5: 4 of 4
    tapped(page, "Next step →")
    heading(page, "OR by hand")
    tapped(page, "A hint")
    expect(page.get_by_text(re.compile("Hint: Now only"))).to_be_visible(timeout=TIMEOUT)
    finger(page, "weight w₂", 1.0)
    expect(page).to_have_url(re.compile(r"w2=(0\.[6-9]|1|1\.[0-4])(&|$)"), timeout=TIMEOUT)
    finger(page, "bias b", -0.5)
    done(page)
    tapped(page, "Next step →")
    heading(page, "The perceptron rule does it alone")
    expect(page.get_by_role("button", name="▶ Play")).to_have_count(1, timeout=TIMEOUT)  # epochs to play
    tapped(page, "Take ten epochs")
    expect(page).to_have_url(re.compile(r"epochs=10"), timeout=TIMEOUT)
    tapped(page, "Take one epoch")
    expect(page).to_have_url(re.compile(r"epochs=11"), timeout=TIMEOUT)
    tapped(page, "Take one epoch")
    done(page)  # AND, 4 of 4 at epoch 12
    tapped(page, "Next step →")
    heading(page, "XOR by hand")
    page.get_by_role("spinbutton").first.tap()
    page.get_by_role("spinbutton").first.fill("3")
    tapped(page, "Check")
    expect(page.get_by_role("slider", name="bias b")).to_be_visible(timeout=TIMEOUT)
    finger(page, "weight w₂", 1.0)
    expect(page).to_have_url(re.compile(r"w2=(0\.[6-9]|1|1\.[0-4])(&|$)"), timeout=TIMEOUT)
    finger(page, "bias b", -0.5)
    done(page)  # 3 of 4, the best a line does
    tapped(page, "Next step →")
    heading(page, "XOR and the perceptron rule")
    page.get_by_text("no, never", exact=True).tap()
    tapped(page, "Check")
    tapped(page, "Take ten epochs")
    expect(page).to_have_url(re.compile(r"epochs=10"), timeout=TIMEOUT)
    tapped(page, "Take ten epochs")
    expect(page.get_by_text(re.compile("the lesson is done, 5 of 5 steps"))).to_be_visible(timeout=TIMEOUT)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    expect(page.locator(ERRORS)).to_have_count(0)
    page.close()


def test_the_first_answer_after_the_server_starts_is_taken(browser: Browser):
    """Streamlit runs the first page after a server start by itself, with widgets of other ids than the
    routed runs after it: a first Check was lost. The page now runs again at once, through the router."""
    from tests.e2e.serve import streamlit_server

    with streamlit_server() as url:
        page = browser.new_page(viewport={"width": 1280, "height": 720})
        page.goto(f"{url}/lessons?lesson=neuron")
        heading(page, "Predict z")
        page.get_by_role("spinbutton").first.fill("1")
        page.get_by_role("button", name="Check").click()
        expect(page.get_by_text(re.compile(r"Not yet \(1 try\)"))).to_be_visible(timeout=TIMEOUT)
        page.close()
