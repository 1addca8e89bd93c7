"""Columns whose values contradict their header: 'owner' names that are no users, last-modified times."""

from __future__ import annotations

from assistant.mapping.items import FieldMap, MappingDocument
from assistant.mapping.models import FieldKind, TargetObject, TransformKind
from assistant.propose.engine import ProposeInputs, propose_offline
from tests.propose_factory import S, destination, table

TRADE_NAMES = {"Marta Solís": 2, "Jorge Prieto": 2, "Elena Castro": 1, "Raúl Nieto": 1}


def _contacts(owner_values: dict[str, int], semantic: S = S.PERSON_NAME) -> MappingDocument:
    contacts = table(
        "contactos",
        [
            ("id", S.IDENTIFIER, {"unique_share": 1.0}),
            ("Nombre", S.PERSON_NAME, {}),
            ("Email", S.EMAIL, {}),
            ("Comercial", semantic, {"values": owner_values}),
            ("Fecha modificación", S.DATETIME, {"format": "iso-offset"}),
        ],
        key="id",
    )
    return propose_offline(ProposeInputs([contacts], destination()))


def _field(doc: MappingDocument, column: str) -> FieldMap:
    return next(f for f in doc.fields if f.source_columns == [column])


def test_an_owner_header_over_names_none_of_which_is_a_user_is_no_owner_column() -> None:
    doc = _contacts(TRADE_NAMES)
    seller = _field(doc, "Comercial")
    assert seller.transform.kind != TransformKind.OWNER
    assert seller.target.kind == FieldKind.CUSTOM_NEW
    assert any(a.target == "contact.assignedTo" for a in seller.alternatives)  # still offered
    assert doc.owners == []


def test_the_same_header_over_users_names_stays_the_records_owner() -> None:
    seller = _field(_contacts({"Laura Gómez": 3, "Pedro Ruiz": 2, "Ana Vidal": 1}), "Comercial")
    assert (seller.target.object, seller.target.field) == (TargetObject.CONTACT, "assignedTo")


def test_user_keys_are_not_judged_as_names() -> None:
    # codes such as 'S1' name users through a staff table, not by spelling: the owner reading is kept
    seller = _field(_contacts({"S1": 3, "S2": 2, "S3": 1}, S.PICKLIST), "Comercial")
    assert seller.target.field == "assignedTo"


def test_a_last_modified_time_of_the_old_system_is_skipped_with_the_custom_field_offered() -> None:
    stamp = _field(_contacts(TRADE_NAMES), "Fecha modificación")
    assert stamp.target.kind == FieldKind.SKIP
    assert "last-modified time" in stamp.rationale
    assert "custom field" in [a.target for a in stamp.alternatives]


def test_an_active_flag_on_a_deal_is_a_record_state_and_is_skipped() -> None:
    deals = table(
        "leads",
        [
            ("id", S.IDENTIFIER, {"unique_share": 1.0}),
            ("Opportunity", S.FREE_TEXT, {}),
            ("Expected Revenue", S.MONEY, {}),
            ("Active", S.BOOLEAN, {"values": {"True": 14, "False": 6}}),
            ("Active Since", S.DATE, {}),
        ],
        key="id",
    )
    doc = propose_offline(ProposeInputs([deals], destination()))
    active = _field(doc, "Active")
    assert active.target.kind == FieldKind.SKIP and "record-state" in active.rationale
    assert _field(doc, "Active Since").target.kind != FieldKind.SKIP  # a date, not the flag


def test_an_api_modification_date_is_a_last_modified_time_too() -> None:
    accounts = table(
        "accounts",
        [("id", S.IDENTIFIER, {"unique_share": 1.0}), ("name", S.COMPANY_NAME, {}),
         ("creation_date", S.DATETIME, {"format": "iso-offset"}),
         ("modification_date", S.DATETIME, {"format": "iso-offset"})],
        key="id",
    )  # fmt: skip
    stamp = _field(propose_offline(ProposeInputs([accounts], destination())), "modification_date")
    assert stamp.target.kind == FieldKind.SKIP and "last-modified time" in stamp.rationale
