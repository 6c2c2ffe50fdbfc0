"""The app in a real browser: what a student sees, the address bar, key presses, reloads."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

TIMEOUT = 15_000  # ms; a shared machine can be slow to rerun


def read_qr(image: bytes) -> list[str]:
    """What a phone's camera reads from a QR code image: the text of each code in it."""
    import io

    import zxingcpp
    from PIL import Image

    return [r.text for r in zxingcpp.read_barcodes(Image.open(io.BytesIO(image)))]


def open_app(page: Page, url: str) -> None:
    """Open a link and wait for z and a (the metrics, or the title of a compact view) and both charts, or
    on the data page for its title and its two charts."""
    page.goto(url)
    expect(
        page.get_by_test_id("stMetricValue")
        .or_(page.get_by_role("heading", name=re.compile("^(z = |The neuron meets data)")))
        .first
    ).to_be_visible(timeout=TIMEOUT)
    page.locator(".js-plotly-plot").nth(1).wait_for(timeout=TIMEOUT)


class Sent:
    """The sizes of the messages a page sends to the server, counted from `listening = True` on."""

    def __init__(self, page: Page) -> None:
        self.sizes: list[int] = []
        self.listening = False
        page.on("websocket", lambda ws: ws.on("framesent", self._heard))

    def _heard(self, payload: str | bytes) -> None:
        if self.listening:
            self.sizes.append(len(payload))

    def reruns(self) -> list[int]:
        """A rerun request carries every widget's state (hundreds of bytes); a heartbeat is a few bytes."""
        return [n for n in self.sizes if n > 64]


def expect_numbers(page: Page, z: str, a: str) -> None:
    metrics = page.get_by_test_id("stMetricValue")
    expect(metrics.nth(0)).to_have_text(z, timeout=TIMEOUT)
    expect(metrics.nth(1)).to_have_text(a, timeout=TIMEOUT)


# The activation curve's highlighted point, read from the layout Plotly drew: [z, a], or null.
POINT_JS = """() => {
    const plot = document.querySelector('.st-key-curve .js-plotly-plot');
    const s = ((plot && plot.layout && plot.layout.shapes) || []).find(s => s.name === 'current');
    return s ? [s.xanchor, s.yanchor] : null;
}"""


def current_point(page: Page) -> tuple[float, float]:
    """The current point of the activation curve, read from Plotly's own layout in the page."""
    return tuple(page.evaluate(POINT_JS))


def expect_point(page: Page, z: float, a: float) -> None:
    """The curve's current point is at (z, a), to the 6 decimals the figure carries."""
    page.wait_for_function(
        f"""([z, a]) => {{ const p = ({POINT_JS})();
                          return p && Math.abs(p[0] - z) < 6e-7 && Math.abs(p[1] - a) < 6e-7; }}""",
        arg=[z, a],
        timeout=TIMEOUT,
    )
    assert all(abs(p - q) < 6e-7 for p, q in zip(current_point(page), (z, a), strict=True))


def choose(page: Page, key: str, option: str) -> None:
    """Pick an option of a select box the way a keyboard user does: type it, press Enter."""
    box = page.locator(f".st-key-{key} input")
    box.click()
    box.fill(option)
    expect(page.get_by_role("option", name=option, exact=True)).to_be_visible(timeout=TIMEOUT)
    box.press("Enter")


def no_error_box(page: Page) -> None:
    expect(page.get_by_test_id("stException")).to_have_count(0)


def test_default_view_is_the_worked_example(page: Page, app_url: str):
    open_app(page, app_url)
    expect_numbers(page, "-1", "0")
    expect_point(page, -1.0, 0.0)
    expect(page.get_by_text("ReLU: -1 → 0 because -1 is negative.")).to_be_visible()
    no_error_box(page)


def test_a_key_press_on_a_slider_moves_the_numbers_the_point_and_the_address(page: Page, app_url: str):
    open_app(page, app_url)
    thumb = page.locator(".st-key-b input[type='range']")
    thumb.focus()
    for _ in range(3):
        thumb.press("ArrowRight")  # b: -5 → -4.7
    expect_numbers(page, "-0.7", "0")
    expect_point(page, -0.7, 0.0)
    expect(page).to_have_url(re.compile(r"[?&]b=-4\.7(&|$)"), timeout=TIMEOUT)
    # The sliders show their values as the diagram does: -4.7 and 2, not -4.70 and 2.00.
    expect(page.locator(".st-key-b [data-testid=stSliderThumbValue]")).to_have_text("-4.7")
    expect(page.locator(".st-key-x1 [data-testid=stSliderThumbValue]")).to_have_text("2")
    for _ in range(10):
        thumb.press("ArrowRight")  # b → -3.7, z = 0.3: the neuron turns on
    expect_numbers(page, "0.3", "0.3")

    shared = page.url  # what a student copies from the address bar
    other = page.context.new_page()
    open_app(other, shared)
    expect_numbers(other, "0.3", "0.3")
    other.close()

    page.reload()
    expect_numbers(page, "0.3", "0.3")

    thumb = page.locator(".st-key-b input[type='range']")
    thumb.focus()
    thumb.press("End")  # b = 10
    expect_numbers(page, "14", "14")
    thumb.press("Home")  # b = -10
    expect_numbers(page, "-6", "0")


def test_a_link_reproduces_its_state_and_survives_a_reload(page: Page, app_url: str):
    open_app(page, f"{app_url}/?n=2&x1=1&x2=2&w1=3&w2=-1&b=0.5&act=relu")
    expect_numbers(page, "1.5", "1.5")
    expect_point(page, 1.5, 1.5)
    page.reload()
    expect_numbers(page, "1.5", "1.5")
    expect(page.locator(".st-key-x3")).to_have_count(0)  # n = 2: two inputs only


def test_a_junk_link_shows_a_notice_and_no_error_box(page: Page, app_url: str):
    open_app(page, f"{app_url}/?x1=abc&b=1e999&n=2.5&act=%3Cscript%3Ealert(1)%3C/script%3E")
    alerts = page.get_by_test_id("stAlert")
    expect(alerts.filter(has_text="Ignored x1")).to_be_visible(timeout=TIMEOUT)
    expect(alerts.filter(has_text="Ignored b")).to_be_visible()
    expect(alerts.filter(has_text="Ignored act")).to_be_visible()
    expect_numbers(page, "-4", "0")  # n = 2 with the seed's x and w, b = -5
    no_error_box(page)
    assert page.locator("script", has_text="alert(1)").count() == 0


def test_activations_from_the_link_and_from_the_select_box(page: Page, app_url: str):
    open_app(page, f"{app_url}/?act=tanh")
    expect_numbers(page, "-1", "-0.7616")
    expect_point(page, -1.0, -0.7615941559557649)

    choose(page, "act", "sigmoid")
    expect_numbers(page, "-1", "0.2689")
    expect_point(page, -1.0, 0.2689414213699951)
    expect(page).to_have_url(re.compile(r"[?&]act=sigmoid(&|$)"), timeout=TIMEOUT)
    no_error_box(page)
