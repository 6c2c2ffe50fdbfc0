"""Quiz exercises: one per seed, the same on every machine, small whole numbers as on a worksheet."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from neuron_core.neuron import Forward, forward
from neuron_core.state import State

SEED_MAX = 10**9
ACTS = ("relu", "relu", "relu", "identity", "step", "leaky_relu")  # ReLU most often, as in the lessons
QUIZ_ALPHA = 0.1


def _draws(seed: int) -> list[int]:
    # SHA-256 of the seed: the same numbers on any machine and any Python or numpy release.
    return list(hashlib.sha256(f"neuron-quiz:{seed}".encode()).digest())


def exercise(seed: int) -> State:
    """The exercise for `seed`: 2 or 3 inputs, x and w from -3 to 3, b from -5 to 5, an activation."""
    d = _draws(seed)
    n = 2 + d[0] % 2
    x = tuple(float(d[1 + i] % 7 - 3) for i in range(n))
    w = tuple(float(d[4 + i] % 7 - 3) for i in range(n))
    b = float(d[7] % 11 - 5)
    act = ACTS[d[8] % len(ACTS)]
    return State(x=x, w=w, b=b, act=act, alpha=QUIZ_ALPHA if act == "leaky_relu" else State().alpha)


@dataclass(frozen=True)
class Marked:
    """Which of a student's guesses are right."""

    z: bool
    a: bool

    @property
    def both(self) -> bool:
        return self.z and self.a


def mark(f: Forward, z: float, a: float) -> Marked:
    """Mark guesses for z and a against the neuron, allowing the rounding a student writes (4 decimals)."""
    return Marked(z=abs(z - float(f.z)) < 5e-4, a=abs(a - float(f.a)) < 5e-4)


def solve(s: State) -> Forward:
    """The neuron of an exercise."""
    return forward(s.x, s.w, s.b, s.act, s.act_alpha)
