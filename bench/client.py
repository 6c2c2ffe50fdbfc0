"""A small client that speaks Streamlit's own websocket protocol (BackMsg out, ForwardMsg in).

It opens a session as a browser tab does, learns the sliders' ids from the first run, then sends
slider changes and times each until the server's `script_finished`.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

FINISHED = {ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_WITH_COMPILE_ERROR}
# What a run sends that is not an element of the page: the session's and the run's own messages.
NOT_ELEMENTS = {
    "new_session",
    "session_status_changed",
    "page_config_changed",
    "navigation",
    "script_finished",
}


@dataclass
class Run:
    """One script run as the client saw it."""

    seconds: float
    bytes: int
    messages: int
    exception: bool


@dataclass
class Session:
    """One browser-like session: its socket, the sliders it knows and what it has cached."""

    url: str
    ws: websockets.ClientConnection | None = None
    sliders: dict[str, str] = field(default_factory=dict)  # key -> widget id
    sizes: list[tuple[str, int]] = field(default_factory=list)  # the last run's messages: (what, bytes)
    query: str = ""  # the address's query, as the page's URL holds it: sent with every rerun, as a tab does
    values: dict[str, float] = field(default_factory=dict)  # key -> current value
    cached: set[str] = field(default_factory=set)  # hashes of cacheable messages received
    editors: dict[str, str] = field(default_factory=dict)  # a table's key -> widget id
    texts: dict[str, str] = field(default_factory=dict)  # widget id -> the string it sends (a table's edit)
    said: list[str] = field(default_factory=list)  # the last run's markdown: text, captions, notices
    page: str = ""  # the page the server ran last (its hash): a tab asks for the same page again
    ids: dict[str, str] = field(
        default_factory=dict
    )  # any widget's key -> its id (buttons, inputs, elements)
    forged: list[WidgetState] = field(default_factory=list)  # widget states sent with the next rerun only
    path: str = ""  # the page's address it was opened at (data for /data), until the server names its hash

    def elements(self) -> list[str]:
        """The last run's element messages (new elements, references to cached ones, containers), by kind."""
        return [what for what, _ in self.sizes if what not in NOT_ELEMENTS]

    async def open(self, query: str = "", page: str = "") -> Run:
        """Connect and run the script once, as a tab opening the page's address (data: /data) does."""
        self.path = page
        ws_url = self.url.replace("http://", "ws://") + "/_stcore/stream"
        self.ws = await websockets.connect(ws_url, subprotocols=["streamlit"], max_size=None)
        return await self._rerun(query)

    async def move(self, key: str, value: float) -> Run:
        """Set slider `key` to `value`, as a key press does, and wait for the rerun to finish."""
        self.values[key] = value
        return await self._rerun(self.query)

    async def edit(self, key: str, edit: str) -> Run:
        """Send table `key` the edit `edit`, its editor's JSON as a browser sends it; wait for the run."""
        self.texts[self.editors[key]] = edit
        return await self._rerun(self.query)

    async def send(self, *states: WidgetState) -> Run:
        """Send these widget states with one rerun, as a crafted client may (then they are forgotten)."""
        self.forged = list(states)
        try:
            return await self._rerun(self.query)
        finally:
            self.forged = []

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()

    async def _rerun(self, query: str = "") -> Run:
        self.query = query
        start = time.perf_counter()
        await self.ws.send(self.rerun_message(query))
        return await asyncio.wait_for(self._until_finished(start), timeout=60)

    def rerun_message(self, query: str) -> bytes:
        """The BackMsg a tab sends for a rerun: the address's query and every widget's value."""
        msg = BackMsg()
        state = msg.rerun_script
        state.query_string = query
        state.page_script_hash = self.page
        if not self.page:
            state.page_name = self.path
        state.cached_message_hashes.extend(sorted(self.cached))
        for key, wid in self.sliders.items():
            w = WidgetState(id=wid)
            w.double_array_value.data.append(self.values[key])
            state.widget_states.widgets.append(w)
        for wid, text in self.texts.items():
            state.widget_states.widgets.append(WidgetState(id=wid, string_value=text))
        state.widget_states.widgets.extend(self.forged)
        return msg.SerializeToString()

    async def _until_finished(self, start: float) -> Run:
        received = count = 0
        exception = False
        self.sizes = []
        self.said = []
        while True:
            raw = await self.ws.recv()
            received += len(raw)
            count += 1
            fwd = ForwardMsg()
            fwd.ParseFromString(raw)
            if fwd.metadata.cacheable:
                self.cached.add(fwd.hash)
            kind = fwd.WhichOneof("type")
            what = kind if kind != "delta" else fwd.delta.WhichOneof("type")
            if fwd.WhichOneof("type") == "ref_hash":
                what = "reference to a cached element"
            if kind == "delta" and fwd.delta.WhichOneof("type") == "new_element":
                what = fwd.delta.new_element.WhichOneof("type")
                if what == "bidi_component":  # the chart element: which chart, by its key
                    what = f"chart {fwd.delta.new_element.bidi_component.id.rsplit('-', 1)[-1]}"
            self.sizes.append((what, len(raw)))
            if kind == "page_info_changed":  # the app wrote the address: the next rerun sends it back
                self.query = fwd.page_info_changed.query_string
            if kind == "navigation":  # the page that ran (an old link is sent to its own)
                self.page = fwd.navigation.page_script_hash
            if kind == "delta" and fwd.delta.WhichOneof("type") == "new_element":
                el = fwd.delta.new_element
                exception |= el.WhichOneof("type") == "exception"
                wid = getattr(getattr(el, el.WhichOneof("type")), "id", "")
                if isinstance(wid, str) and wid.startswith("$$ID"):  # a widget with a key: known by it
                    self.ids[wid.rsplit("-", 1)[-1]] = wid
                if el.WhichOneof("type") == "markdown":
                    self.said.append(el.markdown.body)
                if el.WhichOneof("type") == "alert":  # a notice: warning, info, error, success
                    self.said.append(el.alert.body)
                if el.WhichOneof("type") == "dataframe" and el.dataframe.id:  # a table to edit
                    self.editors[el.dataframe.id.split("-", 2)[-1].rsplit(" ", 1)[0]] = el.dataframe.id
                if el.WhichOneof("type") == "slider":
                    key = el.slider.id.rsplit("-", 1)[-1]
                    self.sliders[key] = el.slider.id
                    self.values.setdefault(
                        key, el.slider.value[0] if el.slider.value else el.slider.default[0]
                    )
            elif kind == "script_finished" and fwd.script_finished in FINISHED:
                return Run(time.perf_counter() - start, received, count, exception)
