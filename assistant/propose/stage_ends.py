"""Where in a pipeline a matched status says a deal is won, and which of two equal matches it is.

Words alone over-read a win: 'Signed Contract', 'Claim Approved' or 'Invoiced' sound finished, yet
in a pipeline of work that goes on to 'Paid' they are steps, and the deal is still open. The other
way round, a stage with no outcome word ('Renewed') is the win when only the pipeline's losses
follow it, as 'Closed Won' stands before 'Closed Lost'.
"""

from __future__ import annotations

from assistant.highlevel.state import Pipeline, Stage
from assistant.mapping.models import OpportunityStatus
from assistant.propose.normalize import normalise
from assistant.propose.stage_match import kin_words, lead_stage_concept, stage_score
from assistant.propose.vocabulary_status import LIFECYCLE

LOSSES = ("lost", "abandoned")
FINISHES = ("won", "renewed")  # a renewal is what a renewals pipeline is won at


def closeness(value: str, stage: Stage) -> tuple[float, int]:
    """The stage score, ties broken by the words the two share in some form: 'Job Completed' reads
    as won like 'Contract Signed' does, but it is the 'Work Complete' stage. Other ties keep the
    pipeline's order (the caller's sort is stable)."""
    theirs = normalise(stage.name).split()
    kin = sum(any(kin_words(w, o) for o in theirs) for w in normalise(value).split())
    return stage_score(value, stage), kin


def won_after(stage: Stage, stages: list[Stage]) -> Stage | None:
    """The last stage after ``stage`` that also reads as won: a contract signed, a claim approved or
    a job invoiced is a step of the work when payment or completion still follows it."""
    later = stages[stages.index(stage) + 1 :] if stage in stages else []
    return next((s for s in reversed(later) if lead_stage_concept(s.name) == "won"), None)


def won_end(stages: list[Stage]) -> Stage | None:
    """The stage a pipeline ending in its losses ('Renewed', then 'Cancelled') is won at: the last
    one before them, when it names a finish. None when the pipeline does not end in a loss."""
    kept = [i for i, s in enumerate(stages) if lead_stage_concept(s.name) not in LOSSES]
    if not kept or kept[-1] == len(stages) - 1:
        return None
    end = stages[kept[-1]]
    return end if lead_stage_concept(end.name) in FINISHES else None


def settled_status(
    status: OpportunityStatus, concept: str | None, matched: Stage, pipeline: Pipeline, stages: list[Stage]
) -> tuple[OpportunityStatus, str]:
    """The status a value matched to ``matched`` carries once the pipeline's order is read, and why
    (empty when the words' reading stands)."""
    if status == OpportunityStatus.WON and (later := won_after(matched, stages)) is not None:
        return OpportunityStatus.OPEN, (
            f"; '{later.name}' completes the work later in '{pipeline.name}', so it stays open"
        )
    if status == OpportunityStatus.OPEN and concept not in LIFECYCLE and matched == won_end(stages):
        return OpportunityStatus.WON, f"; only a loss follows '{matched.name}' in '{pipeline.name}': its win"
    return status, ""
