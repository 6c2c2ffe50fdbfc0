"""One artificial neuron: the math, its trace, the app's state and its figures. No streamlit here."""

from neuron_core.model.activations import ACTIVATIONS, Activation, get
from neuron_core.model.neuron import N_MAX, N_MIN, Forward, Gradients, forward, gradients
from neuron_core.numbers import fmt
from neuron_core.words.calculation import trace_lines

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
