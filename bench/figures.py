"""Helpers every benchmark prints with: percentiles and the verdict next to a target."""

from __future__ import annotations

import statistics


def target_verdict(met: bool) -> str:
    return "OK" if met else "MISSED"


def percentile95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[18] if len(values) > 1 else values[0]


def percentile99(values: list[float]) -> float:
    return statistics.quantiles(values, n=100)[98] if len(values) > 1 else values[0]
