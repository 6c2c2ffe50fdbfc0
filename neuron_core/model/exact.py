"""Gradient descent on a piecewise-linear neuron in exact arithmetic: every step's numbers are fractions.

Sliders and links give decimals, and identity, ReLU, Leaky ReLU and the step are linear on each side of
their kinks, so the squared error's steps stay rational: w and b after k steps are integers over one
common denominator, in Python's integers, whatever a CPU's float kernels do. The denominators grow with
every step, so exactness stops at a size (CAP_DIGITS); the caller goes on in floats from there and
writes what follows with ≈.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from neuron_core.model.activations import Activation
from neuron_core.model.neuron import decimals


def decimal(v: float) -> Fraction:
    """A float as the decimal it is written as at its shortest: 0.1 is 1/10, not the binary 0.1000…0555."""
    return Fraction(repr(float(v) + 0.0))


def _scaled(values: list[float]) -> tuple[list[int], int]:
    """Decimals as integers over one power of ten: [0.5, 2] -> ([5, 20], 10)."""
    p = max((decimals(v) for v in values), default=0)
    return [int(decimal(v) * 10**p) for v in values], 10**p


CAP_DIGITS = 600  # exact while the common denominator has at most this many digits (m rows or more) …
WORK_DIGITS = 2400  # … or this many over m, for few rows: one example stays exact through 200 steps


@dataclass(frozen=True)
class Descent:
    """The exact steps taken: (w_1 … w_n, b) after step k is num[k][i] / den[k].

    `z` is each step's z per row as the nearest floats; `side` its sign against `at`, the threshold the
    caller asked about (-1, 0 on it, 1), decided exactly.
    """

    num: list[tuple[int, ...]]
    den: list[int]
    z: list[list[float]]
    side: list[list[int]]
    x1: list[list[int]]  # each row's inputs and a constant 1, times `scale`
    scale: int
    y: list[int]  # each row's target, times y_scale
    y_scale: int
    act: Activation
    alpha: Fraction
    capped: bool = False  # it stopped because the numbers grew past CAP_DIGITS, not at the limit

    @property
    def steps(self) -> int:
        return len(self.den) - 1

    def floats(self) -> np.ndarray:
        """Every step's (w, b) as floats, each the float nearest the exact value: (steps + 1, n + 1)."""
        return np.array([[v / d for v in row] for row, d in zip(self.num, self.den, strict=True)])

    def v(self, k: int) -> tuple[Fraction, ...]:
        """Step k's (w_1 … w_n, b), exactly."""
        return tuple(Fraction(v, self.den[k]) for v in self.num[k])

    def _errors(self, k: int, zns: list[int] | None = None) -> tuple[list[int], int]:
        """Each row's a - y at step k as integers over one denominator (from its _zn, where given)."""
        q = self.alpha.denominator
        s = self.den[k] * self.scale
        errs = []
        for zn, yj in zip(self._zn(k) if zns is None else zns, self.y, strict=True):
            sq, cq = _piece(self.act, self.alpha, zn)
            errs.append((sq * zn + cq * s) * self.y_scale - yj * s * q)
        return errs, s * q * self.y_scale

    def pulls(self, k: int) -> list[int]:
        """Each row's (a - y) f'(z) at step k, up to one positive factor: 0 where a row pulls nothing."""
        zns = self._zn(k)
        errs, _ = self._errors(k, zns)
        return [e * _piece(self.act, self.alpha, zn)[0] for e, zn in zip(errs, zns, strict=True)]

    def gradient(self, k: int, pulls: list[int] | None = None) -> list[int]:
        """The loss's gradient in (w, b) at step k, up to a positive factor (from its pulls, if given)."""
        pulls = self.pulls(k) if pulls is None else pulls
        return [
            sum(p * row[i] for p, row in zip(pulls, self.x1, strict=True)) for i in range(len(self.num[k]))
        ]

    def _zn(self, k: int) -> list[int]:
        """Each row's z at step k, times den[k]·scale."""
        return [sum(xi * vi for xi, vi in zip(row, self.num[k], strict=True)) for row in self.x1]

    def a(self, k: int) -> list[Fraction]:
        """Each row's output a at step k, exactly."""
        errs, over = self._errors(k)
        return [Fraction(e, over) + Fraction(y, self.y_scale) for e, y in zip(errs, self.y, strict=True)]

    def loss(self, k: int) -> Fraction:
        """The squared error (a - y)² at step k, averaged over the rows, exactly."""
        errs, over = self._errors(k)
        return Fraction(sum(e * e for e in errs), over * over * len(errs))


def _piece(act: Activation, alpha: Fraction, zn: int) -> tuple[int, int]:
    """The slope and intercept of the piece z's sign picks, times alpha's denominator, as integers."""
    q = alpha.denominator
    s, c = act.piece((zn > 0) - (zn < 0), alpha)
    return int(s * q), int(c * q)


def descend(
    x: np.ndarray,
    y: np.ndarray,
    w: np.ndarray,
    b: float,
    act: Activation,
    alpha: float,
    lr: float,
    steps: int,
    limit: float,
    at: float = 0.0,
) -> Descent:
    """Up to `steps` exact gradient-descent steps on the mean squared error (a - y)² over the rows of x.

    w_i ← w_i - lr (2/m) sum_j (a_j - y_j) f'(z_j) x_ji, and b likewise with x_j0 = 1. It stops before a
    step past `limit`, and once the numbers grow past CAP_DIGITS; its `steps` says how many it took.
    """
    if act.piece is None:
        raise ValueError(f"{act.label} is not piecewise linear: its steps are not fractions")
    x = np.asarray(x, dtype=float).reshape(len(y), -1)
    m, n = x.shape
    flat, scale = _scaled([*x.ravel().tolist(), 1.0])
    x1 = [[*flat[j * n : (j + 1) * n], scale] for j in range(m)]
    ys, y_scale = _scaled([float(v) for v in y])
    al, h, t, lim = decimal(alpha), decimal(lr), decimal(at), decimal(limit)
    q = al.denominator  # every piece's slope and intercept over one denominator (see _piece)
    pieces = {sign: _piece(act, al, sign) for sign in (-1, 0, 1)}
    num0, den0 = _scaled([*map(float, w), float(b)])
    num, den, zs, sides = [tuple(num0)], [den0], [], []
    cap = 10 ** max(CAP_DIGITS, WORK_DIGITS // m)
    # v' = V/D - 2 lr Σ_j e_j sq_j x1_j / (D c), with e_j = (a_j - y_j) D scale q y_scale
    c = h.denominator * m * scale * scale * q * q * y_scale
    capped = False
    while True:
        v, d = num[-1], den[-1]
        s = d * scale
        acc = [0] * (n + 1)
        z_k, side_k = [], []
        for row, yj in zip(x1, ys, strict=True):
            zn = sum(xi * vi for xi, vi in zip(row, v, strict=True))
            z_k.append(zn / s)
            over = zn * t.denominator - t.numerator * s
            side_k.append((over > 0) - (over < 0))
            sq, cq = pieces[(zn > 0) - (zn < 0)]
            e = (sq * zn + cq * s) * y_scale - yj * s * q
            if sq and e:  # a flat piece, or a row already at its target, pulls nothing
                for i, xi in enumerate(row):
                    acc[i] += e * sq * xi
        zs.append(z_k)
        sides.append(side_k)
        if len(den) > steps:
            break
        nv = [vi * c - 2 * h.numerator * ai for vi, ai in zip(v, acc, strict=True)]
        nd = d * c
        g = math.gcd(nd, *nv)
        nv, nd = [vi // g for vi in nv], nd // g
        if nd > cap:
            capped = True
            break
        if any(abs(vi) > lim * nd for vi in nv):
            break
        num.append(tuple(nv))
        den.append(nd)
    return Descent(num, den, zs, sides, x1, scale, ys, y_scale, act, al, capped)
