"""Text from a link, a table or a file, shown as that text: never markdown or HTML."""

from __future__ import annotations

import re

_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~:=$&])")


def plain(text: str) -> str:
    """Text for Streamlit's markdown that shows as the text itself: every markdown and HTML character
    escaped, so a link, an image, emphasis or a tag from a link or a file is never more than its text."""
    return _MARKDOWN.sub(r"\\\1", text)
