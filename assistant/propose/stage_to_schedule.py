"""Accepted work that has no date yet, placed at the stage that waits for scheduling.

'Work Order' or 'Ready to Schedule' names no step of a pipeline, yet says the customer said yes and
the job now waits for a date: the stage that reads as waiting to be scheduled ('Approved - To Schedule',
'Needs Scheduling') holds it, else the open stage just before the first scheduled one. Both read
the pipeline's order rather than a name, so the placement stays below the review threshold with
the scheduled stage as runner-up: a reviewer confirms whether the job already has its date.
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant.highlevel.state import Stage
from assistant.mapping.models import OpportunityStatus
from assistant.propose.stage_match import GOOD_STAGE, OUTCOME, lead_stage_concept, stage_score
from assistant.propose.stage_placement import Placement

TO_SCHEDULE = 0.62  # the waiting stage, or the one before the scheduled stage: the job may have its date
_UNSCHEDULED = "Unscheduled"  # how the negation reading names work without a date


def _waiting_stage(ordered: Sequence[Stage]) -> Stage | None:
    """The stage whose name waits for scheduling ('To Schedule', 'Awaiting Scheduling')."""
    scored = [(stage_score(_UNSCHEDULED, s), i) for i, s in enumerate(ordered)]
    best = max(scored, default=(0.0, 0))
    return ordered[best[1]] if best[0] >= GOOD_STAGE else None


def place_to_schedule(value: str, ordered: Sequence[Stage]) -> Placement | None:
    """Where accepted, undated work sits; None when the pipeline has no scheduling step at all."""
    scheduled = next((s for s in ordered if lead_stage_concept(s.name) == "scheduled"), None)
    waiting = _waiting_stage(ordered)
    if waiting is not None:
        why = f"'{value}' is accepted work without a date: the stage waiting for scheduling, '{waiting.name}'"
        return Placement(waiting, OpportunityStatus.OPEN, TO_SCHEDULE, why, scheduled)
    if scheduled is None or ordered.index(scheduled) == 0:
        return None
    before = ordered[ordered.index(scheduled) - 1]
    if lead_stage_concept(before.name) in OUTCOME and lead_stage_concept(before.name) != "won":
        return None  # a loss before the scheduled stage is no place for accepted work
    why = f"'{value}' is accepted work without a date: the stage before '{scheduled.name}', '{before.name}'"
    return Placement(before, OpportunityStatus.OPEN, TO_SCHEDULE, why, scheduled)
