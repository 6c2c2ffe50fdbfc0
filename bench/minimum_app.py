"""The brief's minimum: the floor's seven sliders and the two charts the design asks for, nothing else.

The neuron diagram and the activation curve with its current point, built and drawn exactly as the
playground draws them, through the same chart element (its files are served from `bench/static`, a
link to the app's `static/`). The benchmarks measure it beside the playground and the floor, so the
table shows what those two charts cost on Streamlit itself, apart from what the rest of the page adds.
"""

import streamlit as st

from neuron_core import element, forward
from neuron_core.figures import neuron

SEED = {"x1": 2.0, "x2": 1.0, "x3": 3.0, "w1": 1.0, "w2": -1.0, "w3": 1.0, "b": -5.0}
chart_element = st.components.v2.component("neuron_chart", js=element.loader(), isolate_styles=False)

v = {k: st.sidebar.slider(k, -10.0, 10.0, d, 0.1, key=k, bind="query-params") for k, d in SEED.items()}
f = forward((v["x1"], v["x2"], v["x3"]), (v["w1"], v["w2"], v["w3"]), v["b"], "relu")
left, right = st.columns(2)
with left:
    chart_element(key="diagram", data=element.payload(neuron.neuron_diagram(f)))
with right:
    curve = neuron.activation_curve(f.act, f.alpha, float(f.z), float(f.a))
    chart_element(key="curve", data=element.payload(curve))
