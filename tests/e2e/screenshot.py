"""Take the README's screenshots of the running app in Debian's Chromium.

Run from the project's root: `python -m tests.e2e.screenshot`.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from playwright.sync_api import Page, sync_playwright

from tests.e2e.serve import CHROMIUM_ARGS, ROOT, chromium_path, streamlit_server

DESKTOP = {"width": 1440, "height": 1100}
DATA = {"width": 1280, "height": 960}


def answer_quiz(page: Page) -> None:
    """Enter the right answer for exercise 3 (z = 1, a = 1) and check it: the worked solution shows."""
    page.get_by_label("your z").fill("1")
    page.get_by_label("your a").fill("1")
    page.get_by_role("button", name="Check").click()
    page.get_by_text("The worked solution").wait_for()


def to_the_data(page: Page) -> None:
    """Scroll the data's sentence (its epoch, points right and loss) to the top of the window."""
    page.locator(".js-plotly-plot").nth(1).wait_for(timeout=60_000)
    page.get_by_text("Where it says 1").first.evaluate("e => e.scrollIntoView({block: 'start'})")
    page.evaluate("() => document.querySelector('[data-testid=stMain]').scrollBy(0, -72)")


def play_the_data(page: Page) -> None:
    """The data's sentence at the top, then ▶ Play to the last epoch it shows."""
    to_the_data(page)
    page.locator(".st-key-points_chart").get_by_role("button", name="▶ Play").click()
    page.wait_for_function(
        "() => document.querySelector('.st-key-points_chart .js-plotly-plot').layout.title.text"
        ".startsWith('epoch 25:')",
        timeout=60_000,
    )


def preview_drawn(page: Page) -> None:
    """The teacher's page: wait for the student's preview (an iframe of the students' link) to draw."""
    page.frame_locator("iframe").first.locator(".js-plotly-plot").nth(1).wait_for(timeout=60_000)


def live_room(page: Page) -> None:
    """A live class started on the teacher's page, five students answering on phones of their own (three
    right, one with the bias forgotten, one with a product's sign flipped), the dashboard as it refreshes."""
    import re

    page.get_by_role("button", name="Start a live class with this link").click()
    page.get_by_role("heading", name=re.compile(r"^Class ")).wait_for(timeout=60_000)
    link = page.get_by_test_id("stCode").first.inner_text().strip()
    for z, a in (("1", "1"), ("1", "1"), ("1", "1"), ("4", "4"), ("-7", "0")):
        student = page.context.browser.new_context(viewport={"width": 390, "height": 844}).new_page()
        student.goto(link)
        student.get_by_text(re.compile(r"^Part of class")).wait_for(timeout=60_000)
        student.get_by_label("your z").fill(z)
        student.get_by_label("your a").fill(a)
        student.get_by_role("button", name="Check").click()
        student.get_by_test_id("stAlert").first.wait_for(timeout=60_000)
    page.get_by_role("heading", name=re.compile(r"3 of 5 right")).wait_for(timeout=60_000)
    page.wait_for_timeout(2500)


def held(page: Page, start: tuple[float, float], by: tuple[float, float]) -> None:
    """A mouse drag from `start` by `by`, held down: the picture shows the preview before the release."""
    page.mouse.move(*start)
    page.mouse.down()
    for k in range(1, 21):
        page.mouse.move(start[0] + by[0] * k / 20, start[1] + by[1] * k / 20)
        page.wait_for_timeout(16)


def drag_point(page: Page) -> None:
    """The curve's point grabbed and dragged 110 px to the right: z and a beside it, not yet released."""
    from tests.e2e.test_drag import at

    page.locator(".st-key-curve").evaluate("e => e.scrollIntoView({block: 'center'})")
    held(page, at(page, "curve", -1, 0), (110, 0))


def drag_weight(page: Page) -> None:
    """w₂'s edge grabbed and dragged up by 80 px (-1 to 1): its number, z and a follow, not yet released."""
    from tests.e2e.test_drag import edge_middle

    page.locator(".st-key-diagram").evaluate("e => e.scrollIntoView({block: 'center'})")
    held(page, edge_middle(page, 1), (0, -80))


def drag_line(page: Page) -> None:
    """AND's line x₁ + x₂ = 0.5 grabbed in its middle and moved towards (1, 1) until that corner is alone
    on its side: 4 of 4, not yet released."""
    from tests.e2e.test_drag import at, line_ends

    page.locator(".st-key-points_chart").evaluate("e => e.scrollIntoView({block: 'center'})")
    (x0, x1), (y0, y1) = line_ends(page)
    held(page, at(page, "points_chart", (x0 + x1) / 2, (y0 + y1) / 2), (78, -78))


def scroll_to_by_hand(page: Page) -> None:
    page.get_by_text("By hand", exact=True).scroll_into_view_if_needed()


# name: (query, viewport, what to do before the picture, whole page)
SHOTS: dict[str, tuple[str, dict, Callable[[Page], None] | None, bool]] = {
    "screenshot.png": ("", DESKTOP, None, True),
    "screenshot-by-hand.png": ("", {"width": 1440, "height": 2000}, None, True),
    "screenshot-quiz.png": ("quiz?seed=3", DESKTOP, None, True),
    "screenshot-quiz-checked.png": ("quiz?seed=3", {"width": 1440, "height": 2400}, answer_quiz, True),
    "screenshot-presenter.png": ("?present=true", DESKTOP, None, True),
    "screenshot-gradients.png": ("?grad=true", DESKTOP, None, True),
    "screenshot-landscape.png": ("?land=true&j=3&b=-2", {"width": 1440, "height": 2200}, None, True),
    "screenshot-phone.png": ("?n=2&x1=1&x2=2&w1=3&w2=-1&b=0.5", {"width": 390, "height": 844}, None, False),
    # The data page: XOR, which no line splits, and OR (where it starts) after ▶ Play; a laptop's first
    # screen of the playground (b without a scroll) and of the data page with XOR chosen.
    "screenshot-xor.png": ("data?data=xor&epochs=200", DATA, to_the_data, False),
    "screenshot-or-played.png": ("data", DATA, play_the_data, False),
    "screenshot-laptop.png": ("", {"width": 1366, "height": 768}, None, False),
    "screenshot-laptop-data.png": ("data?data=xor", {"width": 1366, "height": 768}, None, False),
    # Lessons: a step done on a projector (its control, its why and the point on one screen), and AND by
    # hand, 4 of 4.
    "screenshot-lesson.png": (
        "lessons?lesson=neuron&step=2&done=1&b=-3.9",
        {"width": 1280, "height": 720},
        None,
        False,
    ),
    "screenshot-lesson-line.png": (
        "lessons?lesson=line&w2=1&b=-1.5",
        {"width": 1280, "height": 720},
        None,
        False,
    ),
    # The room: a teacher's link on a projector, on a slide (in an iframe, as slides embed it), on a phone.
    "screenshot-projector.png": ("?present=true&controls=b,act", {"width": 1280, "height": 720}, None, False),
    "screenshot-slide.png": (
        "iframe:?embed=true&present=true&controls=b",
        {"width": 960, "height": 540},
        None,
        False,
    ),
    "screenshot-phone-teacher-link.png": (
        "?controls=b&compare=sigmoid",
        {"width": 390, "height": 844},
        None,
        False,
    ),
    # The teacher's page, at a school's address (ROOM): b and the activation chosen, the links, the QR
    # code and the preview; then its QR code projected full screen.
    "screenshot-teach.png": (
        "teach?b=-3&act=tanh&controls=b,act",
        {"width": 1280, "height": 1560},
        preview_drawn,
        False,
    ),
    "screenshot-dashboard.png": (
        "teach?activity=quiz&view=seed%3D3%26count%3D1",
        {"width": 1280, "height": 1000},
        live_room,
        False,
    ),
    # Grabbing the neuron: each drag's preview while the pointer is still down.
    "screenshot-drag-point.png": ("", {"width": 1280, "height": 720}, drag_point, False),
    "screenshot-drag-weight.png": ("", {"width": 1280, "height": 720}, drag_weight, False),
    "screenshot-drag-line.png": (
        "data?data=and&w2=1&b=-0.5",
        {"width": 1280, "height": 720},
        drag_line,
        False,
    ),
    "screenshot-teach-qr.png": (
        "teach?b=-3&act=tanh&controls=b,act&qr=true",
        {"width": 1280, "height": 720},
        None,
        False,
    ),
}
# The teacher's page's screenshots are taken at a school's host name, mapped by Chromium to this server: its
# links then name an address the room can open, as they do on a school's server or Community Cloud.
ROOM = "neuron.school.example"
IFRAME = (
    '<iframe src="{}" width="{}" height="{}" style="border: 0; position: absolute; left: 0; top: 0"></iframe>'
)


def main(only: list[str]) -> int:
    """Write each screenshot in SHOTS (or those named) to docs/."""
    exe = chromium_path()
    if exe is None:
        print("no Chromium here: apt-get install -y chromium", file=sys.stderr)
        return 2
    with streamlit_server() as url, sync_playwright() as p:
        rule = f"--host-resolver-rules=MAP {ROOM} 127.0.0.1"
        browser = p.chromium.launch(executable_path=exe, args=[*CHROMIUM_ARGS, rule])
        for name, (query, viewport, act, full) in SHOTS.items():
            if only and name not in only:
                continue
            phone = viewport["width"] < 500
            page = browser.new_page(
                viewport=viewport, device_scale_factor=1, has_touch=phone, is_mobile=phone
            )
            if query.startswith("iframe:"):
                page.set_content(IFRAME.format(f"{url}/{query[7:]}", viewport["width"], viewport["height"]))
                page.wait_for_timeout(500)
                page.frames[1].wait_for_function(
                    "() => document.querySelectorAll('.js-plotly-plot').length >= 2", timeout=60_000
                )
            else:
                page.goto(f"{url.replace('127.0.0.1', ROOM) if query.startswith('teach') else url}/{query}")
            # Ready when the charts are drawn, or, on a quiz before a guess, the formulas, or on the
            # teacher's page its QR code.
            (page.frames[-1] if query.startswith("iframe:") else page).wait_for_function(
                "() => document.querySelectorAll('.js-plotly-plot').length >= 2"
                " || (location.pathname.endsWith('/quiz') && document.querySelector('annotation'))"
                " || (location.pathname.endsWith('/teach')"
                " && document.querySelector('[data-testid=stImage] img'))",
                timeout=60_000,
            )
            if act:
                act(page)
            page.wait_for_timeout(1500)  # let charts and formulas finish their first paint
            path = ROOT / "docs" / name
            page.screenshot(path=path, full_page=full)
            print(f"wrote {path.relative_to(ROOT)}")
            page.close()
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
