"""What a student takes home: the neuron as a standalone script in the seed's style, and as JSON.

The script needs only numpy, holds only what its activation needs, and prints the two lines the page
shows; for ReLU it is the seed script line for line, with this neuron's numbers.
"""

from __future__ import annotations

import json
from typing import Any

from neuron_core.model.neuron import Forward, dot, gradients, places
from neuron_core.words.calculation import trace_lines

_BECAUSE_LINE = """\
    reason = "{below}" if z < 0 else "{above}"
    print(f"{label}: {{fmt(z)}} → {{fmt(a)}} because {{fmt(z)}} {{reason}}.")
"""
_OTHER_LINE = """\
    print(f"{label}: {{fmt(z)}} → {{fmt({a})}}")
"""

# The seed's fmt, enough wherever it writes what the page's display rule writes (numbers.fmt).
_SEED_FMT = """\
# A number as the page writes it: whole numbers bare, others to at most 4 decimals.
def fmt(v):
    r = round(float(v), 4) + 0.0
    return str(int(r)) if r == int(r) else f"{r:.4f}".rstrip("0").rstrip(".")
"""
# The page's display rule itself, for a neuron whose numbers need it: the same steps as numbers.fmt.
_RULE_FMT = """\
# A number as the page writes it: whole numbers bare, others to at most 4 decimals. A value that
# rounding would turn into a whole number it is not is marked ≈ (sigmoid(13) is not 1, 4e-05 not 0);
# exact=False: the value is an exponential's, which a float only approximates.
def fmt(v, exact=True):
    v = float(v) + 0.0
    if abs(v) >= 1e6 and not (exact and v.is_integer()):
        return "≈ " + sci(v)
    r = round(v, 4) + 0.0
    if not r.is_integer():
        return f"{r:.4f}".rstrip("0").rstrip(".")
    k, gap = int(r), v - int(r)
    if exact and abs(gap) <= 1e-12 * abs(k):
        return str(k)
    if gap == 0:
        return f"≈ {k}"
    if k == 0:
        return "≈ " + sci(v)
    return f"≈ {k} {'+' if gap > 0 else '-'} {sci(abs(gap))}"


# v as m·10ⁿ with two significant digits: 2.3·10⁻⁶.
def sci(v):
    m, e = f"{v:.1e}".split("e")
    return m.removesuffix(".0") + "·10" + str(int(e)).translate(SUPERSCRIPT)


SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")
"""
_ROUND = """\
    # The inputs have at most {places} decimal {unit}, so z has too: rounding removes float noise.
    z = round(float(z), {places})
"""

_TEMPLATE = '''\
"""One neuron, from Neuron Playground: z = w·x + b, then a = {label}(z)."""

import numpy as np


{function}

{fmt}

def single_neuron_network(weights, bias, inputs):
    # Multiply each input by its weight, add the products up and add the bias: z.
    z = np.dot(weights, inputs) + bias
{rounding}    # Pass z through the activation: the neuron's output a.
    a = {name}(z)
    # Write each step out, as on paper.
    terms = " + ".join(f"({{fmt(w)}})*({{fmt(x)}})" for w, x in zip(weights, inputs))
    print(f"w*x + b = {{terms}} + ({{fmt(bias)}}) = {{fmt(z)}}")
{line}    return a


inputs = np.array({x})
weights = np.array({w})
bias = {b}
single_neuron_network(weights, bias, inputs)
'''


def _number(v: float) -> str:
    """A number as a person writes it in code: 2 for 2.0, 0 for -0.0, otherwise in full."""
    v = float(v) + 0.0
    return str(int(v)) if v.is_integer() else repr(v)


def script(f: Forward) -> str:
    """A runnable script that computes this neuron and prints the page's two lines."""
    alpha = _number(f.alpha) if f.act.alpha is not None else ""
    p = places(f.x, f.w, f.b)
    # Whether a float sum shows noise, decided by the fixed-order sum (the same on every server), not BLAS.
    noisy = p is not None and float(dot(f.x, f.w) + f.b) != float(f.z)
    # The seed's fmt where it writes the page's lines, the display rule's where not.
    rule = _seed_lines(f) != trace_lines(f)
    a = f"a, exact={f.act.exact_code}" if rule and f.act.kinks is None else "a"  # piecewise: always exact
    if f.act.because is not None:
        line = _BECAUSE_LINE.format(label=f.act.label, below=f.act.because[0], above=f.act.because[1])
    else:
        line = _OTHER_LINE.format(label=f.act.label, a=a)
    return _TEMPLATE.format(
        label=f.act.label,
        name=f.act.name,
        function=f.act.code.format(alpha=alpha),
        fmt=_RULE_FMT if rule else _SEED_FMT,
        rounding=_ROUND.format(places=p, unit="place" if p == 1 else "places") if noisy else "",
        line=line,
        x=f"[{', '.join(map(_number, f.x))}]",
        w=f"[{', '.join(map(_number, f.w))}]",
        b=_number(f.b),
    )


def _seed_lines(f: Forward) -> list[str]:
    """The two lines as the seed's fmt would write them, to tell whether it is enough for f."""
    terms = " + ".join(f"({_seed_fmt(w)})*({_seed_fmt(x)})" for w, x in zip(f.w, f.x, strict=True))
    z, a = _seed_fmt(f.z), _seed_fmt(f.a)
    last = f"{f.act.label}: {z} → {a}"
    if f.act.because is not None:
        last += f" because {z} {f.act.because[bool(f.z >= 0)]}."
    return [f"w*x + b = {terms} + ({_seed_fmt(f.b)}) = {z}", last]


def _seed_fmt(v: float) -> str:
    r = round(float(v), 4) + 0.0
    return str(int(r)) if r == int(r) else f"{r:.4f}".rstrip("0").rstrip(".")


def as_dict(f: Forward) -> dict[str, Any]:
    """The neuron, its result and the gradients of a, keyed by the math's names (the README lists them)."""
    g = gradients(f)
    return _no_negative_zero(
        {
            "n": f.n,
            "x": f.x.tolist(),
            "w": f.w.tolist(),
            "b": float(f.b),
            "act": f.act.name,
            "alpha": f.alpha if f.act.alpha is not None else None,
            "terms": f.terms.tolist(),
            "z": float(f.z),
            "a": float(f.a),
            "trace": trace_lines(f),
            "da_dz": float(g.da_dz),
            "da_db": float(g.da_db),
            "da_dw": g.da_dw.tolist(),
            "da_dx": g.da_dx.tolist(),
        }
    )


def state_json(f: Forward) -> str:
    """The neuron as JSON: the page's download and the command line's --json write the same keys."""
    return json.dumps(as_dict(f), indent=2, ensure_ascii=False)


def _no_negative_zero(v: Any) -> Any:
    """-0.0 becomes 0.0 everywhere: the sign of a zero is float arithmetic's, not the neuron's."""
    if isinstance(v, float):
        return 0.0 if v == 0 else v
    if isinstance(v, list):
        return [_no_negative_zero(x) for x in v]
    if isinstance(v, dict):
        return {k: _no_negative_zero(x) for k, x in v.items()}
    return v
