"""Pure Plotly figure builders: numbers in, chart out. Nothing here reads app state.

A chart is a plain Plotly figure spec (`data`, `layout`, maybe `frames`) plus `label`, one sentence
that says what it shows now (the chart's accessible name), `name`, the file name of its PNG, and on
the activation curve `first`, which the browser draws before the others.
The page keeps each chart mounted and hands every new spec to `Plotly.react`, which redraws only what
changed. So the specs are shaped for cheap updates: on the activation curve what moves with a slider
(the point and its guide) is a shape, so its trace changes only when the curve itself does, and
`layout.datarevision` is a digest of the traces, so Plotly skips comparing unchanged data. No template
is sent (every colour is set here), and piecewise-linear curves carry only their corners.
"""
