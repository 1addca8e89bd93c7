"""What a nested list's entry carries beside its value: the label ('primary' / 'invoicing' of an e-mail)
keeps its custom field but is held for review, the entry's phone is the record's phone even when the
profile took the unique numbers for the entries' key, and the id half of a {type, id} reference into a
list the export does not hold is skipped."""

from __future__ import annotations

from assistant.mapping.items import FieldMap, MappingDocument
from assistant.mapping.models import FieldKind, TargetObject
from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.settings import ProposeSettings
from tests.propose_factory import S, destination, table

ROWS = 20


def _map(doc: MappingDocument, obj: str, column: str) -> FieldMap:
    return next(f for f in doc.fields if f.source_object == obj and f.source_columns == [column])


def _doc() -> MappingDocument:
    companies = table(
        "companies",
        [("id", S.IDENTIFIER, {"unique_share": 1.0}), ("name", S.COMPANY_NAME, {"unique_share": 1.0}),
         ("business_type.type", S.PICKLIST, {"values": {"businessType": ROWS}}),
         ("business_type.id", S.IDENTIFIER, {"unique_share": 1.0, "share": 1.0})],
        key="id",
    )  # fmt: skip
    emails = table(
        "companies__emails",
        [("type", S.PICKLIST, {"values": {"primary": 14, "invoicing": 6}}), ("email", S.EMAIL, {})],
        parent="companies",
    )  # fmt: skip
    contacts = table(
        "contacts",
        [("id", S.IDENTIFIER, {"unique_share": 1.0}), ("first_name", S.PERSON_NAME, {}),
         ("last_name", S.PERSON_NAME, {})],
        key="id",
    )  # fmt: skip
    phones = table(
        "contacts__telephones",
        [("type", S.PICKLIST, {"values": {"mobile": 12, "phone": 8}}),
         ("number", S.PHONE, {"unique_share": 1.0, "share": 0.81})],
        key="number",
        parent="contacts",
    )  # fmt: skip
    return propose_offline(ProposeInputs([companies, emails, contacts, phones], destination()))


def test_the_label_of_a_nested_entry_is_held_below_the_review_threshold() -> None:
    label = _map(_doc(), "companies__emails", "type")
    assert label.target.kind == FieldKind.CUSTOM_NEW
    assert label.confidence < ProposeSettings().confidence_threshold
    assert "labels one entry of the nested list 'companies__emails'" in label.rationale


def test_a_nested_entrys_unique_phone_is_the_records_phone_not_a_key_to_drop() -> None:
    number = _map(_doc(), "contacts__telephones", "number")
    assert number.target.kind != FieldKind.SKIP
    assert number.target.object == TargetObject.CONTACT


def test_the_id_of_a_reference_into_a_list_the_export_lacks_is_skipped() -> None:
    dangling = _map(_doc(), "companies", "business_type.id")
    assert dangling.target.kind == FieldKind.SKIP
    assert "'business_type'" in dangling.rationale
