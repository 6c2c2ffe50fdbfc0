"""Training on all the points at once: one full-batch step an epoch, by gradient descent on the loss
(cross-entropy for the sigmoid, squared error otherwise) or the perceptron rule on the step; and the
line the neuron draws. The neuron says 1 where a >= 0.5, so its boundary is the straight line
w·x + b = z_half, the z where the activation crosses 0.5 (0 for the sigmoid and the step)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from neuron_core.model.activations import PERCEPTRON, Activation, get
from neuron_core.model.data import Data, Point, make
from neuron_core.model.exact import Descent, descend
from neuron_core.model.neuron import decimals, dot, forward
from neuron_core.model.training import LIMIT  # as on one example: training stops the epoch before


def threshold(act: Activation, alpha: float) -> float:
    """The z at which a = act(z) reaches 0.5; the class boundary is the line w·x + b = threshold."""
    if act.half is not None:
        return act.half
    lo, hi = -20.0, 20.0  # a bisection for the rest (GELU): a < 0.5 below its crossing, ≥ above
    for _ in range(80):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if float(act(mid, alpha)) < 0.5 else (lo, mid)
    return hi


def loss(act: Activation, alpha: float, z: np.ndarray, y: np.ndarray) -> np.ndarray:
    """The mean loss over the points, for each row of z: the entry's cross-entropy, else squared error."""
    each = act.cross_entropy[0](z, y) if act.cross_entropy else np.square(act.f(z, alpha) - y)
    return each.sum(axis=-1) / z.shape[-1]


def slope(act: Activation, alpha: float, z: np.ndarray, y: np.ndarray) -> np.ndarray:
    """dL/dz for each point, times m: a - y for cross-entropy, 2 (a - y) f'(z) for squared error."""
    if act.cross_entropy:
        return act.cross_entropy[1](z, y)
    return 2.0 * (act.f(z, alpha) - y) * act.df(z, alpha)


def gradient(d: Data, w: np.ndarray, b: float, act: Activation, alpha: float) -> tuple[np.ndarray, float]:
    """dL/dw and dL/db of the mean loss over every point, by the chain rule through z = w·x + b."""
    # z as the exact decimal where the numbers allow (forward), as fit's epochs have it: at z = 0, 0.7 - 0.9 +
    # 0.2 in floats, ReLU's slope is 0, not the 1 of the float 5.6e-17
    z = forward(d.x, np.asarray(w, dtype=float), float(b), act.name, alpha).z
    s = slope(act, alpha, z, d.y) / d.m
    return np.sum(d.x * s[:, None], axis=0), float(s.sum())


PLAY_EPOCHS = 25  # epochs past the link's that the page trains, for ▶ Play to animate in the browser
EPOCHS_CAP = 1000  # the most epochs a link holds (the epochs control's range)


@dataclass(frozen=True)
class Run:
    """Every epoch's weights, bias, z, loss and points right; row 0 is where training started."""

    w: np.ndarray  # (epochs + 1, 2)
    b: np.ndarray  # (epochs + 1,)
    z: np.ndarray  # (epochs + 1, m): each point's z, as it decided the step and the points right
    loss: np.ndarray  # (epochs + 1,)
    right: np.ndarray  # (epochs + 1,) points on their label's side
    one: np.ndarray  # (epochs + 1, m) where the neuron says 1 (z at or past the threshold), exact where known
    on: np.ndarray  # (epochs + 1, m) the points exactly on the line (z at the threshold): counted as 1
    act: Activation
    alpha: float
    rule: str
    m: int
    descent: Descent | None = None  # gradient descent on a piecewise-linear neuron: exact epochs
    exact_epochs: int = 0  # epochs 0 … exact_epochs are the descent's, exactly (the perceptron's: all)

    def is_exact(self, k: int) -> bool:
        """Whether epoch k's weights, b and loss are known exactly (a whole number shown is the value)."""
        return self.act.kinks is not None and k % len(self.b) <= self.exact_epochs

    def loss_at(self, k: int):
        """Epoch k's loss: a fraction where it is exact, else a float."""
        k %= len(self.b)
        if self.descent is not None and k <= self.exact_epochs:
            return self.descent.loss(k)
        return float(self.loss[k])

    @property
    def epochs(self) -> int:
        """How many epochs were taken: fewer than asked when a weight would have passed LIMIT."""
        return len(self.b) - 1


def fit(
    d: Data, w: tuple[float, ...], b: float, act: str, alpha: float | None, rule: str, lr: float, epochs: int
) -> Run:
    """Train on every point for `epochs` epochs from (w, b): one full-batch step per epoch.

    "gradient": w ← w - lr dL/dw, b ← b - lr dL/db. "perceptron", with the step's output ŷ:
    w ← w + lr sum (y - ŷ) x, b ← b + lr sum (y - ŷ): only the points on the wrong side move the line.
    A point's side is decided exactly at epoch 0 (forward), in the perceptron's epochs (see _places) and
    while exact.descend keeps fractions. A step that would take a weight or b past LIMIT is not taken.
    """
    if rule not in ("gradient", "perceptron"):
        raise ValueError(f"the rule is gradient or perceptron, not {rule!r}")
    if not d.m:
        raise ValueError("there are no points to train on")
    f = get(PERCEPTRON if rule == "perceptron" else act)
    al = f._alpha(alpha)
    z_half = threshold(f, al)
    x, y = d.x, d.y
    x1 = np.column_stack([x, np.ones(d.m)])  # each point with a constant input 1, whose weight is b
    v = np.array([*np.asarray(w, dtype=float), float(b)])  # (w1, w2, b)
    vs, zs, descent, sides = [v], [forward(x, v[:2], v[2], f.name, al).z], None, None
    if rule == "gradient" and f.piece is not None:  # exact fractions, as far as they are kept
        descent = descend(x, y, v[:2], v[2], f, al, lr, epochs, LIMIT, at=z_half)
        vs, zs, sides = list(descent.floats()), [np.array(z) for z in descent.z], descent.side
    exact_epochs = len(vs) - 1
    rate = lr if rule == "perceptron" else lr / d.m
    keep = _places(x, v, lr) if rule == "perceptron" else None
    if rule == "perceptron":
        exact_epochs = epochs if keep is not None else 0
    # Floats from here (an exponential, or a run longer than fractions are kept), in an order that is the
    # same on every machine (no BLAS). Each epoch's loss and points right come after, from the same z
    # that decided its step.
    while len(vs) - 1 < epochs and (descent is None or descent.capped):
        z = zs[-1]
        # The perceptron's -(y - ŷ) is written as a gradient's slope, so that both rules step alike.
        s = (z >= 0) - y if rule == "perceptron" else slope(f, al, z, y)
        nv = vs[-1] - rate * np.sum(x1 * s[:, None], axis=0)
        if not abs(nv).max() <= LIMIT:
            break
        vs.append(nv)
        z = dot(x, nv[:2]) + nv[2]
        zs.append(z if keep is None else np.round(z, keep) + 0.0)
    v, z = np.array(vs), np.array(zs)
    side = np.sign(z - z_half).astype(int)
    if sides is not None:  # the exact epochs' sides, as the fractions decide them
        side[: len(sides)] = np.array(sides, dtype=int)
    one = side >= 0
    right = np.count_nonzero(one == (y == 1), axis=1)
    return Run(
        w=v[:, :2],
        b=v[:, 2],
        z=z,
        loss=loss(f, al, z, y),
        right=right,
        one=one,
        on=side == 0,
        act=f,
        alpha=al,
        rule=rule,
        m=d.m,
        descent=descent,
        exact_epochs=min(exact_epochs, len(vs) - 1),
    )


def _places(x: np.ndarray, v: np.ndarray, lr: float) -> int | None:
    """The decimals of every z the perceptron rule meets, or None where float z must do.

    Its weights stay decimals (the start's plus lr times sums of the points), so z = x·w + b has at most the
    points' decimals plus the weights', and a float z rounded to them is the exact decimal, whose sign
    decides a point on the line (0.3·(-4.2) + 0.3·3.2 + 0.3 is 0).
    """
    px = max(map(decimals, np.unique(x)), default=0)
    p = px + max(*map(decimals, v), decimals(lr) + px)
    scale = float(np.abs(x).max(initial=1.0)) * LIMIT * 3
    return p if p <= 12 and 10 * np.finfo(float).eps * scale < 0.25 * 10.0**-p else None


def _normals(x: np.ndarray) -> np.ndarray:
    """One unit normal inside each cell of directions where the order of the points' projections holds.

    The order changes only at normals perpendicular to a line through two points, so the midpoints
    between those angles (mod pi) see every order a line's normal can see.
    """
    dx = x[None, :, :] - x[:, None, :]
    iu = np.triu_indices(len(x), 1)
    d = dx[iu]
    d = d[np.any(d != 0, axis=1)]
    if not len(d):
        return np.array([[1.0, 0.0]])
    crit = np.unique(np.mod(np.arctan2(d[:, 1], d[:, 0]) + np.pi / 2, np.pi))
    mids = (crit + np.append(crit[1:], crit[0] + np.pi)) / 2
    return np.stack([np.cos(mids), np.sin(mids)], axis=1)


@lru_cache(maxsize=256)  # the best line depends on the points alone: once per data set, not per move
def _best(pts: tuple[Point, ...]) -> int:
    d = make(pts)
    if d.m == 0:
        return 0
    normals = _normals(d.x)
    proj = normals[:, :1] * d.x[:, 0] + normals[:, 1:] * d.x[:, 1]  # (directions, m), no BLAS: ties exact
    order = np.argsort(proj, axis=1, kind="stable")
    y = d.y[order]
    ps = np.take_along_axis(proj, order, axis=1)
    # Splitting after k points: the first k on one side, the rest on the other, either way round.
    zeros_before = np.concatenate([np.zeros((len(y), 1)), np.cumsum(y == 0, axis=1)], axis=1)
    ones_before = np.concatenate([np.zeros((len(y), 1)), np.cumsum(y == 1, axis=1)], axis=1)
    ones_after = ones_before[:, -1:] - ones_before
    zeros_after = zeros_before[:, -1:] - zeros_before
    right = np.maximum(zeros_before + ones_after, ones_before + zeros_after)
    # A line cannot pass between two points with the same projection (the same point twice).
    ties = np.concatenate(
        [np.zeros((len(y), 1), bool), ps[:, 1:] == ps[:, :-1], np.zeros((len(y), 1), bool)], axis=1
    )
    return int(np.where(ties, 0, right).max())


def best_line(pts: tuple[Point, ...]) -> int:
    """The most points any straight line puts on their label's side (3 of XOR's 4), found exactly."""
    return _best(tuple(pts))


def both_labels(pts: tuple[Point, ...]) -> list[tuple[float, float]]:
    """The places (x1, x2) that carry both labels: no function of x1 and x2 can put both right."""
    labels: dict[tuple[float, float], set[int]] = {}
    for x1, x2, y in pts:
        labels.setdefault((x1 + 0.0, x2 + 0.0), set()).add(int(y))
    return [xy for xy, ys in labels.items() if len(ys) == 2]


def separable(pts: tuple[Point, ...]) -> bool:
    """True when some straight line puts every point on its label's side."""
    return best_line(pts) == len(pts)


def half_plane(w: np.ndarray, b: float, z_half: float, lo: float, hi: float) -> list[tuple[float, float]]:
    """The corners of the part of the square [lo, hi]² where w·x + b ≥ z_half: where the neuron says 1."""
    corners = [(lo, lo), (hi, lo), (hi, hi), (lo, hi)]
    level = [float(w[0] * x1 + w[1] * x2 + b - z_half) for x1, x2 in corners]
    out: list[tuple[float, float]] = []
    # The square clipped by the line, corner by corner (Sutherland-Hodgman with one edge); its corners
    # on the line are the ends of the boundary.
    for k, (p, g) in enumerate(zip(corners, level, strict=True)):
        q, h = corners[(k + 1) % 4], level[(k + 1) % 4]
        if g >= 0:
            out.append(p)
        if (g >= 0) != (h >= 0):  # the line crosses this edge: where it does, by linear interpolation
            s = g / (g - h)
            out.append((p[0] + s * (q[0] - p[0]), p[1] + s * (q[1] - p[1])))
    return out


def boundary(w: np.ndarray, b: float, z_half: float, lo: float, hi: float) -> list[tuple[float, float]]:
    """The two ends of the line w·x + b = z_half inside the square, or none when it misses the square."""
    if not (w[0] or w[1]):
        return []
    side = half_plane(w, b, z_half, lo, hi)
    ends = [
        p
        for p in side
        if abs(float(w[0] * p[0] + w[1] * p[1] + b - z_half)) <= 1e-9 * (1 + abs(b) + abs(z_half))
    ]
    ends = list(dict.fromkeys(ends))
    return ends[:2] if len(ends) >= 2 else []
