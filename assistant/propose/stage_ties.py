"""A status that fits two stages alike: settled by what the column's other values take, else held.

'Validated' reads as won, and so do both 'Work Finished' and 'Approved': its words fit the two
stages equally, and the first in the pipeline's order was only the first. Two things can still
decide: another value of the column names one of the tied stages by its own words ('invoiced' and
'Converted to Invoice' leave 'Approved' to 'accepted'), or the values' meanings give an order (work
is signed off after it is done, so a sign-off takes the later stage and the completion the earlier).
Otherwise the tie is a reviewer's call, proposed below the review threshold with both stages named.
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant.highlevel.state import Pipeline, Stage
from assistant.mapping.items import StageValueMap
from assistant.mapping.models import Alternative, Evidence, OpportunityStatus
from assistant.propose.normalize import normalise
from assistant.propose.stage_answers import closes_last
from assistant.propose.stage_ends import closeness, settled_status
from assistant.propose.stage_groups import bare
from assistant.propose.stage_match import GOOD_STAGE, OUTCOME, SAME_CONCEPT, lead_stage_concept, stage_score
from assistant.propose.stage_own_words import own_words_reason, stage_by_own_words

TIED = 0.6  # a coin toss between two stages: below the review threshold
# Checking done work: it follows the work's completion ('completed', then 'validated').
SIGN_OFF = frozenset({
    "validated", "validado", "validada", "valide", "validee", "validiert", "validato", "validata",
    "verified", "verificado", "verificada", "verifie", "verifiziert", "verificato", "signed off",
})  # fmt: skip


def _ordered(pipeline: Pipeline) -> list[Stage]:
    return sorted(pipeline.stages, key=lambda s: s.position if s.position is not None else 10**6)


def _tied(m: StageValueMap, stages: list[Stage]) -> list[Stage]:
    """The stages that read as the value's own concept exactly as well as its chosen one, in order."""
    chosen = next((s for s in stages if s.id == m.stage_id), None)
    if chosen is None or closeness(bare(m.source_value), chosen)[0] < SAME_CONCEPT:
        return []  # a related reading ('Pending' near 'Quote Sent') keeps the pipeline's order
    best = max(closeness(bare(m.source_value), s) for s in stages)
    tied = [s for s in stages if closeness(bare(m.source_value), s) == best]
    return tied if chosen in tied and len(tied) > 1 else []


def _moved(
    m: StageValueMap, stage: Stage, pipeline: Pipeline, stages: list[Stage], why: str
) -> StageValueMap:
    concept = lead_stage_concept(bare(m.source_value))
    status = OUTCOME.get(concept or "", OpportunityStatus.OPEN)
    status, settled = settled_status(status, concept, stage, pipeline, stages)
    before = Stage(id=str(m.stage_id), name=str(m.stage_name))
    was = Alternative(
        target=f"{pipeline.name} / {m.stage_name}",
        score=round(stage_score(bare(m.source_value), before), 3),
        value={"pipeline_id": pipeline.id, "stage_id": m.stage_id, "stage_name": m.stage_name},
    )
    moved = m.stage_id != stage.id  # the similarity line and the alternatives then name the stage it left
    kept = [
        e for e in m.evidence if not (moved and e.detail.startswith(f"stage '{m.stage_name}' similarity"))
    ]
    others = [a for a in m.alternatives if a.value.get("stage_id") not in (stage.id, m.stage_id)]
    return m.model_copy(
        update={
            "stage_id": stage.id,
            "stage_name": stage.name,
            "opportunity_status": status,
            "alternatives": [was, *others][:3] if moved else m.alternatives,
            "rationale": f"{m.rationale}; {why}{settled}",
            "evidence": [*kept, Evidence(source="destination", detail=why)],
        }
    )


def _signs_off(m: StageValueMap) -> bool:
    """A value that follows the others it ties with: a sign-off, or a bare close (stage_answers)."""
    return normalise(bare(m.source_value)) in SIGN_OFF or closes_last(m.source_value)


def _named(m: StageValueMap, stages: list[Stage]) -> str | None:
    """The stage a value reached by its own words ('invoiced' -> 'Converted to Invoice'), or None."""
    stage = next((s for s in stages if s.id == m.stage_id), None)
    return stage.id if stage is not None and closeness(bare(m.source_value), stage)[0] >= GOOD_STAGE else None


def settle_ties(column: list[StageValueMap], pipelines: Sequence[Pipeline]) -> list[StageValueMap]:
    """The column's proposals, each value tied between stages settled by the others or held."""
    out = list(column)
    for pipeline in pipelines:
        stages = _ordered(pipeline)
        mine = [i for i, m in enumerate(out) if m.pipeline_id == pipeline.id and not m.flagged]
        ties = {i: t for i in mine if (t := _tied(out[i], stages))}
        named = {_named(out[i], stages) for i in mine if i not in ties}
        for i, tied in ties.items():
            m, left = out[i], [s for s in tied if s.id not in named]
            group = [out[j] for j in ties if ties[j] == tied]
            checks, done = [g for g in group if _signs_off(g)], [g for g in group if not _signs_off(g)]
            if (own := stage_by_own_words(m.source_value, tied, stages, named)) is not None:
                out[i] = _moved(m, own, pipeline, stages, own_words_reason(m.source_value, own))
            elif len(left) == 1:
                why = f"of the stages it fits alike, the column's other values take all but '{left[0].name}'"
                out[i] = _moved(m, left[0], pipeline, stages, why)
            elif len(left) == 2 and checks and done:  # a sign-off follows the completion it checks
                stage, after = (left[1], done[0]) if _signs_off(m) else (left[0], checks[0])
                order = "after" if _signs_off(m) else "before"
                closing = any(closes_last(g.source_value) for g in checks)
                why = (
                    "a record is closed after it is agreed"
                    if closing
                    else "work is signed off after it is done"
                )
                why += f": '{m.source_value}' comes {order} "
                why += f"'{after.source_value}', at '{stage.name}'"
                out[i] = _moved(m, stage, pipeline, stages, why)
            else:
                names = " and ".join(f"'{s.name}'" for s in tied)
                why = f"'{m.source_value}' fits {names} alike: which one it means is a reviewer's call"
                update = {"confidence": min(m.confidence, TIED), "rationale": f"{m.rationale}; {why}",
                          "evidence": [*m.evidence, Evidence(source="destination", detail=why)]}  # fmt: skip
                out[i] = m.model_copy(update=update)
    return out
