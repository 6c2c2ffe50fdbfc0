"""The floor: the seed example's seven sliders and one line of text, nothing else.

The fastest any Streamlit app with the same controls can be; the benchmarks measure the playground
against it in the same run.
"""

import streamlit as st

SEED = {"x1": 2.0, "x2": 1.0, "x3": 3.0, "w1": 1.0, "w2": -1.0, "w3": 1.0, "b": -5.0}

v = {k: st.sidebar.slider(k, -10.0, 10.0, d, 0.1, key=k, bind="query-params") for k, d in SEED.items()}
st.text(f"z = {v['w1'] * v['x1'] + v['w2'] * v['x2'] + v['w3'] * v['x3'] + v['b']:.4g}")
