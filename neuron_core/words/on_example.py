"""Training on one example, in words: where it stands, why it cannot reach y, what went wrong."""

from __future__ import annotations

from neuron_core.model.activations import Activation
from neuron_core.model.neuron import Forward, gradients
from neuron_core.model.training import LIMIT, Training
from neuron_core.numbers import eq, fmt, many, sub
from neuron_core.words.explain import explain_gradients


def unreachable(act: Activation, alpha: float, y: float) -> str | None:
    """Why no weights give a = y, in one sentence, from the entry's `outputs`; None when some weights do."""
    lo, lo_in, hi, hi_in = act.outputs(alpha)
    name, ys = act.label, fmt(y)
    if act.only is not None and y not in act.only:
        near = min(act.only, key=lambda v: (abs(v - y), -v))  # the nearest; the greater on a tie
        return (
            f"y = {ys} is out of reach: the {name} outputs only {' or '.join(map(fmt, act.only))}, so the "
            f"loss cannot fall below ({fmt(near)} - {_p(y)})² = {fmt((near - y) ** 2)}."
        )
    if y in (lo, hi) and not (lo_in if y == lo else hi_in):
        return (
            f"y = {ys} is never reached: {name} only approaches {ys}, so the loss shrinks towards 0, "
            "more and more slowly, and never gets there."
        )
    if lo <= y <= hi:
        return None
    near, closed = (lo, lo_in) if y < lo else (hi, hi_in)
    about = "about " if act.rough else ""
    edge = f"{about}{fmt(near)}"
    floor = (
        f"({fmt(near)} - {_p(y)})² = {fmt((near - y) ** 2)}" if not about else f"about {fmt((near - y) ** 2)}"
    )
    return (
        f"y = {ys} is out of reach: {name} never outputs anything {'below' if y < lo else 'above'} {edge}, "
        + (
            f"so a can at best reach {edge} and the loss cannot fall below {floor}."
            if closed
            else f"so a only approaches {edge} and the loss only approaches {floor}, never reaching it."
        )
    )


def _p(v: float) -> str:
    """A number in a sum as a student writes it: (-3) in brackets, 3 bare."""
    return f"({fmt(v)})" if v < 0 else fmt(v)


def reached_text(t: Training, y: float) -> str:
    """A run whose a is the target, celebrated: exactly when it started there, else to float precision."""
    if t.value("loss", 0) == 0:  # 2 (a - y) = 0: no step moves anything
        return f"a = y = {fmt(y)}: the loss is 0, so there is nothing left to learn from this example."
    if t.is_exact("loss"):
        return (
            f"After {many(t.steps, 'step')} a = y = {fmt(y)} exactly: the loss is 0, nothing left to learn."
        )
    return (
        f"After {many(t.steps, 'step')} a has reached y = {fmt(y)} to every digit a float keeps (the loss "
        "is ≈ 0): there is nothing left to learn from this example."
    )


def training_trouble(t: Training, asked: int) -> str:
    """What went wrong in a run whose loss grew, in plain words, with its numbers."""
    text = (
        f"The learning rate is too large for these inputs: the loss grew from {value_text(t, 'loss', 0)} to "
        f"{value_text(t, 'loss')} in {many(t.steps, 'step')}, each step overshooting the target further. "
        "Try a smaller learning rate."
    )
    if t.steps < asked:
        text += (
            f" Training stopped after {t.steps} of {many(asked, 'step')}: the next one would have taken a "
            f"weight or the bias past {LIMIT:,.0f}."
        )
    return text


def notes(now: Forward, t: Training, y: float, asked: int) -> list[tuple[str, str]]:
    """What the page says about a run ending at `now`, as (kind, text): info, success or warning."""
    said = [("info", far)] if (far := unreachable(now.act, now.alpha, y)) else []
    g = gradients(now)
    if t.reached:
        said.append(("success", reached_text(t, y)))
    elif g.dead or t.stuck:
        said.append(("warning", explain_gradients(now, g) + " The loss stays where it is, step after step."))
    if t.diverging:
        said.append(("warning", training_trouble(t, asked)))
    return said


def value_text(t: Training, what: str, k: int = -1) -> str:
    """Step k's b, a or loss as the page writes it (fmt, knowing whether it is exact)."""
    return fmt(t.value(what, k), t.is_exact(what, k))


def summary(t: Training) -> str:
    """Where training stands, in one sentence: 'After 3 steps: w₁ = …, b = …; a = 1385, loss = …'."""
    a, loss = value_text(t, "a"), value_text(t, "loss")
    return f"After {many(t.steps, 'step')}: {now(t)}; a {eq(a)}, loss {eq(loss)}."


def now(t: Training) -> str:
    """The weights and the bias after the last step: 'w₁ = 1.2, w₂ = -0.3, b = 0.5'."""
    ok = t.is_exact("w")
    ws = [f"w{sub(k)} = {fmt(v, ok)}" for k, v in enumerate(t.value("w"), start=1)]
    return ", ".join([*ws, f"b = {value_text(t, 'b')}"])
