"""The display rule: how every number on the page is written, whole numbers bare and others to at most 4
decimals, and the few helpers every floor writes numbers with (subscripts, counts, LaTeX)."""

from __future__ import annotations

import math
import re
from decimal import ROUND_HALF_EVEN, Decimal, localcontext
from fractions import Fraction

_SUB = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


def sub(i: int) -> str:
    """Subscript digits: 3 -> ₃."""
    return str(i).translate(_SUB)


TINY = 1e-12  # relative: float noise in a value computed from exact decimals stays far below this
BIG = 1e6  # from here on a number that is not whole is written m·10ⁿ: its other digits say nothing
_SUP = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")
_UNSUP = str.maketrans("⁻⁰¹²³⁴⁵⁶⁷⁸⁹", "-0123456789")


def _sci(v: float | Fraction) -> str:
    """v as m·10ⁿ with two significant digits: 2.3·10⁻⁶ (a fraction's own digits, however small)."""
    if isinstance(v, Fraction):
        with localcontext(prec=2, rounding=ROUND_HALF_EVEN):
            m, _, e = f"{Decimal(v.numerator) / Decimal(v.denominator):.1e}".partition("e")
    else:
        m, _, e = f"{v:.1e}".partition("e")
    return f"{m.removesuffix('.0')}·10{str(int(e)).translate(_SUP)}"


def _round4(v: Fraction) -> Fraction:
    """v to 4 decimals, a half away from 0, as a student rounds: 24.77075 -> 24.7708."""
    r = math.floor(abs(v) * 10**4 + Fraction(1, 2))
    return Fraction(r if v >= 0 else -r, 10**4)


def fmt(v: float | Fraction, exact: bool = True, room: bool = True) -> str:
    """A number as a student writes it: whole numbers bare, others to at most 4 decimals.

    The app's one display rule. A whole number is bare only when it is the value: one that rounding makes
    whole (sigmoid(13), a loss of 4e-5) is written ≈, with its value where there is room (≈ 1 - 2.3·10⁻⁶,
    ≈ 4·10⁻⁵), else ≈ 1, ≈ 0. exact=False: v stands for a value a float cannot hold (an exponential's), so
    even a whole float is only near it; an exact value's float noise (TINY) is not shown. A Fraction is
    the value itself: nothing about it is approximate.
    """
    if isinstance(v, Fraction):
        if abs(v) >= BIG and v.denominator != 1:
            return f"≈ {_sci(v)}"
        r = _round4(v)
        if r.denominator != 1:
            return f"{float(r):.4f}".rstrip("0").rstrip(".")
        k = int(r)
        gap = v - k
        if gap == 0:
            return str(k)
        if not room:
            return f"≈ {k}"
        return f"≈ {_sci(v)}" if k == 0 else f"≈ {k} {'+' if gap > 0 else '-'} {_sci(abs(gap))}"
    v = float(v) + 0.0  # + 0.0 turns -0.0 into 0.0
    # past 2⁵³ a float's whole number is not the one typed: 1e308 is ≈ 1·10³⁰⁸, never 309 digits
    if abs(v) >= BIG and not (exact and v.is_integer() and abs(v) < 2.0**53):
        return f"≈ {_sci(v)}"
    r = round(v, 4) + 0.0
    if not r.is_integer():
        return f"{r:.4f}".rstrip("0").rstrip(".")
    k = int(r)
    gap = v - k
    if exact and abs(gap) <= TINY * abs(k):
        return str(k)
    if gap == 0 or not room:
        return f"≈ {k}"
    if k == 0:
        return f"≈ {_sci(v)}"
    return f"≈ {k} {'+' if gap > 0 else '-'} {_sci(abs(gap))}"


def cut(value: object, most: int = 24) -> str:
    """A value from a link, a table or a file, cut to a readable length: 1e99999999999999999999…"""
    text = str(value)
    return text if len(text) <= most else text[: most - 1] + "…"


def quoted(value: object, most: int = 24) -> str:
    """A value from a link, a table or a file, cut to a readable length and quoted: 'abc'."""
    return repr(cut(value, most))


def many(k: int, word: str) -> str:
    """A count and its noun, singular for one: '1 step', '3 steps'."""
    return f"{k} {word}{'' if k == 1 else 's'}"


def first(said: list[str], most: int = 3) -> str:
    """The first few of a list of sentences, and how many more: 'a; b; c (and 197 more)'."""
    rest = f" (and {len(said) - most:,} more)" if len(said) > most else ""
    return "; ".join(said[:most]) + rest


def percent(k: int, m: int) -> str:
    """k of m as a whole percentage, a half rounded up as a student rounds: 9 of 40 is 23%."""
    return f"{(200 * k + m) // (2 * m)}%"


def eq(text: str) -> str:
    """'= 0.5', or '≈ 1' as it is: a number written by fmt, after a name."""
    return text if text.startswith("≈") else f"= {text}"


def tex(text: str) -> str:
    """A number written by fmt, in LaTeX: ≈ 1 - 2.3·10⁻⁶ becomes \\approx 1 - 2.3 \\cdot 10^{-6}."""
    text = text.replace("≈ ", r"\approx ")
    return re.sub("·10([⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+)", lambda m: rf" \cdot 10^{{{m[1].translate(_UNSUP)}}}", text)
