"""One measured figure and how it is printed (the ``--json`` shape is a contract)."""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Figure:
    figure: str
    value: float
    floor: float | None
    unit: str
    n: int | None
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.floor in (None, 0):
            return None
        return round(self.value / self.floor, 3)

    def as_json(self) -> str:
        return json.dumps({"figure": self.figure, "value": _round(self.value),
                           "floor": _round(self.floor), "ratio": self.ratio,
                           "unit": self.unit, "n": self.n})

    def as_line(self) -> str:
        value = f"{_round(self.value)} {self.unit}"
        floor = f"floor {_round(self.floor)} {self.unit}" if self.floor is not None else "no floor"
        ratio = f"ratio {self.ratio:.2f}" if self.ratio is not None else ""
        parts = [f"{self.figure:<16}", f"{value:<18}", f"{floor:<24}", ratio]
        if self.n is not None:
            parts.append(f"n={self.n}")
        if self.note:
            parts.append(f"({self.note})")
        return "  ".join(p for p in parts if p)


def _round(value: float | None) -> float | None:
    if value is None:
        return None
    return float(f"{value:.4g}")


def median_time(work: Callable[[], object], repeat: int = 5) -> float:
    """Median wall time of ``repeat`` runs of ``work`` (seconds)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)
