"""Activations that need e^z, to 50 digits with the decimal module: the words' digits never hang on a
float's last bit (sigmoid(36) is 1 - 2.3·10⁻¹⁶, which a float near 1 cannot hold)."""

from __future__ import annotations

from decimal import Decimal, getcontext, localcontext

PI = Decimal("3.14159265358979323846264338327950288419716939937510582097494")


def sigmoid(z: Decimal, _: Decimal) -> Decimal:
    """1 / (1 + e^-z)."""
    return 1 / (1 + (-z).exp())


def tanh(z: Decimal, _: Decimal) -> Decimal:
    """tanh z, from e^-2|z| so that it never overflows."""
    e = (-2 * abs(z)).exp()
    return (1 - e) / (1 + e) * (1 if z >= 0 else -1)


def _digits(small: Decimal) -> int:
    """The context's digits plus `small`'s zeros after the point, so 1 + small keeps every digit of small."""
    # Without them, 1 + 7.5·10⁻⁴⁹ at 50 digits kept one digit, and softplus(-110.8) came out 7·10⁻⁴⁹.
    return getcontext().prec + max(0, -small.adjusted())


def softplus(z: Decimal, _: Decimal) -> Decimal:
    """ln(1 + e^z), every digit kept far below 0."""
    u = (-abs(z)).exp()  # softplus(z) = max(z, 0) + ln(1 + u)
    if u.adjusted() < -2 * getcontext().prec:  # ln(1 + u) = u (1 - u/2 + …): u to every digit kept
        tail = u
    else:
        with localcontext(prec=_digits(u)):
            tail = (1 + u).ln()
    return +(tail if z <= 0 else z + tail)  # + rounds to the context's digits


def elu(z: Decimal, alpha: Decimal) -> Decimal:
    """z above 0, alpha (e^z - 1) below, every digit kept near 0."""
    if z > 0:
        return z
    if z.adjusted() < -2 * getcontext().prec:  # e^z - 1 = z (1 + z/2 + …): z to every digit kept
        return alpha * z
    with localcontext(prec=_digits(z)):
        v = alpha * (z.exp() - 1)
    return +v


def gelu(z: Decimal, _: Decimal) -> Decimal:
    """The tanh approximation of GELU, z / (1 + e^-2u)."""
    u = (2 / PI).sqrt() * (z + Decimal("0.044715") * z**3)
    return z / (1 + (-2 * u).exp())
