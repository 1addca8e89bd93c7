"""An invoice's balance is its status when no column says whether it was paid."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from tests.invoice_proposals import invoice_field_targets


def _invoice(i: int, status: bool) -> dict[str, Any]:
    total = 300.0 + 25 * i
    row: dict[str, Any] = {
        "Id": str(500 + i), "DocNumber": str(1200 + i), "CustomerEmail": f"c{(i % 5) + 1}@example.com",
        "TxnDate": f"2024-05-{i:02d}", "TotalAmt": total, "Balance": 0.0 if i % 3 else total / 2,
    }  # fmt: skip
    if status:
        row["Status"] = "Paid" if i % 3 else "Partial"
    return row


def test_a_zero_balance_marks_the_invoice_paid_where_nothing_else_does(tmp_path: Path) -> None:
    fields = invoice_field_targets(tmp_path, [_invoice(i, status=False) for i in range(1, 19)])
    assert fields["TotalAmt"] == "total"
    assert fields["Balance"] == "status"
    doc = yaml.safe_load((tmp_path / "ws" / "mapping.yaml").read_text(encoding="utf-8"))
    balance = next(f for f in doc["fields"] if f["source_columns"] == ["Balance"])
    params = balance["transform"]["params"]
    assert params["map"] == {"0.0": "paid"} and params["default"] == "unpaid"  # any balance owed


def test_beside_a_status_column_the_balance_is_no_status(tmp_path: Path) -> None:
    fields = invoice_field_targets(tmp_path, [_invoice(i, status=True) for i in range(1, 19)])
    assert fields["Status"] == "status"
    assert fields["Balance"] != "status"
