"""The brief's minimum: the floor's seven sliders and the two charts the design asks for, nothing else.

The neuron diagram and the activation curve with its current point, built and drawn exactly as the
playground draws them. The benchmarks measure it beside the playground and the floor, so the table
shows what those two charts cost on Streamlit itself, apart from what the rest of the page adds.
"""

import streamlit as st

from neuron_core import figures, forward

SEED = {"x1": 2.0, "x2": 1.0, "x3": 3.0, "w1": 1.0, "w2": -1.0, "w3": 1.0, "b": -5.0}

v = {k: st.sidebar.slider(k, -10.0, 10.0, d, 0.1, key=k, bind="query-params") for k, d in SEED.items()}
f = forward((v["x1"], v["x2"], v["x3"]), (v["w1"], v["w2"], v["w3"]), v["b"], "relu")
left, right = st.columns(2)
left.plotly_chart(figures.neuron_diagram(f), key="diagram", theme=None)
right.plotly_chart(figures.activation_curve(f.act, f.alpha, float(f.z), float(f.a)), key="curve", theme=None)
