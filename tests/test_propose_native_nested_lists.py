"""A nested list merged into an invoice made native merges into the native invoice."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from tests.invoice_proposals import invoice_field_targets


def _invoice(i: int) -> dict[str, Any]:
    return {
        "Id": str(2100 + i), "DocNumber": str(1200 + i), "CustomerEmail": f"c{(i % 5) + 1}@example.com",
        "TxnDate": f"2024-03-{i:02d}", "TotalAmt": 400.0 + 35 * i,
        "LinkedTxn": [{"TxnId": str(3100 + i), "TxnType": "Payment"}],
    }  # fmt: skip


def test_a_nested_list_of_a_native_invoice_merges_into_that_invoice(tmp_path: Path) -> None:
    invoice_field_targets(tmp_path, [_invoice(i) for i in range(1, 21)])
    doc = yaml.safe_load((tmp_path / "ws" / "mapping.yaml").read_text(encoding="utf-8"))
    objects = {o["source_object"]: o for o in doc["objects"]}
    assert [t["object"] for t in objects["invoices"]["targets"]] == ["invoice"]
    nested = objects["invoices__LinkedTxn"]
    assert [(t["object"], t["role"]) for t in nested["targets"]] == [("invoice", "merge_into_parent")]
    assert nested["targets"][0]["custom_object_key"] is None
    # the nested rows fill their invoice: no billing choice of their own (their invoice has one)
    billed = [b["source_object"] for b in doc.get("billings") or []]
    assert "invoices__LinkedTxn" not in billed
