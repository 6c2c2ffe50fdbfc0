"""One-example training: gradient descent on w and b for the squared error (a - y)²."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from neuron_core.model.activations import Activation, get
from neuron_core.model.exact import Descent, descend
from neuron_core.model.neuron import Forward, forward, gradients
from neuron_core.numbers import eq, fmt, many, sub
from neuron_core.words.explain import explain_gradients


@dataclass(frozen=True)
class Training:
    """Every step's weights, bias, output and loss; row 0 is where training started.

    A piecewise-linear neuron's steps are exact fractions (exact.descend) up to `exact_steps`; the
    arrays are their floats, for the charts, and the words take the fractions (value, shown).
    """

    w: np.ndarray  # (steps + 1, n)
    b: np.ndarray  # (steps + 1,)
    a: np.ndarray  # (steps + 1,)
    loss: np.ndarray  # (steps + 1,)
    start_exact: bool = True  # a and the loss at the start are exact (Forward.exact)
    descent: Descent | None = None  # the exact steps, where there are any
    exact_steps: int = 0  # rows 0 … exact_steps are the descent's, exactly

    @property
    def steps(self) -> int:
        """How many steps were taken: fewer than asked when training was stopped (see train)."""
        return len(self.b) - 1

    def _k(self, k: int) -> int:
        return k % len(self.b)

    def is_exact(self, what: str, k: int = -1) -> bool:
        """Whether step k's w, b, a or loss is known exactly: a whole number shown for it is the value.

        At the start w and b are the sliders' and a is as the activation gives it; a piecewise-linear
        neuron's steps are fractions while exact.descend keeps them; any other step is a float that an
        exponential's rounding (or a long run's) has touched.
        """
        k = self._k(k)
        if self.descent is not None and k <= self.exact_steps:
            return True
        return k == 0 and (what in ("w", "b") or self.start_exact)

    def value(self, what: str, k: int = -1) -> Any:
        """Step k's w (a tuple), b, a or loss: a fraction where the step is exact, else a float."""
        k = self._k(k)
        if self.descent is not None and k <= self.exact_steps:
            v = self.descent.v(k)
            return {"w": v[:-1], "b": v[-1], "a": self.descent.a(k)[0], "loss": self.descent.loss(k)}[what]
        got = getattr(self, what)[k]
        return tuple(got.tolist()) if what == "w" else float(got)

    def exact_now(self) -> tuple | None:
        """The last step's (w, b) as fractions, where training kept them exact; None where not."""
        if self.descent is None or self.exact_steps < self.steps:
            return None
        v = self.descent.v(-1)
        return v[:-1], v[-1]

    @property
    def diverging(self) -> bool:
        """True when the loss ended higher than it started: the learning rate is too large here."""
        return self.steps > 0 and self.value("loss") > self.value("loss", 0)

    @property
    def stuck(self) -> bool:
        """True when no step moved anything though a was not y: every gradient was 0 (a dead ReLU, say)."""
        unmoved = np.all(self.w == self.w[0]) and np.all(self.b == self.b[0])
        return self.steps > 0 and bool(unmoved) and self.value("loss", 0) > 0

    def shown(self, what: str, k: int = -1) -> str:
        """Step k's b, a or loss as the page writes it (fmt, knowing whether it is exact)."""
        return fmt(self.value(what, k), self.is_exact(what, k))

    def summary(self) -> str:
        """Where training stands, in one sentence: 'After 3 steps: w₁ = …, b = …; a = 1385, loss = …'."""
        return (
            f"After {many(self.steps, 'step')}: {self.now()}; a {eq(self.shown('a'))}, "
            f"loss {eq(self.shown('loss'))}."
        )

    def now(self) -> str:
        """The weights and the bias after the last step: 'w₁ = 1.2, w₂ = -0.3, b = 0.5'."""
        ok = self.is_exact("w")
        ws = [f"w{sub(k)} = {fmt(v, ok)}" for k, v in enumerate(self.value("w"), start=1)]
        return ", ".join([*ws, f"b = {self.shown('b')}"])

    @property
    def reached(self) -> bool:
        """True when a equals the target y: the loss is 0 and there is nothing left to learn."""
        return self.value("loss") == 0


LIMIT = 1e6  # no weight or bias grows past this; training stops the step before


def train(f: Forward, y: float, lr: float, steps: int) -> Training:
    """Take `steps` gradient-descent steps from f's weights and bias towards output y, with learning rate lr.

    dL/dw_i = 2 (a - y) f'(z) x_i and dL/db = 2 (a - y) f'(z), by the chain rule; the steps replay
    exactly from the same start, so a link that records (y, lr, steps) reproduces them. A step that
    would take a weight or the bias past LIMIT is not taken: the run stops there (Training.steps).
    A piecewise-linear neuron's steps are exact fractions; the others' are floats, computed in the same
    order on every machine.
    """
    if f.x.ndim != 1:
        raise ValueError("training here is on one example, one row of inputs")
    if steps < 0 or not np.isfinite([y, lr]).all():
        raise ValueError("steps must be 0 or more, and y and lr finite numbers")
    descent, vs, a_s, losses = None, [np.array([*f.w, f.b])], [], []
    if f.act.piece is not None:
        descent = descend(f.x, np.array([y]), f.w, f.b, f.act, f.alpha, lr, steps, LIMIT)
        vs = list(descent.floats())
        for k in range(len(vs)):  # the floats nearest the exact a and loss, for the chart
            a_s.append(float(descent.a(k)[0]))
            losses.append(float(descent.loss(k)))
    exact_steps = len(vs) - 1
    # Floats from here: an exponential's steps, or a run longer than exact arithmetic keeps.
    while len(vs) - 1 < steps and (descent is None or descent.capped):
        step = forward(f.x, vs[-1][:-1], vs[-1][-1], f.act.name, f.alpha)
        if len(a_s) < len(vs):
            a_s.append(float(step.a))
            losses.append((a_s[-1] - y) ** 2)
        g = gradients(step)
        new = vs[-1] - lr * 2.0 * (a_s[-1] - y) * np.array([*g.da_dw, float(g.da_db)])
        # A diverging run is stopped while its numbers are still numbers: past LIMIT the next z could
        # overflow, and nothing a student can read is left in such weights.
        if not np.all(np.abs(new) <= LIMIT):
            break
        vs.append(new)
    if len(a_s) < len(vs):
        last = forward(f.x, vs[-1][:-1], vs[-1][-1], f.act.name, f.alpha)
        a_s.append(float(last.a))
        losses.append((a_s[-1] - y) ** 2)
    v = np.array(vs[: len(a_s)])
    return Training(w=v[:, :-1], b=v[:, -1], a=np.array(a_s), loss=np.array(losses), start_exact=f.exact,
                    descent=descent, exact_steps=exact_steps)  # fmt: skip


_GELU_MIN = float(get("gelu")(np.linspace(-2.0, 0.0, 20001)).min())  # about -0.17, at z ≈ -0.75


def unreachable(act: Activation, alpha: float, y: float) -> str | None:
    """Why no weights give a = y, in one sentence, when that is so; None when some weights do.

    Each activation's outputs: ReLU from 0 up, ELU above -alpha, GELU from about -0.17 up, the sigmoid
    between 0 and 1 and tanh between -1 and 1 (never either end), softplus above 0, the step 0 or 1.
    """
    inf = math.inf
    lo, lo_in, hi, hi_in = {
        "relu": (0.0, True, inf, False),
        "elu": (-alpha, False, inf, False),
        "gelu": (_GELU_MIN, True, inf, False),
        "sigmoid": (0.0, False, 1.0, False),
        "tanh": (-1.0, False, 1.0, False),
        "softplus": (0.0, False, inf, False),
    }.get(act.name, (-inf, False, inf, False))
    name, ys = act.label, fmt(y)
    if act.name == "step" and y not in (0.0, 1.0):
        near = 0.0 if y < 0.5 else 1.0
        return (
            f"y = {ys} is out of reach: the step outputs only 0 or 1, so the loss cannot fall below "
            f"({fmt(near)} - {_p(y)})² = {fmt((near - y) ** 2)}."
        )
    if y in (lo, hi) and not (lo_in if y == lo else hi_in):
        return (
            f"y = {ys} is never reached: {name} only approaches {ys}, so the loss shrinks towards 0, "
            "more and more slowly, and never gets there."
        )
    if lo <= y <= hi:
        return None
    near, closed = (lo, lo_in) if y < lo else (hi, hi_in)
    about = "about " if act.name == "gelu" else ""  # GELU's least value is a number found, not a formula's
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


def reached(t: Training, y: float) -> str:
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
        f"The learning rate is too large for these inputs: the loss grew from {t.shown('loss', 0)} to "
        f"{t.shown('loss')} in {many(t.steps, 'step')}, each step overshooting the target further. "
        "Try a smaller learning rate."
    )
    if t.steps < asked:
        text += (
            f" Training stopped after {t.steps} of {many(asked, 'step')}: the next one would have taken a "
            f"weight or the bias past {LIMIT:,.0f}."
        )
    return text


def notes(now: Forward, t: Training, y: float, asked: int) -> list[tuple[str, str]]:
    """What the page says about a run, as (kind, text) with kind info, success or warning.

    `now` is the neuron where the run ended; `asked` the number of steps the link asked for.
    """
    said = [("info", far)] if (far := unreachable(now.act, now.alpha, y)) else []
    g = gradients(now)
    if t.reached:
        said.append(("success", reached(t, y)))
    elif g.dead or t.stuck:
        said.append(("warning", explain_gradients(now, g) + " The loss stays where it is, step after step."))
    if t.diverging:
        said.append(("warning", training_trouble(t, asked)))
    return said
