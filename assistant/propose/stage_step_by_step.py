"""Values the source orders between two matched stages, as many as the stages between them.

A pipeline is often copied from the old system with its own wording: 'Piste', 'Premier contact',
'RDV / Visio', 'Envoi de devis' before a 'Négociation' that matched 'En négociation', and four
stages before that one in the destination. When the unmatched values between two anchors (or before
the first, after the last) are exactly as many as the open stages between them, the order pairs
them one to one: the first value to the first stage, and so on. The count agreeing is evidence, not
proof (a step may have been renamed, merged or split), so the placement stays for a reviewer.
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant.highlevel.state import Stage

STEP_BY_STEP = 0.62  # the order and the count agree: likely, still a reviewer's confirmation


def step_for_step(
    rank: float,
    low: float | None,
    high: float | None,
    loose: Sequence[float],
    between: Sequence[Stage],
) -> Stage | None:
    """The stage at the value's own place among the loose values between the same neighbours,
    when they are exactly as many as the stages between; None otherwise."""
    inside = sorted({r for r in loose if (low is None or r > low) and (high is None or r < high)})
    if len(between) < 2 or len(inside) != len(between) or rank not in inside:
        return None
    return between[inside.index(rank)]
