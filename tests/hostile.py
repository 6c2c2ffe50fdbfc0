"""A corpus of hostile links: what students may paste, truncate or type into the address bar.

Each is a raw query string, as it would follow `?` in the address bar.
"""

from __future__ import annotations

from urllib.parse import parse_qs, quote

from neuron_core.link.params import COUNT, PARAMS

# Every key a link of three inputs can carry, from the app's one table of parameters.
KEYS = [c.key for p in PARAMS for c in p.each({COUNT.key: 3})]
SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
LINKY = "[click](javascript:alert(1)) **bold** $x$"


def _all(value: str) -> str:
    return "&".join(f"{k}={quote(value)}" for k in KEYS)


HOSTILE: dict[str, str] = {
    "non-numbers": "x1=abc&w2=one&b=--5&x3=0x10",
    "nan": "x1=nan&w1=NaN&b=-nan",
    "inf": "x2=inf&w3=-Infinity&b=+inf",
    "1e999": "x1=1e999&b=-1e999",
    "far out of range": "x1=11&w1=-1000&b=1e300&alpha=5",
    "n of 0": "n=0",
    "n of -3": "n=-3",
    "n of 2.5": "n=2.5",
    "n of 100000": "n=100000",
    "hundreds of parameters": "&".join(f"p{i}={i}" for i in range(300)) + "&" + "&".join(["x1=1"] * 100),
    "empty values": "n=&x1=&w1=&b=&act=",
    "very long values": "x1=" + "9" * 5000 + "&act=" + "r" * 5000,
    "HTML and script in every parameter": _all(SCRIPT),
    "an image tag in every parameter": _all(IMG),
    "markdown and a javascript link in every parameter": _all(LINKY),
    "HTML in parameter names": quote(SCRIPT) + "=1&" + quote(IMG) + "=2",
    # A teacher's link gone wrong: unknown and hostile names, repeated, beside one real control.
    "controls with unknown names, repeated": "controls=zz&controls=" + quote(f"b,{SCRIPT},x9"),
    # Streamlit's own reading of a bound whole-number box fails on infinity (OverflowError).
    "training steps of minus infinity": "train=true&steps=-inf",
    # Eight inputs of 10 and a learning rate past its range: training must stop, warn, never break.
    "a training run past every limit": "n=8&"
    + "&".join(f"x{i}=10&w{i}=10" for i in range(1, 9))
    + "&act=identity&train=true&y=-10&lr=5&steps=200",
    # One's own points: junk of every kind among good ones, and more than a link may hold.
    "points of every kind of junk": "data=own&points="
    + quote("1,2,1;nan,0,1;" + IMG + ",1,0;1e999,1,1;3,3,7;;,,;" + ";".join(["1,1,1"] * 300)),
    "data with epochs, rule and rate out of range": "data=xor&epochs=1e9&eta=-1&rule=hebb",
    "a training run on data past every limit": "data=clouds&act=identity&eta=5&epochs=1000",
}


def params(query: str) -> dict[str, str | list[str]]:
    """The query as Streamlit's AppTest takes it: one value as a str, repeated ones as a list."""
    return {k: v[0] if len(v) == 1 else v for k, v in parse_qs(query, keep_blank_values=True).items()}
