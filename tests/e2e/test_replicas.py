"""Several replicas behind HAProxy (deploy/): sticky sessions, and a tab reloaded on another replica
loses nothing, because the whole state is in its address."""

from __future__ import annotations

import os
import re
import shutil
import signal
import time

import pytest
from playwright.sync_api import Browser, expect

from tests.e2e.serve import HAPROXY, REQUIRE_ENV, balanced
from tests.e2e.test_browser import TIMEOUT, expect_numbers, open_app


def replica_of(context) -> str:
    """The replica the balancer's sticky cookie names for this browser context: "r1", "r2"."""
    return next(c["value"] for c in context.cookies() if c["name"] == "REPLICA")


@pytest.fixture(scope="module")
def two_replicas(browser_type_launch_args: dict):
    """The app twice behind HAProxy, as `deploy/run 2` serves it."""
    need_haproxy()
    with balanced(2) as (url, replicas):
        yield url, replicas


@pytest.fixture
def own_pair():
    """Two replicas for one test alone: it kills or stops one of them."""
    need_haproxy()
    with balanced(2) as (url, replicas):
        yield url, replicas


def need_haproxy() -> None:
    """Skip without HAProxy, or fail in CI, which installs it."""
    if not shutil.which("haproxy") and not os.path.exists(HAPROXY):
        if os.environ.get(REQUIRE_ENV):
            pytest.fail("no haproxy: apt-get install -y haproxy")
        pytest.skip("no haproxy: apt-get install -y haproxy")


def test_a_tab_reloaded_on_the_other_replica_loses_nothing(browser: Browser, two_replicas):
    url, _ = two_replicas
    context = browser.new_context()
    page = context.new_page()
    open_app(page, f"{url}/?act=sigmoid&w2=2")
    first = replica_of(context)  # sticky: this tab's
    thumb = page.locator(".st-key-b input[type='range']")
    thumb.focus()
    for _ in range(3):
        thumb.press("ArrowRight")  # b: -5 → -4.7, so z = 2 + 2 + 3 - 4.7 = 2.3
    expect_numbers(page, "2.3", "0.9089")
    expect(page).to_have_url(re.compile(r"[?&]b=-4\.7(&|$)"), timeout=TIMEOUT)
    # The replica goes away for this tab (a restart, a replica taken out): the balancer's cookie now
    # names the other one, and the tab reloads there.
    other = "r2" if first == "r1" else "r1"
    context.add_cookies([{"name": "REPLICA", "value": other, "url": url}])
    page.reload()
    open_app(page, page.url)
    expect_numbers(page, "2.3", "0.9089")
    assert replica_of(context) == other
    assert page.locator(".st-key-act input").input_value() == "sigmoid"
    context.close()


def test_sticky_sessions_keep_a_tab_on_its_replica_and_spread_new_ones(browser: Browser, two_replicas):
    url, _ = two_replicas
    seen = set()
    for _ in range(4):  # new visitors, one after another: the balancer spreads them
        context = browser.new_context()
        page = context.new_page()
        open_app(page, url)
        cookie = replica_of(context)
        page.reload()  # the same visitor again: the same replica
        open_app(page, url)
        assert replica_of(context) == cookie
        seen.add(cookie)
        context.close()
    assert seen == {"r1", "r2"}


def tab_on_its_replica(browser: Browser, url: str, replicas: list) -> tuple:
    """A tab with one move made (b = -4.9, so z = 2.1): its page, its context and the replica serving it."""
    context = browser.new_context()
    page = context.new_page()
    open_app(page, f"{url}/?act=sigmoid&w2=2")
    cookie = replica_of(context)
    slider(page).press("ArrowRight")
    expect_numbers(page, "2.1", "0.8909")
    return page, context, replicas[int(cookie.removeprefix("r")) - 1]


def slider(page):
    """The b slider's thumb, focused for the keyboard."""
    thumb = page.locator(".st-key-b input[type='range']")
    thumb.focus()
    return thumb


def test_a_tab_whose_replica_dies_is_back_on_the_other_within_3_s(browser: Browser, own_pair):
    url, replicas = own_pair
    page, context, mine = tab_on_its_replica(browser, url, replicas)
    app = page.get_by_test_id("stApp")
    os.kill(mine.pid, signal.SIGKILL)
    expect(app).not_to_have_attribute("data-test-connection-state", "CONNECTED", timeout=TIMEOUT)
    # option redispatch: the tab's first reconnect, refused by the dead replica, goes to the live one
    # (it took 6.8 s of greyed-out widgets without it, while the health checks failed three times)
    expect(app).to_have_attribute("data-test-connection-state", "CONNECTED", timeout=3_000)
    expect_numbers(page, "2.1", "0.8909")
    slider(page).press("ArrowRight")
    expect_numbers(page, "2.2", "0.9002")  # the live replica answers, from the state in the address
    expect(page).to_have_url(re.compile(r"[?&]b=-4\.8(&|$)"), timeout=TIMEOUT)
    context.close()


def test_a_replica_stopped_for_12_s_keeps_its_qr_codes_and_downloads(browser: Browser, own_pair, tmp_path):
    url, replicas = own_pair
    page, context, mine = tab_on_its_replica(browser, url, replicas)
    os.kill(mine.pid, signal.SIGSTOP)  # a pause: long enough for the health checks to mark it down
    try:
        time.sleep(12)
    finally:
        os.kill(mine.pid, signal.SIGCONT)
    slider(page).press("ArrowRight")
    expect_numbers(page, "2.2", "0.9002")
    # option persist: the tab's cookie still names its replica, so the script and the QR image, which
    # that replica made and holds, are asked of it (they were 404 from the other one)
    with page.expect_download(timeout=TIMEOUT) as download:
        page.get_by_role("button", name="Download as a Python script").click()
    assert download.value.failure() is None
    path = tmp_path / "neuron.py"
    download.value.save_as(path)
    assert "sigmoid" in path.read_text(encoding="utf-8")
    page.get_by_test_id("stPageLink").get_by_role("link", name="Teach").click()  # the teacher's page
    img = page.get_by_role("img", name="QR code of the students' link above")
    img.scroll_into_view_if_needed()
    expect(img).to_have_js_property("complete", True, timeout=TIMEOUT)
    assert img.evaluate("i => i.naturalWidth") > 0
    src = img.get_attribute("src")
    assert page.request.get(src if src.startswith("http") else f"{url}{src}").status == 200
    assert replica_of(context) == f"r{replicas.index(mine) + 1}"
    context.close()
