"""A tax figure that is a small share of another amount on every row is the tax on it, not the total."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from tests.invoice_proposals import invoice_field_targets

TAX_REASON = "a tax: at most half of"


def _invoice(i: int, **amounts: Any) -> dict[str, Any]:
    return {
        "Id": str(2100 + i), "DocNumber": str(1200 + i), "CustomerEmail": f"c{(i % 5) + 1}@example.com",
        "TxnDate": f"2024-03-{i:02d}", **amounts,
    }  # fmt: skip


def _rationales(tmp_path: Path) -> dict[str, str]:
    doc = yaml.safe_load((tmp_path / "ws" / "mapping.yaml").read_text(encoding="utf-8"))
    return {f["source_columns"][0]: f["rationale"] for f in doc["fields"] if f["source_object"] == "invoices"}


def _taxed(i: int, share: float) -> dict[str, Any]:
    total = 400.0 + 35 * i
    return _invoice(i, TxnTaxDetail={"TotalTax": round(total * share, 2)}, TotalAmt=total)


def test_the_tax_beside_the_total_leaves_it_the_total(tmp_path: Path) -> None:
    fields = invoice_field_targets(tmp_path, [_taxed(i, 0.08) for i in range(1, 21)])
    assert fields["TotalAmt"] == "total"
    assert fields["TxnTaxDetail.TotalTax"] is None  # skipped: the total carries it
    assert TAX_REASON in _rationales(tmp_path)["TxnTaxDetail.TotalTax"]


def test_no_tax_at_all_is_still_no_total(tmp_path: Path) -> None:
    fields = invoice_field_targets(tmp_path, [_taxed(i, 0.0) for i in range(1, 21)])
    assert fields["TotalAmt"] == "total"
    assert fields["TxnTaxDetail.TotalTax"] is None


def test_a_total_before_or_after_tax_is_no_share_of_the_other(tmp_path: Path) -> None:
    rows = [
        _invoice(i, Total={"ExTax": 100.0 * i, "Tax": 10.0 * i, "IncTax": 110.0 * i}) for i in range(1, 21)
    ]
    invoice_field_targets(tmp_path, rows)
    why = _rationales(tmp_path)
    assert TAX_REASON in why["Total.Tax"]
    assert TAX_REASON not in why["Total.ExTax"] and TAX_REASON not in why["Total.IncTax"]


def test_a_tax_rate_or_a_tax_above_half_the_other_amount_is_no_tax_part(tmp_path: Path) -> None:
    rows = [_invoice(i, TaxRate=21.0, Tax=60.0, Deposit=100.0, Amount=100.0 + i) for i in range(1, 21)]
    invoice_field_targets(tmp_path, rows)
    why = _rationales(tmp_path)
    assert TAX_REASON not in why["TaxRate"]
    assert TAX_REASON not in why["Tax"]
