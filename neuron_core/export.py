"""The current neuron as a standalone Python script in the seed's style: numpy only, the same two lines."""

from __future__ import annotations

import json

from neuron_core.neuron import Forward

# The script's own number formatting and activation are written out in full, so it needs nothing
# from this package; tests run it and compare its output with trace_lines.
_ACTIVATIONS = {
    "relu": "np.maximum(z, 0.0)",
    "leaky_relu": "np.where(z > 0, z, ALPHA * z)",
    "elu": "np.where(z > 0, z, ALPHA * np.expm1(np.minimum(z, 0.0)))",
    "gelu": "0.5 * z * (1 + np.tanh(np.sqrt(2 / np.pi) * (z + 0.044715 * z**3)))",
    "sigmoid": "0.5 * (1 + np.tanh(z / 2))",  # the same function; never overflows
    "tanh": "np.tanh(z)",
    "softplus": "np.logaddexp(0.0, z)",
    "identity": "z",
    "step": "np.where(z >= 0, 1.0, 0.0)",
}

_TEMPLATE = '''"""One neuron, exported from Neuron Playground: z = w·x + b, then a = {name}(z)."""

import numpy as np

ALPHA = {alpha!r}


def fmt(v):
    r = round(float(v), 4) + 0.0
    return str(int(r)) if r == int(r) else f"{{r:.4f}}".rstrip("0").rstrip(".")


def activation(z):
    return {expr}


def single_neuron(weights, bias, inputs):
    z = np.dot(weights, inputs) + bias
    a = activation(z)
    terms = " + ".join(f"({{fmt(w)}})*({{fmt(x)}})" for w, x in zip(weights, inputs))
    print(f"w*x + b = {{terms}} + ({{fmt(bias)}}) = {{fmt(z)}}")
    if {is_relu}:
        reason = "is negative" if round(float(z), 4) < 0 else "is non-negative"
        print(f"ReLU: {{fmt(z)}} → {{fmt(a)}} because {{fmt(z)}} {{reason}}.")
    else:
        print(f"{name}: {{fmt(z)}} → {{fmt(a)}}")
    return a


inputs = np.array({x})
weights = np.array({w})
bias = {b!r}
single_neuron(weights, bias, inputs)
'''


def script(f: Forward) -> str:
    """A runnable script that computes this neuron and prints the seed's two lines."""
    return _TEMPLATE.format(
        name=f.act.name,
        alpha=f.alpha,
        expr=_ACTIVATIONS[f.act.name],
        is_relu=f.act.name == "relu",
        x=f.x.tolist(),
        w=f.w.tolist(),
        b=float(f.b),
    )


def state_json(f: Forward) -> str:
    """The neuron's state and results as JSON, keyed by the math's names."""
    return json.dumps(
        {
            "n": f.n,
            "x": f.x.tolist(),
            "w": f.w.tolist(),
            "b": float(f.b),
            "act": f.act.name,
            "alpha": f.alpha if f.act.alpha is not None else None,
            "z": float(f.z),
            "a": float(f.a),
        },
        indent=2,
    )
