"""A tax's name beside an invoice ('Tax Name 1' = 'VAT') never becomes the invoice's name."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from assistant.mapping.models import FieldKind, TargetObject
from assistant.profile.models import SemanticType
from assistant.propose.candidates import Candidate
from assistant.propose.charge_names import names_a_charge
from tests.invoice_proposals import invoice_field_targets
from tests.propose_factory import col

runner = CliRunner()


def _invoice_fields(tmp_path: Path) -> dict[str, str | None]:
    invoices = [
        {"Invoice Number": f"{i:04d}", "Client Email": f"c{(i % 5) + 1}@example.com",
         "Total": f"{100 + i}.00",
         "Tax Name 1": "VAT" if i % 9 else "GST", "Tax Rate 1": "20" if i % 9 else "10"}
        for i in range(1, 31)
    ]  # fmt: skip
    return invoice_field_targets(tmp_path, invoices)


def test_a_tax_name_does_not_name_the_invoice(tmp_path: Path) -> None:
    fields = _invoice_fields(tmp_path)
    assert fields["Tax Name 1"] != "name"
    assert fields["Invoice Number"] == "invoiceNumber"


def test_only_a_charges_name_is_kept_from_the_records_name() -> None:
    def cand(field: str) -> Candidate:
        return Candidate(kind=FieldKind.STANDARD, object=TargetObject.INVOICE, field=field, label=field,
                         score=0.9, name_score=1.0)  # fmt: skip

    assert names_a_charge(col("invoices", "Discount Label", SemanticType.PICKLIST), cand("name"))
    assert not names_a_charge(col("invoices", "Invoice Name", SemanticType.FREE_TEXT), cand("name"))
    assert not names_a_charge(col("invoices", "Tax Name", SemanticType.PICKLIST), cand("taxName"))
