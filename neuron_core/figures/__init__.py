"""Pure Plotly figure builders: numbers in, chart out. Nothing here reads app state.

A chart is a Plotly figure spec (`data`, `layout`, maybe `frames`) plus `label`, one sentence saying what
it shows now (its accessible name), `name`, its PNG's file name, and on the activation curve `first`,
which the browser draws before the others. The page hands each new spec to `Plotly.react`, which redraws
only what changed, so the specs are shaped for cheap updates: what moves with a slider on the curve (the
point, its guide) is a shape, `layout.datarevision` is a digest of the traces, no template is sent
(every colour is set here), and piecewise-linear curves carry only their corners.
"""
