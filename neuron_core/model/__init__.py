"""The model: numbers only (activations, the neuron, exact arithmetic, training, points and lines).

No sentences here but error messages; it imports numpy and neuron_core.numbers, nothing above.
"""
