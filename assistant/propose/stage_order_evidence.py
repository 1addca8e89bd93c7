"""What the source's own order can say about unmatched statuses, and when it says nothing.

A CRM gives each stage a default win probability that rises along the pipeline, so deals at one stage
mostly share a number and their status explains most of how the numbers vary. Where salespeople set
the probability by hand, deals at one stage carry anything from 10 to 90: the median of such a spread
says nothing of where the stage comes, and ordering stages by it places them at random. The share of
the probability's variance that the status explains (between-status over total) tells the two apart.

An order that holds may pair values step for step. A pipeline is often copied from the old system
in its own words: 'Piste', 'Premier contact', 'RDV / Visio', 'Envoi de devis' before a 'Négociation'
that matched 'En négociation', four stages before that one in the destination. When the unmatched
values between two anchors (or before the first, after the last) are exactly as many as the open
stages between them, the first value goes to the first stage, and so on. The count agreeing is
evidence, not proof (a step may have been renamed, merged or split): the placement stays for a reviewer.
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping, Sequence

from assistant.highlevel.state import Stage

MIN_EXPLAINED = 0.5  # the status must account for at least half of how the probability varies
STEP_BY_STEP = 0.62  # the order and the count agree: likely, still a reviewer's confirmation


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


def step_for_step(
    rank: float,
    low: float | None,
    high: float | None,
    loose: Sequence[float],
    between: Sequence[Stage],
) -> Stage | None:
    """The stage at the value's own place among the loose values between the same neighbours, when
    they are exactly as many as the stages between and no two share a rank; None otherwise."""
    inside = sorted(r for r in loose if (low is None or r > low) and (high is None or r < high))
    if len(between) < 2 or len(inside) != len(between) or len(set(inside)) != len(inside):
        return None
    return between[inside.index(rank)] if rank in inside else None
