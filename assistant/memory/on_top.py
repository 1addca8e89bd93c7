"""Putting one remembered decision on top of a proposal: confidence, evidence, alternatives, rejections."""

from __future__ import annotations

from assistant.mapping.models import Alternative, Evidence, Origin, Proposal, Status
from assistant.memory.match import TableMatch
from assistant.memory.models import RememberedDecision, RememberedTable

HUMAN = 0.98  # a decision a person confirmed, on the very same headers
REJECT_FLOOR = 0.7  # below this closeness a remembered rejection only flags the proposal
MEMORY = Origin(backend="memory")


def closeness(match: TableMatch, decision: RememberedDecision) -> float | None:
    """How sure the remembered decision fits here: table likeness times its columns' match (None: a
    column it needs is gone)."""
    score = match.similarity
    for column in decision.columns:
        found = match.column(column)
        if found is None:
            return None
        score *= found[1]
    return HUMAN * min(score, 1.0)


def evidence(table: RememberedTable, decision: RememberedDecision, match: TableMatch | None) -> Evidence:
    who = decision.decided_by or table.confirmed_by or "unknown"
    when = f" on {table.confirmed_at:%Y-%m-%d}" if table.confirmed_at else ""
    detail = f"{decision.status} in migration {table.migration} by {who}{when}"
    if match is not None:
        detail += f"; headers {match.similarity:.0%} alike"
        moved = {old: match.columns[old][0] for old in decision.columns if old in match.columns}
        renamed = [f"{old!r} is now {new!r}" for old, new in moved.items() if new != old]
        if renamed:
            detail += "; " + ", ".join(renamed)
    return Evidence(source="memory", detail=detail)


def rationale(table: RememberedTable, decision: RememberedDecision) -> str:
    who = decision.decided_by or table.confirmed_by or "unknown"
    when = f" on {table.confirmed_at:%Y-%m-%d}" if table.confirmed_at else ""
    return f"Confirmed in migration {table.migration} by {who}{when} ({decision.status})."


def put_on_top(
    item: Proposal,
    table: RememberedTable,
    decision: RememberedDecision,
    match: TableMatch | None,
    confidence: float,
    replaced: Alternative | None,
) -> None:
    """The remembered decision is now the proposal; what stood there before becomes alternative 1."""
    if replaced is not None:
        item.alternatives = [replaced, *[a for a in item.alternatives if a.target != replaced.target]]
        item.origin = MEMORY
        item.rationale = rationale(table, decision) + (f" Before: {item.rationale}" if item.rationale else "")
        item.confidence = round(confidence, 3)
    else:  # the proposer already agreed: memory only adds its weight
        item.confidence = round(max(item.confidence, confidence), 3)
        item.rationale = rationale(table, decision) + (f" {item.rationale}" if item.rationale else "")
    item.evidence = [evidence(table, decision, match), *item.evidence]


def reject_again(
    item: Proposal,
    table: RememberedTable,
    decision: RememberedDecision,
    match: TableMatch | None,
    confidence: float,
) -> bool:
    """A remembered rejection stays rejected on a close match; on a loose one it only flags the item."""
    item.evidence = [evidence(table, decision, match), *item.evidence]
    if confidence < REJECT_FLOOR:
        item.confidence = round(min(item.confidence, confidence), 3)
        return False
    item.status = Status.REJECTED
    item.decided_by = f"memory: {decision.decided_by or table.confirmed_by or 'unknown'} in {table.migration}"
    item.decided_at = decision.decided_at or table.confirmed_at
    item.rationale = rationale(table, decision) + (f" {item.rationale}" if item.rationale else "")
    return True


def rejected_again(
    item: Proposal, match: TableMatch, decision: RememberedDecision, confidence: float
) -> str | None:
    """``"rejected"`` when a remembered rejection holds here, None when it only flagged the item."""
    return "rejected" if reject_again(item, match.remembered, decision, match, confidence) else None
