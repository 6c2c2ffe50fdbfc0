"""Take the README's screenshots of the running app in Debian's Chromium.

Run from the project's root: `python -m tests.e2e.screenshot`.
"""

from __future__ import annotations

import sys

from playwright.sync_api import sync_playwright

from tests.e2e.serve import CHROMIUM_ARGS, ROOT, chromium_path, streamlit_server

SHOTS = {
    "screenshot.png": ("", {"width": 1440, "height": 1100}),
    "screenshot-phone.png": ("?n=2&x1=1&x2=2&w1=3&w2=-1&b=0.5", {"width": 390, "height": 844}),
}


def main() -> int:
    """Write each screenshot in SHOTS to docs/."""
    exe = chromium_path()
    if exe is None:
        print("no Chromium here: apt-get install -y chromium", file=sys.stderr)
        return 2
    with streamlit_server() as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=exe, args=CHROMIUM_ARGS)
        for name, (query, viewport) in SHOTS.items():
            page = browser.new_page(viewport=viewport, device_scale_factor=1)
            page.goto(f"{url}/{query}")
            page.get_by_test_id("stPlotlyChart").last.locator(".js-plotly-plot").wait_for()
            page.wait_for_timeout(800)  # let the charts finish their first paint
            path = ROOT / "docs" / name
            page.screenshot(path=path, full_page=True)
            print(f"wrote {path.relative_to(ROOT)}")
            page.close()
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
