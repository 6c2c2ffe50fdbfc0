"""The calculation written out step by step, in the seed script's format."""

from __future__ import annotations

from neuron_core.neuron import Forward, Gradients


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
    """``ReLU: z → a because …`` for relu; ``Label: z → a`` for the others, named as the page names them."""
    z, a = fmt(f.z), fmt(f.a)
    if f.act.name == "relu":
        # Judge the sign of z as printed, so float noise never reads "0 is negative".
        reason = "is negative" if round(float(f.z), 4) < 0 else "is non-negative"
        return f"ReLU: {z} → {a} because {z} {reason}."
    return f"{f.act.label}: {z} → {a}"


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


def explain(f: Forward) -> str:
    """One plain sentence that says what happened, e.g. "z = -1 is negative, so ReLU outputs 0"."""
    z, a = fmt(f.z), fmt(f.a)
    negative = round(float(f.z), 4) < 0
    sign = "negative" if negative else "zero" if z == "0" else "positive"
    match f.act.name:
        case "relu":
            rule = "so ReLU outputs 0" if negative else f"so ReLU passes it through: a = {a}"
        case "leaky_relu":
            rule = (
                f"so Leaky ReLU scales it by α = {fmt(f.alpha)}: a = {a}" if negative else f"so a = z = {a}"
            )
        case "step":
            rule = f"so the step outputs {a}"
        case "identity":
            rule = f"and the identity passes it through: a = {a}"
        case _:
            rule = f"and {f.act.label}({z}) = {a}"
    return f"z = {z} is {sign}, {rule}."


def by_hand(f: Forward, reveal: bool = True) -> str:
    """The pen-and-paper layout as LaTeX: the row [w | b] times the column [x ; 1], term by term, then f.

    With reveal=False it stops at the layout, "= z → a", for a student to work out.
    """
    if f.x.ndim != 1:
        raise ValueError("the by-hand layout is written for one row of inputs, not a batch")
    row = " & ".join(fmt(w) for w in f.w)
    col = r" \\ ".join(fmt(x) for x in f.x)
    products = " + ".join(f"({fmt(t)})" for t in f.terms)
    name = rf"\text{{{f.act.label}}}"
    layout = (
        rf"\left[\begin{{array}}{{{'c' * f.n}|c}} {row} & {fmt(f.b)} \end{{array}}\right]"
        rf"\left[\begin{{array}}{{c}} {col} \\ \hline 1 \end{{array}}\right]"
    )
    if not reveal:
        return rf"{layout} = z \;\xrightarrow{{{name}}}\; a"
    return rf"{layout} = {products} + ({fmt(f.b)}) = {fmt(f.z)} \;\xrightarrow{{{name}}}\; {fmt(f.a)}"


def gradient_latex(g: Gradients) -> str:
    """The gradients of a as one LaTeX line."""
    dw = ", ".join(fmt(v) for v in g.da_dw)
    dx = ", ".join(fmt(v) for v in g.da_dx)
    return (
        rf"\frac{{\partial a}}{{\partial z}} = {fmt(g.da_dz)} \quad "
        rf"\frac{{\partial a}}{{\partial w}} = ({dw}) \quad "
        rf"\frac{{\partial a}}{{\partial b}} = {fmt(g.da_db)} \quad "
        rf"\frac{{\partial a}}{{\partial x}} = ({dx})"
    )


def explain_gradients(f: Forward, g: Gradients) -> str:
    """What the gradients mean for learning, in plain words; says so when the neuron is dead."""
    z = fmt(f.z)
    if not g.dead:
        return (
            f"f'(z) = {fmt(g.da_dz)} at z = {z}: nudging w_i changes a by f'(z)·x_i per unit, "
            "so the weights on the largest inputs move a the most."
        )
    if f.act.name == "relu":
        return (
            f"The neuron is dead for this example: z = {z} is negative, so ReLU is flat here "
            "and its slope is 0. "
            "Every gradient is 0, so a gradient step cannot change any weight or the bias: "
            "a ReLU neuron with z < 0 cannot learn from this example."
        )
    return (
        f"Every gradient is 0: {f.act.label} is flat at z = {z}, so a gradient step cannot change "
        "any weight or the bias from this example."
    )
