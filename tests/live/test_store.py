"""The live class's store, on SQLite and on a real PostgreSQL: the schema made and versioned, every write
and read, expiry, End class, what a write refuses, SQL metacharacters kept as text, and 40 students
checking an answer within one second, every one counted."""

from __future__ import annotations

import secrets
import threading
import time

import pytest
import sqlalchemy as sa

from neuron_core.live import store
from neuron_core.live.store import CODE_LETTERS, HOURS, SCHEMA, Store, StoreError
from neuron_core.quiz import SEED_MAX

T = 1_800_000_000.0  # a moment, in seconds


def student() -> str:
    return secrets.token_hex(16)


def test_the_schema_is_made_once_and_versioned(engine):
    Store(engine)
    Store(engine)  # a second replica opening the same database finds it made
    tables = set(sa.inspect(engine).get_table_names())
    assert {"neuron_schema", "neuron_class", "neuron_student", "neuron_event"} <= tables
    with engine.connect() as c:
        assert c.execute(sa.select(store.version.c.version)).scalars().all() == [SCHEMA]
        c.execute(store.version.update().values(version=SCHEMA + 1))
        c.commit()
    with pytest.raises(StoreError, match="this release knows"):
        Store(engine)  # made by a newer release: refused, never written to


def test_a_class_has_a_code_without_look_alikes_and_a_teachers_key_of_128_bits(engine):
    s = Store(engine)
    c = s.start("seed=4&count=5", T)
    assert len(c.code) == 6 and set(c.code) <= set(CODE_LETTERS) and not set(c.code) & set("IL O01")
    assert len(c.key) >= 22  # 16 random bytes, URL-safe
    assert s.teacher(c.code, c.key, T) and not s.teacher(c.code, c.key[:-1] + "x", T)
    assert not s.teacher("ZZZZZZ", c.key, T) and s.link(c.code, T) == "seed=4&count=5"
    with engine.connect() as conn:  # only the key's hash is kept
        assert c.key not in str(conn.execute(sa.select(store.classes)).all())
    assert len({s.start("", T).code for _ in range(30)}) == 30


def test_every_write_and_read(engine):
    s = Store(engine)
    code = s.start("lesson=neuron", T).code
    one, two, three = student(), student(), student()
    assert all(s.join(code, who, T) for who in (one, two, three))
    assert s.join(code, one, T + 1)  # back after a reload: the same student
    assert s.students(code, T) == (3, 3)
    assert s.step(code, one, "neuron", 1, False, T + 2) and s.step(code, one, "neuron", 1, True, T + 3)
    assert s.step(code, one, "neuron", 2, False, T + 4) and s.step(code, two, "neuron", 1, False, T + 5)
    assert s.steps(code) == ({("neuron", 2): 1, ("neuron", 1): 1}, {("neuron", 1): 1})
    assert s.predict(code, one, "neuron", 1, "-1", True, T + 6) and s.predict(
        code, two, "neuron", 1, "4", False, T + 7
    )
    assert s.predict(code, two, "neuron", 1, "-1", True, T + 8)  # a second try: the last is counted
    assert sorted(s.predictions(code)[("neuron", 1)]) == [("-1", True), ("-1", True)]
    assert sorted(s.predictions(code, first=True)[("neuron", 1)]) == [("-1", True), ("4", False)]
    assert s.check(code, one, 3, 1.0, 1.0, True, False, T + 9)
    assert s.check(code, two, 3, 4.0, 4.0, False, True, T + 10) and s.check(
        code, two, 3, 1.0, 1.0, True, True, T + 11
    )
    assert s.check(code, three, 3, -7.0, 0.0, False, False, T + 12)
    assert sorted(s.checks(code)[3]) == [
        (-7.0, 0.0, False, False),
        (1.0, 1.0, True, False),
        (1.0, 1.0, True, True),
    ]
    assert sorted(s.checks(code, first=True)[3]) == [  # before the second try: the bias forgotten
        (-7.0, 0.0, False, False),
        (1.0, 1.0, True, False),
        (4.0, 4.0, False, True),
    ]
    assert s.students(code, T + 9) == (3, 3) and s.students(code, T + 11) == (3, 2)  # two since T + 11
    assert s.shown(code, T) is False
    s.show(code, True)
    assert s.shown(code, T) is True and s.shown("NOSUCH", T) is None  # no class now: None


def test_a_class_ends_by_itself_after_12_hours_and_at_end_class_with_everything_it_holds(engine):
    s = Store(engine)
    old, kept = s.start("", T), s.start("", T + 3600)
    who = student()
    assert s.join(old.code, who, T + 10) and s.check(old.code, who, 1, 1.0, 1.0, True, False, T + 11)
    later = T + HOURS * 3600 + 1
    assert s.link(old.code, later) is None and not s.join(old.code, student(), later)
    assert not s.teacher(old.code, old.key, later) and not s.check(
        old.code, who, 1, 1.0, 1.0, True, False, later
    )
    assert s.expire(later) == 1 and s.checks(old.code) == {}
    assert s.link(kept.code, later) == ""  # another class, started later, goes on
    assert s.join(kept.code, who, later) and s.check(kept.code, who, 1, 1.0, 1.0, True, False, later)
    s.end(kept.code)
    assert (
        s.link(kept.code, later) is None and s.checks(kept.code) == {} and s.students(kept.code, 0) == (0, 0)
    )
    with engine.connect() as c:
        assert all(
            c.execute(sa.select(sa.func.count()).select_from(t)).scalar() == 0
            for t in (store.classes, store.students, store.events)
        )


@pytest.mark.parametrize(
    "write",
    [
        lambda s, c, w: s.check(c, w, -1, 1, 1, True, False, T),  # no such exercise
        lambda s, c, w: s.check(c, w, SEED_MAX, 1, 1, True, False, T),
        lambda s, c, w: s.check(c, w, 3, float("nan"), 1, True, False, T),  # not a number a student writes
        lambda s, c, w: s.check(c, w, 3, 1, float("inf"), True, False, T),
        lambda s, c, w: s.check(c, w, 3, 1e9, 1, True, False, T),
        lambda s, c, w: s.step(c, w, "neuron", 0, False, T),  # no such step
        lambda s, c, w: s.step(c, w, "", 1, False, T),
        lambda s, c, w: s.predict(c, w, "neuron", 1, "x" * 81, True, T),  # longer than an answer is
        lambda s, c, w: s.predict(c, w, "neuron", 1, "a\nb", True, T),
        lambda s, c, w: s.check(c, "not-a-student", 3, 1, 1, True, False, T),  # an id no browser made
        lambda s, c, w: s.check(c, student(), 3, 1, 1, True, False, T),  # never joined
        lambda s, c, w: s.check("NOSUCH", w, 3, 1, 1, True, False, T),  # no such class
    ],
)
def test_a_write_that_is_not_a_students_is_refused_and_changes_nothing(engine, write):
    s = Store(engine)
    code = s.start("", T).code
    who = student()
    assert s.join(code, who, T)
    assert write(s, code, who) is False
    assert s.checks(code) == {} and s.predictions(code) == {} and s.steps(code) == ({}, {})


def test_a_students_writes_are_paced_and_a_class_holds_so_many(engine, monkeypatch):
    s = Store(engine)
    code = s.start("", T).code
    who = student()
    assert s.join(code, who, T)
    taken = [s.check(code, who, 3, float(k), 1.0, False, False, T) for k in range(10)]
    assert taken == [True] * int(store.WRITES) + [False] * (10 - int(store.WRITES))  # a burst, then none
    assert [s.check(code, who, 3, 1.0, 1.0, True, False, T + 1) for _ in range(4)] == [True] * 3 + [False]
    monkeypatch.setattr(store, "STUDENTS_MAX", 3)
    full = s.start("", T).code
    assert [s.join(full, student(), T) for _ in range(4)] == [True, True, True, False]


HOSTILE = [
    "'; DROP TABLE neuron_class; --",
    "x') OR ('1'='1",
    '"; DELETE FROM neuron_event; --',
    "\\'; SELECT pg_sleep(5); --",
    "%s %(x)s ?",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_sql_metacharacters_in_every_field_stay_text(engine, text):
    s = Store(engine)
    c = s.start(text, T)
    who = student()
    assert s.link(c.code, T) == text  # kept as it was given
    assert not s.teacher(c.code, text, T) and not s.teacher(text[:6], c.key, T)
    assert s.link(text, T) is None and not s.join(text[:6], who, T) and not s.join(c.code, text, T)
    assert s.join(c.code, who, T)
    assert s.predict(c.code, who, text[:40], 1, text, False, T)
    assert s.step(c.code, who, text[:40], 1, False, T)
    assert s.predictions(c.code) == {(text[:40], 1): [(text, False)]}
    assert s.steps(c.code)[0] == {(text[:40], 1): 1}
    assert set(sa.inspect(engine).get_table_names()) >= {"neuron_class", "neuron_event"}


def test_40_students_checking_within_one_second_are_all_counted(engine):
    s = Store(engine)
    code = s.start("seed=3", T).code
    room = [student() for _ in range(40)]
    start = threading.Barrier(40)
    taken: list[bool] = []

    def one(who: str, k: int) -> None:
        start.wait()
        now = time.time()
        taken.append(
            s.join(code, who, now) and s.check(code, who, 3, float(k % 5), 1.0, k % 5 == 1, False, now)
        )

    threads = [threading.Thread(target=one, args=(who, k)) for k, who in enumerate(room)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert taken == [True] * 40
    assert len(s.checks(code)[3]) == 40 and s.students(code, 0) == (40, 40)
