"""Small helpers shared by the benchmarks: percentiles, the machine, the results file."""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
from pathlib import Path
from typing import Any

import numpy as np

RESULTS = Path(__file__).with_name("results.json")
# Each measured app against the floor, and the prefix of its ratio keys in bench/results.json.
VERSUS = {"app": "", "minimum": "minimum_", "views": "views_", "data": "data_"}


def pct(values: list[float], q: float) -> float:
    """The q-th percentile (0-100)."""
    return float(np.percentile(np.asarray(values, dtype=float), q))


def machine() -> dict[str, Any]:
    """What the figures were measured on."""
    return {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cpus": os.cpu_count(),
        "processor": platform.processor() or platform.machine(),
        "python": platform.python_version(),
    }


def save(section: str, figures: dict[str, Any]) -> None:
    """Write one benchmark's figures under `section` of bench/results.json, keeping the others."""
    data = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    data[section] = {**figures, "machine": machine()}
    RESULTS.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n")


def against_floor(figures: dict[str, Any], measures: dict[str, str]) -> dict[str, float]:
    """`{prefix}ratio_{name}`: each app's figure over the floor's, for every measure name -> figure key."""
    floor = figures["floor"]
    return {
        f"{prefix}ratio_{name}": round(figures[app][key] / floor[key], 3)
        for app, prefix in VERSUS.items()
        if app in figures
        for name, key in measures.items()
    }
