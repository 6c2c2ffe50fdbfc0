"""Read charts as the app sends them: from the chart element in AppTest, or as Plotly figures."""

from __future__ import annotations

import json

import plotly.graph_objects as go
from streamlit.testing.v1 import AppTest

from neuron_core.figures.style import Chart

EXTRA = ("label", "name", "first", "page", "grab")  # what a chart carries beside Plotly's own figure keys


def app_charts(at: AppTest) -> dict[str, Chart]:
    """Every chart on the page, by its key, as the data the chart element was sent (page-wide messages
    sent alone left out)."""
    sent = {el.key: json.loads(el.proto.bytes) for el in at.get("bidi_component")}
    return {key: data for key, data in sent.items() if "data" in data}


def plotly(chart: Chart) -> go.Figure:
    """The chart as a Plotly figure, validated against Plotly's schema (raises on any bad property)."""
    return go.Figure({k: v for k, v in chart.items() if k not in EXTRA})


def point(chart: Chart) -> tuple[float, float]:
    """The highlighted current point (z, a) of an activation curve."""
    (shape,) = [s for s in chart["layout"]["shapes"] if s.get("name") == "current"]
    return shape["xanchor"], shape["yanchor"]
