"""A reference whose record another column of the row already links feeds no custom field: a nested
object's name beside its key, and a second reference to the people the record's contact comes from."""

from __future__ import annotations

from assistant.mapping.items import FieldMap
from assistant.mapping.models import FieldKind, TransformKind
from assistant.profile.models import ForeignKey
from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.propose.sourcedata import MemoryValues
from tests.propose_factory import S, destination, people_table, table


def _fields(profiles: list) -> dict[str, FieldMap]:  # type: ignore[type-arg]
    doc = propose_offline(ProposeInputs(profiles, destination(), MemoryValues({})))
    return {f.id: f for f in doc.fields}


def test_a_nested_customer_key_reaches_the_contact_through_the_company_beside_its_name() -> None:
    key_and_name = [("id", S.IDENTIFIER, {"unique_share": 1.0}), ("name", S.COMPANY_NAME, {})]
    companies = table("companies", key_and_name, key="id")
    contacts = table(
        "contacts",
        [("id", S.IDENTIFIER, {"unique_share": 1.0}), ("firstName", S.PERSON_NAME, {}),
         ("lastName", S.PERSON_NAME, {}), ("email", S.EMAIL, {}),
         ("company.id", S.FOREIGN_KEY, {"fk": ("companies", "id")}), ("company.name", S.COMPANY_NAME, {})],
        key="id",
    )  # fmt: skip
    jobs = table(
        "jobs",
        [("id", S.IDENTIFIER, {"unique_share": 1.0}), ("name", S.FREE_TEXT, {}),
         ("estimatedPrice", S.MONEY, {"locale": "en"}),
         ("customer.id", S.FOREIGN_KEY, {"fk": ("companies", "id")}), ("customer.name", S.PERSON_NAME, {})],
        key="id",
    )  # fmt: skip
    # the profile matched the customer's name to the contacts' embedded company name
    named = next(c for c in jobs.columns if c.column == "customer.name")
    named.semantic_type = S.FOREIGN_KEY
    named.foreign_key = ForeignKey(
        table="jobs", column="customer.name", target_table="contacts", target_column="id",
        resolved_share=1.0, by_names=[["company.name"]],
    )  # fmt: skip
    fields = _fields([companies, contacts, jobs])
    key = fields["field:jobs.customer.id"]
    assert (key.target.field, key.transform.kind, key.transform.params["object"]) == (
        "contactId",
        TransformKind.LOOKUP,
        "contact",
    )
    assert key.transform.params["table"] == "companies"
    assert fields["field:jobs.customer.name"].target.kind == FieldKind.SKIP


def test_a_second_contact_reference_is_left_out_below_the_review_threshold() -> None:
    deals = table(
        "deals",
        [("id", S.IDENTIFIER, {"unique_share": 1.0}), ("title", S.FREE_TEXT, {}),
         ("amount", S.MONEY, {"locale": "en"}),
         ("customer_id", S.FOREIGN_KEY, {"fk": ("contacts", "id")}),
         ("contact_person.id", S.FOREIGN_KEY, {"fk": ("contacts", "id"), "null_share": 0.5})],
        key="id",
    )  # fmt: skip
    fields = _fields([people_table("contacts"), deals])
    assert fields["field:deals.customer_id"].target.field == "contactId"
    second = fields["field:deals.contact_person.id"]
    assert second.target.kind == FieldKind.SKIP
    assert second.confidence < 0.7
    assert any("second reference" in e.detail for e in second.evidence)
