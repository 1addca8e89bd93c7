"""Billing proposals in the review: `i` lists them, `a` bills the documents to the business, `r`
keeps them as notes."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.mapping.items import BusinessBilling
from assistant.mapping.models import Status
from assistant.review.screens.billings import BillingsScreen
from tests.review_data import small_document
from tests.test_review_app import highlight, review, settle

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


async def test_the_billing_screen_accepts_and_rejects_billing_proposals(tmp_path: Path) -> None:
    doc = small_document()
    doc.billings = [
        BusinessBilling(
            id=f"billing:{table}", source_object=table, document="invoice", contact_table="clients",
            documents=3, row_count=40, confidence=0.8,
        )
        for table in ("invoices", "estimates")
    ]  # fmt: skip
    async with review(tmp_path, doc) as (app, pilot):
        await pilot.press("i")
        assert isinstance(app.screen, BillingsScreen)
        highlight(app, "billing:invoices")
        await pilot.press("a")
        highlight(app, "billing:estimates")
        await pilot.press("r")
        saved = await settle(app, pilot, tmp_path)
    assert [(b.id, b.status, b.decided_by) for b in saved.billings] == [
        ("billing:invoices", Status.ACCEPTED, "ana"),
        ("billing:estimates", Status.REJECTED, "ana"),
    ]
