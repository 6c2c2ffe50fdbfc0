"""Issue 22's audit, finding by finding: each link the audit tried, and the true sentence it now gets."""

import pytest

from neuron_core import cli, forward, gradients
from neuron_core.model.activations import ACTIVATIONS
from neuron_core.numbers import fmt, percent
from neuron_core.quiz import exercise, hint, mark, solve, table, worksheet
from neuron_core.words.calculation import step_latex, value
from neuron_core.words.explain import explain_gradients
from tests.paths import ROOT


def test_the_chain_rule_step_says_approximately_where_its_operands_are_rounded():
    latex = step_latex(forward([2, 1, 3], [1, -1, 1], -9, "elu"), 3, 0.05)
    assert r"2 \cdot (-3.9933) \cdot 0.0067 \approx -0.0538" in latex
    exact = step_latex(forward([2, 1, 3], [1, -1, 1], -5, "identity"), 10, 0.2)
    assert r"2 \cdot (-11) \cdot 1 = -22" in exact and r"\approx" not in exact


def test_8_the_worksheet_says_gelu_is_the_tanh_approximation_and_never_writes_a_equals_approximately():
    seed = next(s for s in range(500) if exercise(s).act == "gelu")
    sheet = worksheet(seed, 1)
    assert "activation: GELU (the tanh approximation of z Φ(z)" in sheet
    assert "a = ≈" not in worksheet(1, 20) and "a = ≈" not in sheet


def test_9_tied_largest_inputs_are_named_together_and_the_rate_is_a_rate():
    f = forward([3, 1, 3], [1, -1, 1], -1)
    text = explain_gradients(f, gradients(f))
    assert "so w₁ and w₃, on the largest inputs (|x₁| = |x₃| = 3), move it the most, equally" in text
    assert "changes a at the rate f'(z)·x_i" in text and "moves a by" not in text


def test_10_percentages_round_a_half_up():
    assert percent(9, 40) == "23%" and percent(1, 8) == "13%" and percent(1, 3) == "33%"


def test_11_the_quiz_tables_digits_are_true():
    assert fmt(value(ACTIVATIONS["gelu"], 7, 0.0)) == "≈ 7 - 2.3·10⁻¹⁵"
    seed = next(
        s
        for s in range(2000)
        if (t := table(solve(exercise(s)))) and exercise(s).act == "gelu" and any(k == 7 for k, _ in t)
    )
    assert (7, "≈ 7 - 2.3·10⁻¹⁵") in table(solve(exercise(seed)))


def test_14_the_command_line_says_elus_alpha_range_as_it_checks_it(capsys):
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    assert "above 0 and at most 10" in " ".join(capsys.readouterr().out.split())
    assert cli.main(["--activation", "elu", "--alpha", "10"]) == 0
    with pytest.raises(SystemExit) as refused:
        cli.main(["--activation", "elu", "--alpha", "10.5"])
    assert refused.value.code == 2 and "above 0, up to 10" in capsys.readouterr().err


def test_15_the_readme_says_what_the_hints_do():
    readme = " ".join((ROOT / "README.md").read_text().split())
    assert "the signs of the products, then the products, then their sum one at a time with b" in readme
    f = solve(exercise(3))
    wrong = mark(f, 5.0, 0.0)
    assert "signs of the products" in hint(f, wrong, 1) and "The products are" in hint(f, wrong, 2)
    assert "one at a time" in hint(f, wrong, 3) and "now add b" in hint(f, wrong, 3)
