"""The chart element's files: the loader the app sends, the module and plotly.js the app serves."""

import hashlib
import tomllib
from pathlib import Path

import plotly
from plotly.offline import get_plotlyjs_version

from neuron_core import element

ROOT = Path(__file__).resolve().parents[1]


def test_plotly_js_is_served_by_the_app_as_the_plotly_package_ships_it():
    version = get_plotlyjs_version()
    served = element.STATIC / f"plotly-{version}.min.js"
    shipped = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    assert served.read_bytes() == shipped.read_bytes()
    assert f'"plotly-{version}.min.js"' in (element.STATIC / element.MODULE).read_text()
    # Only the copies in use are kept: no old versions lying around to be served.
    assert sorted(p.name for p in element.STATIC.iterdir()) == [element.MODULE, served.name]


def test_the_app_serves_its_static_folder():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["server"]["enableStaticServing"] is True
    assert element.STATIC == ROOT / "static"  # beside playground.py, where Streamlit serves from
    # The minimum benchmark app sits in bench/ and serves the same folder through a link.
    assert (ROOT / "bench" / "static").resolve() == element.STATIC


def test_the_loader_is_small_inline_code_naming_the_modules_current_digest():
    js = element.loader()
    digest = hashlib.blake2b((element.STATIC / element.MODULE).read_bytes(), digest_size=6).hexdigest()
    assert f"app/static/{element.MODULE}?v={digest}" in js
    # Streamlit treats a one-line string with a slash as a file path; this one is code, and sent with
    # every update of a chart, so it stays a few hundred bytes.
    assert "\n" in js.strip() and len(js.encode()) < 300
