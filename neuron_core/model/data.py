"""Points (x1, x2) labelled 0 or 1: the data sets (the gates AND, OR, NAND and XOR, two clouds made from
a fixed seed, the learner's own points) and reading them from a table, a link or a file."""

from __future__ import annotations

import csv
import io
import math
import re
from dataclasses import dataclass

import numpy as np

from neuron_core.numbers import cut, fmt, many, quoted

POINTS_MAX = 200  # a link or a file holds at most this many points
FILE_MAX = 1_000_000  # bytes: a file of points is read no further (200 points take a few KB)
X_LO, X_HI = -10.0, 10.0  # every coordinate, as every slider
Point = tuple[float, float, int]  # x1, x2 and the label y
# The columns of a table of points: name, label, least and most value, step.
COLUMNS = {"x1": ("x₁", X_LO, X_HI, 0.1), "x2": ("x₂", X_LO, X_HI, 0.1), "y": ("label y", 0, 1, 1)}

_GATES = {"and": (0, 0, 0, 1), "or": (0, 1, 1, 1), "nand": (1, 1, 1, 0), "xor": (0, 1, 1, 0)}
CORNERS = ((0.0, 0.0), (0.0, 1.0), (1.0, 0.0), (1.0, 1.0))
# The learner's own points start as these five, to edit: a table to change, not an empty one.
OWN: tuple[Point, ...] = ((-2.0, -1.0, 0), (-1.0, 1.0, 0), (0.0, -2.0, 0), (1.0, 2.0, 1), (2.0, 0.0, 1))


def _cloud(
    seed: int, centres: tuple[tuple[float, float], ...], spread: float, each: int
) -> tuple[Point, ...]:
    """Points round each centre (label = the centre's index), the same on every machine."""
    # Box-Muller from the generator's uniform doubles, a stream numpy keeps stable (its normal sampler
    # may change between releases); rounded to one decimal as a worksheet writes them.
    u = np.random.Generator(np.random.PCG64(seed)).random((len(centres), 2, each))
    r = np.sqrt(-2.0 * np.log1p(-u[:, 0])) * spread
    xy = np.stack([r * np.cos(2 * np.pi * u[:, 1]), r * np.sin(2 * np.pi * u[:, 1])], axis=-1)
    xy = np.clip(np.round(xy + np.array(centres)[:, None, :], 1), X_LO, X_HI)
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
        if name != "y" and not X_LO <= num <= X_HI:
            raise ValueError(f"point {k}: {name} = {fmt(num)} is outside {fmt(X_LO)} to {fmt(X_HI)}")
        nums.append(num + 0.0)
    if nums[2] not in (0.0, 1.0):
        raise ValueError(f"point {k}: its label y = {fmt(nums[2])} is neither 0 nor 1")
    return nums[0], nums[1], int(nums[2])


def from_rows(rows: list[list]) -> tuple[tuple[Point, ...], list[str]]:
    """The good points among rows of (x1, x2, y), in order, and a sentence for each one left out."""
    kept: list[Point] = []
    said: list[str] = []
    for k, row in enumerate(rows, start=1):
        cells = ["" if v is None or (isinstance(v, float) and math.isnan(v)) else v for v in row]
        # Every cell empty: a table's new row not filled in yet, skipped silently.
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

    An edit is {"edited_rows": {row: {column: value}}, "added_rows": [{column: value}], "deleted_rows":
    [row]}. None when the editor can apply it (numbers or empty cells in its columns, rows that exist, at
    most POINTS_MAX in all). Otherwise the points it leaves and one sentence: rows past POINTS_MAX are not
    read (README, "Hostile links"), cells that are not numbers are left empty, and an edit of another
    shape (an extra column, a row given as a list, rows that do not exist) leaves the link's points.
    """
    if edit is None:  # no edit yet: a new table
        return None
    shaped = _shaped(edit, len(base))
    if shaped is None:
        return base, "The table's last edit could not be read, so it shows the link's points again."
    changes, deleted, added, count = shaped
    place = {c: i for i, c in enumerate(COLUMNS)}
    rows = []
    for k, point in enumerate(base):
        if k not in deleted:
            row = list(point)
            for c, v in changes.get(k, {}).items():
                row[place[c]] = v
            rows.append(row)
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
    """An edit's changed cells by row, deleted rows, added rows and their count; None if not of that shape."""
    if not isinstance(edit, dict) or not set(edit) <= {"edited_rows", "added_rows", "deleted_rows"}:
        return None
    changed = edit.get("edited_rows") or {}
    deleted = edit.get("deleted_rows") or []
    added = edit.get("added_rows") or []
    if not isinstance(changed, dict) or not isinstance(deleted, list) or not isinstance(added, list):
        return None
    if len(changed) > m or len(deleted) > m:  # more rows named than the table has
        return None
    changes: dict[int, dict] = {}
    for k, row in changed.items():
        place = _place(k, m)
        if place is None or not isinstance(row, dict) or not set(row) <= set(COLUMNS):
            return None
        changes[place] = row
    gone = {_place(k, m) for k in deleted}
    if None in gone:
        return None
    new = added[:POINTS_MAX]  # the rest are counted, not looked at: they are never read
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
