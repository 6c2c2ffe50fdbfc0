"""Quiz exercises: one per seed, the same on every machine, small whole numbers as on a worksheet."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from neuron_core.neuron import Forward, forward
from neuron_core.state import State
from neuron_core.trace import fmt, sub, trace_lines

SEED_MAX = 10**9
ACTS = ("relu", "relu", "relu", "identity", "step", "leaky_relu")  # ReLU most often, as in the lessons
# One exercise in three uses an activation that needs e^z: the exercise gives a table of it to read off.
CURVED = ("sigmoid", "tanh", "softplus", "elu", "gelu")
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
    act = CURVED[d[10] % len(CURVED)] if d[9] % 3 == 0 else ACTS[d[8] % len(ACTS)]
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


def table(f: Forward) -> list[tuple[int, str]] | None:
    """For an activation that needs e^z, its values at the whole numbers around z, to read off by hand.

    Nine of them, z among them but not in the middle, so the table does not point at the answer.
    """
    if f.act.kinks is not None:
        return None
    z = round(float(f.z))
    start = z - 2 - (_draws(int(abs(z) * 7 + f.n))[0] % 5)
    return [(k, fmt(f.act(float(k), f.alpha), exact=bool(f.act.exact(k)))) for k in range(start, start + 9)]


def hint(f: Forward, m: Marked, tries: int) -> str:
    """One hint for a wrong answer that narrows it without giving it away, a little more each try.

    z first: the signs of the products, then the products themselves, then their sum with b; once z
    is right, the activation's rule for this z's sign.
    """
    if not m.z:
        products = ", ".join(f"w{sub(i)}x{sub(i)} = {fmt(t)}" for i, t in enumerate(f.terms, 1))
        return [
            "z is off. Multiply each weight by its input first, minding the signs: a negative times a "
            "negative is positive, and anything times 0 is 0.",
            f"z is off. The products are {products}; now add them up, and add b = {fmt(f.b)}.",
            f"z is still off: it is the sum {products}, plus b = {fmt(f.b)}. Add them one at a time.",
        ][min(tries, 3) - 1]
    side = "negative" if f.z < 0 else "zero" if f.z == 0 else "positive"
    rules = {
        "relu": "ReLU keeps a z of 0 or more and turns a negative z into 0",
        "leaky_relu": f"Leaky ReLU keeps a positive z and multiplies any other by α = {fmt(f.alpha)}",
        "step": "the step gives 1 when z is 0 or more, and 0 when z is negative",
        "identity": "the identity gives z itself",
    }
    rule = rules.get(f.act.name, f"read {f.act.label}(z) off the table at your z")
    return f"z is right; a is off. Your z is {side}: {rule}."


def worksheet(seed: int, count: int) -> str:
    """A set of exercises to print: each in the by-hand layout with room for z and a, then, on a page
    of its own (a form feed starts it), the answer key with each exercise's two lines."""
    lines = [f"Neuron Playground worksheet: {count} exercise{'s' * (count > 1)}, set {seed}", ""]
    key = ["Answer key", ""]
    for k in range(count):
        f = solve(exercise(seed + k))
        alpha = f", alpha = {fmt(f.alpha)}" if f.act.alpha is not None else ""
        lines += [
            f"Exercise {k + 1}.  activation: {f.act.label}{alpha}",
            f"    [ {'  '.join(map(fmt, f.w))} | {fmt(f.b)} ]  times  [ {' ; '.join(map(fmt, f.x))} ; 1 ]",
        ]
        if rows := table(f):
            lines.append(
                f"    {f.act.label}(z) at whole numbers: " + ",  ".join(f"{z} -> {v}" for z, v in rows)
            )
        lines += ["    z = __________      a = __________", ""]
        key += [
            f"Exercise {k + 1}.  z = {fmt(f.z)},  a = {fmt(f.a, f.exact)}",
            *(f"    {t}" for t in trace_lines(f)),
            "",
        ]
    return "\n".join([*lines, "\f" + key[0], *key[1:]])
