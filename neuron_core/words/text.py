"""Text from a link, a table or a file, shown as that text: never markdown or HTML."""

from __future__ import annotations

import re

_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~:=$&])")


def plain(text: str) -> str:
    """Text for Streamlit's markdown that shows as itself: every markdown and HTML character escaped."""
    return _MARKDOWN.sub(r"\\\1", text)
