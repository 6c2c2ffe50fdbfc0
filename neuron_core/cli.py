"""The command line: one neuron's calculation, as the seed script printed it, or as JSON."""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Sequence
from pathlib import Path

from neuron_core.export import as_dict
from neuron_core.link.params import EPOCHS_MAX, ETA, SEED_B, SEED_W, SEED_X
from neuron_core.model import batch, data
from neuron_core.model.activations import ACTIVATIONS
from neuron_core.model.neuron import forward
from neuron_core.words import on_data
from neuron_core.words.calculation import trace_lines


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
DATA_EXAMPLE = "python -m neuron_core --data or --train 20 --act sigmoid"


def parser() -> argparse.ArgumentParser:
    """The argument parser; the defaults are the worked example, x = (2, 1, 3), w = (1, -1, 1), b = -5."""
    p = _Parser(
        prog="python -m neuron_core",
        description=(
            "Compute one neuron, z = w·x + b and a = act(z), and write the calculation out\n"
            "in two lines, as the seed script did. With no options: the worked example."
        ),
        epilog=f"example:\n  {EXAMPLE}\n  prints the two lines for z = 1.5, a = sigmoid(1.5)\n"
        f"  {DATA_EXAMPLE}\n  trains on OR for 20 epochs and prints each epoch's points right and loss",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "--inputs",
        "-x",
        nargs="+",
        type=_finite,
        default=None,
        metavar="X",
        help=f"the inputs x1 … xn (default: {_numbers(SEED_X)})",
    )
    p.add_argument(
        "--weights",
        "-w",
        nargs="+",
        type=_finite,
        default=None,
        metavar="W",
        help=f"one weight per input, w1 … wn (default: {_numbers(SEED_W)}), or with --data "
        f"two (default: {_numbers(SEED_W[:2])})",
    )
    p.add_argument(
        "--bias", "-b", type=_finite, default=SEED_B, metavar="B", help=f"the bias b (default: {SEED_B:g})"
    )
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
        "and at most 10 (default: 1); no other activation has one",
    )
    p.add_argument(
        "--json",
        action="store_true",
        help="print one JSON object (x, w, b, act, alpha, terms, z, a, trace and the gradients of a) "
        "instead of the two lines; with --data, the weights, bias, loss and accuracy per epoch",
    )
    d = p.add_argument_group("data: the neuron on points (x1, x2) labelled 0 or 1")
    d.add_argument(
        "--data",
        metavar="NAME|FILE",
        type=_data,
        help=f"a data set, one of {', '.join(data.PRESETS)}, or a CSV file with the columns x1, "
        f"x2 and label (0 or 1), at most {data.POINTS_MAX} points",
    )
    d.add_argument(
        "--train",
        type=int,
        default=0,
        metavar="EPOCHS",
        help=f"train for this many epochs, 0 to {EPOCHS_MAX} (default: 0)",
    )
    d.add_argument(
        "--rule",
        choices=["gradient", "perceptron"],
        default="gradient",
        help="gradient descent on the loss, or the perceptron rule on the step (default: gradient)",
    )
    d.add_argument(
        "--lr",
        type=_finite,
        default=ETA,
        metavar="ETA",
        help=f"the learning rate η, above 0 and at most 1 (default: {ETA:g})",
    )
    return p


def _data(text: str) -> tuple[str, data.Data]:
    """A preset by its name, or the points of a CSV file; an ArgumentTypeError says what is wrong."""
    if text in data.PRESETS:
        return text, data.make(data.points(text))
    path = Path(text)
    if not path.is_file():
        raise argparse.ArgumentTypeError(
            f"{text!r} is neither a data set ({', '.join(data.PRESETS)}) nor a file"
        )
    try:
        with path.open("rb") as file:
            raw = file.read(data.FILE_MAX + 1)  # never more than a file of points can hold
        if len(raw) > data.FILE_MAX:
            raise ValueError(
                f"the file is over {data.FILE_MAX // 1000:,} KB; {data.POINTS_MAX} points take far less"
            )
        # Excel's "CSV UTF-8" starts with a byte-order mark; utf-8-sig reads it and files without one.
        return path.name, data.read_csv(raw.decode("utf-8-sig"))
    except OSError as e:
        raise argparse.ArgumentTypeError(f"{text!r} cannot be read: {e.strerror or e}") from None
    except UnicodeDecodeError:
        raise argparse.ArgumentTypeError(
            f"{path.name}: the file is not text (UTF-8), so not a CSV file"
        ) from None
    except ValueError as e:
        raise argparse.ArgumentTypeError(f"{path.name}: {e}") from None


def _on_data(p: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    """Train on the data and print each epoch's points right and loss, or the whole run as JSON."""
    if args.inputs is not None:
        p.error("--inputs does not apply with --data: the points are the inputs")
    w = args.weights if args.weights is not None else list(SEED_W[:2])
    if len(w) != 2:
        p.error(f"the data have two inputs, x1 and x2: give two weights, not {len(w)}")
    if not 0 <= args.train <= EPOCHS_MAX:
        p.error(f"--train must be from 0 to {EPOCHS_MAX} epochs, not {args.train}")
    if not 0 < args.lr <= 1:
        p.error(f"--lr must be above 0 and at most 1, not {args.lr:g}")
    name, d = args.data
    run = batch.fit(d, w, args.bias, args.activation, args.alpha, args.rule, args.lr, args.train)
    if args.json:
        out = {
            "data": name,
            "points": d.m,
            "act": run.act.name,
            "rule": run.rule,
            "lr": args.lr,
            "loss_name": on_data.loss_name(run.act),
            "epochs": run.epochs,
            "w": run.w.tolist(),
            "b": run.b.tolist(),
            "loss": run.loss.tolist(),
            "right": run.right.tolist(),
            "accuracy": (run.right / run.m).tolist(),
        }
        print(json.dumps(out, ensure_ascii=False))
        return 0
    for k in range(run.epochs + 1):
        print(f"epoch {k}: {on_data.said(run, k)}")
    pts = tuple((float(a), float(b), int(c)) for (a, b), c in zip(d.x, d.y, strict=True))
    for _, text in on_data.notes(pts, name, run, run.epochs, args.train, args.activation):
        print(text)
    return 0


LESSON_EXAMPLE = "python -m neuron_core lesson check my_lesson.toml"


def lesson_command(argv: Sequence[str]) -> int:
    """`lesson check FILE …`: check lesson files as the app loads them; exit 2 with one line per problem."""
    from neuron_core.lessons import LessonError, load  # the lessons load only for this command

    p = _Parser(
        prog="python -m neuron_core",
        usage="python -m neuron_core lesson check FILE [FILE ...]",
        description="Check a lesson file (TOML, the format in the README) as the app would load it.",
        epilog=f"example:\n  {LESSON_EXAMPLE}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("what", choices=["check"], help="check: read each file and report every problem")
    p.add_argument("files", nargs="+", type=Path, metavar="FILE", help="a lesson file, name.toml")
    args = p.parse_args(argv)
    problems = []
    for path in args.files:
        try:
            lesson = load(path)
        except LessonError as e:
            problems += e.problems
            continue
        n = len(lesson.steps)
        print(f"{path.name}: {lesson.title!r}, {n} step{'s' * (n > 1)}, each one checked: ready")
    for line in problems:  # one line each, control characters shown escaped
        print("".join(c if c.isprintable() else repr(c)[1:-1] for c in line), file=sys.stderr)
    return 2 if problems else 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (2 for bad input)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["lesson"]:
        return lesson_command(argv[1:])
    p = parser()
    args = p.parse_args(argv)
    if args.data is None and (args.train or args.rule != "gradient" or args.lr != ETA):
        p.error("--train, --rule and --lr train on points: give them with --data")
    if args.alpha is not None:
        if (ok := ACTIVATIONS[args.activation].alpha_ok) is None:
            takes = " and ".join(a.name for a in ACTIVATIONS.values() if a.alpha_ok)
            p.error(f"--alpha applies to {takes} only, not to {args.activation}")
        lo, hi, closed = ok
        if not (lo <= args.alpha if closed else lo < args.alpha) or args.alpha > hi:
            said = f"from {lo:g} to {hi:g}" if closed else f"above {lo:g}, up to {hi:g}"
            p.error(f"--alpha for {args.activation} must be {said}, not {args.alpha:g}")
    if args.data is not None:
        return _on_data(p, args)
    x = args.inputs if args.inputs is not None else list(SEED_X)
    w = args.weights if args.weights is not None else list(SEED_W)
    try:
        f = forward(x, w, args.bias, args.activation, args.alpha)
    except ValueError as e:
        p.error(str(e))
    if args.json:
        print(json.dumps(as_dict(f), ensure_ascii=False))
    else:
        print(*trace_lines(f), sep="\n")
    return 0
