"""A nested list of addresses under a contact that already has its own address: further places, notes.

A nested list's rows usually fill the record they belong to: a customer's 'addresses' or 'locations'
list is where the contact's address comes from when the customer holds none of its own. But when the
parent row already carries its own address columns (street, postcode, state), the list holds places
beyond that one: a property manager's rentals, a business's sites. A HighLevel contact has one
address, so merging each site into it would overwrite the contact's own address with whichever site
comes last, and its site phone would replace the contact's phone. Each site is kept as a note on the
contact instead, where every one of them stays readable.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from assistant.ingest.table_names import innermost
from assistant.mapping.items import ObjectMap, ObjectTarget
from assistant.mapping.models import Alternative, Cardinality, Evidence, TargetObject
from assistant.profile.models import TableProfile

if TYPE_CHECKING:
    from assistant.propose.objects import ObjectDecision
    from assistant.propose.signals import TableSignals

T = TargetObject
ADDRESS_CONCEPTS = ("address", "city", "postal_code", "region")
MIN_PARTS = 2  # a street and a postcode, a city and a state: one column alone may be anything
MAX_EMPTY = 0.5  # the parent's own address columns are filled on most of its rows
CONFIDENCE = 0.75  # as sure as a merge into the parent: the reviewer sees both readings


def _parts(sig: TableSignals, filled: dict[str, float], left_out: set[str]) -> list[str]:
    """The address concepts a table's own columns name (filled ones only), in vocabulary order."""
    return [
        concept
        for concept in ADDRESS_CONCEPTS
        if any(
            col not in left_out and filled.get(col, 1.0) <= MAX_EMPTY
            for col in sig.concept_columns.get(concept, [])
        )
    ]


def further_places_reason(
    sig: TableSignals, signals: dict[str, TableSignals], tables: dict[str, TableProfile]
) -> str | None:
    """Why a nested list's rows are places besides the parent's own address, or None."""
    parent = signals.get(sig.parent or "")
    parent_table = tables.get(sig.parent or "")
    if parent is None or parent_table is None or sig.table not in tables:
        return None
    # the columns ingest leaves where a nested list was ('contact-data.addresses') are no address
    lists = {innermost(s.table)[1] for s in signals.values() if s.parent == parent.table}
    empty = {c.column: c.null_share for c in parent_table.columns}
    own = _parts(parent, empty, lists)
    mine = _parts(sig, {c.column: c.null_share for c in tables[sig.table].columns}, set())
    if len(own) < MIN_PARTS or len(mine) < MIN_PARTS:
        return None
    listed = innermost(sig.table)[1]
    return (
        f"'{parent.table}' rows hold their own address ({', '.join(own)}) and the nested list "
        f"'{listed}' holds further places ({', '.join(mine)}): a contact has one address, so each "
        "place is kept as a note on it"
    )


def places_note(table: TableProfile, parent: ObjectDecision, why: str, parent_table: str) -> ObjectDecision:
    """The decision for a nested list of further places: a note on the parent's contact."""
    mapped = ObjectMap(
        id=f"object:{table.table}",
        source_object=table.table,
        row_count=table.row_count,
        targets=[ObjectTarget(object=T.NOTE)],
        cardinality=Cardinality.MANY_TO_ONE,
        parent_object=parent_table,
        key_column=table.primary_key,
        confidence=CONFIDENCE,
        rationale=f"'{table.table}' reads as note; {why}",
        evidence=[
            Evidence(source="foreign_key", detail=f"rows belong to '{parent_table}'"),
            Evidence(source="table", detail=why),
        ],
        alternatives=[
            Alternative(
                target=f"{parent.primary.value} (merge into parent)",
                score=0.4,
                value={"targets": [{"object": parent.primary.value, "role": "merge_into_parent"}]},
            ),
            Alternative(
                target="no_equivalent",
                score=0.2,
                value={"targets": [{"object": "no_equivalent", "role": "rebuild_reference"}]},
            ),
        ],
    )
    return type(parent)("note", T.NOTE, mapped)


def read_further_places(tables: list[TableProfile], signals: dict[str, TableSignals]) -> None:
    """Mark, on the nested lists' signals, the lists of places besides their parent's own address."""
    by_name = {t.table: t for t in tables}
    for sig in signals.values():
        if sig.parent is not None:
            sig.further_places = further_places_reason(sig, signals, by_name)
