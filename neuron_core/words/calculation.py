"""The calculation written out step by step, in the seed script's format, as text and LaTeX."""

from __future__ import annotations

from fractions import Fraction

from neuron_core.model.activations import Activation, precise
from neuron_core.model.neuron import Forward, Gradients
from neuron_core.numbers import eq, fmt, tex


def value(act: Activation, z: float, alpha: float) -> Fraction | float:
    """act(z) for the words: to 50 digits where it needs e^z (never a float's last bit), else the float."""
    v = precise(act, z, alpha)
    # Whole in 50 digits where the activation is not exact (GELU(36) is 36 - 10⁻¹⁴⁰⁰ or so): the float,
    # which fmt writes ≈.
    if v is None or (v.denominator == 1 and not act.exact(z)):
        return float(act(z, alpha))
    return v


def said_at(act: Activation, z: float, alpha: float) -> str:
    """act(z) after its name, as the words write it: '= 0.2689', '≈ 1 - 2.3·10⁻¹⁶'."""
    return eq(fmt(value(act, z, alpha), bool(act.exact(z))))


def a_text(f: Forward, room: bool = True) -> str:
    """The output a as fmt writes it, knowing whether the activation gives it exactly."""
    if f.x.ndim == 1:
        return fmt(value(f.act, float(f.z), f.alpha), f.exact, room)
    return fmt(f.a, f.exact, room)


def sum_line(f: Forward) -> str:
    """``w*x + b = (w1)*(x1) + … + (b) = z``."""
    parts = [f"({fmt(wi)})*({fmt(xi)})" for wi, xi in zip(f.w, f.x, strict=True)]
    return f"w*x + b = {' + '.join(parts)} + ({fmt(f.b)}) = {fmt(f.z)}"


def activation_line(f: Forward) -> str:
    """``ReLU: z → a because …`` where the entry gives the reason (ReLU); ``Label: z → a`` for the others."""
    # a as its float has it, as the exported script prints it: ≈ -1 for ELU(-40), true but without the
    # digits of -1 + 4.2·10⁻¹⁸ that the page's other words give.
    z, a = fmt(f.z), fmt(f.a, f.exact)
    if f.act.because is not None:
        return f"{f.act.label}: {z} → {a} because {z} {f.act.because[bool(f.z >= 0)]}."
    return f"{f.act.label}: {z} → {a}"


def trace_lines(f: Forward) -> list[str]:
    """The two lines the seed script prints, for one row of inputs."""
    if f.x.ndim != 1:
        raise ValueError("a trace is written for one row of inputs, not a batch")
    return [sum_line(f), activation_line(f)]


def formula(f: Forward) -> str:
    """f(z) = its rule in LaTeX, with alpha where it has one and what the rule is where that needs saying."""
    text = rf"\text{{{f.act.label}}}(z) = {f.act.latex}"
    if f.act.alpha is not None:
        text += rf",\quad \alpha = {fmt(f.alpha)}"
    if f.act.note:
        text += rf"\quad \text{{({f.act.note})}}"
    return text


def latex(f: Forward) -> str:
    """The same calculation as a LaTeX formula, symbols first, then the numbers."""
    if f.x.ndim != 1:
        raise ValueError("a formula is written for one row of inputs, not a batch")
    terms = " + ".join(f"({fmt(wi)})({fmt(xi)})" for wi, xi in zip(f.w, f.x, strict=True))
    name = rf"\text{{{f.act.label}}}"
    return (
        rf"z = \sum_{{i=1}}^{{{f.n}}} w_i x_i + b = {terms} + ({fmt(f.b)}) = {fmt(f.z)}"
        rf"\\ a = {formula(f)} \\ a = {name}({fmt(f.z)}) {tex(eq(a_text(f)))}"
    )


def by_hand(f: Forward, reveal: bool = True) -> str:
    """The pen-and-paper layout in LaTeX: [w | b] times [x ; 1], then f; reveal=False stops at "= z → a"."""
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
    a = tex(a_text(f, room=False))  # ≈ 0 rather than ≈ 8.5·10⁻¹⁷: the line is long already
    return rf"{layout} = {products} + ({fmt(f.b)}) = {fmt(f.z)} \;\xrightarrow{{{name}}}\; {a}"


def gradient_latex(g: Gradients) -> str:
    """The gradients of a as one LaTeX line, each number by the display rule (≈ m·10ⁿ when tiny)."""

    def show(v: float) -> str:
        return tex(fmt(v, g.exact or v == 0))

    dw = ", ".join(show(v) for v in g.da_dw)
    dx = ", ".join(show(v) for v in g.da_dx)
    return (
        rf"\frac{{\partial a}}{{\partial z}} {tex(eq(fmt(g.da_dz, g.exact)))} \qquad "
        rf"\frac{{\partial a}}{{\partial b}} {tex(eq(fmt(g.da_db, g.exact)))} \\[0.6em] "  # the fractions
        rf"\frac{{\partial a}}{{\partial w}} = ({dw}) \\[0.6em] "  # apart: one row's never touches the next
        rf"\frac{{\partial a}}{{\partial x}} = ({dx})"
    )


def step_latex(f: Forward, y: float, lr: float, exact: bool = True, v: tuple | None = None) -> str:
    """The next gradient-descent step on the loss (a - y)², written out so a student can check it by hand.

    f is the neuron where training stands; exact=False when an exponential rounded its weights (see
    Training.is_exact); v is (w, b) as fractions where training kept them, and then every number is exact.
    A result whose operands are shown rounded is written ≈: a hand check may differ in the last digit.
    """
    if f.x.ndim != 1:
        raise ValueError("a step is written for one row of inputs, not a batch")
    if v is not None and f.act.piece is not None:
        w, b = list(v[0]), v[1]
        x, y_, lr_ = [Fraction(repr(float(xi))) for xi in f.x], Fraction(repr(float(y))), Fraction(repr(lr))
        z = sum((wi * xi for wi, xi in zip(w, x, strict=True)), b)
        slope, c = f.act.piece((z > 0) - (z < 0), Fraction(repr(float(f.alpha))))
        a = slope * z + c
    else:
        w, b, x, y_, lr_ = [float(wi) for wi in f.w], float(f.b), [float(xi) for xi in f.x], y, lr
        slope, a = float(f.act.slope(f.z, f.alpha)), float(f.a)
    dz = 2 * (a - y_) * slope
    ok = f.exact and exact

    def plain(v: float | Fraction, known: bool) -> bool:  # shown as it is, every digit
        text = fmt(v, known or v == 0)
        if text.startswith("≈"):
            return False
        return Fraction(text) == v if isinstance(v, Fraction) else known and abs(float(text) - v) <= 1e-12

    def n(v: float | Fraction, known: bool = True) -> str:  # an operand: in brackets when negative or ≈
        text = tex(fmt(v, known or v == 0))
        return f"({text})" if v < 0 or text.startswith(r"\approx") else text

    def r(v: float | Fraction, *operands: tuple[float | Fraction, bool]) -> str:  # "= result" or "≈ result"
        text = fmt(v, ok or v == 0)
        rounded = not all(plain(o, known) for o, known in operands)
        return tex(text if text.startswith("≈") else f"≈ {text}" if rounded else f"= {text}")

    grad = r"\frac{\partial L}{\partial z}"
    a_shown = n(a, ok)
    # a rounds to y's digits but is not y: its difference is the number to square
    diff = rf"({a_shown} - {n(y_)})^2" if a == y_ or a_shown != n(y_) else rf"({tex(fmt(a - y_, ok))})^2"
    rows = [
        rf"L &= (a - y)^2 = {diff} {r((a - y_) ** 2, (a, ok), (y_, True))}",
        rf"{grad} &= 2(a - y)\,f'(z) = 2 \cdot {n(a - y_, ok)} \cdot {n(slope, ok)} "
        + r(dz, (a - y_, ok), (slope, ok)),
    ]
    for i, (wi, xi) in enumerate(zip(w, x, strict=True), start=1):
        rows.append(
            rf"w_{{{i}}} &\leftarrow w_{{{i}}} - \eta\,{grad}\,x_{{{i}}} = "
            rf"{n(wi, exact)} - {n(lr_)} \cdot {n(dz, ok)} \cdot {n(xi)} "
            + r(wi - lr_ * dz * xi, (wi, exact), (dz, ok), (xi, True), (lr_, True))
        )
    rows.append(
        rf"b &\leftarrow b - \eta\,{grad} = {n(b, exact)} - {n(lr_)} \cdot {n(dz, ok)} "
        + r(b - lr_ * dz, (b, exact), (dz, ok), (lr_, True))
    )
    return r"\begin{aligned}" + r" \\ ".join(rows) + r"\end{aligned}"
