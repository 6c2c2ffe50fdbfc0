"""Hostile links in a real browser: each opens with valid values and a notice, no error box, nothing runs."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.e2e.test_browser import TIMEOUT, open_app
from tests.hostile import HOSTILE


def test_every_hostile_link_opens_safely(page: Page, app_url: str):
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    for name, query in HOSTILE.items():
        open_app(page, f"{app_url}/?{query}")
        expect(page.get_by_test_id("stAlert").first, name).to_be_visible(timeout=TIMEOUT)
        expect(page.get_by_test_id("stException"), name).to_have_count(0)
        if "/data" in page.url:  # a link with a data set opens the data page: its points, the epoch it is at
            expect(page.locator(".st-key-points_chart .js-plotly-plot"), name).to_be_visible()
            expect(page.get_by_text(re.compile(r"^Epoch \d+: \d+ of \d+ right")), name).to_be_visible()
            continue
        numbers = page.get_by_test_id("stMetricValue").all_inner_texts() or re.findall(
            r"[-\d.]+", page.get_by_role("heading", level=1).first.inner_text()
        )  # a teacher's link shows z and a in its title
        assert len(numbers) == 2 and all(float(v) == float(v) for v in numbers), name
        injected = page.evaluate(
            """() => [...document.querySelectorAll('script, img, iframe, a[href^="javascript"]')]
                     .filter(e => /alert|javascript|^x$/.test(e.outerHTML + (e.getAttribute('src') || '')))
                     .map(e => e.outerHTML.slice(0, 80))"""
        )
        assert injected == [], name
    assert dialogs == []
