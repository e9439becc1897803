"""Durations as whole microseconds in int64 arrays, and their ``Summary`` with numpy without sorting.

``summarize`` is ``Summary.of_micros(sorted(values))``: ``np.partition`` puts the values of the nearest ranks
where sorting would, and the mean's sum is of exact integers, so a year's millions of durations give the
same figures as sorting them would, in a fraction of the time.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Sequence

import numpy as np
import numpy.typing as npt

from antrian.domain.estimate import nearest_rank
from antrian.domain.figures import PERCENTILES, Summary

_INT64 = 2**63

Micros = npt.NDArray[np.int64]  # durations as whole microseconds, in no particular order


class Spans:
    """Durations as whole microseconds, 8 bytes each: added one at a time, or as arrays (rolled-up days).
    With ``keep`` False it keeps nothing (a total whose summary is made from its parts' values)."""

    __slots__ = ("keep", "parts", "values")

    def __init__(self, keep: bool = True) -> None:
        self.values = array("q")
        self.parts: list[Micros] = []
        self.keep = keep

    def add(self, span: int | None) -> None:
        if span is not None and self.keep:
            self.values.append(span)

    def extend(self, values: Micros) -> None:
        if self.keep:
            self.parts.append(values)

    def all(self) -> Micros:
        """Every value kept, as one new array."""
        return joined([np.frombuffer(self.values, dtype=np.int64), *self.parts])

    def summary(self) -> Summary:
        return summarize(self.all())


def joined(parts: Iterable[Micros]) -> Micros:
    return np.concatenate([np.empty(0, dtype=np.int64), *parts], dtype=np.int64)


def summarize(values: Micros) -> Summary:
    """``Summary.of_micros(sorted(values))``, without sorting: ``np.partition`` puts the values of the
    nearest ranks, the minimum and the maximum where sorting would, and the sum is of exact integers (in
    int64 when no overflow is possible, else in Python)."""
    count = len(values)
    if count == 0:
        return Summary.of_micros(())
    ranks = [nearest_rank(range(count), p) for p in PERCENTILES]  # the indexes the sorted values would have
    picked = np.partition(values, [0, *ranks, count - 1])
    largest = int(picked[-1])
    bound = max(largest, -int(picked[0])) * count
    total = int(values.sum(dtype=np.int64)) if bound < _INT64 else sum(values.tolist())
    p50, p90, p95 = (int(picked[rank]) / 1_000_000 for rank in ranks)
    return Summary(count, p50, p90, p95, largest / 1_000_000, total / (count * 1_000_000))


def by_hour(waits: Sequence[Micros]) -> Micros:
    """24 arrays (one per hour) as one: their 24 sizes, then their values hour after hour."""
    return joined([np.array([len(values) for values in waits], dtype=np.int64), *waits])
