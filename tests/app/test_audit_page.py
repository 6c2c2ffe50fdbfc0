"""Issue 22's audit, finding by finding: each link the audit tried, and the true sentence it now gets."""

from fractions import Fraction

from streamlit.testing.v1 import AppTest

from neuron_core import forward
from neuron_core.model.training import train
from neuron_core.words import on_example
from tests.charts import app_charts
from tests.paths import opened


def page(link: str) -> AppTest:
    """The page a link opens, with no exception and no error box."""
    at = opened({key: text for key, _, text in (p.partition("=") for p in link.split("&"))}, 30)
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
    assert t.value("loss") == Fraction(1890625) and on_example.value_text(t, "loss") == "1890625"
    text = said(page("act=identity&train=true&y=10&lr=0.2&steps=3"))
    assert "loss = 1890625." in text and "the loss grew from 121 to 1890625 in 3 steps" in text


def test_a_loss_that_is_not_0_never_squares_a_difference_shown_as_0():
    text = said(page("act=identity&train=true&y=1.3&lr=0.05&steps=60"))
    assert "(1.3 - 1.3)" not in text
    t = train(forward([2, 1, 3], [1, -1, 1], -5, "identity"), 1.3, 0.05, 60)
    assert 0 < t.value("loss") < Fraction(1, 10**30) and not t.reached


def data_notes(link: str) -> str:
    """What the data view says for a link: its sentence, its notes and its caption."""
    at = page(link)
    return said(at)


def test_1_a_zero_gradient_on_wrong_points_gives_its_true_reason():
    cancel = "their pulls cancel"
    assert cancel in data_notes("data=xor&act=sigmoid&w1=0&w2=0&b=0")  # the sigmoid's steepest point
    assert cancel in data_notes("data=xor&act=identity&w1=0&w2=0&b=0.5")  # the identity is never flat
    text = data_notes("data=own&points=0,0,1;1,0,1&w1=1&w2=0&b=0")
    assert "the points on the wrong side have z = 0, where ReLU is flat" in text
    assert "the others have a = y already" in text and "is where ReLU is flat" not in text
    text = data_notes("data=own&points=1,1,1&act=gelu&w1=-10&w2=-10&b=-10")  # GELU's slope underflows
    assert "smaller than the smallest number a float can hold" in text and "is flat" not in text


def test_2_leaky_relu_with_alpha_0_is_dead_not_underflowed():
    text = said(page("grad=true&act=leaky_relu&alpha=0"))
    assert "The neuron is dead for this example" in text and "exactly 0" in text
    assert "smaller than the smallest number a float can hold" not in text


def test_3_a_point_with_both_labels_cannot_be_split_by_anything():
    text = data_notes("data=own&points=1,0,1;1,0,0;0,0,0")
    assert "No function of x₁ and x₂ can split these points: (1, 0) carries both labels" in text
    assert "a second layer of neurons can" not in text


def test_4_fixed_by_this_link_lists_only_what_students_cannot_move():
    captions = lambda link: [c.value for c in page(link).caption]  # noqa: E731
    assert "Fixed by this link: x₂ = 1, x₃ = 3, w = (1, -1, 1), b = -5, activation ReLU." in captions(
        "controls=x1"
    )
    assert "Fixed by this link: x = (2, 1, 3), w₁ = 1, w₃ = 1, activation ReLU." in captions("controls=w2,b")
    fixed = captions("controls=b&act=leaky_relu&alpha=0.2")
    assert "Fixed by this link: x = (2, 1, 3), w = (1, -1, 1), activation Leaky ReLU, α = 0.2." in fixed


def test_5_a_compared_leaky_relu_takes_the_neurons_alpha_and_says_it():
    at = page("act=leaky_relu&alpha=0.2&compare=leaky_relu")
    text = said(at)
    assert "For comparison, Leaky ReLU(-1) = -0.2 (α = 0.2, the dashed curve)." in text
    curve = app_charts(at)["curve"]
    dashed = next(t for t in curve["data"] if "dashed" in t.get("name", ""))
    assert min(v for v in dashed["y"] if v is not None) < -0.2 * 5  # alpha = 0.2 over z down to -10 or so


def test_7_a_loss_that_is_exactly_31_is_written_31():
    text = data_notes("data=xor&act=identity&eta=1&epochs=10")
    assert "The loss grew from 31 to" in text and "from ≈ 31" not in text


def test_12_the_data_colour_bar_covers_every_value_of_a():
    for link in ("data=and&act=identity&w1=3&w2=3&b=-2", "data=clouds&act=tanh"):
        heat = next(t for t in app_charts(page(link))["points_chart"]["data"] if t["type"] == "heatmap")
        values = [v for row in heat["z"] for v in row]
        assert heat["zmin"] <= min(values) and heat["zmax"] >= max(values)
        assert heat["zmin"] <= 0 and heat["zmax"] >= 1


def test_13_no_weights_no_line_and_one_point_is_one_point():
    text = data_notes("data=own&points=1,1,1;2,2,1&w1=0&w2=0&b=1")
    assert "w₁ = w₂ = 0, so there is no line" in text and "on its own side of the line" not in text
    one = data_notes("data=own&points=1,1,1&w1=1&w2=1&b=0")
    assert "The one point is on its own side of the line." in one and "1 points" not in one


def test_16_the_perceptrons_bound_is_said_with_the_cap_and_take_stops_at_it():
    text = data_notes("data=clouds&act=step&rule=perceptron&eta=0.01&epochs=3")
    assert "the bound can be more than the 1,000 epochs a link holds" in text
    at = page("data=clouds&act=step&rule=perceptron&eta=0.01&epochs=1000")
    takes = [b for b in at.button if b.label.startswith("Take")]
    assert takes and all(b.disabled for b in takes)
    assert "a link holds at most 1,000 epochs" in said(at)


def test_17_the_steps_boundary_is_never_called_where_a_is_0_5():
    label = app_charts(page("data=and&act=step&rule=perceptron&w1=1&w2=1&b=-1.5"))["points_chart"]["label"]
    assert "where z = 0 (the step jumps from 0 to 1 there)" in label and "a = 0.5" not in label


def test_18_small_words():
    assert "z = 0 is zero, so ReLU outputs 0." in said(page("b=-4"))
    assert "After 1 step:" in said(page("train=true&steps=1"))
    at = page("land=true")
    assert all("x_i" not in s.label and "x_j" not in s.label for s in at.selectbox)
    at = page("train=true&steps=1")
    at.button_group(key="views").set_value([]).run()  # training switched off
    assert "steps" not in at.query_params


def test_19_a_point_exactly_on_the_line_is_said_to_count_as_1():
    text = data_notes("data=and&act=step&rule=perceptron&epochs=10")
    assert "Every one of the 4 points is on its own side of the line." in text
    assert "One point lies exactly on the line, where z = 0: the neuron counts such a point as 1." in text
