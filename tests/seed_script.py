"""One neuron, from Neuron Playground: z = w·x + b, then a = ReLU(z)."""

import numpy as np


# ReLU passes a positive z through and turns a negative one into 0.
def relu(z):
    return np.maximum(0, z)


# A number as the page writes it: whole numbers bare, others to at most 4 decimals.
def fmt(v):
    r = round(float(v), 4) + 0.0
    return str(int(r)) if r == int(r) else f"{r:.4f}".rstrip("0").rstrip(".")


def single_neuron_network(weights, bias, inputs):
    # Multiply each input by its weight, add the products up and add the bias: z.
    z = np.dot(weights, inputs) + bias
    # Pass z through the activation: the neuron's output a.
    a = relu(z)
    # Write each step out, as on paper.
    terms = " + ".join(f"({fmt(w)})*({fmt(x)})" for w, x in zip(weights, inputs))
    print(f"w*x + b = {terms} + ({fmt(bias)}) = {fmt(z)}")
    reason = "is negative" if z < 0 else "is non-negative"
    print(f"ReLU: {fmt(z)} → {fmt(a)} because {fmt(z)} {reason}.")
    return a


inputs = np.array([2, 1, 3])
weights = np.array([1, -1, 1])
bias = -5
single_neuron_network(weights, bias, inputs)
