"""Handing a view to a class: a students' link, a projector's link, a QR code, what a link holds fixed."""

from __future__ import annotations

import io
from functools import lru_cache
from urllib.parse import urlencode

import segno

from neuron_core.params import PARAMS
from neuron_core.state import State, to_query
from neuron_core.trace import fmt


def link(base: str | None, s: State) -> str:
    """The address of s: the app's address without its query, then s's parameters (b,act kept readable)."""
    base = (base or "").split("?")[0].split("#")[0]
    query = urlencode(to_query(s), safe=",")
    return f"{base}?{query}" if query else base or "?"


def links(base: str | None, s: State) -> tuple[str, str]:
    """The students' link (presenter mode off) and the projector's (presenter mode on) for the same view."""
    return link(base, s.replace(present=False)), link(base, s.replace(present=True))


@lru_cache(maxsize=512)
def qr_png(text: str, scale: int = 10) -> bytes:
    """A QR code of text as a PNG: `scale` px a module and the standard 4-module quiet zone, sized to be
    read from the back of a room when projected; error correction M survives a smudged screen.

    Made once per link for every session of the server (a class on one teacher's link shares most of
    its links): making one is about a tenth of a slider move's whole cost.
    """
    out = io.BytesIO()
    segno.make(text, error="m", micro=False).save(out, kind="png", scale=scale, border=4)
    return out.getvalue()


def fixed(s: State) -> str:
    """What a teacher's link holds fixed, written out: "Fixed by this link: x = (2, 1, 3), w = …"."""
    values, said = s.flat(), []
    for p in PARAMS:
        if p.place != "sidebar" or p.key in s.controls or not p.when(values) or not (p.sweeps or p.names):
            continue
        v = getattr(s, p.key)
        if p.per_input:
            said.append(f"{p.key} = ({', '.join(map(fmt, v))})")
        elif p.names and p.default != "none":  # the activation; not a view such as compare
            said.append(f"{p.label} {p.names(v)}")
        elif not p.names:
            said.append(f"{p.key} = {fmt(v)}")
    return f"Fixed by this link: {', '.join(said)}." if said else ""
