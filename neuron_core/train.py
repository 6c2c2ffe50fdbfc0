"""One-example training: gradient descent on w and b for the squared error (a - y)²."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from neuron_core.activations import Activation, get
from neuron_core.neuron import Forward, forward, gradients
from neuron_core.trace import explain_gradients, fmt, sub


@dataclass(frozen=True)
class Training:
    """Every step's weights, bias, output and loss; row 0 is where training started."""

    w: np.ndarray  # (steps + 1, n)
    b: np.ndarray  # (steps + 1,)
    a: np.ndarray  # (steps + 1,)
    loss: np.ndarray  # (steps + 1,)
    exact: bool = True  # piecewise-linear activation: every step's numbers are decimals, up to float noise
    start_exact: bool = True  # a and the loss at the start are exact (Forward.exact)

    @property
    def steps(self) -> int:
        """How many steps were taken: fewer than asked when training was stopped (see train)."""
        return len(self.b) - 1

    @property
    def diverging(self) -> bool:
        """True when the loss ended higher than it started: the learning rate is too large here."""
        return self.steps > 0 and self.loss[-1] > self.loss[0]

    @property
    def stuck(self) -> bool:
        """True when no step moved anything though a was not y: every gradient was 0 (a dead ReLU, say)."""
        unmoved = np.all(self.w == self.w[0]) and np.all(self.b == self.b[0])
        return self.steps > 0 and bool(unmoved) and self.loss[0] > 0

    def is_exact(self, what: str, k: int = -1) -> bool:
        """Whether step k's w, b, a or loss is exact, so that a whole number shown for it is the value.

        At the start w and b are the sliders' and a is as the activation gives it. A step adds an
        exponential's rounding unless the activation is piecewise linear; a loss that reaches 0 after
        steps has only approached 0 (in exact arithmetic it shrinks by a factor each step), so it is
        never claimed to be 0.
        """
        if k % len(self.b) == 0:
            return what in ("w", "b") or self.start_exact
        return self.exact and (what != "loss" or self.loss[k] != 0)

    def shown(self, what: str, k: int = -1) -> str:
        """Step k's b, a or loss as the page writes it (fmt, knowing whether it is exact)."""
        return fmt(getattr(self, what)[k], self.is_exact(what, k))

    def now(self) -> str:
        """The weights and the bias after the last step: 'w₁ = 1.2, w₂ = -0.3, b = 0.5'."""
        ws = [f"w{sub(k)} = {fmt(v, self.is_exact('w'))}" for k, v in enumerate(self.w[-1], start=1)]
        return ", ".join([*ws, f"b = {self.shown('b')}"])

    @property
    def reached(self) -> bool:
        """True when a equals the target y: the loss is 0 and there is nothing left to learn."""
        return bool(self.loss[-1] == 0)


LIMIT = 1e6  # no weight or bias grows past this; training stops the step before


def train(f: Forward, y: float, lr: float, steps: int) -> Training:
    """Take `steps` gradient-descent steps from f's weights and bias towards output y, with learning rate lr.

    dL/dw_i = 2 (a - y) f'(z) x_i and dL/db = 2 (a - y) f'(z), by the chain rule; the steps replay
    exactly from the same start, so a link that records (y, lr, steps) reproduces them. A step that
    would take a weight or the bias past LIMIT is not taken: the run stops there (Training.steps).
    """
    if f.x.ndim != 1:
        raise ValueError("training here is on one example, one row of inputs")
    if steps < 0 or not np.isfinite([y, lr]).all():
        raise ValueError("steps must be 0 or more, and y and lr finite numbers")
    w, b = f.w.copy(), float(f.b)
    ws, bs, a_s, losses = [w.copy()], [b], [], []
    for k in range(steps + 1):
        step = forward(f.x, w, b, f.act.name, f.alpha)
        a = float(step.a)
        a_s.append(a)
        losses.append((a - y) ** 2)
        if k == steps:
            break
        g = gradients(step)
        scale = 2.0 * (a - y)
        new_w = w - lr * scale * g.da_dw
        new_b = b - lr * scale * float(g.da_db)
        # A diverging run is stopped while its numbers are still numbers: past LIMIT the next z could
        # overflow, and nothing a student can read is left in such weights.
        if not np.all(np.abs(new_w) <= LIMIT) or not abs(new_b) <= LIMIT:
            break
        w, b = new_w, new_b
        ws.append(w.copy())
        bs.append(b)
    return Training(w=np.array(ws), b=np.array(bs), a=np.array(a_s), loss=np.array(losses),
                    exact=f.act.kinks is not None, start_exact=f.exact)  # fmt: skip


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
    if t.start_exact and t.loss[0] == 0:  # 2 (a - y) = 0: no step moves anything
        return f"a = y = {fmt(y)}: the loss is 0, so there is nothing left to learn from this example."
    return (
        f"After {t.steps} steps a has reached y = {fmt(y)} to every digit a float keeps (the loss is ≈ 0): "
        "there is nothing left to learn from this example."
    )


def training_trouble(t: Training, asked: int) -> str:
    """What went wrong in a run whose loss grew, in plain words, with its numbers."""
    text = (
        f"The learning rate is too large for these inputs: the loss grew from {t.shown('loss', 0)} to "
        f"{t.shown('loss')} in {t.steps} steps, each step overshooting the target further. "
        "Try a smaller learning rate."
    )
    if t.steps < asked:
        text += (
            f" Training stopped after {t.steps} of {asked} steps: the next one would have taken a "
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
