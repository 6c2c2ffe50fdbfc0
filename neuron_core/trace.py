"""The calculation written out step by step, in the seed script's format."""

from __future__ import annotations

import re
from fractions import Fraction

from neuron_core.model.activations import Activation, precise
from neuron_core.model.neuron import Forward, Gradients
from neuron_core.numbers import eq, fmt, sub, tex

_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~:=$&])")


def plain(text: str) -> str:
    """Text for Streamlit's markdown that shows as the text itself: every markdown and HTML character
    escaped, so a link, an image, emphasis or a tag from a link or a file is never more than its text."""
    return _MARKDOWN.sub(r"\\\1", text)


def first(said: list[str], most: int = 3) -> str:
    """The first few of a list of sentences, and how many more: 'a; b; c (and 197 more)'."""
    rest = f" (and {len(said) - most:,} more)" if len(said) > most else ""
    return "; ".join(said[:most]) + rest


def value(act: Activation, z: float, alpha: float) -> Fraction | float:
    """act(z) for the words: to 50 digits where it needs e^z (never a float's last bit), else the float.

    A value the 50 digits hold as a whole number although the activation is not exact there (GELU(36)
    is 36 - 10⁻¹⁴⁰⁰ or so) stays the float, which fmt then writes ≈.
    """
    v = precise(act, z, alpha)
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
    """``ReLU: z → a because …`` for relu; ``Label: z → a`` for the others, named as the page names them.

    a as its float has it (the exported script prints this line from numpy's floats): ≈ -1 for ELU(-40),
    true but without the digits of -1 + 4.2·10⁻¹⁸ that the page's other words give.
    """
    z, a = fmt(f.z), fmt(f.a, f.exact)
    if f.act.name == "relu":
        reason = "is negative" if f.z < 0 else "is non-negative"
        return f"ReLU: {z} → {a} because {z} {reason}."
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


def explain(f: Forward) -> str:
    """One plain sentence that says what happened, e.g. "z = -1 is negative, so ReLU outputs 0"."""
    sign, rule = _reason(f)
    return f"z {eq(fmt(f.z))} is {sign}, {rule}."


def announce(f: Forward) -> str:
    """What assistive technology hears after a change: "z = -1, a = 0: z is negative, so ReLU outputs 0"."""
    sign, rule = _reason(f)
    return f"z {eq(fmt(f.z))}, a {eq(a_text(f))}: z is {sign}, {rule}."


def _reason(f: Forward) -> tuple[str, str]:
    """z's sign in words, and the activation's rule at it."""
    z, a = fmt(f.z), a_text(f)
    negative = f.z < 0
    sign = "negative" if negative else "zero" if f.z == 0 else "positive"
    match f.act.name:
        case "relu":
            rule = "so ReLU outputs 0" if f.z <= 0 else f"so ReLU passes it through: a = {a}"
        case "leaky_relu":
            rule = (
                f"so Leaky ReLU scales it by α = {fmt(f.alpha)}: a = {a}" if negative else f"so a = z = {a}"
            )
        case "step":
            rule = f"so the step outputs {a}"
        case "identity":
            rule = f"and the identity passes it through: a = {a}"
        case _:
            rule = f"and {f.act.label}({z}) {eq(a)}"
    return sign, rule


def compare_alpha(f: Forward, other: Activation) -> float:
    """The alpha a compared activation is drawn with: the neuron's own for the same one, else its default."""
    return f.alpha if other.name == f.act.name else other._alpha(None)


def compared(f: Forward, other: Activation) -> str:
    """The compared activation at the same z, in words: "For comparison, sigmoid(-1) = 0.2689"."""
    al = compare_alpha(f, other)
    with_alpha = f"α = {fmt(al)}, " if other.alpha is not None else ""
    at = said_at(other, float(f.z), al)
    return f"For comparison, {other.label}({fmt(f.z)}) {at} ({with_alpha}the dashed curve)."


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
        rf"\frac{{\partial a}}{{\partial b}} {tex(eq(fmt(g.da_db, g.exact)))} \\ "
        rf"\frac{{\partial a}}{{\partial w}} = ({dw}) \\ "
        rf"\frac{{\partial a}}{{\partial x}} = ({dx})"
    )


def step_latex(f: Forward, y: float, lr: float, exact: bool = True, v: tuple | None = None) -> str:
    """The next gradient-descent step on the loss (a - y)², written out so a student can check it by hand.

    f is the neuron where training stands; exact=False when its weights came out of steps that an
    exponential rounded (see Training.is_exact); v is (w, b) as exact fractions where training kept
    them, and then every number here is computed exactly. A result whose operands are shown rounded
    is written ≈: worked from the shown digits, a hand check may differ in the last one.
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


SATURATED = 0.01  # below this |f'(z)| an activation is saturated: nearly flat, gradients vanish
# Where each saturating activation levels off, for z far below 0 and far above it.
_LEVELS = {"sigmoid": ("0", "1"), "tanh": ("-1", "1"), "softplus": ("0", None), "elu": ("-α", None),
           "gelu": ("0", None)}  # fmt: skip


def _names(f: Forward, ks: list[int]) -> str:
    return ", ".join(f"w{sub(k + 1)}" for k in ks)


def _directions(f: Forward, slope: float) -> str:
    """Which way each weight and the bias moves a up: by the signs of f'(z)·x_i and of f'(z)."""
    x = f.x.tolist()
    up = [k for k, v in enumerate(x) if v * slope > 0]
    down = [k for k, v in enumerate(x) if v * slope < 0]
    still = [k for k, v in enumerate(x) if v == 0]
    moves = [f"{_names(f, up)} up"] if up else []
    moves += [f"{_names(f, down)} down"] if down else []
    moves.append(f"b {'up' if slope > 0 else 'down'}")
    text = "To raise a, move " + ", ".join(moves[:-1]) + (" and " if len(moves) > 1 else "") + moves[-1]
    if still:
        zeros = ", ".join(f"x{sub(k + 1)}" for k in still)
        text += f"; {_names(f, still)} change{'s' if len(still) == 1 else ''} nothing while {zeros} = 0"
    top = max(abs(v) for v in x)
    biggest = [k for k, v in enumerate(x) if abs(v) == top]
    if top != 0:
        sizes = " = ".join(f"|x{sub(k + 1)}|" for k in biggest)
        ws = " and ".join(f"w{sub(k + 1)}" for k in biggest)
        most = "moves it the most" if len(biggest) == 1 else "move it the most, equally"
        inputs = "input" if len(biggest) == 1 else "inputs"
        text += (
            ". Each weight changes a at the rate f'(z)·x_i (per unit of w_i, for small changes), so "
            f"{ws}, on the largest {inputs} ({sizes} = {fmt(top)}), {most}"
        )
    return text + "."


def explain_gradients(f: Forward, g: Gradients) -> str:
    """What the gradients say, in plain words: which way to move each weight and the bias to raise a.

    A saturated activation (a tiny slope), a dead ReLU (a slope of exactly 0) and the step (no useful
    derivative) are three different things, and each is said as what it is; the conventions at a kink
    (ReLU'(0) = 0, Leaky ReLU'(0) = alpha) are stated where they are used.
    """
    z, slope, name = float(f.z), float(g.da_dz), f.act.label
    zs = fmt(z)
    if f.act.name == "step":
        where = (
            "z = 0 is where it jumps, and there it has no derivative at all (this app writes 0 there, "
            "the slope it has everywhere else)"
            if z == 0
            else f"at z = {zs}, as everywhere but 0, it is flat, with a slope of 0"
        )
        return (
            f"The step has no useful derivative: {where}. Every gradient here is 0, so gradient descent "
            "cannot train it; that is why a step neuron is trained with the perceptron rule instead, "
            "w_i ← w_i + η (y - a) x_i, which needs no derivative."
        )
    if f.act.name == "relu" and z <= 0:
        if z == 0:
            return (
                "z = 0 is ReLU's corner, where it has no slope of its own; as most libraries do, this app "
                "takes ReLU'(0) = 0, so every gradient is 0 here. Move b up a little and the slope is 1."
            )
        return (
            f"The neuron is dead for this example: z = {zs} is negative, where ReLU is flat, so its slope "
            "is exactly 0. Every gradient is 0, so a gradient step cannot change any weight or the bias: "
            "a ReLU neuron with z < 0 cannot learn from this example."
        )
    if slope == 0 and f.act.kinks is not None:  # a flat piece: exactly 0 (Leaky ReLU with alpha = 0)
        return (
            f"The neuron is dead for this example: at z = {zs} {name} with α = {fmt(f.alpha)} is flat, so "
            "its slope is exactly 0. Every gradient is 0, so a gradient step cannot change any weight or "
            "the bias."
        )
    if slope == 0:
        return (
            f"{name}'s slope at z = {zs} is not 0, but it is smaller than the smallest number a float "
            "can hold (about 10⁻³⁰⁸), so every gradient computes as 0 here: a gradient step moves "
            "nothing. Bring z back towards 0."
        )
    kink = (
        f" At z = 0 Leaky ReLU has a corner; this app takes its slope there to be α = {fmt(f.alpha)}, "
        "the slope of its left side."
        if f.act.name == "leaky_relu" and z == 0
        else ""
    )
    slope_is = f"f'(z) {eq(fmt(slope, f.exact))}"
    said = f"{slope_is} at z = {zs}: a {'rises' if slope > 0 else 'falls'} as z rises."
    if abs(slope) < SATURATED and f.act.name in _LEVELS:
        low, high = _LEVELS[f.act.name]
        level = high if z > 0 else low
        said = (
            f"{name[0].upper()}{name[1:]} is saturated at z = {zs}: it levels off towards {level}, nearly "
            f"flat but never flat, so {slope_is} and every gradient is that small (a vanishing gradient): a "
            "gradient step barely moves anything. Bring z back towards 0 to learn faster."
        )
    return f"{said}{kink} {_directions(f, slope)}"
