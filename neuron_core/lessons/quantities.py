"""The named quantities a lesson's goal may use: what each is, and its exact value for a page's state.

Every value comes from the core (forward, gradients, train, batch.fit), as the page's own numbers do, and
is an exact decimal (a Fraction): a float the core computed is taken at its shortest decimal, which is
the decimal the core made exact where the inputs allow.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from fractions import Fraction
from functools import cached_property

from neuron_core.lessons.goal import Kind, Value
from neuron_core.link.params import PARAMS
from neuron_core.link.state import State
from neuron_core.model import batch, data
from neuron_core.model.activations import ACTIVATIONS
from neuron_core.model.exact import decimal
from neuron_core.model.neuron import forward, gradients
from neuron_core.model.training import train

# What each name is, for the README and a goal's error: on the playground, then on the data page.
NEURON = {
    "n": "the number of inputs",
    "x1": "input x₁ (x2 … x8 likewise)",
    "w1": "weight w₁ (w2 … w8 likewise)",
    "b": "the bias",
    "z": "the pre-activation w·x + b",
    "a": "the output, act(z)",
    "act": "the activation, by its link name: 'relu', 'sigmoid', 'leaky_relu' …",
    "alpha": "Leaky ReLU's slope below 0 (only while the activation has one)",
    "compare": "the second activation on the curve's chart, or 'none'",
    "da_dz": "the slope of a in z (da_db is the same; da_dw1 … and da_dx1 … likewise)",
    "grad": "whether the gradients are shown (true or false, as a condition)",
    "train": "whether training on this one example is shown",
    "y": "the training's target",
    "lr": "the training's learning rate",
    "steps": "the training steps taken",
    "loss": "(a - y)² after the steps taken",
    "loss0": "(a - y)² before the first step",
}
DATA = {
    "w1": "weight w₁ (and w2)",
    "b": "the bias",
    "act": "the activation",
    "alpha": "Leaky ReLU's slope below 0 (only while the activation has one)",
    "data": "the data set: 'and', 'or', 'nand', 'xor', 'clouds', 'own' …",
    "rule": "the training rule: 'gradient' or 'perceptron'",
    "eta": "the learning rate η",
    "epoch": "the epochs taken",
    "m": "how many points there are",
    "right": "the points on their label's side",
    "best": "the most points any one line gets right (3 of XOR's 4)",
    "loss": "the loss over the points, at this epoch",
    "loss0": "the loss before the first epoch",
}
SWITCHES = {"grad", "train"}
TEXTS = {"act": tuple(ACTIVATIONS), "compare": ("none", *ACTIVATIONS), "data": tuple(data.NAMES)}
TEXTS["rule"] = next(p.options for p in PARAMS if p.key == "rule")


def known(page: str, n: int, alpha: bool) -> dict[str, Kind]:
    """The names a step on `page` has, each with its kind: x and w up to n inputs, alpha where `alpha`."""
    names = dict.fromkeys(NEURON if page == "neuron" else DATA, "number")
    inputs = n if page == "neuron" else 2
    for k in ("x1", "w1", "da_dw1", "da_dx1") if page == "neuron" else ("w1",):
        names.pop(k, None)
        names |= {f"{k[:-1]}{i}": "number" for i in range(1, inputs + 1)}
    if page == "neuron":
        names["da_db"] = "number"
    if not alpha:
        names.pop("alpha")
    return {k: "switch" if k in SWITCHES else "text" if k in TEXTS else v for k, v in names.items()}


def exact(v) -> Fraction:
    """A number as the exact decimal it stands for: a Fraction as it is, a float at its shortest."""
    return v if isinstance(v, Fraction) else decimal(float(v))


# The names that cost a run of training to know: worked out only when a goal or an answer asks for one.
TRAINED = {"neuron": {"steps", "loss", "loss0"}, "data": {"epoch", "right", "best", "loss", "loss0"}}


class Quantities(Mapping):
    """A page's named quantities for one state; those of its training (TRAINED) only when one is asked for."""

    def __init__(self, s: State, page: str) -> None:
        self.s, self.page = s, page
        self.rough: set[str] = set()  # names whose value is a float's, not the math's exact one (sigmoid's a)

    @cached_property
    def _plain(self) -> dict[str, Value]:
        return self._neuron() if self.page == "neuron" else self._data()

    @cached_property
    def _trained(self) -> dict[str, Value]:
        return self._training() if self.page == "neuron" else self._run()

    def _neuron(self) -> dict[str, Value]:
        s = self.s
        f = forward(s.x, s.w, s.b, s.act, s.act_alpha)
        g = gradients(f)
        out: dict[str, Value] = {"n": Fraction(s.n), "b": exact(s.b), "z": exact(f.z), "a": exact(f.a)}
        for i in range(s.n):
            out |= {f"x{i + 1}": exact(s.x[i]), f"w{i + 1}": exact(s.w[i])}
            out |= {f"da_dw{i + 1}": exact(g.da_dw[i]), f"da_dx{i + 1}": exact(g.da_dx[i])}
        out |= {"act": s.act, "compare": s.compare, "da_dz": exact(g.da_dz), "da_db": exact(g.da_db)}
        out |= {"grad": s.grad, "train": s.train, "y": exact(s.y), "lr": exact(s.lr)}
        if s.act_alpha is not None:
            out["alpha"] = exact(s.alpha)
        if not f.exact:
            self.rough |= {"a", "da_dz", "da_db", *(f"da_d{v}{i + 1}" for v in "wx" for i in range(s.n))}
        return out

    def _training(self) -> dict[str, Value]:
        s = self.s
        t = train(forward(s.x, s.w, s.b, s.act, s.act_alpha), s.y, s.lr, s.steps)
        for k, step in (("loss", -1), ("loss0", 0)):
            if not t.is_exact("loss", step):
                self.rough.add(k)
        return {
            "steps": Fraction(t.steps),
            "loss": exact(t.value("loss")),
            "loss0": exact(t.value("loss", 0)),
        }

    def _data(self) -> dict[str, Value]:
        s = self.s
        pts = data.points(s.data, s.points)
        out: dict[str, Value] = {"w1": exact(s.w[0]), "w2": exact(s.w[1]), "b": exact(s.b), "act": s.act}
        out |= {"data": s.data, "rule": s.rule, "eta": exact(s.eta), "m": Fraction(len(pts))}
        if s.act_alpha is not None:
            out["alpha"] = exact(s.alpha)
        return out

    def _run(self) -> dict[str, Value]:
        s = self.s
        pts = data.points(s.data, s.points)
        if not pts:  # no points, no epochs: a goal on them is not met
            return {}
        run = batch.fit(data.make(pts), s.w, s.b, s.act, s.act_alpha, s.rule, s.eta, s.epochs)
        k = min(s.epochs, run.epochs)
        self.rough |= {k_ for k_, e in (("loss", k), ("loss0", 0)) if not run.is_exact(e)}
        return {
            "epoch": Fraction(k),
            "right": Fraction(int(run.right[k])),
            "best": Fraction(batch.best_line(pts)),
            "loss": exact(run.loss_at(k)),
            "loss0": exact(run.loss_at(0)),
        }

    def __getitem__(self, key: str) -> Value:
        return (self._trained if key in TRAINED[self.page] else self._plain)[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._plain | self._trained)

    def __len__(self) -> int:
        return len(self._plain | self._trained)
