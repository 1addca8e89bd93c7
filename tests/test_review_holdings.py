"""Holding proposals in the review: `h` lists them, `a` parks the orphans, `r` keeps them held."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.mapping.items import HoldingParent
from assistant.mapping.models import Status
from assistant.review.screens.holdings import HoldingsScreen
from tests.review_data import small_document
from tests.test_review_app import highlight, review, settle

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


async def test_the_holding_screen_accepts_and_rejects_holding_proposals(tmp_path: Path) -> None:
    doc = small_document()
    doc.holdings = [
        HoldingParent(
            id=f"holding:{table}", source_object=table, link_column="client_id", orphan_rows=2,
            row_count=40, example_rows=[3, 9], confidence=0.9,
        )
        for table in ("quotes", "jobs")
    ]  # fmt: skip
    async with review(tmp_path, doc) as (app, pilot):
        await pilot.press("h")
        assert isinstance(app.screen, HoldingsScreen)
        highlight(app, "holding:quotes")
        await pilot.press("a")
        highlight(app, "holding:jobs")
        await pilot.press("r")
        saved = await settle(app, pilot, tmp_path)
    assert [(h.id, h.status, h.decided_by) for h in saved.holdings] == [
        ("holding:quotes", Status.ACCEPTED, "ana"),
        ("holding:jobs", Status.REJECTED, "ana"),
    ]
