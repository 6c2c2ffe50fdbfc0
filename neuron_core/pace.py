"""One session's fair share of a server: how long its next run waits, so one tab cannot starve the rest."""

from __future__ import annotations

from dataclasses import dataclass

RATE = 10.0  # runs a second a session keeps up: more than a student's keys and clicks make
BURST = 20.0  # runs at once, before the pace applies


@dataclass
class Pace:
    """A token bucket: a session has BURST runs at once, then RATE a second; a run past them waits.

    A tab asking for reruns as fast as it can (a crafted client: no page does) starved the others (README,
    "Running it for a class"); now its runs sleep their turn, releasing the GIL, and Streamlit folds the
    reruns asked meanwhile into one.
    """

    tokens: float = BURST
    at: float | None = None  # when the last run started, in time.monotonic() seconds

    def wait(self, now: float) -> float:
        """Seconds the run starting at `now` waits for its turn (0 within the pace); it takes its run."""
        if self.at is not None:
            self.tokens = min(BURST, self.tokens + (now - self.at) * RATE)
        self.at = now
        self.tokens -= 1.0
        return max(0.0, -self.tokens / RATE)
