"""The chart element's files: the loader the app sends, the module and plotly.js the app serves."""

import hashlib
import tomllib

from plotly.offline import get_plotlyjs_version

from neuron_core import element, forward, gradients
from neuron_core.figures import explore, neuron, training
from neuron_core.model.training import train
from tests.paths import ROOT

# The trace types of npm's plotly.js-cartesian-dist-min, as its README lists them.
CARTESIAN = {
    "bar",
    "box",
    "contour",
    "heatmap",
    "histogram",
    "histogram2d",
    "histogram2dcontour",
    "image",
    "pie",
    "scatter",
    "scatterternary",
    "violin",
}


def test_the_served_plotly_js_is_the_version_the_figures_are_checked_against():
    version = get_plotlyjs_version()  # the plotly.js of the pinned Python package
    served = element.STATIC / f"plotly-cartesian-{version}.min.js"
    assert served.read_text()[:80].startswith(f"/**\n* plotly.js (cartesian - minified) v{version}\n")
    assert f'"plotly-cartesian-{version}.min.js"' in (element.STATIC / "chart_draw.js").read_text()
    # Only the files in use are kept: no old version lying around to be served.
    assert sorted(p.name for p in element.STATIC.iterdir()) == sorted(
        [*element.MODULES, served.name, "room.css"]
    )


def test_every_figure_uses_only_traces_the_served_bundle_has():
    f = forward([2, 1, 3], [1, -1, 1], -5)
    charts = [
        neuron.neuron_diagram(f, grads=gradients(f)),
        neuron.activation_curve(f.act, f.alpha, float(f.z), float(f.a)),
        neuron.contributions(f),
        explore.landscape_figure(f, 0, 1),
        explore.sweep_figure(f, "b"),
        training.training_figure(train(f, 1.0, 0.1, 2)),
    ]
    used = {t.get("type", "scatter") for c in charts for t in c["data"]}
    assert used <= CARTESIAN and used == {"scatter", "bar", "heatmap"}


def test_the_app_serves_its_static_folder():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["server"]["enableStaticServing"] is True
    assert element.STATIC == ROOT / "static"  # beside playground.py, where Streamlit serves from
    # The minimum benchmark app sits in bench/ and serves the same folder through a link.
    assert (ROOT / "bench" / "static").resolve() == element.STATIC


def test_the_loader_is_small_inline_code_naming_the_modules_current_digest():
    js = element.loader()
    every = b"".join((element.STATIC / m).read_bytes() for m in element.MODULES)
    digest = hashlib.blake2b(every, digest_size=4).hexdigest()
    assert f"app/static/{element.MODULE}?v={digest}" in js
    # The element loads the others at its own version: a change to any of them is fetched anew.
    entry = (element.STATIC / element.MODULE).read_text()
    assert all(f'"{m}"' in entry for m in element.MODULES[1:]) and "import.meta.url).search" in entry
    # Streamlit treats a one-line string with a slash as a file path; this one is code, and sent with
    # every update of a chart, so it stays a few hundred bytes.
    assert "\n" in js.strip() and len(js.encode()) < 300
