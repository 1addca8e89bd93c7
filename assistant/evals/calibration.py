"""Does confidence mean the probability of being right? Reliability table, ECE, threshold shares.

Every judged proposal (a field, object, stage or owner item the gold scores) carries the
proposer's confidence and whether it was right. Binned by confidence, the share right in each bin
should match the mean confidence there; the expected calibration error (ECE) is the
count-weighted gap. The review threshold is useful when wrong proposals fall below it (a human
sees them) while most proposals stay above it (review stays fast).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from assistant.evals.metrics import Judged, ratio

BINS = 10
KINDS = ("fields", "objects", "stages", "owners")


@dataclass(frozen=True)
class Bin:
    low: float
    high: float
    count: int
    mean_confidence: float | None
    accuracy: float | None


@dataclass(frozen=True)
class Calibration:
    count: int
    wrong: int
    ece: float | None
    wrong_below: float | None  # share of wrong proposals below the threshold (goal >= 0.9)
    all_above: float | None  # share of all proposals at or above it (goal >= 0.6)
    bins: tuple[Bin, ...]
    right_above: float | None = None  # share of right proposals at or above it (review stays fast)


def reliability(items: list[Judged]) -> tuple[Bin, ...]:
    bins = []
    for i in range(BINS):
        low, high = i / BINS, (i + 1) / BINS
        inside = [j for j in items if low <= j.confidence < high or (i == BINS - 1 and j.confidence == 1.0)]
        n = len(inside)
        bins.append(
            Bin(
                low,
                high,
                n,
                sum(j.confidence for j in inside) / n if n else None,
                ratio(sum(j.correct for j in inside), n),
            )
        )
    return tuple(bins)


def calibrate(items: Iterable[Judged], threshold: float) -> Calibration:
    judged = list(items)
    bins = reliability(judged)
    n = len(judged)
    gaps = sum(b.count * abs((b.accuracy or 0.0) - (b.mean_confidence or 0.0)) for b in bins if b.count)
    wrong = [j for j in judged if not j.correct]
    right = [j for j in judged if j.correct]
    return Calibration(
        n,
        len(wrong),
        gaps / n if n else None,
        ratio(sum(j.confidence < threshold for j in wrong), len(wrong)),
        ratio(sum(j.confidence >= threshold for j in judged), n),
        bins,
        ratio(sum(j.confidence >= threshold for j in right), len(right)),
    )


def by_kind(items: Iterable[Judged], threshold: float) -> dict[str, Calibration]:
    """One calibration per kind, and ``all`` over every kind together."""
    judged = list(items)
    out = {kind: calibrate((j for j in judged if j.kind == kind), threshold) for kind in KINDS}
    out["all"] = calibrate(judged, threshold)
    return out
