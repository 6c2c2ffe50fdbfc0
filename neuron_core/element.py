"""How a chart reaches the browser: the few lines of JavaScript the chart element is declared with.

Streamlit sends an element's inline code with every update, so the code sent is only this loader; the
element itself, `static/neuron_chart.js`, and plotly.js beside it are served by the app
(`server.enableStaticServing`) and fetched once per page. The file's digest in the address makes a
browser fetch the element anew whenever it changes.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

STATIC = Path(__file__).resolve().parents[1] / "static"
MODULE = "neuron_chart.js"


@cache
def loader() -> str:
    """The element's inline JavaScript: import the served module once, hand every update to it."""
    digest = hashlib.blake2b((STATIC / MODULE).read_bytes(), digest_size=6).hexdigest()
    # Relative to the page, as Streamlit's own scripts are, so a path prefix or a proxy keeps working.
    return (
        f'const element = import(new URL("app/static/{MODULE}?v={digest}", document.baseURI).href);\n'
        "export default (args) => element.then((m) => m.default(args));\n"
    )
