"""The two-input landscape: a over a grid in one vectorised pass, the z = 0 line, the current point."""

import numpy as np
import pytest

from neuron_core.figures.explore import LANDSCAPE_STEPS, landscape_figure
from neuron_core.model.activations import ACTIVATIONS
from neuron_core.model.neuron import forward, landscape
from tests.charts import plotly

SEED = forward([2, 1, 3], [1, -1, 1], -5)


@pytest.mark.parametrize("act", list(ACTIVATIONS))
def test_every_grid_point_is_the_forward_pass_there(act):
    f = forward([2, 1, 3], [1, -1, 1], -5, act)
    xi, xj, a = landscape(f, 0, 2, steps=9)
    for r, vj in enumerate(xj):
        for c, vi in enumerate(xi):
            assert a[r, c] == pytest.approx(float(forward([vi, 1, vj], [1, -1, 1], -5, act).a), abs=1e-12)


def test_the_figure_marks_the_current_inputs_and_the_z_0_line():
    fig = plotly(landscape_figure(SEED, 0, 1))
    names = [t.name for t in fig.data]
    assert names == ["a", "z = 0", "current"]
    current = fig.data[2]
    assert (current.x, current.y) == ((2.0,), (1.0,))
    line = fig.data[1]
    # On the line, x1 - x2 + 3 - 5 = 0, so x2 = x1 - 2.
    np.testing.assert_allclose(line.y, np.array(line.x) - 2)


def test_the_heatmap_is_the_landscape_grid_placed_by_its_first_value_and_step():
    heat = plotly(landscape_figure(SEED, 0, 2)).data[0]
    xi, xj, a = landscape(SEED, 0, 2, steps=LANDSCAPE_STEPS)
    np.testing.assert_allclose(heat.x0 + heat.dx * np.arange(LANDSCAPE_STEPS), xi)
    np.testing.assert_allclose(heat.y0 + heat.dy * np.arange(LANDSCAPE_STEPS), xj)
    np.testing.assert_allclose(np.array(heat.z), a, atol=0.005)
    assert (xi[0], xi[-1]) == (-10.0, 10.0)


def test_a_vertical_z_0_line_when_the_upward_weight_is_zero():
    f = forward([2, 1], [2, 0], -1)
    line = plotly(landscape_figure(f, 0, 1)).data[1]
    assert line.x == (0.5, 0.5)


def test_two_different_inputs_are_needed():
    with pytest.raises(ValueError, match="two different inputs"):
        landscape(SEED, 1, 1)
