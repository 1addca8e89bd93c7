"""A document's number is its own filled, unique number, not a mostly blank customer reference."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from tests.invoice_proposals import invoice_field_targets

runner = CliRunner()


def _numbers(tmp_path: Path, po_every: int) -> dict[str, str | None]:
    invoices = [
        {
            "id": i,
            "invoice_number": f"{i:07d}",
            "po_number": f"PO-{4000 + i}" if i % po_every == 0 else None,
            "client-id": (i % 5) + 1,
            "date": f"2024-0{(i % 9) + 1}-1{i % 10}",
            "due-date": f"2024-1{i % 3}-0{(i % 9) + 1}",
            "total": f"{100 + i}.50",
            "status": ["paid", "unpaid", "void"][i % 3],
        }
        for i in range(1, 41)
    ]
    return invoice_field_targets(tmp_path, invoices)


def test_a_mostly_blank_po_number_does_not_take_the_invoice_number(tmp_path: Path) -> None:
    fields = _numbers(tmp_path, po_every=8)  # five purchase orders among forty invoices
    assert fields["invoice_number"] == "invoiceNumber"
    assert fields["po_number"] != "invoiceNumber"
