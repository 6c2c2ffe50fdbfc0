"""Every number the page writes is true: checked against the math done in 60-digit decimals.

The sliders' grid, links' decimals and saturated neurons, all nine activations: z, a and the
gradients as the trace, the sentence, the diagram, the curve and the exported script write them.
"""

import contextlib
import io
import re
from decimal import Decimal, getcontext

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from neuron_core import forward, gradients
from neuron_core.export import script
from neuron_core.figures.neuron import activation_curve, neuron_diagram
from neuron_core.model.activations import ACTIVATIONS
from neuron_core.numbers import fmt
from neuron_core.words.calculation import a_text, trace_lines
from neuron_core.words.explain import explain
from tests.shown import NUMBER, is_true
from tests.strategies import inputs_and_weights, linked, slider

getcontext().prec = 60
PI = Decimal("3.14159265358979323846264338327950288419716939937510582097494459")


def true_a(act: str, z: Decimal, alpha: Decimal) -> Decimal:
    """f(z) by its formula in 60-digit decimals."""
    e = z.exp() if z < 700 else None
    match act:
        case "relu":
            return max(z, Decimal(0))
        case "leaky_relu":
            return z if z > 0 else alpha * z
        case "identity":
            return z
        case "step":
            return Decimal(1) if z >= 0 else Decimal(0)
        case "elu":
            return z if z > 0 else alpha * (e - 1)
        case "sigmoid":
            return 1 / (1 + (-z).exp())
        case "tanh":
            return _tanh(z)
        case "softplus":
            return z + _ln1p((-z).exp()) if z > 0 else _ln1p(e)
        case "gelu":  # z/2 (1 + tanh u) = z / (1 + e^(-2u)): the same, without 1 + tanh's cancellation
            u = (2 / PI).sqrt() * (z + Decimal("0.044715") * z**3)
            return z / (1 + (-2 * u).exp()) if u > -(10**5) else z * (2 * u).exp()
    raise ValueError(act)


def _ln1p(e: Decimal) -> Decimal:
    """ln(1 + e) to 60 digits also for a tiny e, where 1 + e would keep only its first few digits."""
    return e - e * e / 2 + e**3 / 3 if e < Decimal("1e-20") else (1 + e).ln()


def _tanh(u: Decimal) -> Decimal:
    if abs(u) > 200:  # tanh is ±1 to far beyond 60 digits
        return Decimal(1).copy_sign(u)
    e = (2 * u).exp()
    return (e - 1) / (e + 1)


def exact_z(x, w, b) -> Decimal:
    return sum((Decimal(repr(wi)) * Decimal(repr(xi)) for wi, xi in zip(w, x, strict=True)), Decimal(repr(b)))


def check(f, texts: dict[str, str]) -> None:
    """Each named text holds one number; each must be true of the exact value."""
    z = exact_z(f.x.tolist(), f.w.tolist(), float(f.b))
    a = true_a(f.act.name, z, Decimal(repr(f.alpha)))
    for what, text in texts.items():
        value = {"z": z, "a": a}[what[0]]
        assert is_true(text, float(value), exact=value == Decimal(repr(float(value)))), (what, text, value)


def last_number(text: str) -> str:
    return re.findall(NUMBER, text)[-1]


neurons = st.tuples(
    inputs_and_weights(st.one_of(slider, linked)),
    st.one_of(slider, linked),
    st.sampled_from(list(ACTIVATIONS)),
)


@settings(max_examples=300, deadline=None)
@given(neurons)
def test_every_number_written_is_within_its_last_place_or_marked_approximate(neuron):
    (x, w), b, act = neuron
    f = forward(x, w, b, act)
    sum_line, act_line = trace_lines(f)
    check(
        f,
        {
            "z sum": last_number(sum_line),
            "a trace": re.match(NUMBER, act_line.split("→ ")[1])[0],
            "a shown": a_text(f),
        },
    )
    check(f, {"z said": re.search(rf"z (?:= )?({NUMBER}) is", explain(f))[1]})


@pytest.mark.parametrize("act", ["sigmoid", "tanh", "softplus", "gelu", "elu"])
@pytest.mark.parametrize("b", [-37.0, -36.6, -13.0, -6.0, 6.0, 13.0, 30.0, 37.0, 100.0, -799.0])
def test_saturated_outputs_are_never_written_as_the_level_they_only_approach(act, b):
    f = forward([1.0], [1.0], b, act)  # z = 1 + b
    texts = {
        "a trace": trace_lines(f)[1].split("→ ")[1],
        "a shown": a_text(f),
        "a node": a_text(f, room=False),
    }
    check(f, texts)
    diagram, curve = neuron_diagram(f), activation_curve(f.act, f.alpha, float(f.z), float(f.a))
    assert a_text(f, room=False) in diagram["data"][0]["text"]
    assert curve["label"].endswith(f"a {'' if a_text(f).startswith('≈') else '= '}{a_text(f)}")


def test_the_issues_examples_read_as_what_they_are():
    def line(b, act):
        return trace_lines(forward([1.0], [1.0], b, act))[1]

    assert line(12, "sigmoid") == "sigmoid: 13 → ≈ 1 - 2.3·10⁻⁶"
    assert line(-37, "sigmoid") == "sigmoid: -36 → ≈ 2.3·10⁻¹⁶"
    assert line(-7, "tanh") == "tanh: -6 → ≈ -1 + 1.2·10⁻⁵"
    assert line(-37, "softplus") == "softplus: -36 → ≈ 2.3·10⁻¹⁶"
    assert (
        explain(forward([1.0], [1.0], -37.6, "sigmoid"))
        == "z = -36.6 is negative, and sigmoid(-36.6) ≈ 1.3·10⁻¹⁶."
    )
    assert fmt(1.0, exact=False) == "≈ 1"  # sigmoid(37) as a float is 1.0; the sigmoid never is


@settings(max_examples=40, deadline=None)
@given(neurons, st.sampled_from([0.0, 20.0, -20.0, 40.0, -40.0]))
def test_the_exported_script_prints_the_pages_lines(neuron, shift):
    (x, w), b, act = neuron
    f = forward(x, w, b + shift if abs(b + shift) <= 50 else b, act)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(script(f), "neuron.py", "exec"), {"__name__": "__main__"})
    assert out.getvalue().splitlines() == trace_lines(f)


def test_gradients_written_are_true():
    g = gradients(forward([1.0, 0.0], [1.0, 1.0], 29.0, "sigmoid"))  # z = 30: f'(z) ≈ 9.4e-14
    assert fmt(g.da_dz, g.exact) == "≈ 9.4·10⁻¹⁴" and fmt(g.da_dw[1], g.exact or g.da_dw[1] == 0) == "0"


def test_a_tiny_softplus_or_elu_keeps_its_digits_past_one_plus_it():
    # 1 + 7.5·10⁻⁴⁹ at 50 digits kept one digit of it: softplus(-110.812) was written ≈ 7·10⁻⁴⁹
    f = forward([9.3, -7.1, 3.56, 3.78], [-10.0, 4.18, 6.2, -2.7], 0.0, "softplus")
    assert a_text(f) == "≈ 7.5·10⁻⁴⁹"
    assert a_text(forward([1.0], [-1.0], -112.5, "softplus")) == "≈ 5.1·10⁻⁵⁰"  # e^-113.5 = 5.100·10⁻⁵⁰
    assert a_text(forward([1.0], [1.0], -1.0000001, "elu")) == "≈ -1·10⁻⁷"  # e^-10⁻⁷ - 1, to 2 digits
