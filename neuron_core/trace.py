"""The calculation written out step by step, in the seed script's format."""

from __future__ import annotations

from neuron_core.neuron import Forward, Gradients

_SUB = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


def sub(i: int) -> str:
    """Subscript digits: 3 -> ₃."""
    return str(i).translate(_SUB)


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
    """The gradients of a as one LaTeX line; a value too small for 4 decimals is written ≈ m·10ⁿ."""
    dw = ", ".join(_tex(v) for v in g.da_dw)
    dx = ", ".join(_tex(v) for v in g.da_dx)
    return (
        rf"\frac{{\partial a}}{{\partial z}} {_tex_is(g.da_dz)} \quad "
        rf"\frac{{\partial a}}{{\partial w}} = ({dw}) \quad "
        rf"\frac{{\partial a}}{{\partial b}} {_tex_is(g.da_db)} \quad "
        rf"\frac{{\partial a}}{{\partial x}} = ({dx})"
    )


def _tex(v: float) -> str:
    """A number in LaTeX as approx() writes it: ≈ 9.4·10⁻¹⁴ becomes an approx sign and 9.4 times 10^-14."""
    text = approx(v)
    if not text.startswith("≈"):
        return text
    m, e = f"{float(v):.1e}".split("e")
    return rf"\approx {m} \cdot 10^{{{int(e)}}}"


def _tex_is(v: float) -> str:
    """'= v', or the approx sign and m·10ⁿ when v is only approximately written."""
    text = _tex(v)
    return text if text.startswith(r"\approx") else f"= {text}"


SATURATED = 0.01  # below this |f'(z)| an activation is saturated: nearly flat, gradients vanish
_SUP = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")
# Where each saturating activation levels off, for z far below 0 and far above it.
_LEVELS = {"sigmoid": ("0", "1"), "tanh": ("-1", "1"), "softplus": ("0", None), "elu": ("-α", None),
           "gelu": ("0", None)}  # fmt: skip


def approx(v: float) -> str:
    """v as fmt writes it, but a non-zero value that fmt would round to 0 as ≈ m·10ⁿ."""
    v = float(v)
    if v != 0 and fmt(v) == "0":
        m, e = f"{v:.1e}".split("e")
        return f"≈ {m}·10{str(int(e)).translate(_SUP)}"
    return fmt(v)


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
    biggest = max(range(f.n), key=lambda k: abs(x[k]))
    if x[biggest] != 0:
        text += (
            f". Each weight moves a by f'(z)·x_i per unit, so w{sub(biggest + 1)}, on the largest input "
            f"(|x{sub(biggest + 1)}| = {fmt(abs(x[biggest]))}), moves it the most"
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
            "z = 0 is where it jumps, and there it has no derivative at all"
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
    if slope == 0:
        return (
            f"{name}'s slope at z = {zs} is smaller than a float can hold, so every gradient is 0 here: "
            "bring z back towards 0."
        )
    kink = (
        f" At z = 0 Leaky ReLU has a corner; this app takes its slope there to be α = {fmt(f.alpha)}, "
        "the slope of its left side."
        if f.act.name == "leaky_relu" and z == 0
        else ""
    )
    value = approx(slope)
    slope_is = f"f'(z) {value}" if value.startswith("≈") else f"f'(z) = {value}"
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
