"""One-example training: gradient descent on w and b for the squared error (a - y)²."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from neuron_core.neuron import Forward, forward, gradients


@dataclass(frozen=True)
class Training:
    """Every step's weights, bias, output and loss; row 0 is where training started."""

    w: np.ndarray  # (steps + 1, n)
    b: np.ndarray  # (steps + 1,)
    a: np.ndarray  # (steps + 1,)
    loss: np.ndarray  # (steps + 1,)

    @property
    def stuck(self) -> bool:
        """True when no step moved anything: every gradient was 0 (a dead ReLU, or a flat activation)."""
        return len(self.b) > 1 and bool(np.all(self.w == self.w[0]) and np.all(self.b == self.b[0]))


def train(f: Forward, y: float, lr: float, steps: int) -> Training:
    """Take `steps` gradient-descent steps from f's weights and bias towards output y, with learning rate lr.

    dL/dw_i = 2 (a - y) f'(z) x_i and dL/db = 2 (a - y) f'(z), by the chain rule; the steps replay
    exactly from the same start, so a link that records (y, lr, steps) reproduces them.
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
        w = w - lr * scale * g.da_dw
        b = b - lr * scale * float(g.da_db)
        ws.append(w.copy())
        bs.append(b)
    return Training(w=np.array(ws), b=np.array(bs), a=np.array(a_s), loss=np.array(losses))
