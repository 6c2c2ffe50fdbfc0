"""The neuron on data in a real browser: the boundary where w·x + b = 0, and Play with no round trip."""

from __future__ import annotations

import re

from playwright.sync_api import Browser, Page, expect

from neuron_core.model import batch, data
from neuron_core.words import on_data
from tests.e2e.test_browser import TIMEOUT, Sent, choose, open_app, read_qr
from tests.e2e.test_rendering import REPORT, WATCH

PLOT = "document.querySelector('.st-key-points_chart .js-plotly-plot')"

# The boundary as drawn: the points of its SVG path, mapped back from pixels through Plotly's own axes.
DRAWN_JS = f"""() => {{
    const plot = {PLOT};
    const path = plot.querySelector('.scatterlayer .trace path.js-line');
    const nums = (path.getAttribute('d').match(/-?[0-9.]+/g) || []).map(Number);
    const {{ xaxis, yaxis }} = plot._fullLayout;
    const out = [];
    for (let i = 0; i + 1 < nums.length; i += 2) out.push([xaxis.p2l(nums[i]), yaxis.p2l(nums[i + 1])]);
    return out;
}}"""


def test_the_boundary_on_the_page_lies_where_w_x_plus_b_is_0(page: Page, app_url: str):
    open_app(page, f"{app_url}/?data=or&act=sigmoid&w1=1&w2=2&b=-0.5")
    page.locator(".st-key-points_chart .js-plotly-plot").wait_for(timeout=TIMEOUT)
    expect(page.get_by_text("its boundary is the line w₁x₁ + w₂x₂ + b = 0")).to_be_visible(timeout=TIMEOUT)
    line = f"() => {PLOT}.querySelector('.scatterlayer .trace path.js-line')"
    page.wait_for_function(line, timeout=TIMEOUT)
    drawn = page.evaluate(DRAWN_JS)
    assert len(drawn) >= 2
    for x1, x2 in drawn:  # on the line x1 + 2 x2 - 0.5 = 0, to a fraction of a pixel (0.01 of an axis of 2.4)
        assert abs(x1 + 2 * x2 - 0.5) < 0.02, drawn
        assert -0.51 <= x1 <= 1.51 and -0.51 <= x2 <= 1.51
    # Epoch 0's points right and loss, in the chart's title as in the sentence above it.
    title = page.evaluate(f"() => {PLOT}.layout.title.text")
    assert title.startswith("epoch 0: 4 of 4 right, loss ")


def test_play_moves_the_boundary_epoch_by_epoch_with_no_message_to_the_server(page: Page, app_url: str):
    sent = Sent(page)
    open_app(page, f"{app_url}/?data=or&act=sigmoid")
    chart = page.locator(".st-key-points_chart")
    chart.locator(".js-plotly-plot").wait_for(timeout=TIMEOUT)
    page.wait_for_function(f"() => {PLOT}.layout.title.text.startsWith('epoch 0:')", timeout=TIMEOUT)
    before = page.evaluate(f"() => JSON.stringify({PLOT}.data[0])")
    sent.listening = True
    chart.get_by_role("button", name="▶ Play").click()
    page.wait_for_function(f"() => {PLOT}.layout.title.text.startsWith('epoch 5:')", timeout=TIMEOUT)
    assert page.evaluate(f"() => JSON.stringify({PLOT}.data[0])") != before  # the boundary moved
    page.wait_for_function(
        f"() => {PLOT}.layout.title.text === 'epoch 25: 4 of 4 right, loss 0.1886'",
        timeout=TIMEOUT,
    )
    # The colours of a are epoch 0's, hidden while the later epochs play; the last frame shows epoch 25's.
    assert page.evaluate(f"() => {PLOT}.data[2].opacity") == 1
    run = batch.fit(data.make(data.points("or")), (1.0, -1.0), -5.0, "sigmoid", None, "gradient", 0.5, 25)
    corner = float(run.act(run.w[25] @ [-0.5, -0.5] + run.b[25], None))  # a at the square's corner
    assert abs(page.evaluate(f"() => {PLOT}.data[2].z[0][0]") - corner) < 0.01
    assert sent.reruns() == []


def test_a_new_user_trains_on_and_and_on_own_points_then_shares_the_link(browser: Browser, app_url: str):
    page = browser.new_context().new_page()
    open_app(page, f"{app_url}/?data=and")
    choose(page, "rule", "the perceptron rule (step)")
    expect(page).to_have_url(re.compile(r"[?&]rule=perceptron(&|$)"), timeout=TIMEOUT)
    page.get_by_role("button", name="Take ten epochs").click()
    expect(page.get_by_text("Epoch 10: 4 of 4 right (100%), squared error 0.")).to_be_visible(timeout=TIMEOUT)
    expect(page.get_by_text("Every one of the 4 points is on its own side of the line.")).to_be_visible()
    # Their own five points, from a link a teacher shared, trained ten epochs and shared on.
    page.goto(f"{app_url}/?data=own&act=sigmoid&points=-2,-1,0;-1,1,0;0,-2,0;1,2,1;3,3,1")
    expect(page.get_by_text("Epoch 0: 3 of 5 right (60%)")).to_be_visible(timeout=TIMEOUT)
    page.get_by_role("button", name="Take ten epochs").click()
    expect(page.get_by_text(re.compile(r"^Epoch 10: 5 of 5 right"))).to_be_visible(timeout=TIMEOUT)
    expect(page).to_have_url(re.compile(r"[?&]epochs=10(&|$)"), timeout=TIMEOUT)
    shared = page.url  # what a student copies from the address bar
    other = browser.new_context().new_page()  # a classmate's browser
    open_app(other, shared)
    expect(other.get_by_text(re.compile(r"^Epoch 10: 5 of 5 right"))).to_be_visible(timeout=TIMEOUT)
    table = other.get_by_test_id("stDataFrame").first
    expect(table).to_be_visible()
    assert other.evaluate(f"() => {PLOT}.data.slice(3).map(t => t.x.length)") == [3, 2]  # 0s and 1s


def test_key_presses_keep_the_data_charts_mounted_and_drawn(page: Page, app_url: str):
    open_app(page, f"{app_url}/?data=or&act=sigmoid&b=-1")
    page.locator(".st-key-epochs_chart .js-plotly-plot").wait_for(timeout=TIMEOUT)
    assert page.evaluate(WATCH) == 2  # the data page's two: the points and the epochs
    thumb = page.locator(".st-key-b input[type='range']")
    thumb.focus()
    for _ in range(5):
        thumb.press("ArrowRight")  # b: -1 → -0.5, the line moving towards the corner (0, 0)
    run = batch.fit(data.make(data.points("or")), (1.0, -1.0), -0.5, "sigmoid", None, "gradient", 0.5, 0)
    page.wait_for_function(f"t => {PLOT}.layout.title.text === t", arg=on_data.short(run, 0), timeout=TIMEOUT)
    report = page.evaluate(REPORT)
    assert report["frames"] > 5  # the watch really looked, frame by frame
    assert report == {**report, "charts": 2, "connected": 2, "now": 2, "removed": 0, "blank": 0}


def test_after_a_table_edit_the_teachers_links_and_qr_code_are_the_new_address(page: Page, app_url: str):
    from urllib.parse import parse_qs, urlparse

    from neuron_core.link import share, state

    qr = "QR code of the students' link above"
    teach = page.get_by_test_id("stPageLink").get_by_role("link", name="Teach")
    first = page.context.new_page()  # another tab on the same link: the QR code of the example's points
    open_app(first, f"{app_url}/?data=own")
    first.get_by_test_id("stPageLink").get_by_role("link", name="Teach").click()
    expect(first.get_by_role("img", name=qr)).to_be_visible(timeout=TIMEOUT)
    before = first.get_by_role("img", name=qr).get_attribute("src")
    first.close()
    open_app(page, f"{app_url}/?data=own")
    grid = page.get_by_test_id("stDataFrame").first
    grid.wait_for(timeout=TIMEOUT)
    page.wait_for_timeout(1500)  # the grid draws its canvas after the element appears
    grid.scroll_into_view_if_needed()
    page.wait_for_timeout(300)
    box = grid.bounding_box()
    page.mouse.dblclick(box["x"] + 150, box["y"] + 57)  # the first point's x₁, -2
    page.wait_for_timeout(500)
    page.keyboard.type("7")
    page.wait_for_timeout(300)
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"points=7"), timeout=TIMEOUT)
    address = page.url
    query = {k: v for k, v in parse_qs(urlparse(address).query).items()}
    s = state.from_query(query, "data").state
    assert s.points[0] == (7.0, -1.0, 0)
    student = share.link(share.root(address, "data"), s.replace(present=False), "data")
    teach.click()  # the teacher's page: the links and the QR code of the address as it is now
    code = page.get_by_test_id("stCode").first
    expect(code).to_have_text(student, timeout=TIMEOUT)
    img = page.get_by_role("img", name=qr)
    expect(img).to_be_visible(timeout=TIMEOUT)
    expect(img).not_to_have_attribute("src", before, timeout=TIMEOUT)  # a new QR code, for the new points
    src = img.get_attribute("src")
    served = page.request.get(src if src.startswith("http") else f"{app_url}{src}").body()
    assert read_qr(served) == [student]  # a phone's camera reads it as the link shown
