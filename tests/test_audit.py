"""Issue 22's audit, finding by finding: each link the audit tried, and the true sentence it now gets."""

from fractions import Fraction
from pathlib import Path

from streamlit.testing.v1 import AppTest

from neuron_core import forward
from neuron_core.trace import step_latex
from neuron_core.train import train

APP = str(Path(__file__).resolve().parents[1] / "playground.py")


def page(link: str) -> AppTest:
    """The page a link opens, with no exception and no error box."""
    at = AppTest.from_file(APP, default_timeout=30)
    for key, _, value in (p.partition("=") for p in link.split("&")):
        at.query_params[key] = value
    at.run()
    assert not at.exception and not at.error
    return at


def said(at: AppTest) -> str:
    """Everything the page says in words and formulas, one string."""
    kinds = ("title", "subheader", "markdown", "caption", "latex", "code", "info", "warning", "success")
    return "\n".join(
        [*(e.value for k in kinds for e in getattr(at, k)), *(f"{m.label}: {m.value}" for m in at.metric)]
    )


def test_a_diverging_identity_run_is_exact_on_every_machine():
    t = train(forward([2, 1, 3], [1, -1, 1], -5, "identity"), 10, 0.2, 3)
    assert t.value("loss") == Fraction(1890625) and t.shown("loss") == "1890625"
    text = said(page("act=identity&train=true&y=10&lr=0.2&steps=3"))
    assert "loss = 1890625." in text and "the loss grew from 121 to 1890625 in 3 steps" in text


def test_a_loss_that_is_not_0_never_squares_a_difference_shown_as_0():
    text = said(page("act=identity&train=true&y=1.3&lr=0.05&steps=60"))
    assert "(1.3 - 1.3)" not in text
    t = train(forward([2, 1, 3], [1, -1, 1], -5, "identity"), 1.3, 0.05, 60)
    assert 0 < t.value("loss") < Fraction(1, 10**30) and not t.reached


def test_the_chain_rule_step_says_approximately_where_its_operands_are_rounded():
    latex = step_latex(forward([2, 1, 3], [1, -1, 1], -9, "elu"), 3, 0.05)
    assert r"2 \cdot (-3.9933) \cdot 0.0067 \approx -0.0538" in latex
    exact = step_latex(forward([2, 1, 3], [1, -1, 1], -5, "identity"), 10, 0.2)
    assert r"2 \cdot (-11) \cdot 1 = -22" in exact and r"\approx" not in exact
