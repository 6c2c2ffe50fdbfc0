"""The neuron on data, in words: the rule, the line, the loss, each epoch and the notes beside the chart."""

from __future__ import annotations

import numpy as np

from neuron_core.model.activations import PERCEPTRON, Activation
from neuron_core.model.batch import EPOCHS_CAP, LIMIT, Run, best_line, both_labels, gradient, slope, threshold
from neuron_core.model.data import Data, Point, make
from neuron_core.numbers import eq, fmt, many, percent, sub

TABLE_HELP = (
    "Your points, each x₁ and x₂ from -10 to 10 with a label y of 0 or 1: double-click a cell to change it, "
    "fill in the empty row at the bottom to add a point, tick a row's box and press Delete to remove it. "
    "The link keeps them."
)


def loss_name(act: Activation) -> str:
    """The loss the view trains and reports: cross-entropy for the sigmoid, squared error otherwise."""
    return "cross-entropy" if act.cross_entropy else "squared error"


def rule_text(act: Activation, alpha: float) -> str:
    """Where the neuron says 1, and so which line is its boundary, for this activation."""
    z_half = threshold(act, alpha)
    if z_half == 0:
        return (
            f"The neuron says 1 where a ≥ 0.5, which for the {act.label} is where z ≥ 0: its boundary is "
            "the line w₁x₁ + w₂x₂ + b = 0."
        )
    about = "about " if act.rough else ""
    return (
        f"The neuron says 1 where a ≥ 0.5, which for {act.label} is where z ≥ {about}{fmt(z_half)}: its "
        f"boundary is the line w₁x₁ + w₂x₂ + b = {about}{fmt(z_half)}, not z = 0 (there {act.label} gives "
        f"{fmt(float(act(0.0, alpha)))})."
    )


def boundary_words(act: Activation, alpha: float) -> str:
    """Where the boundary is, in a few words: the step's is where it jumps, never where a = 0.5."""
    if act.only is not None:
        return f"where z = 0 (the {act.label} jumps from 0 to 1 there)"
    return f"where a = 0.5 (z = {'about ' if act.rough else ''}{fmt(threshold(act, alpha))})"


def loss_text(act: Activation, m: int) -> str:
    """The loss the view reports, named and written out."""
    over = f"averaged over the {m} point{'s' * (m != 1)}"
    if act.cross_entropy:
        return f"The loss is the cross-entropy -(y ln a + (1 - y) ln(1 - a)), {over}."
    return f"The loss is the squared error (a - y)², {over}."


def sides(run: Run, d: Data, k: int) -> str:
    """How many points fall on each side of epoch k's line, and how many of them carry each label."""
    one = run.one[k]

    def count(side: np.ndarray) -> str:
        m, ones = int(side.sum()), int(np.sum(d.y[side] == 1))
        return f"{m} point{'s' * (m != 1)}" + (f" ({ones} labelled 1, {m - ones} labelled 0)" if m else "")

    return f"Where it says 1: {count(one)}. Where it says 0: {count(~one)}."


def stalled(run: Run, d: Data, k: int) -> str | None:
    """Why gradient descent leaves the line where it is at epoch k, when every gradient is 0; else None."""
    if run.descent is not None and k <= run.exact_epochs:  # the fractions decide what is exactly 0
        pulls = run.descent.pulls(k)
        pull = np.array([(p > 0) - (p < 0) for p in pulls], dtype=float)  # their signs
        zero = not any(run.descent.gradient(k, pulls))
    else:
        pull = slope(run.act, run.alpha, run.z[k], d.y)
        dw, db = gradient(d, run.w[k], float(run.b[k]), run.act, run.alpha)
        zero = not (np.any(dw) or db)
    if not zero:
        return None
    if run.act.only is not None:
        return (
            f"The {run.act.label}'s slope is 0 wherever it has one, so gradient descent never moves its "
            "line: choose the perceptron rule."
        )
    name = run.act.label
    if np.any(pull):
        return (
            f"Every gradient is exactly 0 here, though {int(np.count_nonzero(pull))} of the points pull on "
            "the line: their pulls cancel (for each input, the points' pulls times that input add up to 0), "
            "so gradient descent stays where it is. Move a weight or b a little to break the balance."
        )
    wrong = run.one[k] != (d.y == 1)
    zs = ", ".join(list(dict.fromkeys(fmt(v) for v in run.z[k][wrong]))[:3])  # a few, each once
    if run.act.kinks is not None:
        corner = (
            f" ({name}'s slope at its corner z = 0 is taken to be 0)" if np.any(run.z[k][wrong] == 0) else ""
        )
        return (
            f"Every gradient is exactly 0 here: the points on the wrong side have z = {zs}, where {name} is "
            f"flat{corner}, so they pull nothing, and the others have a = y already. Gradient descent "
            "cannot move the line: move b (or a weight) until those points have z > 0."
        )
    return (
        f"Every gradient computes as 0 here, though it is not 0: the points on the wrong side have z = {zs}, "
        f"so far out that {name}'s slope there is smaller than the smallest number a float can hold. "
        + (
            "The run has gone too far: start again with a smaller η."
            if k
            else "Move b (or a weight) to bring those points' z back towards 0."
        )
    )


def grab_text(turn: bool, k: int) -> str:
    """How the line is grabbed by hand: at epoch 0, where it is the sliders' own (`turn`: w₁ and w₂ are
    the student's too); past it, how to get it back."""
    if k:
        return "The line is epoch " + str(k) + "'s, trained: *Start again* gives it back to your hand."
    if not turn:
        return "Grab the line by its square and drag it: b moves it across, the points it puts wrong ringed."
    return (
        "Grab the line by its square to move it (b), or by a ring near an end to turn it about its middle "
        "(w₁, w₂ and b): while you drag, the points on its wrong side are ringed and the title counts them."
    )


def play_text(run: Run, k: int) -> str:
    """What ▶ Play shows, and what keeps it."""
    if run.epochs == k:
        return "Training stopped here: ▶ Play has no epochs left to show."
    keep = (
        f"a link holds at most {EPOCHS_CAP:,} epochs, so none of them can be taken"
        if k >= EPOCHS_CAP
        else "*Take ten epochs* keeps epochs in the link"
    )
    return (
        f"▶ Play runs epochs {k + 1} to {run.epochs} here, in the browser. The colours of a are epoch {k}'s, "
        f"so they are hidden while it plays, and epoch {run.epochs}'s come back at its end; {keep}."
    )


def notes(pts: tuple[Point, ...], name: str, run: Run, k: int, asked: int, act: str) -> list[tuple[str, str]]:
    """What the page says about the neuron on these points at epoch k, as (kind, text): info, success
    or warning. `asked` is the epochs the link asked for, `act` the activation chosen above."""
    d, m, right = make(pts), len(pts), int(run.right[k])
    said: list[tuple[str, str]] = []
    if run.rule == "perceptron" and act != PERCEPTRON:
        text = (
            "The perceptron rule trains the step, a = 1 where z ≥ 0, whatever the activation chosen: the "
            "line, the points right and the loss here are the step's."
        )
        said.append(("info", text))
    best = best_line(pts)
    both = both_labels(pts)
    if both:
        at = ", ".join(f"({fmt(x1)}, {fmt(x2)})" for x1, x2 in both[:3])
        text = (
            f"No function of x₁ and x₂ can split these points: {at} carr{'ies' if len(both) == 1 else 'y'} "
            f"both labels, so no line, and no layer of neurons either, puts all of them on their own side; "
            f"the best any line does is {best} of {m}."
        )
        said.append(("warning", text))
    elif best < m:
        xor = " (XOR is OR but not AND: two lines, combined)" if name == "xor" else ""
        text = (
            f"No straight line can split these points: the best any line does is {best} of {m}, so one "
            "neuron, whose boundary is one straight line, cannot do better however long it trains; a second "
            f"layer of neurons can{xor}."
        )
        said.append(("warning", text))
        if name == "xor" and run.rule == "gradient" and run.act.cross_entropy:
            text = (
                "Gradient descent heads for XOR's lowest cross-entropy, at w = 0 and b = 0: a = 0.5 for "
                "every point, on the fence (the loss ln 2 ≈ 0.6931), where tiny weights decide each side, "
                "so 1 to 3 points come out right."
            )
            said.append(("info", text))
    on = int(run.on[k].sum())
    if not (run.w[k][0] or run.w[k][1]):
        says = int(run.one[k][0]) if m else 0
        tie = ", exactly at the threshold, which counts as 1," if on else ""
        text = (
            f"w₁ = w₂ = 0, so there is no line: z = b for every point{tie} and the neuron says {says} for "
            f"all of them ({right} of {m} right)."
        )
        said.append(("info", text))
        on = 0
    elif right == m and best == m:
        every = "The one point is" if m == 1 else f"Every one of the {m} points is"
        said.append(("success", f"{every} on its own side of the line."))
    elif best == m:
        text = f"A straight line can put every point on its own side; this one puts {right} of {m} there."
        if run.rule == "perceptron":
            text += (
                " The perceptron rule finds such a line in a bounded number of epochs, though for points "
                f"close to every such line the bound can be more than the {EPOCHS_CAP:,} epochs a link holds."
            )
        said.append(("info", text))
    if on:
        where = "z = 0" if run.act.only is not None else "a = 0.5"
        text = (
            f"{'One point lies' if on == 1 else f'{on} points lie'} exactly on the line, where {where}: "
            "the neuron counts such a point as 1."
        )
        said.append(("info", text))
    if run.rule == "gradient" and right < m and (why := stalled(run, d, k)):
        said.append(("warning", why))
    if run.rule == "gradient" and k and run.loss_at(k) > run.loss_at(0):
        grew = f"from {_loss(run, 0)} to {_loss(run, k)} in {many(k, 'epoch')}"
        text = f"The loss grew {grew}: the learning rate η is too large for these points. Try a smaller one."
        said.append(("warning", text))
    if k < asked:
        text = (
            f"Training stopped after {k} of {many(asked, 'epoch')}: the next would have taken a weight or b"
        )
        said.append(("warning", text + f" past {LIMIT:,.0f}."))
    return said


def short(run: Run, k: int = -1) -> str:
    """Epoch k in a few words, as a chart's title: 'epoch 3: 3 of 4 right, loss 0.4521'."""
    return f"epoch {k % len(run.b)}: {int(run.right[k])} of {run.m} right, loss {_loss(run, k)}"


def _loss(run: Run, k: int) -> str:
    return fmt(run.loss_at(k), run.is_exact(k))


def line(run: Run, k: int = -1) -> str:
    """The weights and the bias epoch k reached, as the page writes them: 'w₁ = 1.2, w₂ = -0.3, b = 0.5'."""
    ok = k % len(run.b) == 0 or run.is_exact(k)  # epoch 0's are the sliders' own
    ws = [f"w{sub(i)} {eq(fmt(v, ok))}" for i, v in enumerate(run.w[k], 1)]
    return ", ".join([*ws, f"b {eq(fmt(run.b[k], ok))}"])


def said(run: Run, k: int = -1) -> str:
    """Epoch k's accuracy and loss in words: '3 of 4 right (75%), cross-entropy 0.4521'."""
    right, m = int(run.right[k]), run.m
    return f"{right} of {m} right ({percent(right, m)}), {loss_name(run.act)} {_loss(run, k)}"
