"""Whether the win probability the deals carry follows their status, before it orders the statuses.

A CRM gives each stage a default probability that rises along the pipeline, so deals at one stage
mostly share a number and their status explains most of how the numbers vary. Where salespeople set
the probability by hand, deals at one stage carry anything from 10 to 90: the median of such a spread
says nothing of where the stage comes, and ordering stages by it places them at random. The share of
the probability's variance that the status explains (between-status over total) tells the two apart.
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping, Sequence

MIN_EXPLAINED = 0.5  # the status must account for at least half of how the probability varies


def explained_share(seen: Mapping[str, Sequence[float]]) -> float:
    """Between-status variance over total variance of the probabilities (0 when they never vary)."""
    numbers = [n for group in seen.values() for n in group]
    if len(numbers) < 2:
        return 0.0
    mean = statistics.fmean(numbers)
    total = sum((n - mean) ** 2 for n in numbers)
    if total == 0:
        return 0.0  # one number on every deal orders nothing
    between = sum(len(g) * (statistics.fmean(g) - mean) ** 2 for g in seen.values() if g)
    return between / total


def follows_status(seen: Mapping[str, Sequence[float]]) -> bool:
    """The probabilities are the stages' own (each status holds its deals near one number)."""
    return explained_share(seen) >= MIN_EXPLAINED
