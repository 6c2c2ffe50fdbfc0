"""The neuron on data: presets, points in links and files, the boundary, training on all points, XOR."""

import hashlib
import math

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from neuron_core.figures.training import data_figure, epochs_figure
from neuron_core.link.state import from_query, to_query
from neuron_core.model import batch, data
from neuron_core.model.activations import ACTIVATIONS, get
from neuron_core.model.batch import PLAY_EPOCHS
from neuron_core.model.neuron import dot
from neuron_core.words import on_data
from tests.charts import plotly

GATES = {"and": (0, 0, 0, 1), "or": (0, 1, 1, 1), "nand": (1, 1, 1, 0), "xor": (0, 1, 1, 0)}
coordinate = st.integers(-100, 100).map(lambda k: k / 10)  # as the table's step and the sliders'


def test_the_gates_are_their_truth_tables():
    for name, ys in GATES.items():
        assert data.points(name) == tuple(
            (x1, x2, y) for (x1, x2), y in zip([(0, 0), (0, 1), (1, 0), (1, 1)], ys, strict=True)
        )


def test_the_clouds_are_the_same_on_every_machine():
    """Made from a fixed seed by Box-Muller from uniform doubles: digests taken once pin every point."""
    texts = {k: data.points_text(data.points(k)).encode() for k in ("clouds", "overlap")}
    digests = {k: hashlib.sha256(t).hexdigest()[:16] for k, t in texts.items()}
    assert digests == {"clouds": "c0010c417d79099a", "overlap": "376a78478768ce1f"}
    assert data.points("clouds")[:3] == ((-3.0, 0.4, 0), (-2.6, -4.3, 0), (-0.8, -2.3, 0))
    assert len(data.points("clouds")) == 40 and len(data.points("overlap")) == 50
    assert batch.separable(data.points("clouds")) and not batch.separable(data.points("overlap"))


def points(min_size: int = 1, max_size: int = 30) -> st.SearchStrategy:
    return st.lists(
        st.tuples(coordinate, coordinate, st.sampled_from([0, 1])), min_size=min_size, max_size=max_size
    ).map(tuple)


@given(points(max_size=200))
def test_points_written_to_a_link_read_back_the_same(pts):
    assert data.read_points(data.points_text(pts)) == (pts, [])
    s = from_query({}, "data").state.replace(data="own", points=pts)
    assert from_query(to_query(s, "data"), "data").state == s


@pytest.mark.parametrize(
    ("text", "kept", "why"),
    [
        ("1,2,1;3,a,0;0,0,0", ((1.0, 2.0, 1), (0.0, 0.0, 0)), "point 2: x2 = 'a' is not a number"),
        ("1,2,1;nan,0,1", ((1.0, 2.0, 1),), "point 2: x1 = nan is not a finite number"),
        ("1,2,2", (), "its label y = 2 is neither 0 nor 1"),
        ("11,0,1", (), "x1 = 11 is outside -10 to 10"),
        ("1,2", (), "point 1 has 2 values, not three"),
    ],
)
def test_junk_points_are_left_out_and_said(text, kept, why):
    pts, said = data.read_points(text)
    assert pts == kept and len(said) == 1 and why in said[0]


def test_junk_points_in_a_link_fall_back_with_one_notice_and_keep_the_rest_of_the_state():
    good = {"data": "own", "b": "2", "act": "relu", "epochs": "3"}
    r = from_query(good | {"points": "1,2,1;3,<b>,0"}, "data")
    start = from_query({}, "data").state
    assert r.state == start.replace(data="own", b=2.0, act="relu", epochs=3, points=((1.0, 2.0, 1),))
    assert r.notices == [
        "Ignored part of points from the link because point 2: x2 = '<b>' is not a number; kept the other 1."
    ]
    r = from_query(good | {"points": "junk"}, "data")
    assert r.state == start.replace(data="own", b=2.0, act="relu", epochs=3) and r.state.points == data.OWN
    assert len(r.notices) == 1 and r.notices[0].endswith("using the 5 of the example.")


def test_more_than_200_points_keep_the_first_200_and_say_so():
    pts, said = data.read_points(";".join(["1,1,1"] * 250))
    assert len(pts) == 200 and said == ["there are more than 200 points: only the first 200 are kept"]
    pts, said = data.read_points(";".join(["1,1,1"] * 100_000))  # never read whole
    assert len(pts) == 200 and len(said) == 1


def test_the_data_page_holds_n_at_2_and_the_table_of_points_applies_only_to_own_points():
    assert from_query({"data": "or", "n": "5"}, "data").state.n == 2
    assert from_query({"data": "or", "points": "junk"}, "data").notices == []  # not read: it does not apply
    s = from_query({"data": "xor"}, "data").state.replace(points=((1.0, 1.0, 1),))
    assert to_query(s, "data") == {"data": "xor"}


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("", "the file is empty"),
        ("x1,x2\n1,2\n", "no column label"),
        ("x1,x2,label\n", "a header but no points"),
        ("x1,x2,label\n1,two,1\n", "x2 = 'two' is not a number"),
        ("x1,x2,label\n1,nan,1\n", "not a finite number"),
        ("x1,x2,label\n1,inf,1\n", "not a finite number"),
        ("x1,x2,label\n1,2,3\n", "neither 0 nor 1"),
        ("x1,x2,label\n1,2\n", "has 2 values"),
        ("x1,x2,label\n" + "1,1,1\n" * 201, "201 points; at most 200"),
    ],
)
def test_bad_files_say_what_is_wrong(text, why):
    with pytest.raises(ValueError, match=why):
        data.read_csv(text)


def test_a_file_reads_its_columns_by_name():
    d = data.read_csv("label, x2 ,x1\n1,2,3\n0,-1,0.5\n")
    assert d.x.tolist() == [[3.0, 2.0], [0.5, -1.0]] and d.y.tolist() == [1.0, 0.0]


@pytest.mark.parametrize("name", list(ACTIVATIONS))
def test_the_threshold_is_where_a_reaches_one_half(name):
    act = get(name)
    t = batch.threshold(act, act._alpha(None))
    assert float(act(t - 1e-6)) < 0.5 <= float(act(t + 1e-12))
    if name != "step":  # which jumps from 0 to 1 at t = 0; the others pass through 0.5 there
        assert float(act(t)) == pytest.approx(0.5, abs=1e-9)


@given(st.floats(-5, 5), st.floats(-5, 5), st.floats(-5, 5), st.sampled_from([0.0, 0.5]))
def test_the_boundary_ends_lie_on_the_line_and_the_side_is_where_it_says_1(w1, w2, b, t):
    w = np.array([w1, w2])
    ends = batch.boundary(w, b, t, -0.5, 1.5)
    for x1, x2 in ends:
        assert w1 * x1 + w2 * x2 + b == pytest.approx(t, abs=1e-9)
        assert -0.5 - 1e-12 <= x1 <= 1.5 + 1e-12 and -0.5 - 1e-12 <= x2 <= 1.5 + 1e-12
    for x1, x2 in batch.half_plane(w, b, t, -0.5, 1.5):
        assert w1 * x1 + w2 * x2 + b >= t - 1e-9


def _bound(pts: tuple, u: np.ndarray, w0: np.ndarray, lr: float) -> int:
    """Epochs within which the batch perceptron must reach every point, from a separating u (unit, with b).

    Each epoch with S_t mistakes moves v by lr Σ ± x̃ (x̃ = (x, 1)): u·v grows by at least lr g S_t (g the
    margin) and |v|² by at most lr² R² S_t² ≤ lr² R² m S_t (the cross term is ≤ 0 on mistakes). With
    S = Σ S_t, (u·v₀ + lr g S)² ≤ |v₀|² + lr² R² m S bounds S, and every epoch short of 100% makes a mistake.
    """
    d = data.make(pts)
    xt = np.column_stack([d.x, np.ones(d.m)])
    sign = np.where(d.y == 1, 1.0, -1.0)
    g = float(np.min(sign * dot(xt, u)))
    r2 = float(np.max(np.sum(xt**2, axis=1)))
    a, b, c = (
        (lr * g) ** 2,
        2 * lr * g * float(dot(u, w0)) - lr**2 * r2 * d.m,
        float(dot(u, w0)) ** 2 - float(dot(w0, w0)),
    )
    s = (-b + math.sqrt(b * b - 4 * a * c)) / (2 * a)
    return math.ceil(s) + 1


@pytest.mark.parametrize("name", ["and", "or", "nand"])
def test_the_perceptron_rule_learns_each_separable_gate(name):
    pts = data.points(name)
    run = batch.fit(data.make(pts), (1.0, -1.0), -5.0, "relu", None, "perceptron", 0.5, 100)
    first = int(np.argmax(run.right == 4))
    assert run.right[first] == 4 and np.all(run.right[first:] == 4)  # and stays there: no mistakes, no moves
    u = {"and": (1, 1, -1.5), "or": (1, 1, -0.5), "nand": (-1, -1, 1.5)}[name]
    u = np.array(u) / math.hypot(*u)
    assert first <= _bound(pts, u, np.array([1.0, -1.0, -5.0]), 0.5)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(coordinate, coordinate), min_size=2, max_size=40, unique=True),
    st.floats(0, 2 * math.pi),
    st.floats(-3, 3),
    st.tuples(coordinate, coordinate, coordinate),
    st.sampled_from([0.1, 0.5, 1.0]),
)
def test_the_perceptron_rule_splits_any_separable_set_within_its_bound(xy, angle, c, start, lr):
    """Labels from a line with a margin: the rule reaches 100% within the convergence bound."""
    n = np.array([math.cos(angle), math.sin(angle)])
    side = dot(np.array(xy), n) + c
    assume(np.min(np.abs(side)) >= 0.2 and len(set(side > 0)) == 2)
    pts = tuple((x1, x2, int(v > 0)) for (x1, x2), v in zip(xy, side, strict=True))
    u = np.array([*n, c]) / math.hypot(*n, c)
    epochs = _bound(pts, u, np.array(start), lr)
    assume(epochs <= 5000)
    run = batch.fit(data.make(pts), start[:2], start[2], "step", None, "perceptron", lr, epochs)
    assert run.right[-1] == len(pts)


@given(st.floats(-10, 10), st.floats(-10, 10), st.floats(-10, 10), st.sampled_from(list(ACTIVATIONS)))
def test_on_xor_no_weights_get_more_than_3_of_4(w1, w2, b, act):
    run = batch.fit(data.make(data.points("xor")), (w1, w2), b, act, None, "gradient", 0.5, 0)
    assert run.right[0] <= 3


def test_the_best_line_on_xor_is_3_of_4_and_training_never_beats_it():
    pts = data.points("xor")
    assert batch.best_line(pts) == 3 and not batch.separable(pts)
    for rule in ("gradient", "perceptron"):
        run = batch.fit(data.make(pts), (0.3, 0.2), -0.1, "sigmoid", None, rule, 0.5, 300)
        assert run.right.max() <= 3


@given(points(max_size=12), st.floats(-5, 5), st.floats(-5, 5), st.floats(-5, 5))
def test_no_line_beats_the_best_line(pts, w1, w2, b):
    d = data.make(pts)
    right = max(
        int(np.sum((dot(d.x, [w1, w2]) + b >= 0) == (d.y == 1))),
        int(np.sum((dot(d.x, [w1, w2]) + b < 0) == (d.y == 1))),
    )
    assert right <= batch.best_line(pts)


@given(points(min_size=2, max_size=12), st.floats(0, 2 * math.pi))
def test_the_best_line_is_found_exactly_for_sets_a_line_splits(pts, angle):
    xy = [p[:2] for p in pts]
    n = np.array([math.cos(angle), math.sin(angle)])
    side = dot(np.array(xy), n)
    cut = float(np.median(side))
    assume(np.min(np.abs(side - cut)) > 1e-6)
    labelled = tuple((x1, x2, int(v > cut)) for (x1, x2), v in zip(xy, side, strict=True))
    assert batch.best_line(labelled) == len(labelled)


@settings(max_examples=80, deadline=None)
@given(
    points(min_size=1, max_size=10),
    st.floats(-2, 2),
    st.floats(-2, 2),
    st.floats(-2, 2),
    st.sampled_from(list(ACTIVATIONS)),
)
def test_the_gradient_of_the_data_loss_matches_finite_differences(pts, w1, w2, b, name):
    act = get(name)
    alpha = act._alpha(None)
    d = data.make(pts)
    z = dot(d.x, [w1, w2]) + b
    if act.kinks:  # away from a corner, where the slope has no single value
        assume(np.min(np.abs(z[:, None] - np.array(act.kinks))) > 1e-3)
    dw, db = batch.gradient(d, np.array([w1, w2]), b, act, alpha)

    def loss(w: list[float], b_: float) -> float:
        return float(batch.loss(act, alpha, dot(d.x, w) + b_, d.y))

    h = 1e-6
    numeric = [
        (loss([w1 + h, w2], b) - loss([w1 - h, w2], b)) / (2 * h),
        (loss([w1, w2 + h], b) - loss([w1, w2 - h], b)) / (2 * h),
        (loss([w1, w2], b + h) - loss([w1, w2], b - h)) / (2 * h),
    ]
    assert [*dw, db] == pytest.approx(numeric, rel=1e-4, abs=1e-6)


@given(points(max_size=20), st.sampled_from(["sigmoid", "tanh", "relu", "elu"]), st.sampled_from([0.05, 0.5]))
def test_each_gradient_epoch_is_one_step_of_the_whole_batch_gradient(pts, name, lr):
    d = data.make(pts)
    run = batch.fit(d, (0.5, -0.3), 0.2, name, None, "gradient", lr, 3)
    act = get(name)
    for k in range(run.epochs):
        dw, db = batch.gradient(d, run.w[k], run.b[k], act, act._alpha(None))
        assert run.w[k + 1] == pytest.approx(run.w[k] - lr * dw) and run.b[k + 1] == pytest.approx(
            run.b[k] - lr * db
        )


def test_the_loss_is_named_and_computed_as_named():
    d = data.make(data.points("or"))
    run = batch.fit(d, (1.0, 1.0), -0.5, "sigmoid", None, "gradient", 0.5, 0)
    a = 1 / (1 + np.exp(-(dot(d.x, [1.0, 1.0]) - 0.5)))
    assert run.loss[0] == pytest.approx(float(np.mean(-(d.y * np.log(a) + (1 - d.y) * np.log(1 - a)))))
    assert (
        on_data.loss_name(get("sigmoid")) == "cross-entropy"
        and on_data.loss_name(get("tanh")) == "squared error"
    )
    run = batch.fit(d, (1.0, 1.0), -0.5, "relu", None, "gradient", 0.5, 0)
    relu = np.maximum(dot(d.x, [1.0, 1.0]) - 0.5, 0)
    assert run.loss[0] == pytest.approx(float(np.mean((relu - d.y) ** 2)))


def test_an_epoch_in_words():
    run = batch.fit(data.make(data.points("or")), (1.0, -1.0), -5.0, "sigmoid", None, "gradient", 0.5, 20)
    assert (
        on_data.said(run) == "4 of 4 right (100%), cross-entropy 0.2202"
        and on_data.short(run) == "epoch 20: 4 of 4 right, loss 0.2202"
    )
    run = batch.fit(data.make(data.points("and")), (1.0, -1.0), -5.0, "step", None, "perceptron", 0.5, 5)
    assert (
        on_data.said(run, 0) == "3 of 4 right (75%), squared error 0.25"
        and on_data.said(run) == "4 of 4 right (100%), squared error 0"
    )


def test_a_point_on_the_line_at_the_start_is_on_the_side_that_says_1():
    """Epoch 0 uses the exact z: 0.1 + 0.2 - 0.3 is 0 there, not 5.6e-17."""
    run = batch.fit(data.make(((0.1, 0.2, 1),)), (1.0, 1.0), -0.3, "step", None, "perceptron", 0.5, 0)
    assert run.right[0] == 1


def test_training_stops_before_a_weight_passes_a_million():
    d = data.make(data.points("clouds"))
    run = batch.fit(d, (1.0, 1.0), 0.0, "identity", None, "gradient", 1.0, 1000)
    assert run.epochs < 1000 and np.all(np.abs(run.w) <= batch.LIMIT) and np.all(np.isfinite(run.loss))
    said = on_data.notes(data.points("clouds"), "clouds", run, run.epochs, 1000, "identity")
    warned = [text for kind, text in said if kind == "warning"]
    assert any(t.startswith(f"Training stopped after {run.epochs} of 1000 epochs") for t in warned)
    assert any(t.startswith("The loss grew from 24.7708 to ≈ 1.3·10¹³") for t in warned)  # exactly 24.77075


def test_what_the_page_says_about_xor_and_about_a_set_it_has_learnt():
    xor = data.points("xor")
    run = batch.fit(data.make(xor), (1.0, -1.0), -5.0, "sigmoid", None, "gradient", 0.5, 10)
    (kind, text), *_ = on_data.notes(xor, "xor", run, 10, 10, "sigmoid")
    assert kind == "warning" and "the best any line does is 3 of 4" in text and "second layer" in text
    assert text.count(". ") == 0  # one sentence
    assert text.count(". ") == 0  # one sentence
    learnt = batch.fit(data.make(data.points("or")), (1.0, 1.0), -0.5, "sigmoid", None, "gradient", 0.5, 0)
    assert on_data.notes(data.points("or"), "or", learnt, 0, 0, "sigmoid") == [
        ("success", "Every one of the 4 points is on its own side of the line.")
    ]
    dead = batch.fit(data.make(data.points("and")), (1.0, -1.0), -5.0, "relu", None, "gradient", 0.5, 5)
    assert any(
        "Every gradient is exactly 0" in t
        for _, t in on_data.notes(data.points("and"), "and", dead, 5, 5, "relu")
    )
    step = batch.fit(data.make(data.points("and")), (1.0, -1.0), -5.0, "step", None, "gradient", 0.5, 5)
    assert any(
        "choose the perceptron rule" in t
        for _, t in on_data.notes(data.points("and"), "and", step, 5, 5, "step")
    )


@pytest.mark.parametrize("name", [*GATES, "clouds", "overlap"])
def test_the_data_figures_are_valid_plotly_and_draw_the_boundary_where_a_is_one_half(name):
    pts = data.points(name)
    d = data.make(pts)
    for act in ("sigmoid", "relu", "step", "tanh"):
        run = batch.fit(d, (1.0, 0.5), -0.7, act, None, "gradient", 0.5, 5 + PLAY_EPOCHS)
        chart = data_figure(d, pts, run, 5)
        plotly(chart)
        plotly(epochs_figure(run, 5))
        t = batch.threshold(run.act, run.alpha)
        (line,) = [tr for tr in chart["data"] if tr["name"] == "boundary"]
        w, b = run.w[5], run.b[5]
        for x1, x2 in zip(line["x"], line["y"], strict=True):  # within 0.01 of the line, in x's units
            assert abs(float(dot(np.array([x1, x2]), w) + b) - t) / math.hypot(*w) < 0.01
        # One frame per epoch after 5, each titled with its epoch; the boundary and the rings are traces 0, 1.
        assert [f["layout"]["title"]["text"] for f in chart["frames"]] == [
            on_data.short(run, e) for e in range(6, run.epochs + 1)
        ]
        assert [tr["name"] for tr in chart["data"][:2]] == ["boundary", "on the wrong side"]
        assert run.epochs == 5 + PLAY_EPOCHS or np.abs(run.w).max() > 1e5  # all of them, unless it stopped
        title = chart["layout"]["title"]["text"]
        assert title == on_data.short(run, 5) and title.startswith(
            f"epoch 5: {int(run.right[5])} of {len(pts)} right, loss "
        )
        # Play hides epoch 5's colours of a at its first frame and ends on the last epoch's.
        (heat,) = [tr for tr in chart["data"] if tr["type"] == "heatmap"]
        first, last = chart["frames"][0], chart["frames"][-1]
        assert first["traces"] == last["traces"] == [0, 1, 2]
        assert first["data"][2]["opacity"] == 0 or len(chart["frames"]) == 1
        g = np.linspace(heat["x0"], heat["x0"] + heat["dx"] * (len(heat["z"]) - 1), len(heat["z"]))
        w, b = run.w[run.epochs], float(run.b[run.epochs])
        end = np.round(run.act(w[0] * g[None, :] + w[1] * g[:, None] + b, run.alpha), 2)
        assert last["data"][2]["opacity"] == 1 and np.allclose(last["data"][2]["z"], end, atol=0.011)
        assert heat["zmin"] <= end.min() + 0.01 and end.max() - 0.01 <= heat["zmax"]  # one colour scale


# The points table's edits, as its editor sends them (data.edited).
def json_like():
    """Values JSON can carry, nested a few levels: what a crafted client may send as a table's edit."""
    leaf = st.none() | st.booleans() | st.integers(-(10**30), 10**30) | st.floats() | st.text(max_size=8)
    names = st.sampled_from(["x1", "x2", "y", "0", "1", "edited_rows", "added_rows", "deleted_rows", "zz"])

    def nest(inner):
        return st.lists(inner, max_size=4) | st.dictionaries(names, inner, max_size=4)

    return st.recursive(leaf, nest, max_leaves=12)


@settings(max_examples=300, deadline=None)
@given(
    edit=json_like()
    | st.fixed_dictionaries(
        {},
        optional={
            "edited_rows": st.dictionaries(
                st.sampled_from(["0", "1", "4", "9", "a"]), json_like(), max_size=3
            ),
            "added_rows": st.lists(json_like(), max_size=3),
            "deleted_rows": st.lists(st.integers(-2, 9) | st.text(max_size=2), max_size=3),
        },
    )
)
def test_any_edit_a_client_sends_leaves_valid_points_or_is_the_editors_own(edit):
    read = data.edited(data.OWN, edit)
    if read is None:  # the editor's own kind: numbers or empty cells in its columns, rows that exist
        assert edit is None or isinstance(edit, dict)
        edit = edit or {}
        for k, row in (edit.get("edited_rows") or {}).items():
            assert int(k) < len(data.OWN) and all(v is None or type(v) in (int, float) for v in row.values())
        for row in edit.get("added_rows") or []:
            assert set(row) <= set(data.COLUMNS)
            assert all(v is None or type(v) in (int, float) for v in row.values())
        return
    pts, said = read
    assert len(pts) <= data.POINTS_MAX and said.endswith(".")
    assert all(
        data.X_LO <= x1 <= data.X_HI and data.X_LO <= x2 <= data.X_HI and y in (0, 1) for x1, x2, y in pts
    )


def test_an_edit_of_the_tables_own_kind_is_the_editors():
    assert data.edited(data.OWN, None) is None  # no edit yet
    assert (
        data.edited(
            data.OWN, {"edited_rows": {0: {"x1": 7}}, "added_rows": [{"x1": 1.5}], "deleted_rows": [4]}
        )
        is None
    )


def test_rows_past_200_are_counted_not_read():
    pts, said = data.edited(data.OWN, {"added_rows": [{"x1": 1, "x2": 1, "y": 1}] * 145_000})
    assert pts == data.OWN + ((1.0, 1.0, 1),) * 195
    assert said == (
        "From the table's last edit: 144,805 rows past the table's 200 were not read; it keeps 200 points."
    )


def test_cells_that_are_not_numbers_are_counted_and_left_empty():
    edit = {"edited_rows": {"0": {"x1": "7"}, "1": {"y": True}}, "added_rows": [{"x1": 1, "x2": [2], "y": 0}]}
    pts, said = data.edited(data.OWN, edit)
    assert pts == data.OWN[2:]  # the rows with an empty cell are not filled in: left out
    assert said == "From the table's last edit: 3 cells that are not a number left empty; it keeps 3 points."


@pytest.mark.parametrize(
    "edit",
    [
        "{not json",
        [1, 2],
        {"edited_rows": {"zz": {"x1": 1}}},
        {"added_rows": [{"x1": 1, "zz": 3}]},
        {"added_rows": [[1, 2, 1]]},
        {"edited_rows": {"99": {"x1": 1}}},
        {"deleted_rows": [99]},
        {"deleted_rows": ["-1"]},
        {"unreadable": True, "edited_rows": {}},
        {"edited_rows": {"٣": {"x1": 1}}},
    ],
)
def test_an_edit_of_another_shape_leaves_the_links_points(edit):
    assert data.edited(data.OWN, edit) == (
        data.OWN,
        "The table's last edit could not be read, so it shows the link's points again.",
    )
