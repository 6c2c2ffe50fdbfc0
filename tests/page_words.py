"""Everything a set of links and commands says, as JSON: `python -m tests.page_words` in a process of its own.

tests/test_machines.py runs it under several CPU configurations (OpenBLAS kernels, numpy without its
SIMD paths) and finds the same words in each: nothing the page says may hang on a float's last bit.
"""

from __future__ import annotations

import contextlib
import io
import json
import sys

from neuron_core import cli
from tests.charts import app_charts
from tests.paths import opened

TRAIN = "train=true&y=10&lr=0.2&steps=3"
# Training of every kind, data training of every kind, sweeps, landscapes, gradients, the quiz.
LINKS = [
    "",
    f"act=identity&{TRAIN}",
    "act=identity&train=true&y=1.3&lr=0.05&steps=60",
    *(
        f"act={a}&train=true&y=0.7&lr=0.3&steps=40&grad=true"
        for a in ("relu", "leaky_relu", "elu", "gelu", "sigmoid", "tanh", "softplus", "identity", "step")
    ),
    "act=elu&b=-9&train=true&y=3&steps=5",
    *(
        f"data={d}&act={a}&eta=0.3&epochs=30"
        for d in ("and", "xor", "clouds", "overlap")
        for a in ("sigmoid", "relu", "identity", "tanh")
    ),
    "data=clouds&act=step&rule=perceptron&epochs=12",
    "data=overlap&act=identity&eta=1&epochs=10",
    "data=own&points=0.3,-4.2,1;1.7,3.2,0;-2,0.1,1;4.4,4.4,0;0.1,0.2,1&act=leaky_relu&alpha=0.3&epochs=40",
    *(f"sweep={p}&act={a}" for p in ("b", "w2", "x3") for a in ("tanh", "gelu", "step")),
    *(f"land=true&i=1&j=3&act={a}&w1=0.7&w2=-1.3&b=0.3" for a in ("sigmoid", "relu", "softplus")),
    "act=tanh&w1=3.3&w2=2.1&b=0.7&grad=true&compare=gelu",
    "mode=quiz&seed=4",
    "mode=quiz&seed=78&count=3",
]
COMMANDS = [
    ["--data", "and", "--activation", "identity", "--train", "30", "--lr", "0.3", "--json"],
    ["--activation", "tanh", "-x", "2.3", "1.1", "0.3", "-w", "0.7", "-1.2", "2.1", "-b", "0.1", "--json"],
    ["--data", "xor", "--activation", "sigmoid", "--train", "50", "--lr", "0.7"],
    ["--data", "clouds", "--activation", "relu", "--train", "200", "--lr", "0.05", "--json"],
]


def page_words(link: str) -> list[str]:
    """Every text of the page a link opens: words, formulas, metrics and what its charts say."""
    at = opened({key: value for key, _, value in (p.partition("=") for p in link.split("&") if p)}, 60)
    kinds = (
        "title",
        "header",
        "subheader",
        "markdown",
        "caption",
        "latex",
        "code",
        "info",
        "warning",
        "success",
        "error",
    )
    said = [e.value for kind in kinds for e in getattr(at, kind)]
    said += [f"{m.label}: {m.value}" for m in at.metric]
    for _, chart in sorted(app_charts(at).items()):
        said += list(_texts(chart))
    return said


def _texts(v: object):
    """Every string in a chart's payload: its titles, labels, hover texts and sentences (not its numbers)."""
    if isinstance(v, str):
        yield v
    elif isinstance(v, dict):
        for key in sorted(v):
            yield from _texts(v[key])
    elif isinstance(v, list):
        for item in v:
            yield from _texts(item)


def command_words(args: list[str]) -> str:
    """What the command line prints for these arguments (and its exit status)."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        status = cli.main(args)
    return f"{status}\n{out.getvalue()}"


def main() -> None:
    json.dump(
        {"pages": {k: page_words(k) for k in LINKS}, "commands": [command_words(c) for c in COMMANDS]},
        sys.stdout,
        ensure_ascii=False,
    )


if __name__ == "__main__":
    main()
