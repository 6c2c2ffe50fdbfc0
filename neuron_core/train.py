"""One-example training: gradient descent on w and b for the squared error (a - y)²."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from neuron_core.neuron import Forward, forward, gradients
from neuron_core.trace import fmt


@dataclass(frozen=True)
class Training:
    """Every step's weights, bias, output and loss; row 0 is where training started."""

    w: np.ndarray  # (steps + 1, n)
    b: np.ndarray  # (steps + 1,)
    a: np.ndarray  # (steps + 1,)
    loss: np.ndarray  # (steps + 1,)

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
    return Training(w=np.array(ws), b=np.array(bs), a=np.array(a_s), loss=np.array(losses))


def training_trouble(t: Training, asked: int) -> str:
    """What went wrong in a run whose loss grew, in plain words, with its numbers."""
    text = (
        f"The learning rate is too large for these inputs: the loss grew from {fmt(t.loss[0])} to "
        f"{fmt(t.loss[-1])} in {t.steps} steps, each step overshooting the target further. "
        "Try a smaller learning rate."
    )
    if t.steps < asked:
        text += (
            f" Training stopped after {t.steps} of {asked} steps: the next one would have taken a "
            f"weight or the bias past {LIMIT:,.0f}."
        )
    return text
