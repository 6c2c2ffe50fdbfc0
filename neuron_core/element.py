"""How a chart reaches the browser: the few lines of JavaScript the chart element is declared with.

Streamlit sends an element's inline code with every update, so that code is only a loader. The element,
`static/neuron_chart.js` with the modules it loads (`chart_draw.js`, the drawing; `neuron_page.js`, the
page's helpers; `chart_drag.js`, grabbing a chart), and plotly.js are served by the app
(`server.enableStaticServing`) and fetched once per page, anew whenever the modules' digest in the address
changes. A chart travels as compact JSON bytes
(Streamlit's JSON has spaces and escapes every subscript and Greek letter), with the page-wide message
(`page`) beside it where there is one.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from pathlib import Path
from typing import Any, TypedDict

STATIC = Path(__file__).resolve().parents[1] / "static"
MODULE = "neuron_chart.js"  # the element; it loads the others at its own version
MODULES = (MODULE, "chart_draw.js", "neuron_page.js", "chart_drag.js")


class Page(TypedDict, total=False):
    """The page-wide message, for the page's helpers (static/neuron_page.js): beside a chart, or alone."""

    say: str  # a sentence for assistive technology, said once the sliders hold `after`
    after: dict[str, float]  # the sliders' values `say` is for: a student who moved on hears the newer one
    top: int  # Reset's count: a new one takes the page back to its top
    scroll: (
        str  # "top" or "here": the page scrolls to its top, or to show what is above, when `count` changes
    )
    count: int
    close: bool  # the sidebar, closed once over a page that has none of its own (the teacher's page)
    student: bool  # this browser's anonymous id, asked for (a live class): sent back as the state "student"


@cache
def loader() -> str:
    """The element's inline JavaScript: import the served module once, hand every update to it."""
    digest = hashlib.blake2b(b"".join((STATIC / m).read_bytes() for m in MODULES), digest_size=4).hexdigest()
    # The address is relative to the page, as Streamlit's own scripts are, so that a path prefix or a
    # proxy in front of the app keeps working. It travels with every update of every chart, so it is
    # one line; the empty comment after it tells Streamlit that this is code, not a file's path.
    url = f'new URL("app/static/{MODULE}?v={digest}",document.baseURI)'
    return f"export default(a)=>import({url}).then((m)=>m.default(a))\n//\n"


def page(
    say: str = "",
    after: dict[str, float] | None = None,
    top: int | None = None,
    scroll: str = "",
    count: int = 0,
    close: bool = False,
    student: bool = False,
) -> Page:
    """The page-wide message: what the page has to tell its helpers, and only that (`close`: the sidebar,
    over a page that has none)."""
    told = Page()
    if close:
        told["close"] = True
    if student:
        told["student"] = True
    if say:
        told.update(say=say, after=after or {})
    if top is not None:
        told["top"] = top
    if scroll:
        told.update(scroll=scroll, count=count)
    return told


def payload(chart: dict[str, Any] | None, told: Page | None = None) -> bytes:
    """A chart as the element receives it, with any page-wide message: compact UTF-8 JSON."""
    sent = (chart or {}) | ({"page": told} if told else {})
    return json.dumps(_whole(sent), separators=(",", ":"), ensure_ascii=False).encode()


def _whole(v: Any) -> Any:
    """Whole floats written as integers (2 rather than 2.0): a chart has hundreds of them."""
    if isinstance(v, float) and v.is_integer():
        return int(v)
    if isinstance(v, list):
        return [_whole(x) for x in v]
    if isinstance(v, dict):
        return {k: _whole(x) for k, x in v.items()}
    return v
