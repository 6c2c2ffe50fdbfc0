"""The links a careful teacher tried, through AppTest: every sentence on the page is true."""

from streamlit.testing.v1 import AppTest

from tests.paths import opened


def page(query: dict[str, str]) -> AppTest:
    at = opened(query)
    assert not at.exception and not at.error
    return at


def said(at: AppTest) -> str:
    """Everything the page says in words, one string."""
    parts = [m.value for m in (*at.markdown, *at.info, *at.warning, *at.success, *at.caption, *at.code)]
    return "\n".join([*parts, *(f"{m.label}: {m.value}" for m in at.metric)])


def test_the_step_at_z_0_outputs_what_its_formula_says():
    text = said(page({"w1": "-2.2", "b": "2.4", "act": "step", "grad": "true"}))
    assert "z = 0 is zero, so the step outputs 1." in text and "step: 0 → 1" in text
    assert "z = 0 is where it jumps, and there it has no derivative at all" in text


def test_the_same_z_gives_the_same_answer_and_z_0_is_never_negative():
    for query in ({"w1": "-2.3", "b": "2.6", "grad": "true"}, {"b": "-4", "grad": "true"}):
        at = page(query)
        text = said(at)
        assert "ReLU: 0 → 0 because 0 is non-negative." in text and "ReLU's corner" in text
        assert "is negative" not in text and "cannot learn" not in text
        assert r"\frac{\partial a}{\partial z} = 0" in at.latex[0].value


def test_a_saturated_sigmoid_is_never_said_to_be_0_1_or_flat_and_its_mirror_reads_the_same():
    up = page({"w1": "10", "w2": "10", "w3": "2", "b": "1", "act": "sigmoid", "grad": "true"})
    down = page({"w1": "-10", "w2": "-10", "w3": "-2", "b": "-1", "act": "sigmoid", "grad": "true"})
    # sigmoid(37) is 1 - 8.5·10⁻¹⁷ (a float rounds it to 1): its digits come from 50-digit arithmetic
    assert [m.value for m in up.metric] == ["37", "≈ 1 - 8.5·10⁻¹⁷"] and [m.value for m in down.metric] == [
        "-37",
        "≈ 8.5·10⁻¹⁷",
    ]
    for at, level in ((up, "1"), (down, "0")):
        text = said(at)
        assert f"saturated at z = {'-' if level == '0' else ''}37: it levels off towards {level}" in text
        assert "never flat" in text and "To raise a, move w₁, w₂, w₃ up and b up" in text
        assert "every gradient is 0" not in text and "= 1." not in text
