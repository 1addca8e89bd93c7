"""Remembered value maps (stage values, owners, tag clusters) on top of a fresh proposal.

They hold source values: matched here on this machine only, after any LLM call has been made.
"""

from __future__ import annotations

from assistant.highlevel.state import DestinationState, Pipeline, Stage
from assistant.mapping.items import MappingDocument, OwnerMatch, StageValueMap, TagCluster
from assistant.mapping.models import Alternative, OpportunityStatus, Status
from assistant.memory.match import TableMatch
from assistant.memory.models import RememberedDecision, RememberedTable
from assistant.memory.on_top import HUMAN, closeness, put_on_top, reject_again, rejected_again


def _same(left: str | None, right: str | None) -> bool:
    return (left or "").strip().casefold() == (right or "").strip().casefold()


def _stage_in(
    destination: DestinationState | None, wanted: dict[str, object]
) -> tuple[Pipeline, Stage] | None:
    """The remembered stage in this destination: by pipeline and stage name, else by id."""
    for pipeline in destination.pipelines if destination else []:
        for stage in pipeline.stages:
            named = _same(pipeline.name, str(wanted.get("pipeline_name"))) and _same(
                stage.name, str(wanted.get("stage_name"))
            )
            if named or (stage.id == wanted.get("stage_id") and pipeline.id == wanted.get("pipeline_id")):
                return pipeline, stage
    return None


def apply_stage(
    document: MappingDocument,
    table: str,
    match: TableMatch,
    decision: RememberedDecision,
    destination: DestinationState | None,
) -> str | None:
    confidence = closeness(match, decision)
    if confidence is None:
        return None
    column = match.columns[decision.columns[0]][0]
    value = str(decision.values.get("source_value", ""))
    item = next(
        (
            s
            for s in document.stages
            if s.source_object == table and s.source_column == column and _same(s.source_value, value)
        ),
        None,
    )
    if item is None or item.status != Status.PROPOSED:
        return None
    if decision.status == "rejected":
        return rejected_again(item, match, decision, confidence)
    found = _stage_in(destination, decision.decision)
    if found is None:
        return None
    pipeline, stage = found
    status = OpportunityStatus(str(decision.decision.get("opportunity_status") or "open"))
    replaced = None
    if (item.stage_id, item.opportunity_status) != (stage.id, status):
        replaced = Alternative(target=_stage_label(item), score=item.confidence, value=_stage_value(item))
        item.pipeline_id, item.pipeline_name = pipeline.id, pipeline.name
        item.stage_id, item.stage_name, item.opportunity_status = stage.id, stage.name, status
        item.flagged = False
    put_on_top(item, match.remembered, decision, match, confidence, replaced)
    return "reused"


def _stage_label(item: StageValueMap) -> str:
    return f"{item.pipeline_name or '?'} / {item.stage_name or '?'} ({item.opportunity_status.value})"


def _stage_value(item: StageValueMap) -> dict[str, object]:
    keys = {"pipeline_id", "pipeline_name", "stage_id", "stage_name", "opportunity_status"}
    return item.model_dump(mode="json", include=keys)


def apply_owner(
    document: MappingDocument,
    table: str,
    match: TableMatch,
    decision: RememberedDecision,
    destination: DestinationState | None,
) -> str | None:
    key = str(decision.values.get("source_key", ""))
    item = next((o for o in document.owners if o.source_object == table and o.source_key == key), None)
    if item is None or item.status != Status.PROPOSED:
        return None
    confidence = HUMAN * match.similarity
    if decision.status == "rejected":
        return rejected_again(item, match, decision, confidence)
    email = decision.decision.get("user_email")
    user = destination.user_by_email(str(email)) if destination and email else None
    if user is None:
        return None
    replaced = None
    if item.user_id != user.id:
        replaced = Alternative(
            target=f"{item.user_name} <{item.user_email}>" if item.user_email else item.method,
            score=item.confidence,
            value=_owner_value(item),
        )
        item.user_id, item.user_name, item.user_email = user.id, user.name, user.email
        item.method = str(decision.decision.get("method") or "email")
    put_on_top(item, match.remembered, decision, match, confidence, replaced)
    return "reused"


def _owner_value(item: OwnerMatch) -> dict[str, object]:
    return item.model_dump(mode="json", include={"user_id", "user_name", "user_email", "method"})


def apply_tags(document: MappingDocument, remembered: list[RememberedTable]) -> dict[str, int]:
    """Each pending cluster sharing most of its spellings with a remembered one takes its decision."""
    counts = {"reused": 0, "rejected": 0}
    for cluster in document.tags:
        if cluster.status != Status.PROPOSED:
            continue
        best = _closest_tag(cluster, remembered)
        if best is None:
            continue
        table, decision, share = best
        confidence = HUMAN * share
        if decision.status == "rejected":
            counts["rejected"] += reject_again(cluster, table, decision, None, confidence)
            continue
        canonical = str(decision.decision.get("canonical") or cluster.canonical)
        replaced = None
        if canonical != cluster.canonical:
            replaced = Alternative(
                target=cluster.canonical, score=cluster.confidence, value={"canonical": cluster.canonical}
            )
            cluster.canonical = canonical
        put_on_top(cluster, table, decision, None, confidence, replaced)
        counts["reused"] += 1
    return counts


def _closest_tag(
    cluster: TagCluster, remembered: list[RememberedTable]
) -> tuple[RememberedTable, RememberedDecision, float] | None:
    members = set(cluster.members)
    found: list[tuple[float, str, RememberedTable, RememberedDecision]] = []
    for table in remembered:
        for decision in table.decisions:
            old = {str(m) for m in decision.values.get("members", [])}
            share = len(members & old) / max(len(members), 1)
            if share >= 0.5:
                found.append(
                    (share, table.confirmed_at.isoformat() if table.confirmed_at else "", table, decision)
                )
    if not found:
        return None
    share, _, table, decision = max(found, key=lambda f: f[:2])
    return table, decision, share
