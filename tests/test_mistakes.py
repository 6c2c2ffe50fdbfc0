"""The mistake diagnosis: for every exercise of a range of seeds, each mistake's wrong z is named as that
mistake (where no mistake before it gives the same z), the right z as none; and the two mistakes of a."""

import pytest

from neuron_core import mistakes
from neuron_core.link.state import State
from neuron_core.mistakes import OF_A_WRONG_Z, SKIPPED, Z_MISTAKES, exactly, of_a, of_z, right_z
from neuron_core.quiz import exercise, solve

SEEDS = range(400)


@pytest.mark.parametrize("seed", SEEDS)
def test_each_mistake_s_wrong_z_is_named_as_that_mistake_and_the_right_z_as_none(seed):
    s = exercise(seed)
    right = right_z(s)
    assert float(right) == float(solve(s).z)  # the exact z is the page's
    assert of_z(s, float(right)) is None
    x, w, b = tuple(map(exactly, s.x)), tuple(map(exactly, s.w)), exactly(s.b)
    before: set = set()
    named = 0
    for m in Z_MISTAKES:
        mine = {z for z in m.wrong(x, w, b) if z != right}
        for z in mine - before:
            assert of_z(s, float(z)) == m.name, (seed, m.name, z)
            named += 1
        before |= mine
    assert named >= 2 or not (any(s.w) or s.b)  # two at least to tell apart, unless w and b are all 0


def test_the_worked_example_s_mistakes_by_name():
    s = State()  # x = (2, 1, 3), w = (1, -1, 1), b = -5: z = -1, a = 0
    assert mistakes.wrong_zs(s) == {
        4: "forgot the bias",  # 2 - 1 + 3
        -5: "flipped a product's sign",  # 2 as -2
        1: "flipped a product's sign",  # -1 as +1
        -7: "flipped a product's sign",  # 3 as -3
        2: "added w and x instead of multiplying",  # (1 - 1 + 1) + (2 + 1 + 3) - 5
        -3: "left a product out",  # 2 left out (3 left out gives -4; -1 left out, 0)
        0: "left a product out",
        -4: "left a product out",
        9: "subtracted the bias",  # 4 - (-5)
        11: "dropped every minus sign",  # 2 + 1 + 3 + 5
    }
    assert of_z(s, 4.0) == "forgot the bias" and of_z(s, 1) == "flipped a product's sign"
    assert of_z(s, 9) == "subtracted the bias" and of_z(s, 11) == "dropped every minus sign"
    assert of_z(s, -1) is None and of_z(s, 123) is None  # right, and a wrong z no mistake gives
    assert of_a(s, -1, 0) is None  # right
    assert of_a(s, 4, 4) == OF_A_WRONG_Z  # ReLU(4) of the bias forgotten
    assert of_a(s, -1, -1) == SKIPPED  # z given as a: ReLU skipped
    assert of_a(s, -1, 7) is None  # no mistake known gives 7


def test_a_curved_activation_s_a_of_a_wrong_z_is_named_to_the_places_written():
    seed = next(k for k in SEEDS if exercise(k).act == "sigmoid" and right_z(exercise(k)) != 0)
    s = exercise(seed)
    wrong = next(iter(mistakes.wrong_zs(s)))
    own = solve(s.replace(b=s.b + float(wrong - right_z(s))))
    assert of_a(s, float(wrong), round(float(own.a), 4)) == OF_A_WRONG_Z
    assert of_a(s, float(wrong), round(float(own.a), 4) + 0.3) is None
