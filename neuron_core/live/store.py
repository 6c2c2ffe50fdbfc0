"""A live class in a database: its code and the teacher's key, each anonymous student, and what they send
(joining, a lesson's step reached and done, a quiz Check, a prediction). SQLAlchemy Core, parameterised
statements only; the schema is made here and versioned. SQLite by default, PostgreSQL for replicas.

Nothing here identifies a student: a student is a random id their browser made, and what they sent.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import re
import secrets
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from neuron_core.link.params import CODE_LENGTH, CODE_LETTERS

SCHEMA = 1  # the schema's version: a database made by a newer release is refused, not written to
KEY_BYTES = 16  # the teacher's key: 128 random bits
HOURS = 12.0  # a class ends by itself this long after it started
STUDENTS_MAX = 300  # a class holds at most this many students
EVENTS_MAX = 50_000  # nor more than this many answers in all
NUMBER_MAX = 1e6  # a guess further from 0 is not a student's guess
TEXT_MAX = 80  # characters of a chosen answer
WRITES, PER_SECOND = 6.0, 3.0  # a student's writes: a burst of this many, then this many a second
STUDENT = re.compile(r"[0-9a-f]{32}")  # a student's id, as their browser makes it (128 random bits)

metadata = sa.MetaData()
version = sa.Table("neuron_schema", metadata, sa.Column("version", sa.Integer, nullable=False))
classes = sa.Table(
    "neuron_class",
    metadata,
    sa.Column("code", sa.String(CODE_LENGTH), primary_key=True),
    sa.Column("key_hash", sa.String(64), nullable=False),
    sa.Column("link", sa.Text, nullable=False),  # the students' link's query: the activity
    sa.Column("started", sa.Float, nullable=False),
    sa.Column("ends", sa.Float, nullable=False),
    sa.Column("shown", sa.Boolean, nullable=False, default=False),  # the distribution on students' pages
)
students = sa.Table(
    "neuron_student",
    metadata,
    sa.Column("code", sa.String(CODE_LENGTH), primary_key=True),
    sa.Column("student", sa.String(32), primary_key=True),
    sa.Column("joined", sa.Float, nullable=False),
    sa.Column("seen", sa.Float, nullable=False),
    sa.Column("lesson", sa.String(40)),  # the lesson step the student is on
    sa.Column("step", sa.Integer),
)
events = sa.Table(
    "neuron_event",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("code", sa.String(CODE_LENGTH), nullable=False),
    sa.Column("student", sa.String(32), nullable=False),
    sa.Column("at", sa.Float, nullable=False),
    sa.Column("kind", sa.String(8), nullable=False),
    sa.Column("lesson", sa.String(40)),
    sa.Column("step", sa.Integer),
    sa.Column("seed", sa.BigInteger),
    sa.Column("z", sa.Float),
    sa.Column("a", sa.Float),
    sa.Column("right", sa.Boolean),
    sa.Column("hinted", sa.Boolean),
    sa.Column("answer", sa.String(TEXT_MAX)),
    sa.Index("neuron_event_by_class", "code", "kind"),
)


class StoreError(RuntimeError):
    """A database this release cannot use (made by a newer one)."""


def hashed(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


@dataclass(frozen=True)
class Started:
    """A class just started: its code (students type it), the teacher's key (only its hash is kept)."""

    code: str
    key: str


class Store:
    """One database of live classes. Every write is checked (the class, the student, the values) and a
    student's writes are paced; a read is never cached."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._allowance: dict[tuple[str, str], tuple[float, float]] = {}
        self._lock = threading.Lock()
        if engine.dialect.name == "sqlite":  # readers never wait for a writer
            with engine.begin() as c:
                c.exec_driver_sql("PRAGMA journal_mode=WAL")
        metadata.create_all(engine, checkfirst=True)
        with self._tx() as c:
            made = c.execute(sa.select(version.c.version)).scalar()
            if made is None:
                c.execute(version.insert().values(version=SCHEMA))
            elif made > SCHEMA:
                raise StoreError(f"the live-class database is schema {made}; this release knows {SCHEMA}")

    @contextmanager
    def _tx(self) -> Iterator[Connection]:
        with self.engine.begin() as c:
            yield c

    # The teacher's side.

    def start(self, link: str, now: float) -> Started:
        """A new class for the students' link's query: a fresh code and teacher's key."""
        key = secrets.token_urlsafe(KEY_BYTES)
        with self._tx() as c:
            self._expire(c, now)
            for _ in range(20):  # codes taken by other classes are drawn again
                code = "".join(secrets.choice(CODE_LETTERS) for _ in range(CODE_LENGTH))
                if c.execute(sa.select(classes.c.code).where(classes.c.code == code)).first() is None:
                    break
            c.execute(
                classes.insert().values(
                    code=code, key_hash=hashed(key), link=link[:2000], started=now, ends=now + HOURS * 3600
                )
            )
        return Started(code, key)

    def teacher(self, code: str, key: str, now: float) -> bool:
        """Whether `key` is the teacher's key of a class that has not ended."""
        row = self._class(code, now)
        return row is not None and hmac.compare_digest(row.key_hash, hashed(key))

    def end(self, code: str) -> None:
        """End a class: everything it holds is deleted."""
        with self._tx() as c:
            self._delete(c, [code])

    def show(self, code: str, on: bool) -> None:
        """Show the distribution of answers on the students' pages (never a student), or stop."""
        with self._tx() as c:
            c.execute(classes.update().where(classes.c.code == code).values(shown=on))

    # The students' side: each write says whether it was taken.

    def join(self, code: str, student: str, now: float) -> bool:
        """A student joins (or comes back to) a class: False for a class ended, unknown or full."""
        if not self._student_ok(student) or self._class(code, now) is None:
            return False
        with self._tx() as c:
            seen = students.c.code == code, students.c.student == student
            if c.execute(sa.select(students.c.student).where(*seen)).first() is not None:
                c.execute(students.update().where(*seen).values(seen=now))
                return True
            n = c.execute(sa.select(sa.func.count()).select_from(students).where(students.c.code == code))
            if n.scalar() >= STUDENTS_MAX:
                return False
            c.execute(students.insert().values(code=code, student=student, joined=now, seen=now))
        return True

    def step(self, code: str, student: str, lesson: str, k: int, done: bool, now: float) -> bool:
        """A lesson's step reached (or done)."""
        ok = _text(lesson) and 1 <= k <= 99
        return bool(ok) and self._write(
            code,
            student,
            now,
            "done" if done else "reached",
            lesson=lesson,
            step=k,
            moved=None if done else (lesson, k),
        )

    def check(
        self, code: str, student: str, seed: int, z: float, a: float, right: bool, hinted: bool, now: float
    ) -> bool:
        """A quiz Check: the exercise (its seed), the z and a guessed, right or not, a hint shown."""
        from neuron_core.quiz import SEED_MAX

        ok = 0 <= seed < SEED_MAX and all(math.isfinite(v) and abs(v) <= NUMBER_MAX for v in (z, a))
        return ok and self._write(
            code, student, now, "check", seed=seed, z=z, a=a, right=bool(right), hinted=bool(hinted)
        )

    def predict(
        self, code: str, student: str, lesson: str, k: int, answer: str, right: bool, now: float
    ) -> bool:
        """A lesson step's prediction: the answer given (a number as written, or a choice), right or not."""
        ok = _text(lesson) and 1 <= k <= 99 and _text(answer)
        return bool(ok) and self._write(
            code, student, now, "predict", lesson=lesson, step=k, answer=answer, right=bool(right)
        )

    def _write(self, code: str, student: str, now: float, kind: str, moved=None, **values) -> bool:
        if not self._student_ok(student) or not self._paced(code, student, now):
            return False
        with self._tx() as c:
            known = students.c.code == code, students.c.student == student
            if c.execute(sa.select(students.c.student).where(*known)).first() is None:
                return False  # joined first, to a class that has not ended
            if not c.execute(
                sa.select(classes.c.ends).where(classes.c.code == code, classes.c.ends > now)
            ).first():
                return False
            n = c.execute(
                sa.select(sa.func.count()).select_from(events).where(events.c.code == code)
            ).scalar()
            if n >= EVENTS_MAX:
                return False
            c.execute(events.insert().values(code=code, student=student, at=now, kind=kind, **values))
            update = {students.c.seen: now}
            if moved:  # the step the student is on now
                update |= {students.c.lesson: moved[0], students.c.step: moved[1]}
            c.execute(students.update().where(*known).values(update))
        return True

    def _paced(self, code: str, student: str, now: float) -> bool:
        """A token bucket per student: WRITES at once, then PER_SECOND; a write past them is dropped."""
        with self._lock:
            tokens, at = self._allowance.get((code, student), (WRITES, now))
            tokens = min(WRITES, tokens + max(0.0, now - at) * PER_SECOND)
            if len(self._allowance) > 20 * STUDENTS_MAX:  # a bounded memory: the oldest forgotten
                self._allowance.clear()
            self._allowance[(code, student)] = (tokens - 1.0, now) if tokens >= 1.0 else (tokens, now)
            return tokens >= 1.0

    @staticmethod
    def _student_ok(student: str) -> bool:
        return isinstance(student, str) and STUDENT.fullmatch(student) is not None

    # Reads: never cached, always from the database.

    def _class(self, code: str, now: float):
        if not isinstance(code, str) or len(code) != CODE_LENGTH:
            return None
        with self._tx() as c:
            return c.execute(sa.select(classes).where(classes.c.code == code, classes.c.ends > now)).first()

    def link(self, code: str, now: float) -> str | None:
        """The students' link's query of a class that has not ended (None: no such class now)."""
        row = self._class(code, now)
        return None if row is None else row.link

    def shown(self, code: str, now: float) -> bool | None:
        """Whether the teacher shows the room's answers to the class; None where the class is not on now
        (ended): one read tells a student's page both."""
        row = self._class(code, now)
        return None if row is None else bool(row.shown)

    def students(self, code: str, since: float) -> tuple[int, int]:
        """How many students joined, and how many of them sent anything since `since`."""
        with self._tx() as c:
            rows = c.execute(sa.select(students.c.seen).where(students.c.code == code)).all()
        return len(rows), sum(r.seen >= since for r in rows)

    def steps(self, code: str) -> tuple[dict[tuple[str, int], int], dict[tuple[str, int], int]]:
        """How many students are on each lesson step, and how many have done it."""
        with self._tx() as c:
            on = c.execute(
                sa.select(students.c.lesson, students.c.step, sa.func.count())
                .where(students.c.code == code, students.c.step.is_not(None))
                .group_by(students.c.lesson, students.c.step)
            ).all()
            done = c.execute(
                sa.select(events.c.lesson, events.c.step, sa.func.count(sa.distinct(events.c.student)))
                .where(events.c.code == code, events.c.kind == "done")
                .group_by(events.c.lesson, events.c.step)
            ).all()
        return {(r[0], r[1]): r[2] for r in on}, {(r[0], r[1]): r[2] for r in done}

    def checks(self, code: str, first: bool = False) -> dict[int, list[tuple[float, float, bool, bool]]]:
        """Each exercise's Checks, each student's last (or `first`: what the room thought before hints and
        second tries): (z, a, right, hinted), by the exercise's seed."""
        with self._tx() as c:
            rows = c.execute(
                sa.select(
                    events.c.seed, events.c.student, events.c.z, events.c.a, events.c.right, events.c.hinted
                )
                .where(events.c.code == code, events.c.kind == "check")
                .order_by(events.c.id)
            ).all()
        kept: dict[int, dict[str, tuple]] = {}
        for seed, student, z, a, right, hinted in rows:
            by = kept.setdefault(int(seed), {})
            if not first or student not in by:
                by[student] = (z, a, bool(right), bool(hinted))
        return {seed: list(by.values()) for seed, by in kept.items()}

    def predictions(self, code: str, first: bool = False) -> dict[tuple[str, int], list[tuple[str, bool]]]:
        """Each lesson step's predictions, each student's last (or `first`): (answer, right)."""
        with self._tx() as c:
            rows = c.execute(
                sa.select(events.c.lesson, events.c.step, events.c.student, events.c.answer, events.c.right)
                .where(events.c.code == code, events.c.kind == "predict")
                .order_by(events.c.id)
            ).all()
        kept: dict[tuple[str, int], dict[str, tuple]] = {}
        for lesson, k, student, answer, right in rows:
            by = kept.setdefault((lesson, k), {})
            if not first or student not in by:
                by[student] = (answer, bool(right))
        return {where: list(by.values()) for where, by in kept.items()}

    # Ends.

    def expire(self, now: float) -> int:
        """End every class past its time; how many."""
        with self._tx() as c:
            return self._expire(c, now)

    def _expire(self, c: Connection, now: float) -> int:
        old = [r.code for r in c.execute(sa.select(classes.c.code).where(classes.c.ends <= now))]
        self._delete(c, old)
        return len(old)

    @staticmethod
    def _delete(c: Connection, codes: list[str]) -> None:
        if codes:
            for table in (events, students, classes):
                c.execute(table.delete().where(table.c.code.in_(codes)))


def _text(v: object) -> bool:
    """A short text a student sent: a lesson's name, a chosen answer."""
    return isinstance(v, str) and 0 < len(v) <= TEXT_MAX and v.isprintable()
