"""Yes/no flags of the old system's handling of a record are skipped; flags about the customer are kept."""

from __future__ import annotations

from assistant.mapping.items import FieldMap
from assistant.mapping.models import FieldKind
from assistant.propose.engine import ProposeInputs, propose_offline
from tests.propose_factory import S, destination, table

THRESHOLD = 0.7
YES_NO = {"values": {"Y": 14, "N": 6}}


def _contact_fields(*flags: str) -> dict[str, FieldMap]:
    contacts = table(
        "contacts",
        [("id", S.IDENTIFIER, {"unique_share": 1.0}), ("first_name", S.PERSON_NAME, {}),
         ("last_name", S.PERSON_NAME, {}), ("email", S.EMAIL, {}),
         *((flag, S.BOOLEAN, YES_NO) for flag in flags)],
        key="id",
    )  # fmt: skip
    doc = propose_offline(ProposeInputs([contacts], destination()))
    return {f.source_columns[0]: f for f in doc.fields if f.source_object == "contacts"}


def test_flags_of_the_old_systems_export_sync_and_visibility_are_skipped() -> None:
    fields = _contact_fields("EXPORT", "Is Public", "Synced", "Participates in export")
    for flag in ("EXPORT", "Is Public", "Synced", "Participates in export"):
        assert fields[flag].target.kind == FieldKind.SKIP, flag
        assert "handling of the record" in fields[flag].rationale, flag


def test_a_one_word_flag_about_the_customer_stays_a_custom_field() -> None:
    fields = _contact_fields("Newsletter", "is_vip")
    for flag in ("Newsletter", "is_vip"):
        assert fields[flag].target.kind == FieldKind.CUSTOM_NEW, flag


def test_a_flag_whose_header_says_what_it_is_keeps_its_confidence() -> None:
    fields = _contact_fields("allow_late_fees", "Do Not Email")
    assert fields["allow_late_fees"].target.kind == FieldKind.CUSTOM_NEW
    assert fields["allow_late_fees"].confidence >= THRESHOLD
