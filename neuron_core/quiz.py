"""Quiz exercises: one per seed, the same on every machine, small whole numbers as on a worksheet."""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, localcontext

from neuron_core.link.state import State
from neuron_core.model.activations import ACTIVATIONS
from neuron_core.model.neuron import Forward, decimals, forward
from neuron_core.numbers import eq, fmt, sub
from neuron_core.words.calculation import a_text, trace_lines, value

SEED_MAX = 10**9
QUIZ_ALPHA = 0.1


def drawn(by_hand: bool) -> tuple[str, ...]:
    """The activations an exercise draws, in `quiz` order: piecewise-linear if by_hand, else the rest."""
    acts = [a for a in ACTIVATIONS.values() if (a.kinks is not None) == by_hand]
    places = sorted((k, a.name) for a in acts for k in a.quiz)
    return tuple(name for _, name in places)


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
    by_hand = d[9] % 3 != 0  # one exercise in three reads a curved activation off a table
    acts = drawn(by_hand)
    act = acts[d[8 if by_hand else 10] % len(acts)]
    return State(x=x, w=w, b=b, act=act, alpha=QUIZ_ALPHA if ACTIVATIONS[act].slider else State().alpha)


def agrees(guess: float, value: float, exact: bool) -> bool:
    """Whether a guess is the value as far as the student wrote it: the marking rule, stated in README.

    The value rounded half away from 0 to the guess's places must be the guess: 0.0003 and 0.000335 are
    right for 0.000335, 0.0008 is not. A whole-number guess (0 too) is right only when the value is exactly
    that number: -1 is not tanh(-5) = -0.99991.
    """
    places = decimals(guess)
    if places == 0:
        return exact and float(value) == float(guess)
    with localcontext(prec=places + 30):  # 5e-324 has 324 places: room for every digit
        q = Decimal(1).scaleb(-places)
        return Decimal(float(value)).quantize(q, rounding=ROUND_HALF_UP) == Decimal(repr(float(guess)))


@dataclass(frozen=True)
class Marked:
    """Which of a student's guesses are right, and what is true of a wrong a."""

    z: bool
    a: bool
    follows: bool = False  # a is the activation of the student's own (wrong) z
    whole: str = ""  # a whole-number guess a rounds to but is not: what is true instead

    @property
    def both(self) -> bool:
        return self.z and self.a


def mark(f: Forward, z: float, a: float) -> Marked:
    """Mark guesses for z and a against the neuron by the marking rule (agrees)."""
    right_a = agrees(a, float(f.a), f.exact)
    try:  # the neuron at the student's z (a z past what a float holds has no a to follow)
        own = forward(f.x, f.w, f.b + (z - float(f.z)), f.act.name, f.alpha)
        follows = not right_a and agrees(a, float(own.a), own.exact)
    except ValueError:
        follows = False
    whole = ""
    if not right_a and decimals(a) == 0 and round(float(f.a)) == a:
        name = f.act.label[0].upper() + f.act.label[1:]
        level = f" {name} never reaches {fmt(a)}." if a in _levels(f) else ""
        whole = f"a is not a whole number: it is {a_text(f)}, not {fmt(a)}.{level}"
    return Marked(z=agrees(z, float(f.z), True), a=right_a, follows=follows, whole=whole)


def _levels(f: Forward) -> tuple[float, ...]:
    """The values an activation approaches and never reaches (the sigmoid's 0 and 1, tanh's -1 and 1, …),
    from its entry's outputs: GELU levels off towards 0 too, but reaches it at z = 0."""
    lo, lo_in, hi, hi_in = f.act.outputs(f.alpha)
    return tuple(end for end, reached in ((lo, lo_in), (hi, hi_in)) if not reached and math.isfinite(end))


def solve(s: State) -> Forward:
    """The neuron of an exercise."""
    return forward(s.x, s.w, s.b, s.act, s.act_alpha)


def table(f: Forward) -> list[tuple[int, str]] | None:
    """For an activation that needs e^z, its values at nine whole numbers around z, to read off by hand."""
    if f.act.kinks is not None:
        return None
    z = round(float(f.z))
    # z among the nine but not always in the middle, so that the table does not point at the answer.
    start = z - 2 - (_draws(int(abs(z) * 7 + f.n))[0] % 5)
    return [(k, fmt(value(f.act, k, f.alpha), exact=bool(f.act.exact(k)))) for k in range(start, start + 9)]


def hint(f: Forward, m: Marked, tries: int) -> str:
    """One hint for a wrong answer that narrows it without giving it away, a little more each try."""
    if not m.z:
        terms = [float(t) for t in f.terms]
        products = ", ".join(f"w{sub(i)}x{sub(i)} = {fmt(t)}" for i, t in enumerate(terms, 1))
        if tries <= 1:
            signs = ", ".join(
                f"w{sub(i)}x{sub(i)} is {'negative' if t < 0 else 'positive' if t > 0 else '0'}"
                for i, t in enumerate(terms, 1)
            )
            return f"z is off. Start with the signs of the products: {signs}."
        if tries == 2:
            return f"z is off. The products are {products}; now add them up, and add b = {fmt(f.b)}."
        running, steps = terms[0], []
        for t in terms[1:]:
            steps.append(f"{fmt(running)} + {f'({fmt(t)})' if t < 0 else fmt(t)} = {fmt(running + t)}")
            running += t
        summed = "; ".join(steps) if steps else f"there is one product, {fmt(running)}"
        return f"z is still off. Adding the products one at a time: {summed}; now add b = {fmt(f.b)}."
    side = "negative" if f.z < 0 else "zero" if f.z == 0 else "positive"
    fill = {"z": fmt(f.z), "alpha": fmt(f.alpha), "label": f.act.label}
    rule, applied = (text.format(**fill) for text in f.act.hint)
    whole = f" {m.whole}" if m.whole else ""
    if tries <= 1:
        return f"z is right; a is off.{whole} Your z is {side}: {rule}."
    return f"z is right; a is still off.{whole} Apply the rule at z = {fill['z']}: {applied}."


def feedback(
    f: Forward, m: Marked, z: float, a: float, tries_z: int, tries_a: int, hinted: bool = True
) -> str:
    """What a Check says: each guess marked and, while one is wrong and `hinted`, the hint for its try."""
    said = [f"z = {fmt(z)}: {'right' if m.z else 'not quite'}."]
    if m.z:
        said.append(f"a = {fmt(a)}: {'right' if m.a else 'not quite'}.")
    elif m.a:
        said.append(f"a = {fmt(a)} is the neuron's a, but a follows from z: find the right z first.")
    elif m.follows:
        said.append(
            f"a = {fmt(a)} is what {f.act.label} gives for your z: once z is right, a follows from it."
        )
    else:
        said.append(f"a = {fmt(a)}: not quite either; find z first, and a follows from it.")
    text = " ".join(said)
    return text if m.both or not hinted else f"{text}\n\n{hint(f, m, tries_a if m.z else tries_z)}"


def score(got: str, count: int) -> str:
    """A set's score from its marks in the link ('1' right without the solution, '0' not, '-' unanswered)."""
    right, left = got.count("1"), count - got.count("1") - got.count("0")
    rest = f" ({left} not answered)" if left else ""
    return f"Done: {right} of {count} right without the solution{rest}."


def worksheet(seed: int, count: int) -> str:
    """Exercises to print in the by-hand layout, room for z and a, then the answer key on its own page."""
    lines = [
        f"Neuron Playground worksheet: {count} exercise{'s' * (count > 1)}, set {seed}",
        "",
        "Name: ________________________      Date: ______________",
        "",
        "Each exercise: [ w1 ... wn | b ] times [ x1 ; ... ; xn ; 1 ], the weights and the bias as a row,",
        "the inputs and a 1 as a column. Work out z = w1 x1 + ... + wn xn + b, then a, the activation of z.",
        "",
    ]
    key = ["Answer key", ""]
    for k in range(count):
        f = solve(exercise(seed + k))
        alpha = f", alpha = {fmt(f.alpha)}" if f.act.alpha is not None else ""
        note = f" ({f.act.note})" if f.act.note else ""  # GELU here is its tanh approximation: say so
        lines += [
            f"Exercise {k + 1}.  activation: {f.act.label}{note}{alpha}",
            f"    [ {'  '.join(map(fmt, f.w))} | {fmt(f.b)} ]  times  [ {' ; '.join(map(fmt, f.x))} ; 1 ]",
        ]
        if rows := table(f):
            lines.append(
                f"    {f.act.label}(z) at whole numbers: " + ",  ".join(f"{z} -> {v}" for z, v in rows)
            )
        lines += ["    z = __________      a = __________", ""]
        key += [
            f"Exercise {k + 1}.  z = {fmt(f.z)},  a {eq(fmt(f.a, f.exact))}",
            *(f"    {t}" for t in trace_lines(f)),
            "",
        ]
    return "\n".join([*lines, "\f" + key[0], *key[1:]])
