"""What the teacher's dashboard says of a room: each exercise's answers, counted, the right ones marked and
each wrong one named by its likely cause (neuron_core.mistakes); each lesson step's progress and its
predictions. Counts only: never which student said what."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from neuron_core import mistakes
from neuron_core.lessons import LESSONS
from neuron_core.numbers import fmt
from neuron_core.quiz import agrees, exercise, solve


@dataclass(frozen=True)
class Answer:
    """One answer given, how many gave it, whether it is right, and its likely cause where it is wrong."""

    text: str
    count: int
    right: bool
    cause: str | None = None
    what: str = "z"  # what it answers: z, a, or a prediction


@dataclass(frozen=True)
class Exercise:
    """A quiz exercise's Checks, each student's last: how many, how many right, and the answers for z and a,
    the most given first."""

    seed: int
    students: int
    right: int
    z: tuple[Answer, ...]
    a: tuple[Answer, ...]

    @property
    def wrong(self) -> tuple[Answer, ...]:
        """The wrong answers a likely cause names, the most given first (z's before a's, and an a that only
        follows a wrong z last): what the room should talk about."""
        named = [w for w in (*self.z, *self.a) if not w.right and w.cause]
        return tuple(sorted(named, key=lambda w: (w.cause == mistakes.OF_A_WRONG_Z, -w.count)))


def exercise_answers(seed: int, checks: list[tuple[float, float, bool, bool]]) -> Exercise:
    """An exercise's answers as the dashboard shows them, from each student's last Check (z, a, right,
    hinted)."""
    s = exercise(seed)
    f = solve(s)
    zs = Counter(fmt(z) for z, _, _, _ in checks)
    by_z: dict[str, float] = {fmt(z): z for z, _, _, _ in checks}
    z_answers = tuple(
        Answer(t, k, mistakes.exactly(by_z[t]) == mistakes.right_z(s), mistakes.of_z(s, by_z[t]))
        for t, k in zs.most_common()
    )
    a_answers = []
    for t, k in Counter(fmt(a) for _, a, _, _ in checks).most_common():
        z, a = next((z, a) for z, a, _, _ in checks if fmt(a) == t)
        right = agrees(a, float(f.a), f.exact)
        a_answers.append(Answer(t, k, right, None if right else mistakes.of_a(s, z, a, f), "a"))
    return Exercise(seed, len(checks), sum(r for _, _, r, _ in checks), z_answers, tuple(a_answers))


@dataclass(frozen=True)
class Step:
    """A lesson step: its title, how many students are on it and how many have done it, and the answers to
    its prediction (each student's last), the most given first."""

    lesson: str
    k: int
    title: str
    on: int
    done: int
    predictions: tuple[Answer, ...]


def lesson_steps(
    on: dict[tuple[str, int], int],
    done: dict[tuple[str, int], int],
    predicted: dict[tuple[str, int], list[tuple[str, bool]]],
) -> list[Step]:
    """Every step of every lesson the room has been in, in order, as the dashboard lists them."""
    seen = {lesson for lesson, _ in (*on, *done, *predicted) if lesson in LESSONS}
    out = []
    for name in (n for n in LESSONS if n in seen):
        for k, step in enumerate(LESSONS[name].steps, start=1):
            given = predicted.get((name, k), [])
            answers = tuple(
                Answer(t, n, right) for (t, right), n in Counter((t, r) for t, r in given).most_common()
            )
            out.append(Step(name, k, step.title, on.get((name, k), 0), done.get((name, k), 0), answers))
    return out
