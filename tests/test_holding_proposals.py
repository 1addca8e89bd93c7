"""The holding proposal: a child table whose contact link names parents no row of the export holds.

A few misses read as deleted parents (above the threshold); many read as a wrong link (below it, for
a human). The evidence names counts, the link column and row numbers, never the missing values.
"""

from __future__ import annotations

from assistant.decide.selectors import parse_selector
from assistant.mapping.items import FieldMap, HoldingParent, MappingDocument
from assistant.mapping.models import Status, TargetObject, TransformKind
from assistant.propose.holdings import propose_holdings
from assistant.propose.merge import merge_documents
from assistant.propose.sourcedata import MemoryValues
from tests.test_execute_support import field_map

THRESHOLD = 0.7
CONTACTS = [{"id": str(1000 + i), "_row": str(i + 1)} for i in range(40)]


def tasks(orphans: int) -> list[dict[str, str | None]]:
    """40 tasks: the first ``orphans`` name contact 99999, which the export lacks; one names none."""
    rows: list[dict[str, str | None]] = [
        {"contact_id": "99999" if i < orphans else str(1000 + i), "_row": str(i + 1)} for i in range(40)
    ]
    rows.append({"contact_id": "", "_row": "41"})
    return rows


def link(obj: str = "tasks", target: TargetObject = TargetObject.TASK) -> list[FieldMap]:
    params = {"object": "contact", "table": "contacts", "key": "id"}
    return [field_map(obj, ["contact_id"], target, "contactId", kind=TransformKind.LOOKUP, params=params)]


def test_a_few_missing_parents_are_proposed_above_the_threshold_with_row_numbers_only() -> None:
    values = MemoryValues({"contacts": CONTACTS, "tasks": tasks(orphans=2)})
    [found] = propose_holdings(link(), values)
    assert (found.id, found.source_object, found.link_column) == ("holding:tasks", "tasks", "contact_id")
    assert (found.orphan_rows, found.row_count, found.example_rows) == (2, 40, [1, 2])
    assert found.confidence >= THRESHOLD and found.status == Status.PROPOSED
    [fewer] = propose_holdings(link(), MemoryValues({"contacts": CONTACTS, "tasks": tasks(orphans=1)}))
    assert fewer.confidence > found.confidence  # the fewer the orphans, the surer the reading
    shown = found.rationale + " ".join(e.detail for e in found.evidence)
    assert "2 of 40" in shown and "rows 1, 2" in shown and "contact_id" in shown
    assert "99999" not in shown  # safe under --no-values


def test_many_missing_parents_suggest_a_wrong_link_and_stay_below_the_threshold() -> None:
    values = MemoryValues({"contacts": CONTACTS, "tasks": tasks(orphans=12)})
    [found] = propose_holdings(link(), values)
    assert found.orphan_rows == 12 and found.confidence < THRESHOLD
    assert "check that the link column is read right" in found.rationale
    [some] = propose_holdings(link(), MemoryValues({"contacts": CONTACTS, "tasks": tasks(orphans=6)}))
    assert found.confidence < some.confidence < THRESHOLD  # 15 %: doubtful, still for a human
    assert propose_holdings(link(), MemoryValues({"contacts": CONTACTS, "tasks": tasks(0)})) == []
    # a link that misses for most rows is no link a holding record can fix
    assert propose_holdings(link(), MemoryValues({"contacts": CONTACTS, "tasks": tasks(25)})) == []


def test_a_typed_link_counts_only_the_rows_naming_a_table_it_can_check() -> None:
    rows: list[dict[str, str | None]] = [
        {"Attached To": "Estimate", "Record #": f"E-{i}", "_row": str(i)} for i in range(1, 31)
    ]
    rows += [{"Attached To": "Client", "Record #": "CL-404", "_row": "31"}]  # no key list: not checked
    values = MemoryValues(
        {"estimates": [{"Estimate #": f"E-{i}"} for i in range(1, 30)], "attachments": rows}
    )  # E-30 is past the last estimate
    params = {
        "object_column": "Attached To",
        "tables": {"Estimate": "estimates", "Client": "clients"},
        "objects": {"Estimate": "opportunity", "Client": "contact"},
        "keys": {"estimates": "Estimate #"},
    }
    fm = field_map(
        "attachments", ["Attached To", "Record #"], TargetObject.FILE, "contactId",
        kind=TransformKind.LOOKUP, params=params,
    )  # fmt: skip
    [found] = propose_holdings([fm], values)
    assert (found.link_column, found.orphan_rows, found.example_rows) == ("Record #", 1, [30])


def test_holdings_are_decided_like_other_proposals_and_old_maps_load_without_them() -> None:
    doc = MappingDocument()
    doc.holdings = propose_holdings(link(), MemoryValues({"contacts": CONTACTS, "tasks": tasks(2)}))
    assert parse_selector("--accept", "kind=holding,column=contact_id").select(doc) == doc.holdings
    doc.holdings[0].decide(Status.REJECTED, "ana")
    again = MappingDocument(
        holdings=propose_holdings(link(), MemoryValues({"contacts": CONTACTS, "tasks": tasks(3)}))
    )
    merged, kept = merge_documents(doc, again)
    assert kept == 1 and merged.holdings[0].status == Status.REJECTED  # a re-propose keeps the decision
    old = MappingDocument.model_validate({"project": "before holdings", "objects": []})
    assert old.holdings == []
    assert isinstance(HoldingParent.model_validate(doc.holdings[0].model_dump()), HoldingParent)
