"""The calculation written out step by step, in the seed script's format."""

from __future__ import annotations

from neuron_core.neuron import Forward


def fmt(v: float) -> str:
    """A number as a student writes it: whole numbers bare, others to at most 4 decimals."""
    r = round(float(v), 4) + 0.0  # + 0.0 turns -0.0 into 0.0
    if r == int(r):
        return str(int(r))
    return f"{r:.4f}".rstrip("0").rstrip(".")


def sum_line(f: Forward) -> str:
    """``w*x + b = (w1)*(x1) + … + (b) = z``."""
    parts = [f"({fmt(wi)})*({fmt(xi)})" for wi, xi in zip(f.w, f.x, strict=True)]
    return f"w*x + b = {' + '.join(parts)} + ({fmt(f.b)}) = {fmt(f.z)}"


def activation_line(f: Forward) -> str:
    """``ReLU: z → a because …`` for relu; ``name: z → a`` for the others."""
    z, a = fmt(f.z), fmt(f.a)
    if f.act.name == "relu":
        # Judge the sign of z as printed, so float noise never reads "0 is negative".
        reason = "is negative" if round(float(f.z), 4) < 0 else "is non-negative"
        return f"ReLU: {z} → {a} because {z} {reason}."
    return f"{f.act.name}: {z} → {a}"


def trace_lines(f: Forward) -> list[str]:
    """The two lines the seed script prints, for one row of inputs."""
    if f.x.ndim != 1:
        raise ValueError("a trace is written for one row of inputs, not a batch")
    return [sum_line(f), activation_line(f)]


def latex(f: Forward) -> str:
    """The same calculation as a LaTeX formula, symbols first, then the numbers."""
    if f.x.ndim != 1:
        raise ValueError("a formula is written for one row of inputs, not a batch")
    terms = " + ".join(f"({fmt(wi)})({fmt(xi)})" for wi, xi in zip(f.w, f.x, strict=True))
    name = rf"\text{{{f.act.label}}}"
    return (
        rf"z = \sum_{{i=1}}^{{{f.n}}} w_i x_i + b = {terms} + ({fmt(f.b)}) = {fmt(f.z)}"
        rf"\\ a = {name}(z) = {f.act.latex} = {name}({fmt(f.z)}) = {fmt(f.a)}"
    )
