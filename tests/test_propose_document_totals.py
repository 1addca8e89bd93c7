"""An invoice amount equal to its balance plus what was paid is the invoice's total."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from typer.testing import CliRunner

from tests.invoice_proposals import invoice_field_targets

runner = CliRunner()


def _invoice(i: int, adds_up: bool) -> dict[str, Any]:
    amount = 100.0 + 7 * i
    tax = round(amount / 6, 2)
    paid = 0.0 if i % 4 == 0 else (amount if i % 2 else 40.0)
    balance = 0.0 if i % 4 == 0 else amount - paid + (0.0 if adds_up else 15.0)
    return {
        "Invoice Number": f"{i:04d}", "Client Email": f"c{(i % 5) + 1}@example.com",
        "Invoice Amount": f"{amount:.2f}", "Invoice Balance": f"{balance:.2f}",
        "Invoice Paid to Date": f"{paid:.2f}", "Invoice Tax Amount": f"{tax:.2f}",
        "Invoice Status": "Draft" if i % 4 == 0 else ("Paid" if i % 2 else "Partial"),
    }  # fmt: skip


def _fields(tmp_path: Path, adds_up: bool) -> dict[str, str | None]:
    return invoice_field_targets(tmp_path, [_invoice(i, adds_up) for i in range(1, 31)])


def test_the_amount_that_is_balance_plus_paid_is_the_total(tmp_path: Path) -> None:
    fields = _fields(tmp_path, adds_up=True)
    assert fields["Invoice Amount"] == "total"
    assert fields["Invoice Tax Amount"] != "total"


def test_an_amount_the_parts_do_not_add_up_to_is_not_called_the_total(tmp_path: Path) -> None:
    _fields(tmp_path, adds_up=False)
    # its header may still read as the total (the tax beside it never does); the sum proves nothing
    doc = yaml.safe_load((tmp_path / "ws" / "mapping.yaml").read_text(encoding="utf-8"))
    amount = next(f for f in doc["fields"] if f["source_columns"] == ["Invoice Amount"])
    assert not any("on every row: what the document asks in all" in e["detail"] for e in amount["evidence"])
    assert "on every row: what the document asks in all" not in amount["rationale"]
