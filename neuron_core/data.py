"""The neuron meets data: points (x1, x2) labelled 0 or 1, training on all of them, and what a line can do.

A data set is the gates AND, OR, NAND and XOR, two clouds (apart, or overlapping) made from a fixed
seed, or the learner's own points. The neuron says 1 where a ≥ 0.5, so its boundary is the straight
line w·x + b = t, t the z where the activation crosses 0.5 (0 for the sigmoid and the step). Training
takes one full-batch step per epoch: gradient descent on the loss (cross-entropy for the sigmoid,
squared error otherwise), or the perceptron rule on the step.
"""

from __future__ import annotations

import csv
import io
import math
import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from neuron_core.model.activations import Activation, get
from neuron_core.model.exact import Descent, descend
from neuron_core.model.neuron import decimals, dot, forward
from neuron_core.numbers import cut, fmt, many, percent, quoted

POINTS_MAX = 200  # a link or a file holds at most this many points
FILE_MAX = 1_000_000  # bytes: a file of points is read no further (200 points take a few KB)
LO, HI = -10.0, 10.0  # every coordinate, as every slider
Point = tuple[float, float, int]  # x1, x2 and the label y
# The columns of a table of points: name, label, least and most value, step.
COLUMNS = {"x1": ("x₁", LO, HI, 0.1), "x2": ("x₂", LO, HI, 0.1), "y": ("label y", 0, 1, 1)}

_GATES = {"and": (0, 0, 0, 1), "or": (0, 1, 1, 1), "nand": (1, 1, 1, 0), "xor": (0, 1, 1, 0)}
CORNERS = ((0.0, 0.0), (0.0, 1.0), (1.0, 0.0), (1.0, 1.0))
TABLE_HELP = (
    "Your points, each x₁ and x₂ from -10 to 10 with a label y of 0 or 1: double-click a cell to change it, "
    "fill in the empty row at the bottom to add a point, tick a row's box and press Delete to remove it. "
    "The link keeps them."
)
# The learner's own points start as these five, to edit: a table to change, not an empty one.
OWN: tuple[Point, ...] = ((-2.0, -1.0, 0), (-1.0, 1.0, 0), (0.0, -2.0, 0), (1.0, 2.0, 1), (2.0, 0.0, 1))


def _cloud(
    seed: int, centres: tuple[tuple[float, float], ...], spread: float, each: int
) -> tuple[Point, ...]:
    """Points round each centre (label = the centre's index), the same on every machine.

    Normal deviates by Box-Muller from the generator's uniform doubles (a stream numpy keeps stable;
    its normal sampler may change between releases), rounded to one decimal as a worksheet writes them.
    """
    u = np.random.Generator(np.random.PCG64(seed)).random((len(centres), 2, each))
    r = np.sqrt(-2.0 * np.log1p(-u[:, 0])) * spread
    xy = np.stack([r * np.cos(2 * np.pi * u[:, 1]), r * np.sin(2 * np.pi * u[:, 1])], axis=-1)
    xy = np.clip(np.round(xy + np.array(centres)[:, None, :], 1), LO, HI)
    return tuple((float(x1), float(x2), k) for k in range(len(centres)) for x1, x2 in xy[k])


PRESETS: dict[str, tuple[str, tuple[Point, ...]]] = {
    **{g: (g.upper(), tuple((*c, y) for c, y in zip(CORNERS, ys, strict=True))) for g, ys in _GATES.items()},
    "clouds": ("two clouds", _cloud(13, ((-3.0, -2.0), (3.0, 2.5)), 1.2, 20)),
    "overlap": ("two overlapping clouds", _cloud(17, ((-1.0, -0.5), (1.0, 1.0)), 1.8, 25)),
}
NAMES = {**{k: v[0] for k, v in PRESETS.items()}, "own": "your own points"}  # a data set's name, by key


@dataclass(frozen=True)
class Data:
    """Points x (m by 2) and their labels y (m), each 0 or 1."""

    x: np.ndarray
    y: np.ndarray

    @property
    def m(self) -> int:
        return len(self.y)


def make(points: tuple[Point, ...] | list[Point]) -> Data:
    """A data set from (x1, x2, y) rows."""
    p = np.array(points, dtype=float).reshape(-1, 3)
    return Data(x=p[:, :2], y=p[:, 2])


def points(name: str, own: tuple[Point, ...] = OWN) -> tuple[Point, ...]:
    """The points of a data set by its key: a preset's, or the learner's own."""
    return own if name == "own" else PRESETS[name][1]


def _row(values: list, k: int) -> Point:
    """One point from three values, or a ValueError that names the row and what is wrong with it."""
    if len(values) != 3:
        many = f"{len(values)} value{'s' * (len(values) != 1)}"
        raise ValueError(f"point {k} has {many}, not three (x1, x2, y)")
    nums = []
    for name, v in zip(("x1", "x2", "y"), values, strict=True):
        try:
            num = float(str(v).strip())
        except ValueError:
            raise ValueError(f"point {k}: {name} = {quoted(v)} is not a number") from None
        if not math.isfinite(num):
            raise ValueError(f"point {k}: {name} = {cut(v)} is not a finite number")
        if name != "y" and not LO <= num <= HI:
            raise ValueError(f"point {k}: {name} = {fmt(num)} is outside {fmt(LO)} to {fmt(HI)}")
        nums.append(num + 0.0)
    if nums[2] not in (0.0, 1.0):
        raise ValueError(f"point {k}: its label y = {fmt(nums[2])} is neither 0 nor 1")
    return nums[0], nums[1], int(nums[2])


def from_rows(rows: list[list]) -> tuple[tuple[Point, ...], list[str]]:
    """The good points among rows of (x1, x2, y), in order, and a sentence for each one left out.

    Rows with every cell empty (a table's new row not filled in yet) are skipped silently; beyond
    POINTS_MAX the rest are left out, said once.
    """
    kept: list[Point] = []
    said: list[str] = []
    for k, row in enumerate(rows, start=1):
        cells = ["" if v is None or (isinstance(v, float) and math.isnan(v)) else v for v in row]
        if all(str(c).strip() == "" for c in cells):
            continue
        if any(str(c).strip() == "" for c in cells):
            said.append(f"point {k} is not filled in")
            continue
        try:
            kept.append(_row(cells, k))
        except ValueError as e:
            said.append(str(e))
    if len(kept) > POINTS_MAX:
        said.append(f"there are more than {POINTS_MAX} points: only the first {POINTS_MAX} are kept")
        kept = kept[:POINTS_MAX]
    return tuple(kept), said


def edited(base: tuple[Point, ...], edit: object) -> tuple[tuple[Point, ...], str] | None:
    """What an edit of the points table does to `base`, read before the table's editor applies it.

    The table sends its edits as {"edited_rows": {row: {column: value}}, "added_rows": [{column: value}],
    "deleted_rows": [row]}. None when the edit is the table's own kind (numbers or empty cells in its
    columns, rows that exist, at most POINTS_MAX in all): the editor applies it. Otherwise the points the
    edit leaves, read here, with one sentence: beyond POINTS_MAX rows none is read (a crafted edit of
    20,000 rows cost the editor 51 s), cells that are not numbers are counted and left empty, and an
    edit of another shape (an extra column, a row given as a list, rows that do not exist) leaves the
    link's points.
    """
    if edit is None:  # no edit yet: a new table
        return None
    shaped = _shaped(edit, len(base))
    if shaped is None:
        return base, "The table's last edit could not be read, so it shows the link's points again."
    changes, deleted, added, count = shaped
    rows = [list(r) for k, r in enumerate(base) if k not in deleted]
    at = [k for k in range(len(base)) if k not in deleted]  # each kept row's place in the base
    for k, row in zip(at, rows, strict=True):
        for c, v in changes.get(k, {}).items():
            row[list(COLUMNS).index(c)] = v
    more = max(0, len(rows) + count - POINTS_MAX)
    rows += [[r.get(c) for c in COLUMNS] for r in added[: POINTS_MAX - len(rows)]]
    junk = sum(not _cell(v) for row in rows for v in row)
    if not more and not junk:
        return None
    rows = [[v if _cell(v) else None for v in row] for row in rows]
    pts, _ = from_rows(rows)
    said = [f"{more:,} rows past the table's {POINTS_MAX} were not read"] if more else []
    if junk:
        said.append(f"{many(junk, 'cell')} that {'is' if junk == 1 else 'are'} not a number left empty")
    return pts, f"From the table's last edit: {' and '.join(said)}; it keeps {many(len(pts), 'point')}."


def _cell(v: object) -> bool:
    """A value the table's number columns send: a number (not true or false) or an empty cell."""
    return v is None or (isinstance(v, int | float) and not isinstance(v, bool))


def _shaped(edit: object, m: int) -> tuple[dict[int, dict], set[int], list[dict], int] | None:
    """An edit's changed cells by row, deleted rows, added rows and their count, or None if it is not of
    that shape. Added rows past POINTS_MAX are counted, not looked at: they are never read.
    """
    if not isinstance(edit, dict) or not set(edit) <= {"edited_rows", "added_rows", "deleted_rows"}:
        return None
    changed, deleted, added = (edit.get(k) or v for k, v in
                               (("edited_rows", {}), ("deleted_rows", []), ("added_rows", [])))  # fmt: skip
    if not isinstance(changed, dict) or not isinstance(deleted, list) or not isinstance(added, list):
        return None
    changes: dict[int, dict] = {}
    for k, row in list(changed.items())[: m + 1]:
        place = _place(k, m)
        if place is None or not isinstance(row, dict) or not set(row) <= set(COLUMNS):
            return None
        changes[place] = row
    if len(changed) > m or len(deleted) > m:
        return None
    gone = {_place(k, m) for k in deleted}
    if None in gone:
        return None
    new = added[:POINTS_MAX]
    if not all(isinstance(r, dict) and set(r) <= set(COLUMNS) for r in new):
        return None
    return changes, gone, new, len(added)


def _place(k: object, m: int) -> int | None:
    """A row's place from an edit ("3" or 3), if the table has that row."""
    if isinstance(k, bool) or not isinstance(k, int | str) or not re.fullmatch(r"[0-9]{1,6}", str(k)):
        return None
    return int(k) if int(k) < m else None


def read_points(text: str) -> tuple[tuple[Point, ...], list[str]]:
    """Points as a link carries them, 'x1,x2,y;x1,x2,y;…', and what was left out (see from_rows)."""
    rows = [r.split(",") for r in text.split(";", 4 * POINTS_MAX)[: 4 * POINTS_MAX] if r.strip()]
    return from_rows(rows)  # a link's length is not ours to bound: at most 800 rows are read


def _short(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else repr(float(v))


def points_text(pts: tuple[Point, ...]) -> str:
    """Points as a link carries them: '0,0,0;0,1,1', each number at its shortest."""
    return ";".join(",".join(map(_short, p)) for p in pts)


def read_csv(text: str) -> Data:
    """A data set from a CSV file with the columns x1, x2 and label; a ValueError says what is wrong."""
    try:  # newline="" semantics: a spreadsheet's CRLF rows read as rows
        table = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as e:  # a field past csv's limit (131,072 characters), a NUL byte, …
        raise ValueError(f"the file is not a CSV file of points: {e}") from None
    table = [r for r in table if any(c.strip() for c in r)]
    if not table:
        raise ValueError("the file is empty: it needs a header x1,x2,label and one row per point")
    head = [c.strip().lower() for c in table[0]]
    missing = [c for c in ("x1", "x2", "label") if c not in head]
    if missing:
        raise ValueError(f"the file has no column {', '.join(missing)} (its header is {','.join(head)[:60]})")
    cols = [head.index(c) for c in ("x1", "x2", "label")]
    rows = table[1:]
    if not rows:
        raise ValueError("the file has a header but no points")
    if len(rows) > POINTS_MAX:
        raise ValueError(f"the file has {len(rows)} points; at most {POINTS_MAX} are allowed")
    pts = []
    for k, r in enumerate(rows, start=1):
        if len(r) < len(head):
            raise ValueError(f"point {k} has {len(r)} values, but the header has {len(head)} columns")
        pts.append(_row([r[c] for c in cols], k))
    return make(pts)


# z where each activation crosses a = 0.5: the neuron says 1 from there up.
_HALF = {"sigmoid": 0.0, "step": 0.0, "tanh": math.atanh(0.5), "softplus": math.log(math.expm1(0.5))}


def threshold(act: Activation, alpha: float) -> float:
    """The z at which a = act(z) reaches 0.5; the class boundary is the line w·x + b = threshold."""
    if act.name in _HALF:
        return _HALF[act.name]
    if act.kinks is not None and float(act(0.5, alpha)) == 0.5:  # z itself above 0 (ReLU, ELU, …)
        return 0.5
    lo, hi = -20.0, 20.0  # a bisection for the rest (GELU): a < 0.5 below its crossing, ≥ above
    for _ in range(80):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if float(act(mid, alpha)) < 0.5 else (lo, mid)
    return hi


def loss_name(act: Activation) -> str:
    """The loss the view trains and reports: cross-entropy for the sigmoid, squared error otherwise."""
    return "cross-entropy" if act.name == "sigmoid" else "squared error"


def loss(act: Activation, alpha: float, z: np.ndarray, y: np.ndarray) -> np.ndarray:
    """The mean loss over the points, for each row of z: cross-entropy for the sigmoid, else squared error.

    Cross-entropy is written in z, ln(1 + e^z) - y z, so that it never takes the log of 0.
    """
    each = np.logaddexp(0.0, z) - y * z if act.name == "sigmoid" else np.square(act.f(z, alpha) - y)
    return each.sum(axis=-1) / z.shape[-1]


def slope(act: Activation, alpha: float, z: np.ndarray, y: np.ndarray) -> np.ndarray:
    """dL/dz for each point, times m: sigmoid(z) - y for cross-entropy, 2 (a - y) f'(z) for squared error."""
    if act.name == "sigmoid":
        return get("tanh")(0.5 * z) * 0.5 + (0.5 - y)  # sigmoid(z) - y, with no exponential to overflow
    return 2.0 * (act.f(z, alpha) - y) * act.df(z, alpha)


def gradient(d: Data, w: np.ndarray, b: float, act: Activation, alpha: float) -> tuple[np.ndarray, float]:
    """dL/dw and dL/db of the mean loss over every point, by the chain rule through z = w·x + b."""
    # z as the exact decimal where the numbers allow (forward), as fit's epochs have it: at z = 0, 0.7 - 0.9 +
    # 0.2 in floats, ReLU's slope is 0, not the 1 of the float 5.6e-17
    z = forward(d.x, np.asarray(w, dtype=float), float(b), act.name, alpha).z
    s = slope(act, alpha, z, d.y) / d.m
    return np.sum(d.x * s[:, None], axis=0), float(s.sum())


LIMIT = 1e6  # no weight or bias grows past this; training stops the epoch before, as on one example
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

    def short(self, k: int = -1) -> str:
        """Epoch k in a few words, as a chart's title: 'epoch 3: 3 of 4 right, loss 0.4521'."""
        return f"epoch {k % len(self.b)}: {int(self.right[k])} of {self.m} right, loss {self._loss(k)}"

    def _loss(self, k: int) -> str:
        return fmt(self.loss_at(k), self.is_exact(k))

    def said(self, k: int = -1) -> str:
        """Epoch k's accuracy and loss in words: '3 of 4 right (75%), cross-entropy 0.4521'."""
        right, m = int(self.right[k]), self.m
        return f"{right} of {m} right ({percent(right, m)}), {loss_name(self.act)} {self._loss(k)}"


def fit(d: Data, w: tuple[float, ...], b: float, act: str, alpha: float | None, rule: str, lr: float,
        epochs: int) -> Run:  # fmt: skip
    """Train on every point for `epochs` epochs from (w, b): one full-batch step per epoch.

    rule "gradient": w ← w - lr dL/dw, b ← b - lr dL/db. rule "perceptron": the step's output ŷ, and
    w ← w + lr Σ (y - ŷ) x, b ← b + lr Σ (y - ŷ): only the points on the wrong side move the line.
    Epoch 0 is judged with the exact z of forward() (a point on the line is on it), the perceptron's
    later epochs too (see _places); gradient descent's weights are floats. A step that would take a
    weight or b past LIMIT is not taken.
    """
    if rule not in ("gradient", "perceptron"):
        raise ValueError(f"the rule is gradient or perceptron, not {rule!r}")
    if not d.m:
        raise ValueError("there are no points to train on")
    f = get("step" if rule == "perceptron" else act)
    al = f._alpha(alpha)
    t = threshold(f, al)
    x, y = d.x, d.y
    x1 = np.column_stack([x, np.ones(d.m)])  # each point with a constant input 1, whose weight is b
    v = np.array([*np.asarray(w, dtype=float), float(b)])  # (w1, w2, b)
    vs, zs, descent, sides = [v], [forward(x, v[:2], v[2], f.name, al).z], None, None
    if rule == "gradient" and f.piece is not None:  # exact fractions, as far as they are kept
        descent = descend(x, y, v[:2], v[2], f, al, lr, epochs, LIMIT, at=t)
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
    side = np.sign(z - t).astype(int)
    if sides is not None:  # the exact epochs' sides, as the fractions decide them
        side[: len(sides)] = np.array(sides, dtype=int)
    one = side >= 0
    right = np.count_nonzero(one == (y == 1), axis=1)
    return Run(
        w=v[:, :2], b=v[:, 2], z=z, loss=loss(f, al, z, y), right=right, one=one, on=side == 0, act=f,
        alpha=al, rule=rule, m=d.m, descent=descent, exact_epochs=min(exact_epochs, len(vs) - 1),
    )  # fmt: skip


def _places(x: np.ndarray, v: np.ndarray, lr: float) -> int | None:
    """The decimals of every z the perceptron rule meets, or None where float z must do.

    Its weights stay decimals: the start's, plus lr times sums of the points. So z = x·w + b has at most
    the points' decimals plus the weights', and rounding a float z to them gives the exact decimal, whose
    sign decides a point on the line as exact arithmetic does (0.3·(-4.2) + 0.3·3.2 + 0.3 is 0).
    """
    px = max(map(decimals, np.unique(x)), default=0)
    p = px + max(*map(decimals, v), decimals(lr) + px)
    scale = float(np.abs(x).max(initial=1.0)) * LIMIT * 3
    return p if p <= 12 and 10 * np.finfo(float).eps * scale < 0.25 * 10.0**-p else None


def _directions(x: np.ndarray) -> np.ndarray:
    """One unit normal inside each cell of directions where the order of the points' projections holds.

    The order changes only at normals perpendicular to a line through two points; between two such
    angles (mod π) it stays, so their midpoints see every order a line's normal can see.
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
    normals = _directions(d.x)
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
    ties = np.concatenate([np.zeros((len(y), 1), bool), ps[:, 1:] == ps[:, :-1], np.zeros((len(y), 1), bool)],
                          axis=1)  # fmt: skip
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


def square(pts: tuple[Point, ...]) -> tuple[float, float]:
    """The range of both axes that shows every point with room round it: -0.5 to 1.5 for the gates."""
    v = np.array([p[:2] for p in pts] or [(0.0, 0.0)], dtype=float)
    lo, hi = float(v.min()), float(v.max())
    pad = max(0.5, 0.12 * (hi - lo))
    return lo - pad, hi + pad


def half_plane(w: np.ndarray, b: float, t: float, lo: float, hi: float) -> list[tuple[float, float]]:
    """The corners of the part of the square [lo, hi]² where w·x + b ≥ t: where the neuron says 1.

    The square clipped by the line, corner by corner (Sutherland-Hodgman with one edge); its corners
    on the line are the ends of the boundary.
    """
    corners = [(lo, lo), (hi, lo), (hi, hi), (lo, hi)]
    level = [float(w[0] * x1 + w[1] * x2 + b - t) for x1, x2 in corners]
    out: list[tuple[float, float]] = []
    for k, (p, g) in enumerate(zip(corners, level, strict=True)):
        q, h = corners[(k + 1) % 4], level[(k + 1) % 4]
        if g >= 0:
            out.append(p)
        if (g >= 0) != (h >= 0):  # the line crosses this edge: where it does, by linear interpolation
            s = g / (g - h)
            out.append((p[0] + s * (q[0] - p[0]), p[1] + s * (q[1] - p[1])))
    return out


def boundary(w: np.ndarray, b: float, t: float, lo: float, hi: float) -> list[tuple[float, float]]:
    """The two ends of the line w·x + b = t inside the square, or none when it misses the square."""
    if not (w[0] or w[1]):
        return []
    side = half_plane(w, b, t, lo, hi)
    ends = [p for p in side if abs(float(w[0] * p[0] + w[1] * p[1] + b - t)) <= 1e-9 * (1 + abs(b) + abs(t))]
    ends = list(dict.fromkeys(ends))
    return ends[:2] if len(ends) >= 2 else []


def rule_text(act: Activation, alpha: float) -> str:
    """Where the neuron says 1, and so which line is its boundary, for this activation."""
    t = threshold(act, alpha)
    if t == 0:
        return (
            f"The neuron says 1 where a ≥ 0.5, which for the {act.label} is where z ≥ 0: its boundary is "
            "the line w₁x₁ + w₂x₂ + b = 0."
        )
    about = "about " if act.name == "gelu" else ""  # found by bisection, not by a formula
    return (
        f"The neuron says 1 where a ≥ 0.5, which for {act.label} is where z ≥ {about}{fmt(t)}: its boundary "
        f"is the line w₁x₁ + w₂x₂ + b = {about}{fmt(t)}, not z = 0 (there {act.label} gives "
        f"{fmt(float(act(0.0, alpha)))})."
    )


def boundary_words(act: Activation, alpha: float) -> str:
    """Where the boundary is, in a few words: the step's is where it jumps, never where a = 0.5."""
    if act.name == "step":
        return "where z = 0 (the step jumps from 0 to 1 there)"
    return f"where a = 0.5 (z = {'about ' if act.name == 'gelu' else ''}{fmt(threshold(act, alpha))})"


def loss_text(act: Activation, m: int) -> str:
    """The loss the view reports, named and written out."""
    over = f"averaged over the {m} point{'s' * (m != 1)}"
    if act.name == "sigmoid":
        return f"The loss is the cross-entropy -(y ln a + (1 - y) ln(1 - a)), {over}."
    return f"The loss is the squared error (a - y)², {over}."


def sides(run: Run, d: Data, k: int) -> str:
    """How many points fall on each side of epoch k's line, and how many of them carry each label."""
    one = run.one[k]

    def count(side: np.ndarray) -> str:
        m, ones = int(side.sum()), int(np.sum(d.y[side] == 1))
        return f"{m} point{'s' * (m != 1)}" + (f" ({ones} labelled 1, {m - ones} labelled 0)" if m else "")

    return f"Where it says 1: {count(one)}. Where it says 0: {count(~one)}."


def stalled(run: Run, d: Data, k: int) -> str | None:
    """Why gradient descent leaves the line where it is at epoch k, when every gradient is 0; else None.

    Three different things, each said as it is: the points' pulls cancel (each pulls, and they add up
    to 0); the points that pull nothing sit where the activation is flat (a slope of exactly 0); or
    their slope underflowed (an exponential's, never 0, smaller than a float holds).
    """
    if run.descent is not None and k <= run.exact_epochs:  # the fractions decide what is exactly 0
        pulls = run.descent.pulls(k)
        pull = np.array([(p > 0) - (p < 0) for p in pulls], dtype=float)  # their signs
        zero = not any(run.descent.gradient(k, pulls))
    else:
        pull = slope(run.act, run.alpha, run.z[k], d.y)
        dw, db = gradient(d, run.w[k], float(run.b[k]), run.act, run.alpha)
        zero = not (np.any(dw) or db)
    if not zero:
        return None
    if run.act.name == "step":
        return (
            "The step's slope is 0 wherever it has one, so gradient descent never moves its line: choose the "
            "perceptron rule."
        )
    name = run.act.label
    if np.any(pull):
        return (
            f"Every gradient is exactly 0 here, though {int(np.count_nonzero(pull))} of the points pull on "
            "the line: their pulls cancel (for each input, the points' pulls times that input add up to 0), "
            "so gradient descent stays where it is. Move a weight or b a little to break the balance."
        )
    wrong = run.one[k] != (d.y == 1)
    zs = ", ".join(list(dict.fromkeys(fmt(v) for v in run.z[k][wrong]))[:3])  # a few, each once
    if run.act.kinks is not None:
        corner = (
            f" ({name}'s slope at its corner z = 0 is taken to be 0)" if np.any(run.z[k][wrong] == 0) else ""
        )
        return (
            f"Every gradient is exactly 0 here: the points on the wrong side have z = {zs}, where {name} is "
            f"flat{corner}, so they pull nothing, and the others have a = y already. Gradient descent "
            "cannot move the line: move b (or a weight) until those points have z > 0."
        )
    return (
        f"Every gradient computes as 0 here, though it is not 0: the points on the wrong side have z = {zs}, "
        f"so far out that {name}'s slope there is smaller than the smallest number a float can hold. "
        + (
            "The run has gone too far: start again with a smaller η."
            if k
            else "Move b (or a weight) to bring those points' z back towards 0."
        )
    )


def play_text(run: Run, k: int) -> str:
    """What ▶ Play shows, and what keeps it."""
    if run.epochs == k:
        return "Training stopped here: ▶ Play has no epochs left to show."
    keep = (
        f"a link holds at most {EPOCHS_CAP:,} epochs, so none of them can be taken"
        if k >= EPOCHS_CAP
        else "*Take ten epochs* keeps epochs in the link"
    )
    return (
        f"▶ Play runs epochs {k + 1} to {run.epochs} here, in the browser. The colours of a are epoch {k}'s, "
        f"so they are hidden while it plays; {keep}."
    )


def notes(pts: tuple[Point, ...], name: str, run: Run, k: int, asked: int, act: str) -> list[tuple[str, str]]:
    """What the page says about the neuron on these points at epoch k, as (kind, text): info, success
    or warning. `asked` is the epochs the link asked for, `act` the activation chosen above."""
    d, m, right = make(pts), len(pts), int(run.right[k])
    said: list[tuple[str, str]] = []
    if run.rule == "perceptron" and act != "step":
        text = (
            "The perceptron rule trains the step, a = 1 where z ≥ 0, whatever the activation chosen: the "
            "line, the points right and the loss here are the step's."
        )
        said.append(("info", text))
    best = best_line(pts)
    both = both_labels(pts)
    if both:
        at = ", ".join(f"({fmt(x1)}, {fmt(x2)})" for x1, x2 in both[:3])
        text = (
            f"No function of x₁ and x₂ can split these points: {at} carr{'ies' if len(both) == 1 else 'y'} "
            f"both labels, so no line, and no layer of neurons either, puts all of them on their own side; "
            f"the best any line does is {best} of {m}."
        )
        said.append(("warning", text))
    elif best < m:
        xor = " (XOR is OR but not AND: two lines, combined)" if name == "xor" else ""
        text = (
            f"No straight line can split these points: the best any line does is {best} of {m}, so one "
            "neuron, whose boundary is one straight line, cannot do better however long it trains; a second "
            f"layer of neurons can{xor}."
        )
        said.append(("warning", text))
        if name == "xor" and run.rule == "gradient" and run.act.name == "sigmoid":
            text = (
                "Gradient descent heads for XOR's lowest cross-entropy, at w = 0 and b = 0: a = 0.5 for "
                "every point, on the fence (the loss ln 2 ≈ 0.6931), where tiny weights decide each side, "
                "so 1 to 3 points come out right."
            )
            said.append(("info", text))
    on = int(run.on[k].sum())
    if not (run.w[k][0] or run.w[k][1]):
        says = int(run.one[k][0]) if m else 0
        tie = ", exactly at the threshold, which counts as 1," if on else ""
        text = (
            f"w₁ = w₂ = 0, so there is no line: z = b for every point{tie} and the neuron says {says} for "
            f"all of them ({right} of {m} right)."
        )
        said.append(("info", text))
        on = 0
    elif right == m and best == m:
        every = "The one point is" if m == 1 else f"Every one of the {m} points is"
        said.append(("success", f"{every} on its own side of the line."))
    elif best == m:
        text = f"A straight line can put every point on its own side; this one puts {right} of {m} there."
        if run.rule == "perceptron":
            text += (
                " The perceptron rule finds such a line in a bounded number of epochs, though for points "
                f"close to every such line the bound can be more than the {EPOCHS_CAP:,} epochs a link holds."
            )
        said.append(("info", text))
    if on:
        where = "z = 0" if run.act.name == "step" else "a = 0.5"
        text = (
            f"{'One point lies' if on == 1 else f'{on} points lie'} exactly on the line, where {where}: "
            "the neuron counts such a point as 1."
        )
        said.append(("info", text))
    if run.rule == "gradient" and right < m and (why := stalled(run, d, k)):
        said.append(("warning", why))
    if run.rule == "gradient" and k and run.loss_at(k) > run.loss_at(0):
        grew = f"from {run._loss(0)} to {run._loss(k)} in {many(k, 'epoch')}"
        text = f"The loss grew {grew}: the learning rate η is too large for these points. Try a smaller one."
        said.append(("warning", text))
    if k < asked:
        text = (
            f"Training stopped after {k} of {many(asked, 'epoch')}: the next would have taken a weight or b"
        )
        said.append(("warning", text + f" past {LIMIT:,.0f}."))
    return said
