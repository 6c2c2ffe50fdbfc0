"""Several replicas behind HAProxy (deploy/): sticky sessions, and a tab reloaded on another replica
loses nothing, because the whole state is in its address."""

from __future__ import annotations

import os
import re
import shutil

import pytest
from playwright.sync_api import Browser, expect

from tests.e2e.serve import HAPROXY, REQUIRE_ENV, balanced
from tests.e2e.test_browser import TIMEOUT, expect_numbers, open_app


@pytest.fixture(scope="module")
def two_replicas(browser_type_launch_args: dict):
    """The app twice behind HAProxy, as `deploy/run 2` serves it."""
    if not shutil.which("haproxy") and not os.path.exists(HAPROXY):
        if os.environ.get(REQUIRE_ENV):
            pytest.fail("no haproxy: apt-get install -y haproxy")
        pytest.skip("no haproxy: apt-get install -y haproxy")
    with balanced(2) as (url, replicas):
        yield url, replicas


def test_a_tab_reloaded_on_the_other_replica_loses_nothing(browser: Browser, two_replicas):
    url, _ = two_replicas
    context = browser.new_context()
    page = context.new_page()
    open_app(page, f"{url}/?act=sigmoid&w2=2")
    first = next(c["value"] for c in context.cookies() if c["name"] == "REPLICA")  # sticky: this tab's
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
    assert next(c["value"] for c in context.cookies() if c["name"] == "REPLICA") == other
    assert page.locator(".st-key-act input").input_value() == "sigmoid"
    context.close()


def test_sticky_sessions_keep_a_tab_on_its_replica_and_spread_new_ones(browser: Browser, two_replicas):
    url, _ = two_replicas
    seen = set()
    for _ in range(4):  # new visitors, one after another: the balancer spreads them
        context = browser.new_context()
        page = context.new_page()
        open_app(page, url)
        cookie = next(c["value"] for c in context.cookies() if c["name"] == "REPLICA")
        page.reload()  # the same visitor again: the same replica
        open_app(page, url)
        assert next(c["value"] for c in context.cookies() if c["name"] == "REPLICA") == cookie
        seen.add(cookie)
        context.close()
    assert seen == {"r1", "r2"}
