"""What the numbers mean, in a sentence: the output and why, another activation beside it, the gradients,
what the landscape shows."""

from __future__ import annotations

from neuron_core.model.activations import Activation
from neuron_core.model.neuron import Forward, Gradients, zero_crosses
from neuron_core.numbers import eq, fmt, sub
from neuron_core.words.calculation import a_text, said_at


def explain(f: Forward) -> str:
    """One plain sentence that says what happened, e.g. "z = -1 is negative, so ReLU outputs 0"."""
    sign, rule = _reason(f)
    return f"z {eq(fmt(f.z))} is {sign}, {rule}."


def announce(f: Forward) -> str:
    """What assistive technology hears after a change: "z = -1, a = 0: z is negative, so ReLU outputs 0"."""
    sign, rule = _reason(f)
    return f"z {eq(fmt(f.z))}, a {eq(a_text(f))}: z is {sign}, {rule}."


def _reason(f: Forward) -> tuple[str, str]:
    """z's sign in words, and the activation's rule at it (its entry's, for that sign)."""
    side = 0 if f.z < 0 else 1 if f.z == 0 else 2
    a = a_text(f)
    rule = f.act.rule[side].format(label=f.act.label, z=fmt(f.z), a=a, is_a=eq(a), alpha=fmt(f.alpha))
    return ("negative", "zero", "positive")[side], rule


def compare_alpha(f: Forward, other: Activation) -> float:
    """The alpha a compared activation is drawn with: the neuron's own for the same one, else its default."""
    return f.alpha if other.name == f.act.name else other._alpha(None)


def compared(f: Forward, other: Activation) -> str:
    """The compared activation at the same z, in words: "For comparison, sigmoid(-1) = 0.2689"."""
    al = compare_alpha(f, other)
    with_alpha = f"α = {fmt(al)}, " if other.alpha is not None else ""
    at = said_at(other, float(f.z), al)
    return f"For comparison, {other.label}({fmt(f.z)}) {at} ({with_alpha}the dashed curve)."


SATURATED = 0.01  # below this |f'(z)| an activation is saturated: nearly flat, gradients vanish


def _names(f: Forward, ks: list[int]) -> str:
    return ", ".join(f"w{sub(k + 1)}" for k in ks)


def _which_way(f: Forward, slope: float) -> str:
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

    A saturated slope (tiny), a dead ReLU (exactly 0) and the step (no useful derivative) are each said as
    what they are, with the convention at a kink (ReLU'(0) = 0, Leaky ReLU'(0) = alpha) where it is used.
    """
    z, slope, name = float(f.z), float(g.da_dz), f.act.label
    zs = fmt(z)
    if f.act.only is not None:
        where = (
            "z = 0 is where it jumps, and there it has no derivative at all (this app writes 0 there, "
            "the slope it has everywhere else)"
            if z == 0
            else f"at z = {zs}, as everywhere but 0, it is flat, with a slope of 0"
        )
        return (
            f"The {name} has no useful derivative: {where}. Every gradient here is 0, so gradient descent "
            f"cannot train it; that is why a {name} neuron is trained with the perceptron rule instead, "
            "w_i ← w_i + η (y - a) x_i, which needs no derivative."
        )
    corner = f.act.corner.format(label=name, alpha=fmt(f.alpha))
    if f.act.dead and z <= 0:
        if z == 0:
            return (
                f"z = 0 is {name}'s corner, where it has no slope of its own; {corner}, so every gradient "
                "is 0 here. Move b up a little and the slope is 1."
            )
        return (
            f"The neuron is dead for this example: z = {zs} is negative, where {name} is flat, so its slope "
            "is exactly 0. Every gradient is 0, so a gradient step cannot change any weight or the bias: "
            f"a {name} neuron with z < 0 cannot learn from this example."
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
    kink = f" At z = 0 {name} has a corner; {corner}." if corner and z == 0 else ""
    slope_is = f"f'(z) {eq(fmt(slope, f.exact))}"
    said = f"{slope_is} at z = {zs}: a {'rises' if slope > 0 else 'falls'} as z rises."
    if abs(slope) < SATURATED and f.act.saturates is not None:
        low, high = f.act.saturates
        level = high if z > 0 else low
        said = (
            f"{name[0].upper()}{name[1:]} is saturated at z = {zs}: it levels off towards {level}, nearly "
            f"flat but never flat, so {slope_is} and every gradient is that small (a vanishing gradient): a "
            "gradient step barely moves anything. Bring z back towards 0 to learn faster."
        )
    return f"{said}{kink} {_which_way(f, slope)}"


def landscape_caption(f: Forward, i: int, j: int) -> str:
    """What the landscape shows, promising the z = 0 line only where it is drawn."""
    zero = (
        "The dashed line is where z = 0: on one side the neuron's z is positive, on the other negative."
        if zero_crosses(f, i, j)
        else "z keeps one sign over the whole square, so there is no z = 0 line to draw."
    )
    x, y = f"x{sub(i + 1)}", f"x{sub(j + 1)}"
    return (
        f"The colour at each point is a for that {x} and {y}, the other inputs held where the sliders are. "
        + zero
    )
