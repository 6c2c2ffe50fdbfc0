"""Where the project is, for tests at any depth: its root and the page's script."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "playground.py")  # the page, as AppTest.from_file takes it


def opened(query: dict | None = None, timeout: int = 30, page: str | None = None):
    """The app in AppTest at a link, run once: on the page the link opens (an old link's, as the router
    sends it, with the query it sends), as a browser that follows the router's switch would have it.

    AppTest loses the first values a page's controls are given after the router switched to it within a
    run (a browser keeps them), so the page is opened here directly; tests/app/test_pages.py opens the old
    links through the router itself. `page` opens that page at the query, as a reload of its address does.
    """
    from streamlit.testing.v1 import AppTest

    from neuron_core.link.params import PAGES
    from neuron_core.link.state import routed

    at = AppTest.from_file(APP, default_timeout=timeout)
    page, q = (page, query or {}) if page else routed(query or {})  # a reload stays on its page
    if PAGES[page].path:  # its address is its script's name, as AppTest finds a page before a first run
        at.switch_page(f"pages/{page}.py")
    at.query_params.update(q)
    at.run()
    return at
