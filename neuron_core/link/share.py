"""Handing a view to a class: a students' link, a projector's link, a QR code, what a link holds fixed."""

from __future__ import annotations

import io
import re
from functools import lru_cache
from urllib.parse import urlencode, urlsplit

import segno

from neuron_core.link.params import PARAMS
from neuron_core.link.state import State, to_query
from neuron_core.numbers import fmt, sub


def link(base: str | None, s: State, page: str = "neuron") -> str:
    """The address of s on a page: the page's address without its query, then s's parameters (b,act kept
    readable)."""
    base = (base or "").split("?")[0].split("#")[0]
    if base and not urlsplit(base).path:  # the app's own address: http://host/, as a browser writes it
        base += "/"
    query = urlencode(to_query(s, page), safe=",")
    return f"{base}?{query}" if query else base or "?"


def unreachable(base: str | None) -> str:
    """What to say when the page is served on this computer's own address, which no student's phone or
    laptop can open (a teacher's laptop running `streamlit run`): how to serve it to a room. "" otherwise."""
    try:
        host = (urlsplit(base or "").hostname or "").lower()
    except ValueError:  # an address a browser would not send
        return ""
    own = (
        host == "localhost"
        or host.endswith(".localhost")
        or host.startswith("127.")
        or host in ("::1", "0.0.0.0")
    )
    if not own or not re.fullmatch(r"[a-z0-9.:-]+", host):  # the page writes it: a plain name or number only
        return ""
    return (
        f"These links name this computer's own address ({host}): a student's phone or laptop cannot open "
        "them. To serve the room, run `streamlit run playground.py --server.address 0.0.0.0` on a trusted "
        "network and open the app at this computer's address on it (its links and QR code then use that "
        "address), or deploy it on Streamlit Community Cloud."
    )


def links(base: str | None, s: State, page: str = "neuron") -> tuple[str, str]:
    """The students' link (presenter mode off) and the projector's (presenter mode on) for the same view."""
    return link(base, s.replace(present=False), page), link(base, s.replace(present=True), page)


@lru_cache(maxsize=512)
def qr_png(text: str, scale: int = 10) -> bytes | None:
    """A QR code of text as a PNG; None when text is longer than any QR code holds (about 2,300 characters).

    `scale` px a module and a 4-module quiet zone, to be read from the back of a room when projected;
    error correction M survives a smudged screen. Cached for the server: a class shares most of its links.
    """
    out = io.BytesIO()
    try:
        segno.make(text, error="m", micro=False).save(out, kind="png", scale=scale, border=4)
    except segno.DataOverflowError:
        return None
    return out.getvalue()


def qr_for(base: str | None, s: State, page: str = "neuron") -> tuple[bytes | None, str]:
    """The students' QR code and caption: their link's or, if too long, the view with the example's points."""
    student = link(base, s.replace(present=False), page)
    if (png := qr_png(student)) is not None:
        return png, "Scan for the students' link"
    short = link(base, s.replace(present=False, **{ROWS.key: ROWS.default}), page)
    png = qr_png(short)
    why = f"The students' link is {len(student):,} characters, too long for any QR code"
    if png is None:
        return None, f"{why}: copy the link above instead."
    return (
        png,
        f"{why}: this one opens the same view with the example's points; copy the link above for yours.",
    )


ROWS = next(p for p in PARAMS if p.kind == "rows")  # the learner's own points


def fixed(s: State) -> str:
    """What a teacher's link holds fixed, written out: "Fixed by this link: x = (2, 1, 3), w = …".

    An input or weight named in the link's controls (x1) is the students'; the others of its kind are then
    listed one by one (x₂ = 1, x₃ = 3).
    """
    values, said = s.flat(), []
    for p in PARAMS:
        if not p.neuron or p.key in s.controls or not p.when(values):
            continue
        v = getattr(s, p.key)
        if p.per_input:
            mine = [k for k, c in enumerate(p.each(values)) if c.key in s.controls]
            if not mine:
                said.append(f"{p.key} = ({', '.join(map(fmt, v))})")
            said += [f"{p.key}{sub(k + 1)} = {fmt(vk)}" for k, vk in enumerate(v) if mine and k not in mine]
        elif p.names:
            said.append(f"{p.label} {p.names(v)}")
        else:
            said.append(f"{p.label.split(',')[0] if p.label.startswith('α') else p.key} = {fmt(v)}")
    return f"Fixed by this link: {', '.join(said)}." if said else ""
