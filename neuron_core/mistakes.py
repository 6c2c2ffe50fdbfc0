"""The mistakes a student makes working one neuron out by hand, each named by its likely cause.

For an exercise, each mistake gives the wrong z (or a) it leads to, computed exactly from the exercise's
own numbers; a wrong answer that one of them gives is named by it, so a teacher sees which mistake a room
makes (forgot the bias, a product's sign flipped), not only how many are wrong.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from fractions import Fraction

from neuron_core.link.state import State
from neuron_core.model.neuron import Forward, forward
from neuron_core.quiz import agrees, solve

Terms = tuple[Fraction, ...]


def exactly(v: float) -> Fraction:
    """A number as it was written: 0.1 is one tenth, not the float nearest it."""
    return Fraction(repr(float(v)))


def _signs(x: Terms, w: Terms, b: Fraction) -> Iterable[Fraction]:
    products = [wi * xi for wi, xi in zip(w, x, strict=True)]
    return (sum(products) - 2 * t + b for t in products if t)


def _left_out(x: Terms, w: Terms, b: Fraction) -> Iterable[Fraction]:
    products = [wi * xi for wi, xi in zip(w, x, strict=True)]
    return (sum(products) - t + b for t in products if t)


@dataclass(frozen=True)
class Mistake:
    """One mistake: what a teacher reads, and the wrong z's it gives for an exercise's x, w and b."""

    name: str
    wrong: Callable[[Terms, Terms, Fraction], Iterable[Fraction]]


# The mistakes of z, the most common first (a wrong z two of them give is named by the first).
Z_MISTAKES = (
    Mistake("forgot the bias", lambda x, w, b: [sum(wi * xi for wi, xi in zip(w, x, strict=True))]),
    Mistake("flipped a product's sign", _signs),
    Mistake("added w and x instead of multiplying", lambda x, w, b: [sum(w) + sum(x) + b]),
    Mistake("left a product out", _left_out),
    Mistake("subtracted the bias", lambda x, w, b: [sum(wi * xi for wi, xi in zip(w, x, strict=True)) - b]),
    Mistake(
        "dropped every minus sign",
        lambda x, w, b: [sum(abs(wi * xi) for wi, xi in zip(w, x, strict=True)) + abs(b)],
    ),
)
OF_A_WRONG_Z = "the activation of their wrong z"
SKIPPED = "skipped the activation (gave z as a)"
A_MISTAKES = (OF_A_WRONG_Z, SKIPPED)


def right_z(s: State) -> Fraction:
    """An exercise's z, exactly."""
    x, w = tuple(map(exactly, s.x)), tuple(map(exactly, s.w))
    return sum(wi * xi for wi, xi in zip(w, x, strict=True)) + exactly(s.b)


def wrong_zs(s: State) -> dict[Fraction, str]:
    """Each wrong z the mistakes give for an exercise, named by the first mistake that gives it; none is
    the right z (a mistake that changes nothing here, such as forgetting a bias of 0, names nothing)."""
    x, w, b, right = tuple(map(exactly, s.x)), tuple(map(exactly, s.w)), exactly(s.b), right_z(s)
    named: dict[Fraction, str] = {}
    for m in Z_MISTAKES:
        for z in m.wrong(x, w, b):
            if z != right:
                named.setdefault(z, m.name)
    return named


def of_z(s: State, z: float) -> str | None:
    """The likely cause of a guess for z: a mistake's name, or None (right, or no mistake known gives it)."""
    return wrong_zs(s).get(exactly(z))


def of_a(s: State, z: float, a: float, f: Forward | None = None) -> str | None:
    """The likely cause of a wrong guess for a: the activation of the student's own wrong z, or z given
    as a; None where a is right or no mistake known gives it."""
    f = f or solve(s)
    if agrees(a, float(f.a), f.exact):
        return None
    if exactly(z) != right_z(s):
        try:
            own = forward(f.x, f.w, f.b + (z - float(f.z)), f.act.name, f.alpha)
        except ValueError:  # a z past what a float holds has no a to follow
            own = None
        if own is not None and agrees(a, float(own.a), own.exact):
            return OF_A_WRONG_Z
    if agrees(a, float(f.z), True):
        return SKIPPED
    return None
