"""A flat invoice export (one row per line item) lands its line columns in the invoice's lines, and of
two line amounts the one the quantity multiplies is the unit price, the product the line's amount."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.invoice_proposals import invoice_field_targets

ITEMS = [("Site measure", 120.0), ("Vinyl banner 3m", 240.0), ("Install labour", 95.0)]


def _lines(repeat_number: bool) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for i in range(1, 25):
        invoice = (i + 1) // 2 if repeat_number else i  # two lines per invoice, or one
        name, price = ITEMS[i % 3]
        qty = 2 + i % 4
        rows.append(
            {
                "Invoice Number": f"INV-{invoice:04d}", "Client Email": f"c{(i % 5) + 1}@example.com",
                "Invoice Date": f"2024-03-{(i % 27) + 1:02d}", "Status": "Paid" if i % 2 else "Draft",
                "Item Description": name, "Quantity": qty,
                "Unit Amount": f"{price:.2f}", "Line Amount": f"{price * qty:.2f}",
                "Total": f"{price * qty * 1.1:.2f}",
            }
        )  # fmt: skip
    return rows


def test_rows_that_repeat_their_invoice_number_beside_a_quantity_are_its_lines(tmp_path: Path) -> None:
    fields = invoice_field_targets(tmp_path, _lines(repeat_number=True))
    assert fields["Invoice Number"] == "invoiceNumber"
    assert fields["Total"] == "total"
    assert (fields["Item Description"], fields["Quantity"]) == ("description", "qty")
    assert (fields["Unit Amount"], fields["Line Amount"]) == ("amount", "lineTotal")


def test_one_row_per_invoice_offers_no_line_keys(tmp_path: Path) -> None:
    fields = invoice_field_targets(tmp_path, _lines(repeat_number=False))
    assert fields["Invoice Number"] == "invoiceNumber"
    assert fields["Quantity"] not in ("qty", "amount", "lineTotal")
    assert fields["Item Description"] != "description"
