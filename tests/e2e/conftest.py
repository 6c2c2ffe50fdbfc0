"""Browser tests: a real `streamlit run playground.py` on 127.0.0.1, driven in Debian's Chromium."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from tests.e2e.serve import CHROMIUM_ARGS, CHROMIUM_ENV, REQUIRE_ENV, chromium_path, streamlit_server


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    """Launch Debian's Chromium (never a downloaded one); skip, or fail in CI, when it is missing."""
    exe = chromium_path()
    if exe is None:
        how = f"no Chromium: apt-get install -y chromium, or set {CHROMIUM_ENV} to a Chromium binary"
        if os.environ.get(REQUIRE_ENV):
            pytest.fail(how)
        pytest.skip(how)
    return {**browser_type_launch_args, "executable_path": exe, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def app_url(browser_type_launch_args: dict) -> Iterator[str]:
    """The app's address; the server starts once for all browser tests and stops by its pid."""
    with streamlit_server() as url:
        yield url
