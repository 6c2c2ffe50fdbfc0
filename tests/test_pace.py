"""One session's pace (neuron_core.pace): a burst at once, then a steady rate; a run past them waits."""

from hypothesis import given
from hypothesis import strategies as st

from neuron_core.pace import BURST, RATE, Pace


def test_a_burst_runs_at_once_then_each_run_waits_its_turn():
    p = Pace()
    assert [p.wait(0.0) for _ in range(int(BURST))] == [0.0] * int(BURST)
    assert p.wait(0.0) == 1 / RATE  # the next one waits a turn
    assert p.wait(0.0) == 2 / RATE  # and the one after it two


def test_a_session_that_waits_its_turn_each_time_runs_at_the_rate_and_no_slower():
    p, now = Pace(), 0.0
    for _ in range(int(BURST)):
        p.wait(now)
    waits = []
    for _ in range(100):  # a flood: every run asked for at once, and each sleeps its wait
        w = p.wait(now)
        waits.append(w)
        now += w
    assert max(waits) <= 1 / RATE + 1e-9  # the wait does not grow: the sleep is what refills
    assert abs(now - 100 / RATE) < 1e-6


def test_a_student_clicking_a_few_times_a_second_never_waits():
    p = Pace()
    assert all(p.wait(k * 0.15) == 0.0 for k in range(1000))  # 6.7 runs a second, for 150 s


@given(st.lists(st.floats(0, 10, allow_nan=False), max_size=200))
def test_over_any_stretch_the_runs_that_do_not_wait_are_at_most_a_burst_and_the_rate(gaps):
    p, now, free = Pace(), 0.0, 0
    for g in gaps:
        now += g
        w = p.wait(now)
        free += w == 0.0
        now += w
    assert free <= BURST + RATE * now + 1e-9
