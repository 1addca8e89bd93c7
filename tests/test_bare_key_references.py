"""Keys under a bare noun ('contact', 'stage', 'owner' holding another table's ids) link like id columns."""

from __future__ import annotations

from assistant.mapping.models import FieldKind, TargetObject, TransformKind
from assistant.profile.models import TableProfile
from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.propose.references import infer_references
from assistant.propose.sourcedata import MemoryValues
from tests.propose_factory import S, destination, table

CONTACTS = [
    {"id": str(100 + i), "firstName": f"P{i}", "lastName": "Lee", "email": f"p{i}@x.test"} for i in range(6)
]
USERS = [{"id": "1", "firstName": "Laura", "lastName": "Gómez", "email": "laura@demo.es"},
         {"id": "2", "firstName": "Pedro", "lastName": "Ruiz", "email": "pedro@demo.es"}]  # fmt: skip
STAGES = [{"id": "1", "title": "Nuevo"}, {"id": "2", "title": "Negociación"}, {"id": "3", "title": "Ganado"}]
DEALS = [
    {"id": str(500 + i), "title": f"Deal {i}", "contact": str(100 + i % 6), "stage": str(1 + i % 3),
     "owner": str(1 + i % 2), "percent": str(10 * (i % 4))}
    for i in range(12)
]  # fmt: skip


def _inputs(deal_rows: list[dict[str, str]]) -> tuple[list[TableProfile], MemoryValues]:
    contacts = table(
        "contacts",
        [("id", S.IDENTIFIER, {}), ("firstName", S.PERSON_NAME, {}), ("lastName", S.PERSON_NAME, {}),
         ("email", S.EMAIL, {})],
        rows=6, key="id",
    )  # fmt: skip
    users = table(
        "users",
        [("id", S.INTEGER, {}), ("firstName", S.PERSON_NAME, {}), ("lastName", S.PERSON_NAME, {}),
         ("email", S.EMAIL, {})],
        rows=2, key="id",
    )  # fmt: skip
    stages = table("dealStages", [("id", S.INTEGER, {}), ("title", S.PICKLIST, {})], rows=3, key="id")
    deals = table(
        "deals",
        [("id", S.IDENTIFIER, {}), ("title", S.FREE_TEXT, {}), ("contact", S.INTEGER, {}),
         ("stage", S.INTEGER, {}), ("owner", S.INTEGER, {}), ("percent", S.INTEGER, {})],
        rows=len(deal_rows), key="id",
    )  # fmt: skip
    data = {"contacts": CONTACTS, "users": USERS, "dealStages": STAGES, "deals": deal_rows}
    return [contacts, users, stages, deals], MemoryValues(data)


def _links(profiles: list[TableProfile], values: MemoryValues) -> dict[str, tuple[str, str] | None]:
    deals = next(t for t in infer_references(profiles, values) if t.table == "deals")
    return {
        c.column: (c.foreign_key.target_table, c.foreign_key.target_column) if c.foreign_key else None
        for c in deals.columns
    }


def test_a_bare_noun_holding_another_tables_ids_links_to_that_table() -> None:
    links = _links(*_inputs(DEALS))
    assert links["contact"] == ("contacts", "id")
    assert links["stage"] == ("dealStages", "id")  # the table's head noun
    assert links["owner"] == ("users", "id")  # an owner column beside the users
    assert links["percent"] is None  # numbers under a header that names no table


def test_ids_that_do_not_resolve_are_no_link() -> None:
    unknown = [{**d, "contact": str(900 + i)} for i, d in enumerate(DEALS)]
    assert _links(*_inputs(unknown))["contact"] is None


def test_the_deal_is_proposed_with_its_contact_owner_and_stage_through_the_links() -> None:
    profiles, values = _inputs(DEALS)
    doc = propose_offline(ProposeInputs(profiles, destination(), values))
    by_column = {f.source_columns[0]: f for f in doc.fields if f.source_object == "deals"}
    assert (by_column["contact"].target.kind, by_column["contact"].target.object) == (
        FieldKind.STANDARD, TargetObject.OPPORTUNITY,
    )  # fmt: skip
    assert by_column["contact"].target.field == "contactId"
    assert by_column["contact"].transform.kind == TransformKind.LOOKUP
    assert by_column["owner"].target.field == "assignedTo"
    assert by_column["owner"].transform.kind == TransformKind.OWNER
    assert by_column["stage"].target.field == "pipelineStageId"
