"""HighLevel's native invoice (or estimate) offered for invoice-like document tables.

The reading the proposal already makes (a file with fields on the contact, a note, a custom object)
stays the proposal; the native document is added first among its alternatives, with the profile
evidence that makes a table a document HighLevel can hold as one: a document number, issue/due
dates, a line table under it, totals and status values. A quote or estimate table is offered
HighLevel's estimate. A quote the seeds send to an opportunity (its stage in a pipeline) keeps that
opportunity and gains the native estimate beside it: one source row, two HighLevel records.
"""

from __future__ import annotations

from assistant.mapping.items import ObjectMap, ObjectTarget
from assistant.mapping.models import Alternative, Evidence, TargetObject
from assistant.profile.models import SemanticType, TableProfile
from assistant.propose.normalize import tokens
from assistant.propose.signals import TableSignals

_ESTIMATE_WORDS = {"quote", "quotes", "estimate", "estimates", "presupuesto", "presupuestos", "proposal"}
_NUMBER_WORDS = {"number", "reference", "ref", "numero", "no", "num"}
_TOTAL_WORDS = {"total", "amount", "importe"}
_DATES = (SemanticType.DATE, SemanticType.DATETIME)
BESIDE_ROLE = "native_document"  # a native document made from the same row as the record before it


def _document_kind(kind: str, table: str) -> TargetObject | None:
    if set(tokens(table)) & _ESTIMATE_WORDS:
        return TargetObject.ESTIMATE
    return TargetObject.INVOICE if kind == "invoice" else None


def evidence_of(table: TableProfile, sig: TableSignals, line_tables: list[str]) -> list[str]:
    """What the profile shows of a document: number, dates, lines, totals, status values."""
    found: list[str] = []
    numbers = [c.column for c in table.columns if set(tokens(c.column)) & _NUMBER_WORDS]
    if numbers:
        found.append(f"document number: '{numbers[0]}'")
    dates = [c.column for c in table.columns if c.semantic_type in _DATES]
    if dates:
        found.append(f"dates: {', '.join(repr(d) for d in dates[:3])}")
    if line_tables:
        found.append(f"line table: {', '.join(repr(t) for t in line_tables)}")
    totals = [
        c.column
        for c in table.columns
        if c.semantic_type == SemanticType.MONEY or set(tokens(c.column)) & _TOTAL_WORDS
    ]
    if totals:
        found.append(f"totals: {', '.join(repr(t) for t in totals[:3])}")
    for column in sig.concept_columns.get("status", [])[:1]:
        profile = next((c for c in table.columns if c.column == column), None)
        values = [str(v.value) for v in (profile.picklist if profile else [])[:5]]
        found.append(f"status values of '{column}': {', '.join(values) or 'none profiled'}")
    return found


def native_alternative(
    kind: str, table: TableProfile, sig: TableSignals, line_tables: list[str]
) -> Alternative | None:
    """The native invoice or estimate for an invoice-like table with a number and lines or totals."""
    if sig.parent is not None:
        return None  # a child table (a document's lines) is no document of its own
    target = _document_kind(kind, table.table)
    evidence = evidence_of(table, sig, line_tables)
    if target is None or not any(e.startswith("document number") for e in evidence):
        return None
    if not any(e.startswith(("line table", "totals")) for e in evidence):
        return None
    return Alternative(
        target=f"{target.value} (native, with its lines)",
        score=0.6,
        value={"targets": [{"object": target.value}], "evidence": evidence},
    )


def promote(object_map: ObjectMap, native: Alternative) -> TargetObject:
    """Make the native document the proposal; today's reading becomes the first alternative."""
    target = TargetObject(native.value["targets"][0]["object"])
    evidence: list[str] = native.value["evidence"]
    label = " + ".join(t.object.value for t in object_map.targets)
    kept = [t.model_dump(mode="json") for t in object_map.targets]
    # Today's reading is lossy beside it (one document's values per contact, lines as text).
    reading = Alternative(target=label, score=min(0.35, object_map.confidence), value={"targets": kept})
    object_map.alternatives = [reading, *(a for a in object_map.alternatives if a is not native)]
    object_map.targets = [ObjectTarget(object=target)]
    # Each kind of evidence (number, dates, lines, totals, status values) adds to the confidence.
    object_map.confidence = round(min(0.92, 0.6 + 0.065 * len(evidence)), 3)
    object_map.evidence += [Evidence(source="profile", detail=e) for e in evidence]
    object_map.rationale = (
        f"'{object_map.source_object}' reads as {target.value} documents and the destination takes "
        f"native {target.value}s: each row becomes one HighLevel {target.value} with its lines, number, "
        f"dates and status (the {label} reading stays an alternative)"
    )
    return target


def lines_follow(lines: ObjectMap, target: TargetObject) -> None:
    """A native document's line table lands in its lines (the product reading stays an alternative)."""
    kept = [t.model_dump(mode="json") for t in lines.targets]
    label = " + ".join(t.object.value for t in lines.targets) + " (line items)"
    lines.alternatives.insert(0, Alternative(target=label, score=0.35, value={"targets": kept}))
    lines.targets = [ObjectTarget(object=target, role="line_items")]
    lines.rationale = f"document lines of '{lines.parent_object}' become the lines of its {target.value}"


def add_beside(object_map: ObjectMap, native: Alternative, through: str | None = None) -> TargetObject:
    """Keep today's reading (a quote's opportunity, or the merge into a job's) and add the native
    document beside it; ``through`` says how a merged row reaches its contact."""
    target = TargetObject(native.value["targets"][0]["object"])
    evidence: list[str] = native.value["evidence"]
    label = " + ".join(t.object.value for t in object_map.targets)
    kept = [t.model_dump(mode="json") for t in object_map.targets]
    reading = Alternative(
        target=f"{label} (no native {target.value})",
        score=min(0.5, object_map.confidence),
        value={"targets": kept},
    )
    only = Alternative(target=native.target, score=native.score, value={"targets": native.value["targets"]})
    rest = [a for a in object_map.alternatives if a is not native]
    object_map.alternatives = [reading, only, *rest]
    object_map.targets = [*object_map.targets, ObjectTarget(object=target, role=BESIDE_ROLE)]
    object_map.evidence += [Evidence(source="profile", detail=e) for e in evidence]
    stays = "the quote keeps its pipeline stage as an opportunity"
    if through is not None:
        object_map.evidence.append(Evidence(source="foreign_key", detail=through))
        stays = f"each row stays merged into its {object_map.parent_object} record ({through}),"
    object_map.rationale += (
        f"; each row also becomes a native HighLevel {target.value} with its lines, number, dates and "
        f"status (the destination takes native {target.value}s), so {stays} and its document as the "
        f"{target.value}"
    )
    return target
