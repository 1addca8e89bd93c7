"""Status words that name no stage, placed by what they mean about the record.

'Today', 'Late' or 'Active' say a job is under way: it belongs at the pipeline's in-progress
stage, else the stage named as open, else its scheduled one. 'Archived' on a pipeline of work
(it has a scheduled or in-progress stage) that ends in a completion is a finished job. 'Pending'
with no waiting stage is the first open stage. 'Unassigned' has not reached the stage its root names
('Allocated'): the open stage before it. Each reading chooses between neighbouring stages,
so it is proposed below the review threshold with the runner-up beside it, never flagged empty.
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant.highlevel.state import Stage
from assistant.mapping.models import OpportunityStatus
from assistant.propose.normalize import phrase_matcher
from assistant.propose.stage_match import GOOD_STAGE, OUTCOME, lead_stage_concept, outcome_of, stage_score
from assistant.propose.stage_negation import negated_roots
from assistant.propose.stage_placement import Placement
from assistant.propose.stage_to_schedule import place_to_schedule
from assistant.propose.vocabulary_status import STATUS_WORDS

status_words = phrase_matcher(STATUS_WORDS)
UNDER_WAY = 0.62  # in progress or merely scheduled: the words do not tell
UNDER_WAY_OPEN = 0.58  # no stage of work under way: the pipeline's open stage
ARCHIVED_DONE = 0.6  # put away after the work: most likely completed, a cancellation is possible
PENDING_FIRST = 0.55  # waiting, with no waiting stage: the first open stage
NOT_YET = 0.62  # short of the step its root names: the stage before it (or still further back)
WORK_CONCEPTS = ("in_progress", "scheduled")


def open_stages(stages: Sequence[Stage]) -> list[Stage]:
    """The stages a record still being worked can sit at: none that names an outcome."""
    return [s for s in stages if lead_stage_concept(s.name) not in OUTCOME]


def _first_of(stages: Sequence[Stage], concept: str) -> Stage | None:
    return next((s for s in stages if lead_stage_concept(s.name) == concept), None)


def _under_way(value: str, stages: list[Stage]) -> Placement | None:
    """The in-progress stage, else the stage named as open (a deal pipeline's 'Open'), else the
    scheduled one: a 'Demo booked' stage of a sales pipeline is a step, not work under way."""
    working, scheduled = _first_of(stages, "in_progress"), _first_of(stages, "scheduled")
    named_open = next((s for s in stages if outcome_of(s.name) == "open"), None)
    if working is not None:
        why = f"'{value}' says the work is under way: the in-progress stage '{working.name}'"
        return Placement(working, OpportunityStatus.OPEN, UNDER_WAY, why, scheduled or named_open)
    if named_open is not None:
        why = f"'{value}' says the record is still being worked: the stage named as open, '{named_open.name}'"
        return Placement(named_open, OpportunityStatus.OPEN, UNDER_WAY_OPEN, why, scheduled)
    if scheduled is not None:
        why = f"'{value}' says the work is under way and no stage says in progress: '{scheduled.name}'"
        return Placement(scheduled, OpportunityStatus.OPEN, UNDER_WAY, why)
    return None


def _archived(value: str, ordered: Sequence[Stage]) -> Placement | None:
    """A finished job, when the pipeline holds work and its last open-ended stage is a completion."""
    if not any(lead_stage_concept(s.name) in WORK_CONCEPTS for s in ordered):
        return None  # a quote or a deal put away may have been declined: a human decides
    won = [i for i, s in enumerate(ordered) if lead_stage_concept(s.name) == "won"]
    if not won or any(lead_stage_concept(s.name) not in OUTCOME for s in ordered[won[-1] + 1 :]):
        return None  # the pipeline does not end in a completion (only a lost stage may follow it)
    done = ordered[won[-1]]
    why = f"'{value}' puts a job away and '{done.name}' ends this pipeline of work: the job was completed"
    return Placement(done, OpportunityStatus.WON, ARCHIVED_DONE, why)


def place_by_meaning(value: str, concept: str | None, ordered: Sequence[Stage]) -> Placement | None:
    """Where a value no stage name matches lands by what its words say, None when they say nothing."""
    open_ = open_stages(ordered)
    if not open_:
        return None
    words = status_words(value)
    if "underway" in words:
        return _under_way(value, open_)
    if "archived" in words:
        return _archived(value, ordered)
    if "to_schedule" in words:
        return place_to_schedule(value, ordered)
    before = _not_yet(value, open_)
    if before is not None:
        return before
    if concept == "pending":
        why = f"'{value}' awaits something and no stage says so: the first open stage '{open_[0].name}'"
        runner_up = open_[1] if len(open_) > 1 else None
        return Placement(open_[0], OpportunityStatus.OPEN, PENDING_FIRST, why, runner_up)
    return None


def _not_yet(value: str, open_: list[Stage]) -> Placement | None:
    """A negated step ('Unassigned') sits at the open stage before the one its root matches."""
    for root in negated_roots(value):
        reached = [i for i, s in enumerate(open_) if stage_score(root, s) >= GOOD_STAGE]
        if reached and reached[0] > 0:
            stage, step = open_[reached[0] - 1], open_[reached[0]]
            why = f"'{value}' has not reached '{step.name}': the stage before it, '{stage.name}'"
            return Placement(stage, OpportunityStatus.OPEN, NOT_YET, why, step)
    return None
