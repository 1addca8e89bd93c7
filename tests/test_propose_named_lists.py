"""Nested lists named for the one field they hold (``fields.first name`` = [{value, label}]): the list's
name says which field the bare ``value`` is, a ``label`` repeating that name is no tag, and a bag of
{name, value} pairs keeps its own reading. A destination field that only puts a record noun before the
column's header ('Payment Terms' for 'Terms') is reused; a key word after the noun is not."""

from __future__ import annotations

from typing import Any

from assistant.highlevel.state import CustomField
from assistant.mapping.items import FieldMap, MappingDocument
from assistant.mapping.models import FieldKind, TargetObject
from assistant.profile.models import TableProfile
from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.propose.sourcedata import MemoryValues
from assistant.settings import ProposeSettings
from tests.propose_factory import S, destination, table

ROWS = 12
Rows = dict[str, list[dict[str, str | None]]]


def _map(doc: MappingDocument, obj: str, column: str) -> FieldMap:
    return next(f for f in doc.fields if f.source_object == obj and f.source_columns == [column])


def _entries(name: str, values: list[str], semantic: S, **extra: Any) -> tuple[TableProfile, Rows]:
    counts = {v: values.count(v) for v in values}
    child = table(
        f"people__fields.{name}",
        [("field_id", S.IDENTIFIER, {"values": {"5f55d298c670": len(values)}, "distinct_count": 1}),
         ("value", semantic, {"values": counts, "distinct_count": len(counts), **extra}),
         ("label", S.PICKLIST, {"values": {name: len(values)}, "distinct_count": 1})],
        rows=len(values),
        parent="people",
    )  # fmt: skip
    rows = [
        {"field_id": "5f55d298c670", "value": v, "label": name, "_parent_key": str(i)}
        for i, v in enumerate(values)
    ]
    return child, {child.table: rows}


def _people() -> tuple[TableProfile, Rows]:
    people = table("people", [("id", S.IDENTIFIER, {"unique_share": 1.0})], rows=ROWS, key="id")
    return people, {"people": [{"id": str(i)} for i in range(ROWS)]}


def _doc(*lists: tuple[TableProfile, Rows], dest_fields: list[CustomField] | None = None) -> MappingDocument:
    profiles: list[TableProfile] = []
    rows: Rows = {}
    for profile, cells in (_people(), *lists):
        profiles.append(profile)
        rows.update(cells)
    dest = destination()
    if dest_fields is not None:
        dest = dest.model_copy(update={"customFields": dest_fields})
    return propose_offline(ProposeInputs(profiles, dest, values=MemoryValues(rows)))


FIRST = ["Mia", "Leo", "Ana", "Tom", "Mia", "Eva", "Ian", "Zoe", "Leo", "Kai", "Ada", "Max"]
TITLES = ["CEO", "Founder", "CEO", "Office Manager", "Founder", "CEO"] * 2


def test_the_value_of_a_list_named_first_name_is_the_contacts_first_name() -> None:
    doc = _doc(_entries("first name", FIRST, S.PICKLIST))
    value = _map(doc, "people__fields.first name", "value")
    assert (value.target.object, value.target.field) == (TargetObject.CONTACT, "firstName")
    assert "the list 'first name'" in value.rationale


def test_a_label_repeating_the_lists_name_is_skipped_not_a_tag() -> None:
    doc = _doc(_entries("title", TITLES, S.PICKLIST))
    label = _map(doc, "people__fields.title", "label")
    assert label.target.kind == FieldKind.SKIP
    assert "the name of the list it sits in" in label.rationale


def test_a_title_list_is_a_field_named_title_not_a_name_value() -> None:
    doc = _doc(_entries("title", TITLES, S.PICKLIST))
    value = _map(doc, "people__fields.title", "value")
    assert value.target.custom_field is not None
    assert value.target.custom_field.name == "Title"


def test_a_bag_of_name_value_pairs_keeps_the_value_header() -> None:
    bag = table(
        "people__fields.custom",
        [("name", S.PICKLIST, {"values": {"Budget": 6, "Size": 6}, "distinct_count": 2}),
         ("value", S.FREE_TEXT, {"distinct_count": 12})],
        rows=ROWS,
        parent="people",
    )  # fmt: skip
    rows = [
        {"name": "Budget" if i % 2 else "Size", "value": f"v{i}", "_parent_key": str(i)} for i in range(ROWS)
    ]
    value = _map(_doc((bag, {bag.table: rows})), "people__fields.custom", "value")
    assert "holds the entries of the list" not in value.rationale


TERMS = CustomField(
    id="cf_terms", name="Payment Terms", fieldKey="contact.payment_terms", dataType="SINGLE_OPTIONS"
)
INVOICE_NO = CustomField(
    id="cf_inv", name="Invoice Number", fieldKey="contact.invoice_number", dataType="TEXT"
)


def _customers(header: str, values: dict[str, int], semantic: S) -> TableProfile:
    return table(
        "customers",
        [("id", S.IDENTIFIER, {"unique_share": 1.0}), ("first name", S.PERSON_NAME, {}),
         (header, semantic, {"values": values, "distinct_count": len(values)})],
        rows=ROWS,
        key="id",
    )  # fmt: skip


def test_terms_reuse_the_destinations_payment_terms() -> None:
    customers = _customers("Terms", {"Net 15": 5, "Net 30": 5, "Due Upon Receipt": 2}, S.PICKLIST)
    doc = propose_offline(
        ProposeInputs([customers], destination().model_copy(update={"customFields": [TERMS]}))
    )
    terms = _map(doc, "customers", "Terms")
    assert terms.target.custom_field is not None
    assert terms.target.custom_field.field_key == "contact.payment_terms"


def test_a_bare_number_does_not_take_an_invoice_number_field() -> None:
    customers = _customers("Number", {f"C-{i}": 1 for i in range(ROWS)}, S.IDENTIFIER)
    dest = destination().model_copy(update={"customFields": [INVOICE_NO]})
    number = _map(propose_offline(ProposeInputs([customers], dest)), "customers", "Number")
    assert (
        number.target.custom_field is None or number.target.custom_field.field_key != "contact.invoice_number"
    )


def test_an_address_held_as_json_text_fills_the_standard_address_parts() -> None:
    cells = [
        f'{{"street": "{n} Hill Rd", "city": "{c}", "zip": "4321{n}", "country": "United States"}}'
        for n, c in enumerate(["Austin", "Boise", "Tampa", "Boise", "Austin", "Tampa"] * 2)
    ]
    clients = table(
        "clients",
        [("id", S.IDENTIFIER, {"unique_share": 1.0}), ("first name", S.PERSON_NAME, {}),
         ("address", S.FREE_TEXT, {"values": {c: 1 for c in cells}, "distinct_count": ROWS})],
        rows=ROWS,
        key="id",
    )  # fmt: skip
    rows = {"clients": [{"id": str(i), "address": c} for i, c in enumerate(cells)]}
    doc = propose_offline(ProposeInputs([clients], destination(), values=MemoryValues(rows)))
    parts = {
        f.transform.params.get("json_key"): f.target.field
        for f in doc.fields
        if f.source_object == "clients" and f.source_columns == ["address"]
    }
    assert parts == {"street": "address1", "city": "city", "zip": "postalCode", "country": "country"}


def _typed_items() -> MappingDocument:
    items = table(
        "people__contactItems",
        [("contactType", S.PICKLIST, {"values": {"email": 6, "mobile": 4, "phone": 2}, "distinct_count": 3}),
         ("contactValue", S.FREE_TEXT, {"distinct_count": ROWS, "unique_share": 0.9})],
        rows=ROWS,
        parent="people",
    )  # fmt: skip
    people, rows = _people()
    return propose_offline(ProposeInputs([people, items], destination(), values=MemoryValues(rows)))


def test_the_type_of_a_typed_contact_point_routes_its_value_and_is_skipped() -> None:
    kind = _map(_typed_items(), "people__contactItems", "contactType")
    assert kind.target.kind == FieldKind.SKIP
    assert "routes the value" in kind.rationale


def test_a_value_holding_emails_and_phones_is_routed_by_its_type() -> None:
    doc = _typed_items()
    value = [
        f
        for f in doc.fields
        if f.source_object == "people__contactItems" and f.source_columns == ["contactValue"]
    ]
    routes = {f.target.field: f.transform.params["only_where"] for f in value}
    assert routes == {
        "email": {"column": "contactType", "values": ["email"]},
        "phone": {"column": "contactType", "values": ["mobile", "phone"]},
    }
    assert {f.target.object for f in value} == {TargetObject.CONTACT}
    assert {f.id for f in value} == {
        "field:people__contactItems.contactValue#email",
        "field:people__contactItems.contactValue#phone",
    }


def test_of_a_main_and_a_billing_persons_lists_only_the_main_one_is_routed() -> None:
    lists = [
        table(
            f"people__{who}.contactItems",
            [("contactType", S.PICKLIST, {"values": {"email": 6, "mobile": 4}, "distinct_count": 2}),
             ("contactValue", S.FREE_TEXT, {"distinct_count": ROWS, "unique_share": 0.9})],
            rows=ROWS,
            parent="people",
        )
        for who in ("mainContact", "billingContact")
    ]  # fmt: skip
    people, rows = _people()
    doc = propose_offline(ProposeInputs([people, *lists], destination(), values=MemoryValues(rows)))
    routed = {f.source_object for f in doc.fields if "only_where" in f.transform.params}
    assert routed == {"people__mainContact.contactItems"}
    billing = _map(doc, "people__billingContact.contactItems", "contactValue")
    assert billing.confidence < ProposeSettings().confidence_threshold  # someone else's: a person decides


def test_a_list_found_only_on_company_rows_lands_in_the_company() -> None:
    kinds = {"person": 8, "company": 4}
    people = table(
        "people",
        [("id", S.IDENTIFIER, {"unique_share": 1.0}), ("record_type", S.PICKLIST, {"values": kinds}),
         ("email", S.EMAIL, {})],
        rows=ROWS,
        key="id",
    )  # fmt: skip
    marked = [{"id": str(i), "record_type": "company" if i < 4 else "person"} for i in range(ROWS)]
    revenue, rows = _entries("annual revenue", ["120000", "95000", "480000", "75000"], S.DECIMAL)
    rows[revenue.table] = [{**r, "_parent_key": str(i)} for i, r in enumerate(rows[revenue.table])]
    values = MemoryValues({"people": marked, **rows})
    doc = propose_offline(ProposeInputs([people, revenue], destination(), values=values))
    listed = next(o for o in doc.objects if o.source_object == "people__fields.annual revenue")
    assert [(t.object, t.role) for t in listed.targets] == [(TargetObject.COMPANY, "merge_into_parent")]
    value = _map(doc, "people__fields.annual revenue", "value")
    assert value.target.object == TargetObject.COMPANY  # no person is given a business's revenue


def test_a_list_with_a_kind_no_field_takes_is_not_routed() -> None:
    items = table(
        "people__contactItems",
        [("contactType", S.PICKLIST, {"values": {"email": 6, "mobile": 4, "fax": 2}, "distinct_count": 3}),
         ("contactValue", S.FREE_TEXT, {"distinct_count": ROWS, "unique_share": 0.9})],
        rows=ROWS,
        parent="people",
    )  # fmt: skip
    people, rows = _people()
    doc = propose_offline(ProposeInputs([people, items], destination(), values=MemoryValues(rows)))
    assert not [f for f in doc.fields if "only_where" in f.transform.params]  # a fax first would vanish
    assert (
        _map(doc, "people__contactItems", "contactValue").confidence < ProposeSettings().confidence_threshold
    )
