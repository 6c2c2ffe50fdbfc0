"""The teacher's page in Chromium: a lesson's links built by clicks, its QR code projected full screen and
read back from the screen, the projector's link with the sidebar closed, the preview a student's page, copy
buttons a finger can tap, and honest addresses (this computer's own, or a room's)."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

from playwright.sync_api import BrowserType, Page, expect

from tests.e2e.serve import CHROMIUM_ARGS, chromium_path
from tests.e2e.test_browser import TIMEOUT, open_app, read_qr

LOOPBACK = re.compile(r"this computer's own address \(127\.0\.0\.1\)")


def links(page: Page) -> list[str]:
    """The links the teacher's page shows, as written: the students' first, then the projector's."""
    code = page.get_by_test_id("stCode")
    expect(code.first).to_be_visible(timeout=TIMEOUT)
    return [c.strip() for c in code.all_inner_texts()]


def test_a_teacher_builds_a_link_for_b_and_projects_its_qr_code_at_1280x720(page: Page, app_url: str):
    page.set_viewport_size({"width": 1280, "height": 720})
    open_app(page, f"{app_url}/?b=-3&act=tanh")
    page.get_by_test_id("stPageLink").get_by_role("link", name="Teach").click()  # this view chosen
    expect(page.get_by_role("heading", level=1)).to_have_text("Teach", timeout=TIMEOUT)
    expect(page.get_by_text(LOOPBACK)).to_be_visible()  # served on 127.0.0.1: no phone can open it
    assert links(page) == [f"{app_url}/?b=-3&act=tanh", f"{app_url}/?b=-3&act=tanh&present=true"]
    page.get_by_role("button", name="bias b").click()
    page.get_by_role("button", name="activation", exact=True).click()
    student = f"{app_url}/?b=-3&act=tanh&controls=b,act"
    expect(page.get_by_test_id("stCode").first).to_have_text(student, timeout=TIMEOUT)
    projector = links(page)[1]
    assert projector == f"{app_url}/?b=-3&act=tanh&present=true&controls=b,act"
    # The preview is the students' link itself: only b and the activation, the result as the title.
    frame = page.frame_locator("iframe").first
    expect(frame.get_by_role("heading", name=re.compile(r"^z = 1 "))).to_be_visible(timeout=TIMEOUT)
    expect(frame.get_by_role("slider")).to_have_count(1)
    # One click: the QR code alone, as large as the window holds, read back from the screen itself.
    page.get_by_role("button", name="Project the QR code full screen").click()
    qr = page.get_by_role("img", name="QR code of the students' link")
    expect(qr).to_be_visible(timeout=TIMEOUT)
    page.wait_for_timeout(500)
    box = qr.bounding_box()
    assert box["height"] >= 0.75 * 720 and box["y"] >= 0 and box["y"] + box["height"] <= 720
    expect(page.get_by_role("link", name="Playground")).to_be_hidden()  # the bar with the pages
    assert read_qr(page.screenshot()) == [student]  # a phone at the back of the room reads the screen
    expect(page.get_by_text("The neuron playground: move bias b and activation")).to_be_visible()
    address = page.locator(".st-key-qraddress p").inner_text()  # breaks after / ? and & where it must
    assert address.replace("\u200b", "") == student.removeprefix("http://")
    page.get_by_role("button", name="Back to the choices").click()
    expect(page.get_by_role("button", name="bias b")).to_be_visible(timeout=TIMEOUT)
    # The projector's link: presenter mode, the sidebar closed, only the chosen controls.
    page.goto(projector)
    page.locator(".js-plotly-plot").nth(1).wait_for(timeout=TIMEOUT)
    expect(page.get_by_test_id("stSidebar")).to_have_attribute("data-collapsed", "true")
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile(r"^z = 1 "))
    # Teach in the bar at the top takes the view of the page it was pressed on, as the sidebar's does.
    page.get_by_role("navigation").get_by_role("link", name="Teach").click()
    expect(page.get_by_test_id("stCode").first).to_have_text(student, timeout=TIMEOUT)


def test_a_quiz_set_and_a_lesson_from_the_teachers_page(page: Page, app_url: str):
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(f"{app_url}/teach")
    page.get_by_role("radio", name="Quiz").click()
    count = page.get_by_label("Exercises in the set")
    expect(count).to_have_value("5")  # a set of 5 to start from
    count.fill("6")
    count.press("Enter")
    expect(page.get_by_test_id("stCode").first).to_have_text(re.compile(r"/quiz\?count=6$"), timeout=TIMEOUT)
    expect(page.get_by_role("button", name="The worksheet")).to_be_visible()
    expect(page.get_by_role("button", name="Its answer key")).to_be_visible()
    (student,) = links(page)
    frame = page.frame_locator("iframe").first
    expect(frame.get_by_role("heading", name="Quiz: exercise 1 of 6")).to_be_visible(timeout=TIMEOUT)
    page.get_by_role("radio", name="Lessons").click()
    page.get_by_role("combobox", name="Lesson").click()
    page.get_by_role("option", name="A neuron draws a line").click()
    # the lesson's own steps, once the page has run for it (the step box is the lesson's own)
    expect(page.get_by_test_id("stCode").first).to_have_text(
        re.compile(r"/lessons\?lesson=line$"), timeout=TIMEOUT
    )
    page.get_by_role("combobox", name="Starting at step").click()
    page.get_by_role("option", name=re.compile(r"^2\. ")).click()
    expect(page.get_by_test_id("stCode").first).to_have_text(
        re.compile(r"/lessons\?lesson=line&step=2$"), timeout=TIMEOUT
    )
    kept = parse_qs(urlsplit(page.url).query)  # the choice, and its view as one value
    assert kept == {"activity": ["lessons"], "view": ["lesson=line&step=2"]}
    page.reload()  # the teacher's choices are in the page's own link
    expect(page.get_by_test_id("stCode").first).to_have_text(
        re.compile(r"lesson=line&step=2$"), timeout=TIMEOUT
    )
    assert student.endswith("/quiz?count=6")


def test_on_a_phone_the_copy_buttons_show_without_a_hover_and_the_qr_code_is_the_link(
    browser_type: BrowserType, browser_type_launch_args: dict, app_url: str
):
    browser = browser_type.launch(**browser_type_launch_args)
    try:
        page = browser.new_context(
            viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True
        ).new_page()
        open_app(page, f"{app_url}/?b=-3&act=tanh")
        page.get_by_test_id("stExpandSidebarButton").tap()
        page.get_by_test_id("stPageLink").get_by_role("link", name="Teach").tap()
        expect(page.get_by_role("heading", level=1)).to_have_text("Teach", timeout=TIMEOUT)
        # the sidebar the link was tapped in closes: it covered the whole page
        expect(page.get_by_test_id("stSidebar")).to_have_attribute("data-collapsed", "true", timeout=TIMEOUT)
        copy = page.get_by_role("button", name="Copy to clipboard")
        expect(copy).to_have_count(2, timeout=TIMEOUT)
        for button in (copy.first, copy.last):
            button.scroll_into_view_if_needed()
            expect(button).to_be_visible()  # without a hover: a phone has none
            box = button.bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= 390 and box["width"] >= 24
        img = page.get_by_role("img", name="QR code of the students' link above")
        src = img.get_attribute("src")
        served = page.request.get(src if src.startswith("http") else f"{app_url}{src}").body()
        assert read_qr(served) == [links(page)[0]] == [f"{app_url}/?b=-3&act=tanh"]
        width = page.evaluate("() => document.documentElement.scrollWidth")
        assert width <= 390  # nothing scrolls sideways
    finally:
        browser.close()


def test_a_rooms_address_says_nothing_of_this_computer_and_the_links_name_it(
    browser_type: BrowserType, browser_type_launch_args: dict, app_url: str
):
    """The same server, opened by a name that is not this computer's own (a school's host name, faked
    here by Chromium's resolver): no warning, and the links and the QR code name that address."""
    port = app_url.rsplit(":", 1)[1]
    args = [*CHROMIUM_ARGS, "--host-resolver-rules=MAP classroom.test 127.0.0.1"]
    browser = browser_type.launch(
        **{**browser_type_launch_args, "executable_path": chromium_path(), "args": args}
    )
    try:
        page = browser.new_page(viewport={"width": 1280, "height": 720})
        page.goto(f"http://classroom.test:{port}/teach?activity=quiz&seed=4&count=5")
        expect(page.get_by_test_id("stCode").first).to_have_text(
            f"http://classroom.test:{port}/quiz?seed=4&count=5", timeout=TIMEOUT
        )
        expect(page.get_by_text(LOOPBACK)).to_have_count(0)
        expect(page.get_by_test_id("stAlert")).to_have_count(0)
    finally:
        browser.close()
