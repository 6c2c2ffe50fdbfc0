"""The command line: one neuron's calculation, as the seed script printed it, or as JSON."""

from __future__ import annotations

import argparse
import json
import math
from collections.abc import Sequence

from neuron_core.activations import ACTIVATIONS
from neuron_core.neuron import forward, gradients
from neuron_core.state import SEED_B, SEED_W, SEED_X
from neuron_core.trace import trace_lines


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line and exit 2, never a traceback
        # An argument may hold a newline or other control characters: show them escaped.
        line = "".join(c if c.isprintable() else repr(c)[1:-1] for c in message)
        self.exit(2, f"{self.prog}: error: {line}\n")


def _finite(text: str) -> float:
    try:
        v = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not math.isfinite(v):
        raise argparse.ArgumentTypeError(f"{text!r} is not a finite number")
    return v


def parser() -> argparse.ArgumentParser:
    """The argument parser; defaults are the seed example."""
    p = _Parser(
        prog="python -m neuron_core",
        description="Compute one neuron, z = w·x + b and a = act(z), and write the calculation out.",
    )
    p.add_argument("--inputs", "-x", nargs="+", type=_finite, default=list(SEED_X), metavar="X")
    p.add_argument("--weights", "-w", nargs="+", type=_finite, default=list(SEED_W), metavar="W")
    p.add_argument("--bias", "-b", type=_finite, default=SEED_B, metavar="B")
    p.add_argument(
        "--activation",
        "--act",
        default="relu",
        choices=list(ACTIVATIONS),
        metavar="NAME",
        help=f"one of: {', '.join(ACTIVATIONS)} (default relu)",
    )
    p.add_argument(
        "--alpha",
        type=_finite,
        default=None,
        metavar="A",
        help="the parameter of leaky_relu (default 0.01) or elu (default 1)",
    )
    p.add_argument(
        "--json",
        action="store_true",
        help="print one JSON object instead of the two lines",
    )
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (2 for bad input)."""
    p = parser()
    args = p.parse_args(argv)
    try:
        f = forward(args.inputs, args.weights, args.bias, args.activation, args.alpha)
    except ValueError as e:
        p.error(str(e))
    lines = trace_lines(f)
    if not args.json:
        print(*lines, sep="\n")
        return 0
    g = gradients(f)
    out = {
        "x": f.x.tolist(),
        "w": f.w.tolist(),
        "b": f.b,
        "activation": f.act.name,
        "alpha": f.alpha if f.act.alpha is not None else None,
        "terms": f.terms.tolist(),
        "z": float(f.z),
        "a": float(f.a),
        "trace": lines,
        "da_dz": float(g.da_dz),
        "da_db": float(g.da_db),
        "da_dw": g.da_dw.tolist(),
        "da_dx": g.da_dx.tolist(),
    }
    print(json.dumps(out, ensure_ascii=False))
    return 0
