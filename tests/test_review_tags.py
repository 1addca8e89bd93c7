"""Tag clusters: marks are visible, and a merge that moves several clusters asks first."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable

from assistant.review.app import ReviewApp
from assistant.review.screens.modals import ConfirmModal
from assistant.review.screens.tags import TagsScreen
from tests.review_data import context, saved, small_document, write_workspace
from tests.test_review_app import highlight

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


async def mark(app: ReviewApp, pilot: Pilot[None], *cluster_ids: str) -> None:
    for cluster_id in cluster_ids:
        highlight(app, cluster_id)
        await pilot.press("space")
        await pilot.pause()


def mark_cell(app: ReviewApp, cluster_id: str) -> str:
    """The mark column's cell as the screen shows it: cut to the column's width."""
    table = app.screen.query_one(DataTable)
    column = table.ordered_columns[0]
    shown = column.get_render_width(table) - 2 * table.cell_padding
    return str(table.get_cell(cluster_id, column.key))[:shown]


async def test_marked_clusters_show_their_mark(tmp_path: Path) -> None:
    app = ReviewApp(write_workspace(tmp_path, small_document()), "ana", context=context())
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, TagsScreen)
        await mark(app, pilot, "tag:Priority")
        assert "◆" in mark_cell(app, "tag:Priority")
        assert "◆" not in mark_cell(app, "tag:Boiler")


async def test_a_merge_of_several_clusters_asks_and_no_leaves_them(tmp_path: Path) -> None:
    app = ReviewApp(write_workspace(tmp_path, small_document()), "ana", context=context())
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("t")
        await pilot.pause()
        await mark(app, pilot, "tag:Priority", "tag:Boiler")
        highlight(app, "tag:VIP")
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal)
        assert "'Priority'" in app.screen.body or "Priority" in app.screen.body
        await pilot.press("n")
        await pilot.pause()
        app.persistence.flush(timeout=60)
        assert [c.id for c in saved(tmp_path).tags] == ["tag:VIP", "tag:Priority", "tag:Boiler"]
        await pilot.press("m", "y")
        await pilot.pause()
        app.persistence.flush(timeout=60)
    tags = saved(tmp_path).tags
    assert [c.id for c in tags] == ["tag:VIP"]
    assert set(tags[0].members) >= {"vip", "V.I.P.", "boiler"}


async def test_a_merge_of_one_marked_cluster_needs_no_question(tmp_path: Path) -> None:
    app = ReviewApp(write_workspace(tmp_path, small_document()), "ana", context=context())
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("t")
        await pilot.pause()
        await mark(app, pilot, "tag:Boiler")
        highlight(app, "tag:VIP")
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, TagsScreen)
        app.persistence.flush(timeout=60)
    assert [c.id for c in saved(tmp_path).tags] == ["tag:VIP", "tag:Priority"]
