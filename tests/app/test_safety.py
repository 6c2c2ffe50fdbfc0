"""Nothing the app shows is rendered as raw HTML; the one chart element is the only component.

Text from a link or a user reaches the page, so the rule is: no unsafe_allow_html, no st.html, no
component, no iframe, with exactly three reviewed exceptions. The chart element is declared once, in
exactly this form, and its JavaScript (the inline loader, `static/neuron_chart.js` and the three modules
it loads) never turns received data into HTML or code. The stylesheet is `st.html(ROOM)`, ROOM the path of the
constant file `static/room.css`, which holds CSS only: no markup, no address, no import. The teacher's
page previews the students' link in an iframe: the app's own path (no host: the same origin) and a query
written by the core from a state it read and checked (share.address of the plan's own query). Each check has
its positive controls below, so none of them can pass by finding nothing.
"""

import ast
import re

import pytest

from neuron_core import element
from tests.paths import ROOT

SOURCES = [
    ROOT / "playground.py",
    *sorted((ROOT / "pages").glob("*.py")),  # every page and what they share
    *sorted((ROOT / "neuron_core").rglob("*.py")),  # every floor of the core
    *sorted((ROOT / "bench").glob("*_app.py")),
]
# The reviewed element, in the only form it may be declared.
ELEMENT = "st.components.v2.component('neuron_chart', js=element.loader(), isolate_styles=False)"
STYLE, STYLE_PATH = "st.html(ROOM)", "ROOM = Path(__file__).parents[1] / 'static' / 'room.css'"
PREVIEW = "st.iframe(share.address(here, plan.activity, plan.students()), width=PHONE[0], height=PHONE[1])"
JS_SINKS = re.compile(r"innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\b|Function\s*\(")


def html_sinks(source: str) -> list[str]:
    """Every place in `source` that can render raw HTML or add a component, as 'line: what'."""
    tree = ast.parse(source)
    reviewed = {
        id(part)
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and ast.unparse(node) in (ELEMENT, STYLE, PREVIEW)
        for part in ast.walk(node.func)
    }
    found = []
    if STYLE in ast.unparse(tree) and STYLE_PATH not in ast.unparse(tree).splitlines():
        found.append("st.html(ROOM) with ROOM not the constant static/room.css")
    for node in ast.walk(tree):
        if isinstance(node, ast.keyword) and node.arg == "unsafe_allow_html":
            found.append(f"{node.value.lineno}: unsafe_allow_html")
        elif isinstance(node, ast.Attribute) and node.attr in {"html", "components", "iframe"}:
            if id(node) not in reviewed:
                found.append(f"{node.lineno}: .{node.attr}")
        elif isinstance(node, ast.ImportFrom | ast.Import):
            names = [getattr(node, "module", None) or ""] + [a.name for a in node.names]
            if any("components" in n for n in names):
                found.append(f"{node.lineno}: import of components")
    return found


def declarations(source: str) -> int:
    return sum(isinstance(n, ast.Call) and ast.unparse(n) == ELEMENT for n in ast.walk(ast.parse(source)))


def js_sinks(js: str) -> list[str]:
    """Every way in `js` to turn a string into HTML or code."""
    return JS_SINKS.findall(js)


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_no_raw_html_and_no_component_but_the_reviewed_one(path):
    assert html_sinks(path.read_text()) == []


PAGES = sorted((ROOT / "pages").glob("*.py"))  # the pages and what they share (__init__.py)


def test_the_app_declares_the_chart_element_once():
    assert sum(declarations(p.read_text()) for p in [ROOT / "playground.py", *PAGES]) == 1


def test_the_one_iframe_is_the_teachers_preview_of_the_app_s_own_path():
    sources = {p.name: ast.unparse(ast.parse(p.read_text())) for p in [ROOT / "playground.py", *PAGES]}
    assert {name: s.count(PREVIEW) for name, s in sources.items() if PREVIEW in s} == {"teach.py": 1}
    # its address is the path of the app's own address alone: no scheme, no host, so the same origin
    assert "here = urlsplit(share.root(st.context.url, PAGE)).path or '/'" in sources["teach.py"]


def test_the_one_stylesheet_is_css_only_and_loaded_once():
    css = (ROOT / "static" / "room.css").read_text()
    assert not re.search(r"<|>\s*<|url\(|@import|expression\(|javascript:", css)
    assert css.count("{") == css.count("}") > 0
    sources = [ast.unparse(ast.parse(p.read_text())) for p in [ROOT / "playground.py", *PAGES]]
    assert sum(s.count(STYLE) for s in sources) == 1 and any(STYLE_PATH in s for s in sources)


def test_the_chart_elements_javascript_makes_no_html_and_runs_no_strings():
    modules = {m: (element.STATIC / m).read_text() for m in element.MODULES}
    assert js_sinks(element.loader()) == [] and all(js_sinks(js) == [] for js in modules.values())
    # Received text reaches the page only as an attribute or through textContent (the drag's module
    # writes none: its preview goes to Plotly as a figure's text, and to a data attribute); the element
    # imports only its own three modules, by name.
    drag = modules.pop("chart_drag.js")
    assert all("textContent" in js for js in modules.values())
    assert not re.search(r"\b(textContent|innerText|nodeValue)\b", drag) and "dataset.preview = " in drag
    modules["chart_drag.js"] = drag
    assert 'setAttribute("aria-label", data.label)' in modules[element.MODULE]
    assert [m for js in modules.values() for m in re.findall(r"\bimport\b[ (]", js)] == ["import("]
    assert re.search(
        r'\["chart_draw\.js", "neuron_page\.js", "chart_drag\.js"\]\.map\(\(file\) =>\s+import\(',
        modules[element.MODULE],
    )


@pytest.mark.parametrize(
    "snippet",
    [
        "st.markdown(q, unsafe_allow_html=True)",
        "st.html(q)",
        "import streamlit.components.v1 as components",
        "from streamlit import components",
        "st.components.v1.html(q)",
        "st.write(q, unsafe_allow_html=True)",
        # Any other component, or the chart element declared with anything more or else:
        "st.components.v2.component('other', js=element.loader(), isolate_styles=False)",
        "st.components.v2.component('neuron_chart', js=q, isolate_styles=False)",
        "st.components.v2.component('neuron_chart', html=q, js=element.loader(), isolate_styles=False)",
        "c = st.components.v2.component",
        # Any iframe but the preview, or the preview of another address:
        "st.iframe(q)",
        "st.iframe(share.address(q, plan.activity, plan.students()), width=PHONE[0], height=PHONE[1])",
    ],
)
def test_the_check_finds_each_way_to_render_html(snippet):
    assert html_sinks(snippet)


def test_the_check_allows_the_reviewed_declaration_only():
    assert html_sinks(f"chart = {ELEMENT}") == [] and declarations(f"chart = {ELEMENT}") == 1
    assert html_sinks(f"{STYLE_PATH}\n{STYLE}") == [] and html_sinks(PREVIEW) == []
    assert html_sinks(f"ROOM = q\n{STYLE}") and html_sinks("st.html(ROOM + q)")


@pytest.mark.parametrize(
    "js",
    [
        "div.innerHTML = data.label",
        "div.outerHTML = x",
        "div.insertAdjacentHTML('beforeend', x)",
        "document.write(x)",
        "eval(data.code)",
        "new Function(data.code)()",
        "Function ('return 1')",
    ],
)
def test_the_javascript_check_finds_each_sink(js):
    assert js_sinks(js)
