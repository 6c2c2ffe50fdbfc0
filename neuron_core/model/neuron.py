"""The neuron's forward pass: terms w_i·x_i, pre-activation z = w·x + b, output a = f(z)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from neuron_core.model.activations import Activation, get

N_MIN, N_MAX = 1, 8

ArrayLike = Sequence[float] | np.ndarray


@dataclass(frozen=True)
class Forward:
    """One forward pass; x may be one row of n inputs or a batch of rows (m, n)."""

    x: np.ndarray
    w: np.ndarray
    b: float
    z: np.ndarray
    a: np.ndarray
    act: Activation
    alpha: float

    @property
    def n(self) -> int:
        return self.w.shape[0]

    @property
    def terms(self) -> np.ndarray:
        """The products w_i·x_i, one per input (per row for a batch)."""
        return self.w * self.x

    @property
    def exact(self) -> bool:
        """True when a is exact: a whole number shown for it is the value (see Activation.exact)."""
        return bool(np.all(self.act.exact(self.z)))

    def __repr__(self) -> str:
        return f"Forward(n={self.n}, act={self.act.name}, z={self.z}, a={self.a})"


def _vector(values: ArrayLike, name: str) -> np.ndarray:
    try:
        v = np.asarray(values, dtype=float)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be numbers") from None
    if v.ndim == 0:
        v = v.reshape(1)
    return v


def _first_bad(v: np.ndarray, name: str) -> str:
    flat = v.ravel()
    i = int(np.flatnonzero(~np.isfinite(flat))[0])
    where = f"{name}{i % v.shape[-1] + 1}" if v.size > 1 else name
    return f"{where} is {flat[i]}, but every value must be a finite number"


def dot(x: np.ndarray, w: np.ndarray) -> np.ndarray:
    """x·w over the last axis, input by input in a fixed order: the same bits on every machine.

    BLAS (x @ w) sums in an order, and with fused multiply-adds, that depend on the CPU, so its last bit
    differs between servers; a product and a sum of two floats never do.
    """
    x = np.asarray(x, dtype=float)
    if x.ndim < 2 or x.shape[0] <= _BLOCK:
        z = x[..., 0] * w[0]
        for i in range(1, len(w)):
            z = z + x[..., i] * w[i]
        return z
    # A large batch in blocks of rows that stay in the CPU's cache.
    rows = x.reshape(-1, x.shape[-1])
    out = np.empty(len(rows))
    for s in range(0, len(rows), _BLOCK):
        block = rows[s : s + _BLOCK]
        z = block[:, 0] * w[0]
        for i in range(1, len(w)):
            z += block[:, i] * w[i]
        out[s : s + _BLOCK] = z
    return out.reshape(x.shape[:-1])


_BLOCK = 8192  # rows summed at a time in a large batch


EXACT_MAX_VALUES = 4096  # a batch of more inputs than this (never one the page shows) keeps float z


def decimals(v: float) -> int:
    """The decimal places of v as it is written at its shortest: 0.15 -> 2, 2.0 -> 0, 1e-05 -> 5."""
    mantissa, _, exponent = repr(float(v)).partition("e")
    return max(0, len(mantissa.partition(".")[2].rstrip("0")) - int(exponent or 0))


def places(x: np.ndarray, w: np.ndarray, b: float) -> int | None:
    """The decimal places of the exact w·x + b, or None where rounding a float sum to them is unsafe.

    The exact sum has no more places than its most precise product (places of w_i plus of x_i) or b.
    When float error (bounded from the terms' size) is under a quarter of that last place, the float sum
    rounded to it is the float nearest the exact decimal: -2.2·1 + 2.4 - 0.2 is then 0, not -4.4e-16.
    """
    if x.size > EXACT_MAX_VALUES:
        return None
    columns = x.reshape(-1, w.shape[0]).T
    p = max(
        decimals(b),
        max(max(map(decimals, np.unique(col))) + decimals(wi) for col, wi in zip(columns, w, strict=True)),
    )
    scale = float(np.max(dot(np.abs(x), np.abs(w)))) + abs(b)
    if p > 15 or (w.shape[0] + 2) * np.finfo(float).eps * scale >= 0.25 * 10.0**-p:
        return None
    return p


def _exact(x: np.ndarray, w: np.ndarray, b: float, z: np.ndarray) -> np.ndarray:
    """z as the exact decimal w·x + b where places() allows, so the step at -4.4e-16 says 1."""
    p = places(x, w, b)
    if p is None:
        return z
    if np.ndim(z) == 0:
        return np.float64(round(float(z), p) + 0.0)
    # Python's round is correctly rounded (numpy's scales by 10**places first, off by an ulp at times).
    return np.array([round(v, p) + 0.0 for v in z.ravel().tolist()]).reshape(z.shape)


def forward(x: ArrayLike, w: ArrayLike, b: float, act: str = "relu", alpha: float | None = None) -> Forward:
    """Compute z = w·x + b and a = act(z); a ValueError says what is wrong with bad input.

    z is the exact decimal where the inputs allow (see _exact), so a kink at z = 0 is decided by the math,
    not by float noise.
    """
    activation = get(act)
    x, w = _vector(x, "x"), _vector(w, "w")
    if w.ndim != 1 or not N_MIN <= w.shape[0] <= N_MAX:
        raise ValueError(f"a neuron here has {N_MIN} to {N_MAX} weights, not {w.size}")
    if x.ndim > 2 or x.shape[-1] != w.shape[0]:
        raise ValueError(
            f"there are {x.shape[-1]} inputs but {w.shape[0]} weights; give one weight per input"
        )
    try:
        b = float(b)
    except (TypeError, ValueError):
        raise ValueError("b must be a number") from None
    a_ = activation._alpha(alpha)
    if not np.isfinite(a_):
        raise ValueError(f"alpha is {a_}, but it must be a finite number")
    with np.errstate(over="ignore", invalid="ignore"):
        z = dot(x, w) + b
        # One check of z finds every non-finite input (nan and inf spread into z) and any overflow;
        # its sum is the quick test (nan and inf spread into it too), the element check the sure one.
        bad = not np.isfinite(z.sum()) and not np.isfinite(z).all()
    if bad:
        for v, name in ((w, "w"), (x, "x"), (np.asarray(b), "b")):
            if not np.isfinite(v).all():
                raise ValueError(_first_bad(v, name))
        raise ValueError("w·x + b is too large to compute; use smaller values")
    z = _exact(x, w, b, z)
    return Forward(x=x, w=w, b=b, z=z, a=activation.f(z, a_), act=activation, alpha=a_)


@dataclass(frozen=True)
class Gradients:
    """How a moves with each quantity, by the chain rule through z = w·x + b and a = f(z)."""

    da_dz: np.ndarray
    da_dw: np.ndarray
    da_db: np.ndarray
    da_dx: np.ndarray
    exact: bool = True  # as Forward.exact: False where f'(z) is an exponential's value

    @property
    def dead(self) -> bool:
        """True when every gradient is 0: the neuron cannot learn from this example."""
        return not np.any(self.da_dz)


def gradients(f: Forward) -> Gradients:
    """The gradients of a with respect to z, w, b and x, for one row or a batch."""
    da_dz = f.act.slope(f.z, f.alpha)
    return Gradients(
        da_dz=da_dz,
        da_dw=np.multiply.outer(da_dz, np.ones(f.n)) * f.x,
        da_db=da_dz,
        da_dx=np.multiply.outer(da_dz, f.w),
        exact=f.exact,
    )


def zero_crosses(f: Forward, i: int, j: int, lo: float = -10.0, hi: float = 10.0) -> bool:
    """True when z = 0 somewhere in the square of inputs i and j over [lo, hi], the others held."""
    rest = float(f.z) - f.w[i] * f.x[i] - f.w[j] * f.x[j]
    ends = np.array([lo, hi])
    corners = rest + f.w[i] * ends[:, None] + f.w[j] * ends
    # z is linear in x_i and x_j: it crosses 0 in the square exactly when its corners' signs differ.
    return bool(f.w[i] or f.w[j]) and bool(corners.min() <= 0 <= corners.max())


def landscape(
    f: Forward, i: int, j: int, lo: float = -10.0, hi: float = 10.0, steps: int = 41
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """a over a grid of inputs x_i and x_j (0-based), the others held: x_i's values, x_j's, and a[j, i]."""
    if f.x.ndim != 1 or not (0 <= i < f.n and 0 <= j < f.n and i != j):
        raise ValueError(f"choose two different inputs of the {f.n}")
    xi = xj = np.linspace(lo, hi, steps)
    # One row of inputs per grid point, the others held: one forward pass, exact z included.
    rows = np.tile(f.x, (steps, steps, 1))
    rows[:, :, i] = xi[np.newaxis, :]
    rows[:, :, j] = xj[:, np.newaxis]
    grid = forward(rows.reshape(-1, f.n), f.w, f.b, f.act.name, f.alpha)
    return xi, xj, grid.a.reshape(steps, steps)


def sweep(
    f: Forward, param: str, steps: int = 41, lo: float = -10.0, hi: float = 10.0
) -> tuple[np.ndarray, np.ndarray]:
    """z as one parameter ("x3", "w1", "b") runs from lo to hi, the others held: values and z, vectorised."""
    values = np.linspace(lo, hi, steps)
    # One forward pass over a batch in which only the swept value changes, so each z is exact too.
    if param == "b":  # z = (w·x) + b: the inner product as the bias of a one-input neuron
        return values, forward(values[:, np.newaxis], [1.0], float(forward(f.x, f.w, 0.0).z)).z
    kind, index = param[:1], param[1:]
    if kind not in ("x", "w") or not index.isdigit() or not 1 <= int(index) <= f.n:
        raise ValueError(f"sweep x1…x{f.n}, w1…w{f.n} or b, not {param!r}")
    k = int(index) - 1
    rows = np.tile(f.w if kind == "w" else f.x, (steps, 1))  # w·x = x·w: a swept w_k is a batch too
    rows[:, k] = values
    return values, forward(rows, f.x if kind == "w" else f.w, f.b).z
