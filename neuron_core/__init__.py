"""One artificial neuron: the math, its trace, the app's state and its figures. No streamlit here."""

from neuron_core.activations import ACTIVATIONS, Activation, get
from neuron_core.neuron import N_MAX, N_MIN, Forward, Gradients, forward, gradients
from neuron_core.trace import fmt, trace_lines

__all__ = [
    "ACTIVATIONS",
    "N_MAX",
    "N_MIN",
    "Activation",
    "Forward",
    "Gradients",
    "fmt",
    "forward",
    "get",
    "gradients",
    "trace_lines",
]
