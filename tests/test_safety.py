"""Nothing the app shows is rendered as raw HTML: no unsafe_allow_html, no st.html, no components.

Text from a link or a user reaches the page, so the simplest rule that cannot be got wrong is that the
app renders no raw HTML at all. This test fails on the first use of any way to do so.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [ROOT / "playground.py", *sorted((ROOT / "neuron_core").glob("*.py"))]


def html_sinks(source: str) -> list[str]:
    """Every place in `source` that can render raw HTML, as 'line: what'."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.keyword) and node.arg == "unsafe_allow_html":
            found.append(f"{node.value.lineno}: unsafe_allow_html")
        elif isinstance(node, ast.Attribute) and node.attr in {"html", "components", "iframe"}:
            found.append(f"{node.lineno}: .{node.attr}")
        elif isinstance(node, ast.ImportFrom | ast.Import):
            names = [getattr(node, "module", None) or ""] + [a.name for a in node.names]
            if any("components" in n for n in names):
                found.append(f"{node.lineno}: import of components")
    return found


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_no_raw_html_anywhere_in_the_app(path):
    assert html_sinks(path.read_text()) == []


@pytest.mark.parametrize(
    "snippet",
    [
        "st.markdown(q, unsafe_allow_html=True)",
        "st.html(q)",
        "import streamlit.components.v1 as components",
        "from streamlit import components",
        "st.components.v1.html(q)",
        "st.write(q, unsafe_allow_html=True)",
    ],
)
def test_the_check_finds_each_way_to_render_html(snippet):
    assert html_sinks(snippet)
