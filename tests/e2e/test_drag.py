"""Grabbing the neuron in a real browser: the curve's point, a weight's edge and the data's line, dragged by
mouse and by finger; the preview while dragging, Python's numbers after the release."""

from __future__ import annotations

import random
import re
from urllib.parse import parse_qs, urlparse

import numpy as np
from playwright.sync_api import Browser, Page, expect

from neuron_core import forward
from neuron_core.link import state
from neuron_core.model import batch, data
from neuron_core.model.activations import ACTIVATIONS
from neuron_core.numbers import fmt
from neuron_core.words import explain
from neuron_core.words.calculation import a_text
from tests.e2e.test_access import LIVE
from tests.e2e.test_browser import (
    TIMEOUT,
    Sent,
    current_point,
    expect_numbers,
    expect_point,
    no_error_box,
    open_app,
)
from tests.e2e.test_classroom import PHONE
from tests.e2e.test_data import DRAWN_JS, PLOT

# A chart's plot: where a point of its data is on the screen, and the preview it shows while dragging.
AT_JS = """([key, x, y]) => {
    const d = document.querySelector(`.st-key-${key} .js-plotly-plot`);
    const { xaxis, yaxis } = d._fullLayout;
    const r = d.getBoundingClientRect();
    return [r.left + xaxis._offset + xaxis.l2p(x), r.top + yaxis._offset + yaxis.l2p(y)];
}"""
PREVIEW_JS = "(key) => document.querySelector(`.st-key-${key} .js-plotly-plot`).dataset.preview ?? null"
# Each animation frame, where the point is drawn on the screen: counted by the frames it moved in.
WATCH_JS = """() => {
    window.moved = 0;
    let last = null;
    const look = () => {
        const d = document.querySelector('.st-key-curve .js-plotly-plot');
        const i = d.layout.shapes.findIndex((s) => s.name === 'current');
        const path = d.querySelector(`.shapelayer path[data-index="${i}"]`);
        const box = path && path.getBoundingClientRect();
        const now = box ? `${box.x.toFixed(1)},${box.y.toFixed(1)}` : null;
        if (last !== null && now !== last) window.moved += 1;
        last = now;
        window.watching = requestAnimationFrame(look);
    };
    look();
}"""


FRAME_JS = "() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))"


def at(page: Page, key: str, x: float, y: float) -> tuple[float, float]:
    """Where the point (x, y) of chart `key`'s data is on the screen."""
    return tuple(page.evaluate(AT_JS, [key, x, y]))


def z_per_px(page: Page) -> float:
    """How much z one pixel across the curve's plot is."""
    return (
        page.evaluate(
            "() => { const a = document.querySelector('.st-key-curve .js-plotly-plot')._fullLayout.xaxis;"
            " return a.p2l(100) - a.p2l(0); }"
        )
        / 100
    )


def drag(page: Page, start: tuple[float, float], by: tuple[float, float], steps: int = 20) -> None:
    """Press the mouse at `start`, move it by `by` in `steps` moves (a frame apart), and hold it there."""
    page.mouse.move(*start)
    page.mouse.down()
    for k in range(1, steps + 1):
        page.mouse.move(start[0] + by[0] * k / steps, start[1] + by[1] * k / steps)
        page.wait_for_timeout(16)
    page.evaluate(FRAME_JS)  # the preview of the last move drawn


SCROLLED_JS = "() => document.querySelector('[data-testid=stMain]').scrollTop"


def touch(page: Page, start: tuple[float, float], by: tuple[float, float], steps: int = 20) -> float:
    """A finger on `start`, moved by `by` and lifted: the touch events a phone sends (Chromium's own).
    Returns how far the page had scrolled just before the finger was lifted."""
    cdp = page.context.new_cdp_session(page)
    send = lambda kind, x, y: cdp.send(  # noqa: E731
        "Input.dispatchTouchEvent",
        {"type": kind, "touchPoints": [] if kind == "touchEnd" else [{"x": x, "y": y}]},
    )
    send("touchStart", *start)
    for k in range(1, steps + 1):
        send("touchMove", start[0] + by[0] * k / steps, start[1] + by[1] * k / steps)
        page.wait_for_timeout(16)
    page.wait_for_timeout(100)
    scrolled = page.evaluate(SCROLLED_JS)
    send("touchEnd", 0, 0)
    return scrolled


def query(page: Page) -> dict[str, str]:
    return {k: v[-1] for k, v in parse_qs(urlparse(page.url).query).items()}


def slider(page: Page, key: str) -> float:
    return float(page.locator(f".st-key-{key} input[type='range']").input_value())


def expect_value(page: Page, key: str, v: float, on: str = "neuron") -> None:
    """Slider `key` holds v, and the link says so: v in it, or nothing where v is the page's start."""
    page.wait_for_function(
        "([k, v]) => Number(document.querySelector(`.st-key-${k} input[type='range']`)?.value) === v",
        arg=[key, v],
        timeout=TIMEOUT,
    )
    start = getattr(state.from_query({"n": "8"}, on).state, key[0])  # up to 8 inputs' defaults
    default = start if key == "b" else start[int(key[1:]) - 1]
    assert query(page).get(key, fmt(default)) == fmt(v)


def expect_b(page: Page, b: float) -> None:
    """b is `b` in its slider, in the link and in z (the worked example's w·x is 4)."""
    expect_value(page, "b", b)
    expect_numbers(page, fmt(b + 4), fmt(max(b + 4, 0)))


def test_the_curve_s_point_dragged_100_px_moves_while_dragging_and_b_follows_on_release(page: Page, app_url):
    page.set_viewport_size({"width": 1280, "height": 720})
    open_app(page, app_url)
    page.locator(".st-key-curve").scroll_into_view_if_needed()
    per_px = z_per_px(page)
    page.evaluate(WATCH_JS)
    drag(page, at(page, "curve", -1, 0), (100, 0))
    moved = page.evaluate("() => window.moved")
    meant = -5 + 100 * per_px  # b, as the drag meant it: z moved by 100 px of the axis
    preview = page.evaluate(PREVIEW_JS, "curve")
    page.mouse.up()
    page.evaluate("() => cancelAnimationFrame(window.watching)")
    assert moved >= 5, moved  # the point followed the pointer before the release, frame after frame
    b = float(query_b(page))
    assert abs(b - meant) <= 0.1 + 1e-9, (b, meant)
    expect_b(page, b)
    assert preview == f"z = {fmt(b + 4)},  a = {fmt(max(b + 4, 0))}"  # the preview said what Python says
    expect_point(page, b + 4, max(b + 4, 0))
    # and a screen reader hears the result, as after a slider's move
    said = explain.announce(forward((2.0, 1.0, 3.0), (1.0, -1.0, 1.0), b, "relu"))
    expect(page.locator(LIVE)).to_have_text(said, timeout=TIMEOUT)
    no_error_box(page)


def query_b(page: Page) -> str:
    expect(page).to_have_url(re.compile(r"[?&]b=[^&]+"), timeout=TIMEOUT)
    return query(page)["b"]


def test_the_curve_s_point_dragged_by_a_finger_on_a_phone_sets_b_and_never_scrolls(browser: Browser, app_url):
    page = browser.new_context(**PHONE).new_page()
    open_app(page, app_url)
    page.locator(".st-key-curve").scroll_into_view_if_needed()
    scrolled = page.evaluate(SCROLLED_JS)
    per_px = z_per_px(page)
    # the finger on the point moves it (diagonally, as a thumb does), not the page
    assert touch(page, at(page, "curve", -1, 0), (60, -40)) == scrolled
    b = float(query_b(page))
    assert abs(b - (-5 + 60 * per_px)) <= 0.1 + 1e-9
    expect_b(page, b)
    # and a finger on the chart away from any handle scrolls the page as ever
    page.locator(".st-key-curve").scroll_into_view_if_needed()
    scrolled = page.evaluate(SCROLLED_JS)
    box = page.locator(".st-key-curve").bounding_box()
    assert touch(page, (box["x"] + 20, box["y"] + 30), (0, -150)) > scrolled
    assert query(page)["b"] == fmt(b)
    page.close()


def edge_middle(page: Page, i: int) -> tuple[float, float]:
    """The middle of the diagram's i-th edge (0: w₁; n: b) on the screen."""
    s = page.evaluate(f"() => document.querySelector('.st-key-diagram .js-plotly-plot').layout.shapes[{i}]")
    return at(page, "diagram", (s["x0"] + s["x1"]) / 2, (s["y0"] + s["y1"]) / 2)


def test_a_weight_s_edge_dragged_up_changes_that_weight_and_only_it(page: Page, app_url):
    page.set_viewport_size({"width": 1280, "height": 720})
    open_app(page, app_url)
    page.locator(".st-key-diagram").scroll_into_view_if_needed()
    before = {k: slider(page, k) for k in ("x1", "x2", "x3", "w1", "w2", "w3", "b")}
    drag(page, edge_middle(page, 1), (0, -80))  # w₂ up by 80 px: 2 at 40 px each
    assert page.evaluate(PREVIEW_JS, "diagram") == "w₂ = 1: z = 1, a = 1"
    page.mouse.up()
    expect(page).to_have_url(re.compile(r"[?&]w2=1(&|$)"), timeout=TIMEOUT)
    expect_numbers(page, "1", "1")
    after = {k: slider(page, k) for k in before}
    assert {k for k in before if before[k] != after[k]} == {"w2"} and after["w2"] == 1
    assert set(query(page)) == {"w2"}
    no_error_box(page)


def test_previews_equal_python_s_numbers_to_the_digits_shown(page: Page, app_url):
    """For random states, the z and a the diagram previews while an edge is dragged are Python's own
    (to the preview's digits: exactly where a is piecewise linear, to 2 decimals marked ≈ where smooth)."""
    page.set_viewport_size({"width": 1280, "height": 720})
    rng = random.Random(29)
    for _ in range(6):
        n = rng.randint(1, 4)
        x = [rng.randint(-30, 30) / 10 for _ in range(n)]
        w = [rng.randint(-30, 30) / 10 for _ in range(n)]
        b = rng.randint(-30, 30) / 10
        act = rng.choice(list(ACTIVATIONS))
        link = "&".join(
            [f"n={n}", *(f"x{i}={v}" for i, v in enumerate(x, 1)), *(f"w{i}={v}" for i, v in enumerate(w, 1))]
        )
        open_app(page, f"{app_url}/?{link}&b={b}&act={act}")
        page.locator(".st-key-diagram").scroll_into_view_if_needed()
        i = rng.randrange(n + 1)
        drag(page, edge_middle(page, i), (0, -rng.choice([-1, 1]) * rng.randint(2, 14) * 4), steps=8)
        said = page.evaluate(PREVIEW_JS, "diagram")
        page.mouse.up()
        m = re.fullmatch(r"(w\S*|b) = (\S+): z = (\S+), a (?:= )?(.+)", said)
        assert m, said
        key = "b" if i == n else f"w{i + 1}"
        value = float(m[2])
        expect_value(page, key, value)
        w2 = [value if k == i else v for k, v in enumerate(w)]
        f = forward(
            tuple(x), tuple(w2), value if i == n else b, act, 0.01 if ACTIVATIONS[act].slider else None
        )
        assert m[3] == fmt(f.z), (said, link)
        if ACTIVATIONS[act].kinks is not None:
            assert m[4] == a_text(f, room=False), (said, link, act)
        else:
            assert m[4].startswith("≈ ") and abs(float(m[4][2:]) - float(f.a)) <= 0.01, (said, link, act)
        expect_numbers(page, fmt(f.z), a_text(f))


def line_ends(page: Page) -> list[list[float]]:
    return page.evaluate(f"() => {{ const t = {PLOT}.data[0]; return [t.x, t.y]; }}")


RINGED_JS = f"() => {{ const t = {PLOT}.data[1]; return t.x.map((x, k) => [x, t.y[k]]).sort(); }}"


def test_and_s_line_moved_and_turned_by_hand_lies_where_python_puts_it_and_rings_alike(page: Page, app_url):
    page.set_viewport_size({"width": 1280, "height": 720})
    open_app(page, f"{app_url}/data?data=and")
    page.locator(".st-key-points_chart").scroll_into_view_if_needed()
    d = data.make(data.points("and"))
    for turn in (False, True):  # moved 50 px across, then turned by an end 120 px across
        (x0, x1), (y0, y1) = line_ends(page)
        grip = 0.07 if turn else 0.5
        start = at(page, "points_chart", x0 + grip * (x1 - x0), y0 + grip * (y1 - y0))
        (p0, q0), (p1, q1) = at(page, "points_chart", x0, y0), at(page, "points_chart", x1, y1)
        across = (q0 - q1, p1 - p0)
        k = (120 if turn else 50) / np.hypot(*across)
        drag(page, start, (across[0] * k, across[1] * k))
        ringed = page.evaluate(RINGED_JS)
        said = page.evaluate(PREVIEW_JS, "points_chart")
        page.mouse.up()
        m = re.fullmatch(r"w₁ = (\S+), w₂ = (\S+), b = (\S+): (\d+) of 4 right", said)
        assert m, said
        w, b = (float(m[1]), float(m[2])), float(m[3])
        keys = {"w1", "w2", "b"} if turn else {"b"}
        for k, v in zip(("w1", "w2", "b"), (*w, b), strict=True):
            if k in keys:
                expect_value(page, k, v, "data")
        title = f"() => {PLOT}.layout.title.text.startsWith('epoch 0: {m[4]} of 4 right')"
        page.wait_for_function(title, timeout=TIMEOUT)
        assert [slider(page, k) for k in ("w1", "w2", "b")] == [*w, b]
        for x1_, x2_ in page.evaluate(DRAWN_JS):  # the line drawn lies on w·x + b = 0, to a pixel
            assert abs(w[0] * x1_ + w[1] * x2_ + b) < 0.02 * (abs(w[0]) + abs(w[1])), (w, b)
        run = batch.fit(d, w, b, "sigmoid", None, "gradient", 0.5, 0)
        wrong = run.one[0] != (d.y == 1)
        python = sorted([float(x1_), float(x2_)] for x1_, x2_ in np.round(d.x[wrong], 2).tolist())
        assert ringed == python  # the points ringed during the drag are the ones Python rings
        assert page.evaluate(RINGED_JS) == ringed  # and the page's own, after the release
    no_error_box(page)


def test_the_point_dragged_past_the_axis_stops_at_its_last_step_inside_and_is_read(page: Page, app_url):
    """z = -1.75 is on no step of b's from the axis' end: the point stops at the last step inside."""
    page.set_viewport_size({"width": 1280, "height": 720})
    open_app(page, f"{app_url}/?x1=2.5&w1=0.5")
    page.locator(".st-key-curve").scroll_into_view_if_needed()
    drag(page, at(page, "curve", -1.75, 0), (900, 0))
    said = page.evaluate(PREVIEW_JS, "curve")
    page.mouse.up()
    z = float(re.match(r"z = (\S+),", said)[1])
    span = page.evaluate(
        "() => document.querySelector('.st-key-curve .js-plotly-plot')._fullLayout.xaxis.range[1]"
    )
    assert z <= span < z + 0.1  # the last step inside the axis
    expect_value(page, "b", round(-5 + z + 1.75, 4))
    expect_numbers(page, fmt(z), fmt(max(z, 0)))
    expect(page.get_by_text("A drag on a chart")).to_have_count(0)
    no_error_box(page)


def test_a_drag_let_go_where_it_began_puts_the_chart_back_and_asks_nothing(page: Page, app_url):
    page.set_viewport_size({"width": 1280, "height": 720})
    open_app(page, app_url)
    page.locator(".st-key-diagram").scroll_into_view_if_needed()
    sent = Sent(page)
    start = edge_middle(page, 0)
    drag(page, start, (0, -60))  # w₁ up by 1.5, then back down to where it began
    assert page.evaluate(PREVIEW_JS, "diagram").startswith("w₁ = 2.5")
    sent.listening = True
    drag_on(page, start, (0, 0))
    page.mouse.up()
    page.wait_for_timeout(1000)
    assert sent.reruns() == []  # no rerun asked for
    texts = "() => document.querySelector('.st-key-diagram .js-plotly-plot').data[0].text.join('|')"
    assert page.evaluate(texts).endswith("|0")  # a back in the output node
    assert (
        page.evaluate(
            "() => document.querySelector('.st-key-diagram .js-plotly-plot').layout.annotations[0].text"
        )
        == "w₁ = 1"
    )
    assert "w1=" not in page.url


def drag_on(page: Page, to: tuple[float, float], by: tuple[float, float]) -> None:
    """The mouse, still down, moved to `to` (and by `by` more): the same drag goes on."""
    page.mouse.move(to[0] + by[0], to[1] + by[1], steps=5)
    page.evaluate(FRAME_JS)


def test_a_finger_on_a_weight_s_handle_sets_it_on_a_phone(browser: Browser, app_url):
    page = browser.new_context(**PHONE).new_page()
    open_app(page, app_url)
    page.locator(".st-key-diagram").scroll_into_view_if_needed()
    s = page.evaluate("() => document.querySelector('.st-key-diagram .js-plotly-plot').layout.shapes[2]")
    handle = at(page, "diagram", s["x0"] + 0.62 * (s["x1"] - s["x0"]), s["y0"] + 0.62 * (s["y1"] - s["y0"]))
    touch(page, handle, (0, 40))  # w₃ down by 1: 1 to 0
    expect_value(page, "w3", 0.0)
    expect_numbers(page, "-4", "0")
    page.close()


def test_the_line_moved_far_past_the_square_stays_in_it_at_its_last_place(page: Page, app_url):
    page.set_viewport_size({"width": 1280, "height": 720})
    open_app(page, f"{app_url}/data?data=and")
    page.locator(".st-key-points_chart").scroll_into_view_if_needed()
    (x0, x1), (y0, y1) = line_ends(page)
    drag(page, at(page, "points_chart", (x0 + x1) / 2, (y0 + y1) / 2), (600, 600))
    assert len(line_ends(page)[0]) == 2  # still drawn, in the square
    said = page.evaluate(PREVIEW_JS, "points_chart")
    page.mouse.up()
    b = float(re.search(r"b = (\S+):", said)[1])
    expect_value(page, "b", b, "data")
    page.wait_for_function(f"() => {PLOT}.data[0].x.length === 2", timeout=TIMEOUT)
    expect(page.get_by_text("A drag on a chart")).to_have_count(0)


def test_a_second_drag_begun_before_the_page_answers_the_first_goes_on_from_it(page: Page, app_url):
    page.set_viewport_size({"width": 1280, "height": 720})
    open_app(page, app_url)
    page.locator(".st-key-curve").scroll_into_view_if_needed()
    per_px = z_per_px(page)
    start = at(page, "curve", -1, 0)
    drag(page, start, (40, 0), steps=8)
    page.mouse.up()  # and at once, before the page's figure: the point grabbed again where it was let go
    drag(page, at(page, "curve", *current_point(page)), (40, 0), steps=8)
    page.wait_for_timeout(600)  # the first release's figure comes during the second drag
    said = page.evaluate(PREVIEW_JS, "curve")
    page.mouse.up()
    b = round(float(re.match(r"z = (\S+),", said)[1]) - 4, 4)  # both drags: 80 px of the axis in all
    assert abs(b - (-5 + 80 * per_px)) <= 0.2 + 1e-9, (b, said)
    expect_b(page, b)


def test_the_curve_s_point_follows_a_weight_dragged_on_the_diagram_and_goes_back_with_it(page: Page, app_url):
    page.set_viewport_size({"width": 1280, "height": 720})
    open_app(page, app_url)
    page.locator(".st-key-diagram").scroll_into_view_if_needed()
    start = edge_middle(page, 1)
    drag(page, start, (0, -80))  # w₂: -1 to 1, z: -1 to 1
    assert current_point(page) == (1, 1)
    drag_on(page, start, (0, 0))  # back where it began: the curve's point too
    page.mouse.up()
    expect_point(page, -1.0, 0.0)
    assert "w2=" not in page.url
