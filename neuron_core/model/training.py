"""One-example training: gradient descent on w and b for the squared error (a - y)²."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from neuron_core.model.exact import Descent, descend
from neuron_core.model.neuron import Forward, forward, gradients


@dataclass(frozen=True)
class Training:
    """Every step's weights, bias, output and loss; row 0 is where training started.

    Up to `exact_steps` a piecewise-linear neuron's steps are exact fractions (exact.descend): the arrays
    hold their floats, for the charts, and `value` the fractions, for the words.
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

        Exact: the start's w and b (the sliders'), its a where the activation gives it exactly, and a
        piecewise-linear neuron's steps while exact.descend keeps fractions. Other steps are floats.
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

    @property
    def reached(self) -> bool:
        """True when a equals the target y: the loss is 0 and there is nothing left to learn."""
        return self.value("loss") == 0


LIMIT = 1e6  # no weight or bias grows past this; training stops the step before


def train(f: Forward, y: float, lr: float, steps: int) -> Training:
    """Take `steps` gradient-descent steps from f's weights and bias towards output y, with learning rate lr.

    dL/dw_i = 2 (a - y) f'(z) x_i and dL/db = 2 (a - y) f'(z). The steps replay exactly from the same
    start (fractions for a piecewise-linear neuron, floats in a fixed order otherwise), so a link that
    records (y, lr, steps) reproduces them. A step past LIMIT is not taken: the run stops there.
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
    return Training(
        w=v[:, :-1],
        b=v[:, -1],
        a=np.array(a_s),
        loss=np.array(losses),
        start_exact=f.exact,
        descent=descent,
        exact_steps=exact_steps,
    )
