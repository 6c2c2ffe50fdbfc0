"""Words: English and LaTeX over the model's results (the calculation written out, explanations, the
notes beside training and data). Imports the model and neuron_core.numbers."""
