"""The pages in Chromium: each at its address, old links sent to their page, a bad page name, and a new
user's walk at 1366x768 (b on the first screen, XOR on the first screen, the quiz and the data page from the
navigation, the teacher's page's QR code read back to the address)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.test_browser import TIMEOUT, open_app, read_qr

ERRORS = "[data-testid=stException], [data-testid=stAlertContentError]"


@pytest.mark.parametrize(
    ("address", "heading"),
    [("/", "Neuron Playground"), ("/data", "The neuron meets data: OR"), ("/quiz", "Quiz: exercise 1")],
)
def test_each_page_opens_at_its_address(page: Page, app_url: str, address: str, heading: str):
    page.goto(app_url + address)
    expect(page.get_by_role("heading", level=1)).to_have_text(heading, timeout=TIMEOUT)
    expect(page.locator(ERRORS)).to_have_count(0)
    nav = page.get_by_test_id("stTopNavLinkContainer").or_(page.get_by_role("navigation")).first
    expect(nav).to_be_visible()


@pytest.mark.parametrize(
    ("old", "now", "heading"),
    [
        ("/?mode=quiz&seed=4", "/quiz?seed=4", "Quiz: exercise 4"),
        ("/?mode=quiz&seed=4&count=3&q=2&got=1", "/quiz?seed=4&count=3&q=2&got=1", "Quiz: exercise 2 of 3"),
        ("/?data=xor&epochs=10", "/data?data=xor&epochs=10&b=-5&act=relu", "The neuron meets data: XOR"),
    ],
)
def test_an_old_link_opens_its_page_with_its_values(
    page: Page, app_url: str, old: str, now: str, heading: str
):
    page.goto(app_url + old)
    expect(page.get_by_role("heading", level=1)).to_have_text(heading, timeout=TIMEOUT)
    expect(page).to_have_url(app_url + now, timeout=TIMEOUT)
    expect(page.locator(ERRORS)).to_have_count(0)


def test_an_old_quiz_link_takes_its_first_answer(page: Page, app_url: str):
    """The values a student gives right after the switch to the quiz's own address are kept."""
    page.goto(f"{app_url}/?mode=quiz&seed=3")  # z = 1, a = 1
    expect(page.get_by_role("heading", level=1)).to_have_text("Quiz: exercise 3", timeout=TIMEOUT)
    page.get_by_label("your z").fill("1")
    page.get_by_label("your a").fill("0")
    page.get_by_role("button", name="Check").click()
    expect(page.get_by_text("z = 1: right. a = 0: not quite.")).to_be_visible(timeout=TIMEOUT)


def test_a_bad_page_name_opens_the_playground_with_one_notice(page: Page, app_url: str):
    page.goto(f"{app_url}/nosuch?b=2")
    expect(page.get_by_role("heading", level=1)).to_have_text("Neuron Playground", timeout=TIMEOUT)
    dialog = page.get_by_role("dialog")
    expect(dialog).to_have_count(1, timeout=TIMEOUT)
    expect(dialog).to_contain_text("Page not found")
    expect(page.locator(".st-key-b [data-testid=stSliderThumbValue]")).to_have_text("2")  # the link's b
    expect(page.locator(ERRORS)).to_have_count(0)


def on_screen(page: Page, selector: str) -> bool:
    """Whether all of the element is inside the window, as it is now scrolled."""
    return on_screen_box(page.locator(selector).first.bounding_box(), page)


def test_a_new_user_at_1366x768(page: Page, app_url: str):
    """b without scrolling the sidebar; the data page and XOR from the navigation, seen on the first
    screen; a quiz set; the teacher's page's QR code read back to the address."""
    page.set_viewport_size({"width": 1366, "height": 768})
    open_app(page, app_url)
    assert on_screen(page, ".st-key-b [data-testid=stSlider]")  # the intro's first request, no scroll
    thumb = page.get_by_role("slider", name="bias b")
    thumb.press("ArrowRight")  # b: -5 → -4.9
    expect(page).to_have_url(re.compile(r"\?b=-4\.9$"), timeout=TIMEOUT)
    address = page.url
    page.get_by_test_id("stPageLink").get_by_role("link", name="Teach").click()  # the teacher's page
    qr = page.get_by_role("img", name="QR code of the students' link above")
    expect(qr).to_be_visible(timeout=TIMEOUT)
    src = qr.get_attribute("src")
    png = page.request.get(src if src.startswith("http") else f"{app_url}{src}").body()
    assert read_qr(png) == [address]  # a phone's camera opens the address on screen

    page.get_by_role("link", name="Data").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("The neuron meets data: OR", timeout=TIMEOUT)
    expect(page).to_have_url(f"{app_url}/data", timeout=TIMEOUT)
    expect(page.locator(".st-key-b [data-testid=stSliderThumbValue]")).to_have_text("0")  # its own start
    page.get_by_role("combobox", name=re.compile("data: points to classify")).click()
    page.get_by_role("option", name="XOR").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("The neuron meets data: XOR", timeout=TIMEOUT)
    expect(page).to_have_url(f"{app_url}/data?data=xor", timeout=TIMEOUT)
    page.wait_for_timeout(500)
    chart = ".st-key-points_chart .js-plotly-plot .main-svg"
    page.locator(chart).first.wait_for(timeout=TIMEOUT)
    box = page.locator(chart).first.bounding_box()
    assert box["y"] < page.viewport_size["height"] - 150  # the points begin on the first screen

    page.get_by_role("link", name="Quiz").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Quiz: exercise 1", timeout=TIMEOUT)
    page.goto(f"{app_url}/quiz?seed=7&count=5")  # a set, as a teacher's link gives it
    expect(page.get_by_role("heading", level=1)).to_have_text("Quiz: exercise 1 of 5", timeout=TIMEOUT)
    page.get_by_role("link", name="Playground").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Neuron Playground", timeout=TIMEOUT)
    expect(page.locator(".st-key-b [data-testid=stSliderThumbValue]")).to_have_text("-5")  # the example


ROOM = {"projector": (1280, 720), "slide": (960, 540), "phone": (390, 844)}


def sized(browser: Browser, size: str) -> Page:
    """A page at one of the room's sizes (a phone with touch)."""
    w, h = ROOM[size]
    phone = w < 500
    return browser.new_page(viewport={"width": w, "height": h}, has_touch=phone, is_mobile=phone)


@pytest.mark.parametrize("size", list(ROOM))
def test_the_data_page_in_presenter_mode_shows_the_points_on_the_first_screen(
    browser: Browser, app_url: str, size: str
):
    page = sized(browser, size)
    page.goto(f"{app_url}/data?data=xor&present=true")
    svg = page.locator(".st-key-points_chart .main-svg").first
    svg.wait_for(timeout=TIMEOUT)
    # The chart is fitted to what is left of the window once it is drawn.
    page.wait_for_function(
        "() => { const r = document.querySelector('.st-key-points_chart .main-svg').getBoundingClientRect();"
        " return r.top >= 0 && r.bottom <= window.innerHeight; }",
        timeout=TIMEOUT,
    )
    points = page.locator(".st-key-points_chart .scatterlayer .point")
    assert points.count() >= 4 and all(on_screen_box(p.bounding_box(), page) for p in points.all())
    assert page.evaluate("document.documentElement.scrollWidth") <= ROOM[size][0]  # no sideways scroll
    expect(page.locator(ERRORS)).to_have_count(0)
    page.close()


@pytest.mark.parametrize("size", list(ROOM))
def test_the_quiz_page_fits_the_rooms_sizes(browser: Browser, app_url: str, size: str):
    page = sized(browser, size)
    page.goto(f"{app_url}/quiz?seed=3")
    expect(page.get_by_role("heading", level=1)).to_have_text("Quiz: exercise 3", timeout=TIMEOUT)
    layout = page.locator(".katex-display").first
    layout.wait_for(timeout=TIMEOUT)
    assert on_screen_box(page.get_by_role("heading", level=1).bounding_box(), page)
    assert layout.bounding_box()["y"] < ROOM[size][1]  # the exercise starts on the first screen
    assert page.evaluate("document.documentElement.scrollWidth") <= ROOM[size][0]
    page.close()


def on_screen_box(box: dict | None, page: Page) -> bool:
    """Whether a bounding box is all inside the window."""
    w, h = page.viewport_size["width"], page.viewport_size["height"]
    return (
        box is not None
        and box["x"] >= 0
        and box["y"] >= 0
        and box["x"] + box["width"] <= w
        and box["y"] + box["height"] <= h
    )
