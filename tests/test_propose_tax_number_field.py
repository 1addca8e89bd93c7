"""A tax registration number ('vat_number') feeds the destination's existing field of that meaning."""

from __future__ import annotations

from assistant.highlevel.state import CustomField
from assistant.mapping.items import MappingDocument
from assistant.mapping.models import FieldKind
from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.propose.normalize import concepts
from assistant.propose.sourcedata import MemoryValues
from tests.propose_factory import S, destination, table

NUMBERS = ["GB123456789", "", "GB987654321", "DE811907980", ""]


def _propose(header: str) -> MappingDocument:
    clients = table(
        "clients",
        [
            ("id", S.IDENTIFIER, {"unique_share": 1.0}),
            ("first_name", S.PERSON_NAME, {}),
            ("last_name", S.PERSON_NAME, {}),
            (header, S.FREE_TEXT, {"null_share": 0.4}),
        ],
        rows=len(NUMBERS),
        key="id",
    )
    dest = destination()
    gst = CustomField(id="cf_gst", name="GST/HST Number", fieldKey="contact.gsthst_number", dataType="TEXT")
    dest = dest.model_copy(update={"customFields": [gst]})  # no field named VAT: only its meaning matches
    rows: list[dict[str, str | None]] = [
        {"id": str(i), "first_name": f"Ana{i}", "last_name": "Vidal", header: n}
        for i, n in enumerate(NUMBERS)
    ]
    return propose_offline(ProposeInputs([clients], dest, values=MemoryValues({"clients": rows})))


def test_gst_hst_number_reads_as_a_tax_registration_number() -> None:
    assert concepts("GST/HST Number")[:1] == ("tax_id",)


def test_a_vat_number_reuses_the_existing_gst_hst_field_instead_of_a_new_one() -> None:
    for header in ("vat_number", "Tax ID"):
        field = next(f for f in _propose(header).fields if f.source_columns == [header])
        assert field.target.kind == FieldKind.CUSTOM_EXISTING, header
        assert field.target.custom_field is not None
        assert field.target.custom_field.field_key == "contact.gsthst_number"
