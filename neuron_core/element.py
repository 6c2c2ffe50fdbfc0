"""How a chart reaches the browser: the few lines of JavaScript the chart element is declared with.

Streamlit sends an element's inline code with every update, so the code sent is only this loader; the
element itself, `static/neuron_chart.js`, and plotly.js beside it are served by the app
(`server.enableStaticServing`) and fetched once per page. The file's digest in the address makes a
browser fetch the element anew whenever it changes. A chart travels as compact JSON bytes (Streamlit
would write JSON with spaces and escape every subscript and Greek letter).
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from pathlib import Path
from typing import Any

STATIC = Path(__file__).resolve().parents[1] / "static"
MODULE = "neuron_chart.js"


@cache
def loader() -> str:
    """The element's inline JavaScript: import the served module once, hand every update to it."""
    digest = hashlib.blake2b((STATIC / MODULE).read_bytes(), digest_size=4).hexdigest()
    # The address is relative to the page, as Streamlit's own scripts are, so that a path prefix or a
    # proxy in front of the app keeps working. It travels with every update of every chart, so it is
    # one line; the empty comment after it tells Streamlit that this is code, not a file's path.
    url = f'new URL("app/static/{MODULE}?v={digest}",document.baseURI)'
    return f"export default(a)=>import({url}).then((m)=>m.default(a))\n//\n"


def payload(chart: dict[str, Any]) -> bytes:
    """A chart as the element receives it: compact UTF-8 JSON, about 15% smaller than Streamlit's own."""
    return json.dumps(_whole(chart), separators=(",", ":"), ensure_ascii=False).encode()


def scroll(to: str, count: int) -> bytes:
    """A page helper's data, not a chart's: scroll to the top ("top") or to it ("here") when count changes."""
    return payload({"scroll": to, "n": count})


def _whole(v: Any) -> Any:
    """Whole floats written as integers (2 rather than 2.0): a chart has hundreds of them."""
    if isinstance(v, float) and v.is_integer():
        return int(v)
    if isinstance(v, list):
        return [_whole(x) for x in v]
    if isinstance(v, dict):
        return {k: _whole(x) for k, x in v.items()}
    return v
