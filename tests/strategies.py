"""Hypothesis strategies for the values a student can set: the sliders' grid and what links carry."""

from hypothesis import strategies as st

slider = st.integers(-100, 100).map(lambda k: k / 10)  # -10 to 10 in steps of 0.1, as the sliders
linked = st.integers(-1000, 1000).map(lambda k: k / 100)  # two decimals, as a link may carry


def inputs_and_weights(value: st.SearchStrategy[float] = slider) -> st.SearchStrategy:
    """(x, w): n from 1 to 8 inputs and as many weights, each drawn from `value`."""
    return st.integers(1, 8).flatmap(
        lambda n: st.tuples(st.lists(value, min_size=n, max_size=n), st.lists(value, min_size=n, max_size=n))
    )
