"""The command line: one neuron's calculation, as the seed script printed it, or as JSON."""

from __future__ import annotations

import argparse
import json
import math
from collections.abc import Sequence

from neuron_core.activations import ACTIVATIONS
from neuron_core.export import as_dict
from neuron_core.neuron import forward
from neuron_core.params import ALPHA_HI, ALPHA_LO, SEED_B, SEED_W, SEED_X
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


def _numbers(values: Sequence[float]) -> str:
    return " ".join(f"{v:g}" for v in values)


EXAMPLE = "python -m neuron_core -x 1 2 -w 3 -1 -b 0.5 --act sigmoid"
# Where --alpha applies, the values it may take and how to say them: leaky_relu's as the app's slider
# has it, elu's scale above 0.
ALPHA_RANGE = {
    "leaky_relu": (lambda a: ALPHA_LO <= a <= ALPHA_HI, f"from {ALPHA_LO:g} to {ALPHA_HI:g}"),
    "elu": (lambda a: 0 < a <= 10, "above 0, up to 10"),
}


def parser() -> argparse.ArgumentParser:
    """The argument parser; the defaults are the worked example, x = (2, 1, 3), w = (1, -1, 1), b = -5."""
    p = _Parser(
        prog="python -m neuron_core",
        description=(
            "Compute one neuron, z = w·x + b and a = act(z), and write the calculation out\n"
            "in two lines, as the seed script did. With no options: the worked example."
        ),
        epilog=f"example:\n  {EXAMPLE}\n  prints the two lines for z = 1.5, a = sigmoid(1.5)",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--inputs", "-x", nargs="+", type=_finite, default=list(SEED_X), metavar="X",
                   help=f"the inputs x1 … xn (default: {_numbers(SEED_X)})")  # fmt: skip
    p.add_argument("--weights", "-w", nargs="+", type=_finite, default=list(SEED_W), metavar="W",
                   help=f"one weight per input, w1 … wn (default: {_numbers(SEED_W)})")  # fmt: skip
    p.add_argument("--bias", "-b", type=_finite, default=SEED_B, metavar="B",
                   help=f"the bias b (default: {SEED_B:g})")  # fmt: skip
    p.add_argument(
        "--activation",
        "--act",
        default="relu",
        choices=list(ACTIVATIONS),
        metavar="NAME",
        help=f"the activation (default: relu), one of: {', '.join(ACTIVATIONS)}",
    )
    p.add_argument(
        "--alpha",
        type=_finite,
        default=None,
        metavar="A",
        help="the slope of leaky_relu below zero, 0 to 1 (default: 0.01), or the scale of elu, above 0 "
        "(default: 1); no other activation has one",
    )
    p.add_argument(
        "--json",
        action="store_true",
        help="print one JSON object (x, w, b, act, alpha, terms, z, a, trace and the gradients of a) "
        "instead of the two lines",
    )
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (2 for bad input)."""
    p = parser()
    args = p.parse_args(argv)
    if args.alpha is not None:
        if args.activation not in ALPHA_RANGE:
            p.error(f"--alpha applies to leaky_relu and elu only, not to {args.activation}")
        allowed, said = ALPHA_RANGE[args.activation]
        if not allowed(args.alpha):
            p.error(f"--alpha for {args.activation} must be {said}, not {args.alpha:g}")
    try:
        f = forward(args.inputs, args.weights, args.bias, args.activation, args.alpha)
    except ValueError as e:
        p.error(str(e))
    if args.json:
        print(json.dumps(as_dict(f), ensure_ascii=False))
    else:
        print(*trace_lines(f), sep="\n")
    return 0
