"""Helpers every benchmark prints with: percentiles and the verdict next to a target."""

from __future__ import annotations

import os
import statistics


def target_verdict(met: bool) -> str:
    return "OK" if met else "MISSED"


def percentile95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[18] if len(values) > 1 else values[0]


def percentile99(values: list[float]) -> float:
    return statistics.quantiles(values, n=100)[98] if len(values) > 1 else values[0]


def machine_load() -> str:
    """The load average (1, 5, 15 minutes): on a shared machine, read every figure with it."""
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} cores"


def process_cpu_seconds(pid: int | None) -> float:
    """User + system CPU time of a running process so far (Linux /proc); 0 when unknown."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
