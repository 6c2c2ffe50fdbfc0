"""Handing a view to a class: a students' link, a projector's link, a QR code, what a link holds fixed."""

from __future__ import annotations

import io
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlencode, urlsplit, urlunsplit

import segno

from neuron_core.link.params import PAGES, PARAMS, on
from neuron_core.link.state import State, to_query
from neuron_core.numbers import fmt, sub


def root(url: str | None, page: str = "neuron") -> str:
    """The app's own address from the address of one of its pages: scheme, host, port and any base path,
    ending in a slash ("/" where no address is known, as in a test)."""
    try:
        parts = urlsplit(url or "")
    except ValueError:  # an address a browser would not send
        return "/"
    if not parts.netloc:
        return "/"
    path, tail = parts.path.rstrip("/"), PAGES[page].path
    if tail and path.endswith(f"/{tail}"):
        path = path[: -len(tail)]
    return urlunsplit((parts.scheme, parts.netloc, path.rstrip("/") + "/", "", ""))


def address(base: str, page: str, query: Mapping[str, str]) -> str:
    """A page's address: the app's own (`base`, from root), the page's path, the query (b,act kept
    readable)."""
    q = urlencode(query, safe=",")
    url = base + PAGES[page].path
    return f"{url}?{q}" if q else url


def link(base: str, s: State, page: str = "neuron") -> str:
    """The address of s on a page, leaving out its defaults: `base` is the app's own (root)."""
    return address(base, page, to_query(s, page))


def _own(host: str) -> bool:
    """Whether a host name is this computer's own address, which no other computer can open."""
    return (
        host == "localhost"
        or host.endswith(".localhost")
        or host.startswith("127.")
        or host in ("::1", "0.0.0.0", "::")
    )


def unreachable(host: str) -> str:
    """What to say when the page is served on this computer's own address, which no student's phone or
    laptop can open (a teacher's laptop running `streamlit run`): how to serve it to a room."""
    return (
        f"These links name this computer's own address ({host}): a student's phone or laptop cannot open "
        "them. To serve the room, run `streamlit run playground.py --server.address 0.0.0.0` on a trusted "
        "network and open the app at this computer's address on it (its links and QR code then use that "
        "address), or deploy it on Streamlit Community Cloud."
    )


@dataclass(frozen=True)
class Served:
    """Where students open the app: its address (from root), what to say about it, and whether they can."""

    root: str
    note: str = ""
    reachable: bool = True


def served(url: str | None, page: str, listen: str | None = None, lan: str | None = None) -> Served:
    """The app's address for a room, from the page's own address (`url`), the address the server listens on
    (`listen`: none or 0.0.0.0 for every one of this computer's) and this computer's address on its network
    (`lan`, where one is known).

    A page opened on this computer's own address (localhost) is served to the room on the network's address
    where the server listens there too; otherwise no student can open it, and the note says how to serve.
    """
    base = root(url, page)
    try:
        parts = urlsplit(base)
        host, port = (parts.hostname or "").lower(), parts.port
    except ValueError:  # an address a browser would not send
        return Served(base)
    if not _own(host) or not re.fullmatch(r"[a-z0-9.:-]+", host):  # the page writes a plain name only
        return Served(base)
    everywhere = not listen or listen in ("0.0.0.0", "::")
    there = lan if everywhere else listen
    if not there or _own(there.lower()) or not re.fullmatch(r"[0-9A-Za-z.:-]+", there):
        return Served(base, unreachable(host), reachable=False)
    name = f"[{there}]" if ":" in there else there
    netloc = f"{name}:{port}" if port else name
    note = (
        f"You opened the app at this computer's own address ({host}); these links and the QR code use its "
        f"address on the network ({there}), which a phone or laptop on the same network can open. Where one "
        "cannot, the network keeps them apart (a guest network, a firewall): deploy the app on Streamlit "
        "Community Cloud instead."
    )
    return Served(urlunsplit((parts.scheme, netloc, parts.path, "", "")), note)


def short(url: str, most: int = 60) -> str:
    """An address as a room reads it: without its scheme; where that is long, the app's address alone."""
    bare = url.split("://", 1)[-1]
    return bare if len(bare) <= most else bare.split("?")[0]


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


def qr_for(base: str, s: State, page: str = "neuron") -> tuple[bytes | None, str]:
    """The students' QR code and caption: their link's or, if too long, the view with the example's points."""
    student = link(base, s.replace(present=False), page)
    if (png := qr_png(student)) is not None:
        return png, SCAN
    png = qr_png(link(base, s.replace(present=False, **{ROWS.key: ROWS.default}), page))
    why = f"The students' link is {len(student):,} characters, too long for any QR code"
    if png is None:
        return None, f"{why}: copy the link above instead."
    return (
        png,
        f"{why}: this one opens the same view with the example's points; copy the link above for yours.",
    )


ROWS = next(p for p in PARAMS if p.kind == "rows")  # the learner's own points
SCAN = "Scan for the students' link"


def fixed(s: State, page: str = "neuron") -> str:
    """What a teacher's link holds fixed, written out: "Fixed by this link: x = (2, 1, 3), w = …".

    An input or weight named in the link's controls (x1) is the students'; the others of its kind are then
    listed one by one (x₂ = 1, x₃ = 3).
    """
    values, said = s.flat(), []
    for p in on(page):
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
