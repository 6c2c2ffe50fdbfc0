"""Activation functions by name, each a value and a derivative, vectorised over numpy arrays.

Adding an activation is adding one entry to ``ACTIVATIONS``.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, DecimalException, localcontext
from fractions import Fraction

import numpy as np

from neuron_core.model import precise as precise_

Fn = Callable[[np.ndarray, float], np.ndarray]

_GELU_K = np.sqrt(2.0 / np.pi)
_GELU_C = 0.044715


@dataclass(frozen=True)
class Activation:
    """One activation: f(z), f'(z), how to show it, and the default of its parameter alpha."""

    name: str
    label: str
    latex: str
    f: Fn
    df: Fn
    alpha: float | None = None  # None: the activation has no parameter
    kinks: tuple[float, ...] | None = None  # corners of a piecewise-linear f; None if smooth
    # A piecewise-linear f as the piece in force for z's sign (-1, 0 or 1) and alpha: its slope s and
    # intercept c, f(z) = s z + c and f'(z) = s there (a kink's convention included), so that training
    # can be done in fractions (exact.py); None if smooth
    piece: Callable[[int, Fraction], tuple[Fraction | int, Fraction | int]] | None = None
    precise: Callable[[Decimal, Decimal], Decimal] | None = None  # f(z) to 50 digits, for one that needs e^z
    note: str = ""  # what the formula is, where its name alone would say more than it computes
    # Where f(z) and f'(z) are exact for an exact z: everywhere for a piecewise-linear f; for the others
    # only at z = 0 (and ELU's z > 0): elsewhere an exponential's value, never a whole number.
    exact_at: Callable[[np.ndarray], np.ndarray] = lambda z: z == 0
    exact_code: str = "z == 0"  # exact_at as the exported script tests it (for an f that is not piecewise)
    # The exported script's function: a comment with its rule, then one readable numpy function named
    # as the activation; `{alpha}` is the neuron's alpha, as the function's default, where there is one.
    code: str = ""
    half: float | None = None  # the z where a = 0.5, where a formula gives it (else it is found: threshold)
    # What a can be, for alpha: its least and greatest value and whether each is reached (an end never
    # reached is one the activation only approaches); what a trained output can reach.
    outputs: Callable[[float], tuple[float, bool, float, bool]] = lambda _: (
        -math.inf,
        False,
        math.inf,
        False,
    )
    rough: bool = False  # its least value and the z of a = 0.5 are found by search: said "about"
    # The rule in words for a z below 0, at 0 and above it, as the page explains a: {label}, {z}, {a},
    # {is_a} (= a, or ≈ a where a is rounded) and {alpha} are filled in.
    rule: tuple[str, str, str] = ("and {label}({z}) {is_a}",) * 3
    # The quiz's hint for a: the rule, then the rule applied at the student's z ({z}, {alpha}, {label}).
    hint: tuple[str, str] = (
        "read {label}(z) off the table at your z",
        "find {z} in the table: a is the value beside it",
    )
    # Its places in the quiz's draw: among the piecewise-linear ones, worked by hand, or among the
    # others, read off a table; a place twice is drawn twice as often. () is never drawn.
    quiz: tuple[int, ...] = ()
    slider: bool = False  # the page's alpha slider sets its alpha; the others are computed at their default
    alpha_ok: tuple[float, float, bool] | None = None  # the command line's alpha: from, to, from included
    saturates: tuple[str, str | None] | None = None  # where it levels off far below 0 and far above
    dead: bool = False  # flat at a = 0 for every z below 0: a neuron there learns nothing (shaded)
    corner: str = ""  # the slope this app takes at the corner z = 0, in words ({label}, {alpha})
    only: tuple[float, ...] | None = None  # the only values a takes, for one that jumps between them
    because: tuple[str, str] | None = None  # the seed's line gives z's reason: below 0, and from 0 on
    # Trained on cross-entropy, not squared error: its loss and dL/dz in z and y (the sigmoid's pair).
    cross_entropy: tuple[Callable[[np.ndarray, np.ndarray], np.ndarray], ...] | None = None

    def __call__(self, z: np.ndarray | float, alpha: float | None = None) -> np.ndarray:
        return self.f(np.asarray(z, dtype=float), self._alpha(alpha))

    def slope(self, z: np.ndarray | float, alpha: float | None = None) -> np.ndarray:
        """The derivative f'(z)."""
        return self.df(np.asarray(z, dtype=float), self._alpha(alpha))

    def exact(self, z: np.ndarray | float) -> np.ndarray:
        """True where f(z) is exact, so a whole number shown for it is the value, not a rounding."""
        z = np.asarray(z, dtype=float)
        return np.ones(z.shape, bool) if self.kinks is not None else np.asarray(self.exact_at(z))

    def _alpha(self, alpha: float | None) -> float:
        if alpha is not None:
            return float(alpha)
        return 0.0 if self.alpha is None else self.alpha


def _sigmoid(z: np.ndarray, _: float = 0.0) -> np.ndarray:
    # exp(-|z|) never overflows; the two branches are the same function (the exported script's too).
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0, e) / (1.0 + e)


def _dsigmoid(z: np.ndarray, _: float = 0.0) -> np.ndarray:
    # s(1 - s) = e / (1 + e)² with e = exp(-|z|): the same for z and -z, and never 0 where s(1 - s) is
    # not (1 - s rounds to 0 from z = 37 on, while the slope there is 1e-16, not 0).
    e = np.exp(-np.abs(z))
    return e / (1.0 + e) ** 2


def _gelu_u(z: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    # u = sqrt(2/pi) (z + 0.044715 z³); the clip keeps z³ finite for any z (GELU is z or 0 to every
    # digit long before 1e6) and never changes a z the page shows.
    zc = np.clip(z, -1e6, 1e6)
    return zc, _GELU_K * (zc + _GELU_C * zc**3)


def _gelu(z: np.ndarray, _: float = 0.0) -> np.ndarray:
    # z/2 (1 + tanh u) = z sigmoid(2u): 1 + tanh u loses every digit far below 0 (it is 1 - 0.99…),
    # the sigmoid keeps them (gelu(-7.1) is -6.9e-16, not the -7.9e-16 of 1 + tanh).
    return z * _sigmoid(2.0 * _gelu_u(z)[1])


def _dgelu(z: np.ndarray, _: float = 0.0) -> np.ndarray:
    zc, u = _gelu_u(z)
    return _sigmoid(2.0 * u) + 2.0 * z * _dsigmoid(2.0 * u) * _GELU_K * (1.0 + 3.0 * _GELU_C * zc**2)


def _tanh(z: np.ndarray, _: float = 0.0) -> np.ndarray:
    # tanh z = -expm1(-2|z|) / (2 + expm1(-2|z|)), signed: numpy's own tanh takes a SIMD path on some
    # CPUs and not on others, and their last bits differ; expm1's do not (every digit kept near 0 too).
    e = np.expm1(-2.0 * np.abs(z))
    return np.sign(z) * (-e / (2.0 + e))


def _dtanh(z: np.ndarray, _: float = 0.0) -> np.ndarray:
    # 1 - tanh² = 4e / (1 + e)² with e = exp(-2|z|): 1 - tanh² rounds to 0 from |z| = 19 on; this does not.
    e = np.exp(-2.0 * np.abs(z))
    return 4.0 * e / (1.0 + e) ** 2


def precise(act: Activation, z: float, alpha: float) -> Fraction | None:
    """act(z) to 50 digits as a fraction, for an activation that needs e^z; None for the others."""
    if act.precise is None:
        return None
    with localcontext(prec=50):
        try:
            v = act.precise(Decimal(repr(float(z))), Decimal(repr(float(alpha))))
        except DecimalException:  # e^z past what the decimal module holds: the float says as much
            return None
    # Past a float's range the float's ≈ 0 says all there is (and a fraction of 10⁻⁹⁹⁹⁹⁹ would be huge)
    return Fraction(v) if v == 0 or -300 < v.adjusted() < 300 else None


_GELU_MIN = float(_gelu(np.linspace(-2.0, 0.0, 20001)).min())  # about -0.17, at z ≈ -0.75

ACTIVATIONS: dict[str, Activation] = {
    a.name: a
    for a in (
        Activation(
            "relu",
            "ReLU",
            r"\max(0, z)",
            lambda z, _: np.maximum(z, 0.0),
            lambda z, _: (z > 0).astype(float),  # 0 at z = 0, by convention
            kinks=(0.0,),
            piece=lambda sign, _: (int(sign > 0), 0),
            code="""\
# ReLU passes a positive z through and turns a negative one into 0.
def relu(z):
    return np.maximum(0, z)
""",
            outputs=lambda _: (0.0, True, math.inf, False),
            half=0.5,
            rule=("so ReLU outputs 0", "so ReLU outputs 0", "so ReLU passes it through: a = {a}"),
            hint=("ReLU keeps a z of 0 or more and turns a negative z into 0", "a = max(0, {z})"),
            quiz=(0, 1, 2),  # ReLU most often, as in the lessons
            dead=True,
            corner="as most libraries do, this app takes ReLU'(0) = 0",
            because=("is negative", "is non-negative"),
        ),
        Activation(
            "leaky_relu",
            "Leaky ReLU",
            r"\begin{cases} z & z > 0 \\ \alpha z & z \le 0 \end{cases}",
            lambda z, alpha: np.where(z > 0, z, alpha * z),
            lambda z, alpha: np.where(z > 0, 1.0, alpha),
            alpha=0.01,
            kinks=(0.0,),
            piece=lambda sign, alpha: (1 if sign > 0 else alpha, 0),
            code="""\
# Leaky ReLU passes a positive z through and lets a negative one leak through, times alpha.
def leaky_relu(z, alpha={alpha}):
    return np.where(z > 0, z, alpha * z)
""",
            half=0.5,
            rule=("so Leaky ReLU scales it by α = {alpha}: a = {a}", "so a = z = {a}", "so a = z = {a}"),
            hint=(
                "Leaky ReLU keeps a positive z and multiplies any other by α = {alpha}",
                "a = {z} if {z} > 0, else {alpha} · ({z})",
            ),
            quiz=(5,),
            slider=True,
            alpha_ok=(0.0, 1.0, True),  # as the page's slider has it
            corner="this app takes its slope there to be α = {alpha}, the slope of its left side",
        ),
        Activation(
            "elu",
            "ELU",
            r"\begin{cases} z & z > 0 \\ \alpha (e^{z} - 1) & z \le 0 \end{cases}",
            lambda z, alpha: np.where(z > 0, z, alpha * np.expm1(np.minimum(z, 0.0))),
            lambda z, alpha: np.where(z > 0, 1.0, alpha * np.exp(np.minimum(z, 0.0))),
            alpha=1.0,
            exact_at=lambda z: z >= 0,
            precise=precise_.elu,
            code="""\
# ELU passes a positive z through and bends a negative one towards -alpha: alpha * (e^z - 1),
# which numpy writes np.expm1(z).
def elu(z, alpha={alpha}):
    return np.where(z > 0, z, alpha * np.expm1(np.minimum(z, 0)))
""",
            exact_code="z >= 0",
            outputs=lambda alpha: (-alpha, False, math.inf, False),
            half=0.5,
            quiz=(3,),
            alpha_ok=(0.0, 10.0, False),
            saturates=("-α", None),
        ),
        Activation(
            "gelu",
            "GELU",
            r"\tfrac{z}{2}\left(1 + \tanh\left(\sqrt{2/\pi}\,(z + 0.044715 z^3)\right)\right)",
            _gelu,
            _dgelu,
            note="the tanh approximation of z Φ(z), Φ the standard normal distribution",
            precise=precise_.gelu,
            code="""\
# GELU weighs z by how likely a standard normal value is to be below it, in the tanh approximation:
# z/2 (1 + tanh(u)) with u = sqrt(2/pi) (z + 0.044715 z^3), which is z / (1 + e^-2u), written with
# e = e^-|2u| so that it never overflows and keeps its digits far below 0.
def gelu(z):
    u = np.sqrt(2 / np.pi) * (z + 0.044715 * z**3)
    e = np.exp(-np.abs(2 * u))
    return z * (np.where(u >= 0, 1, e) / (1 + e))
""",
            outputs=lambda _: (_GELU_MIN, True, math.inf, False),
            rough=True,
            quiz=(4,),
            saturates=("0", None),
        ),
        Activation(
            "sigmoid",
            "sigmoid",
            r"\frac{1}{1 + e^{-z}}",
            _sigmoid,
            _dsigmoid,
            precise=precise_.sigmoid,
            code="""\
# The sigmoid squashes z into (0, 1): 1 / (1 + e^-z), written with e = e^-|z| so it never overflows.
def sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1, e) / (1 + e)
""",
            half=0.0,
            outputs=lambda _: (0.0, False, 1.0, False),
            quiz=(0,),
            saturates=("0", "1"),
            # ln(1 + e^z) - y z never takes the log of 0; sigmoid(z) - y as tanh, no exponential to overflow
            cross_entropy=(
                lambda z, y: np.logaddexp(0.0, z) - y * z,
                lambda z, y: _tanh(0.5 * z) * 0.5 + (0.5 - y),
            ),
        ),
        Activation(
            "tanh",
            "tanh",
            r"\tanh(z)",
            _tanh,
            _dtanh,
            precise=precise_.tanh,
            code="""\
# tanh squashes z into (-1, 1). Written with expm1, as the page computes it: numpy's own tanh takes
# a faster path on some CPUs, whose last bits differ (tanh(18.76) is 1 one way, 1 - 1.1e-16 the other).
def tanh(z):
    e = np.expm1(-2.0 * np.abs(z))
    return np.sign(z) * (-e / (2.0 + e))
""",
            half=math.atanh(0.5),
            outputs=lambda _: (-1.0, False, 1.0, False),
            quiz=(1,),
            saturates=("-1", "1"),
        ),
        Activation(
            "softplus",
            "softplus",
            r"\ln(1 + e^{z})",
            lambda z, _: np.logaddexp(0.0, z),
            _sigmoid,
            precise=precise_.softplus,
            code="""\
# softplus is a smooth ReLU: ln(1 + e^z), which np.logaddexp(0, z) computes without overflowing.
def softplus(z):
    return np.logaddexp(0, z)
""",
            half=math.log(math.expm1(0.5)),
            outputs=lambda _: (0.0, False, math.inf, False),
            quiz=(2,),
            saturates=("0", None),
        ),
        Activation(
            "identity",
            "identity",
            "z",
            lambda z, _: z.copy(),
            lambda z, _: np.ones_like(z),
            kinks=(),
            piece=lambda sign, _: (1, 0),
            code="""\
# The identity passes z through unchanged.
def identity(z):
    return z
""",
            half=0.5,
            rule=("and the identity passes it through: a = {a}",) * 3,
            hint=("the identity gives z itself", "a = {z}"),
            quiz=(3,),
        ),
        Activation(
            "step",
            "step",
            r"\begin{cases} 1 & z \ge 0 \\ 0 & z < 0 \end{cases}",
            lambda z, _: (z >= 0).astype(float),
            lambda z, _: np.zeros_like(z),  # 0 everywhere it exists
            kinks=(0.0,),
            piece=lambda sign, _: (0, int(sign >= 0)),
            code="""\
# The step outputs 1 when z is 0 or more, and 0 when z is negative.
def step(z):
    return np.where(z >= 0, 1.0, 0.0)
""",
            half=0.0,
            rule=("so the step outputs {a}",) * 3,
            hint=("the step gives 1 when z is 0 or more, and 0 when z is negative", "is {z} at least 0?"),
            quiz=(4,),
            only=(0.0, 1.0),
        ),
    )
}

PERCEPTRON = "step"  # the activation the perceptron rule trains, whatever the one chosen


def get(name: str) -> Activation:
    """The activation called ``name``; a ValueError lists the known names otherwise."""
    try:
        return ACTIVATIONS[name]
    except (KeyError, TypeError):
        known = ", ".join(ACTIVATIONS)
        raise ValueError(f"unknown activation {name!r}; choose one of: {known}") from None
