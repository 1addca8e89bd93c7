"""Snapshots of every review screen at 120x40 (pytest-textual-snapshot; `--snapshot-update` to accept)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable

from assistant.review.app import ReviewApp
from tests.review_data import context, small_document, write_workspace

SIZE = (120, 40)
Compare = Callable[..., bool]


def make_app(tmp_path: Path) -> ReviewApp:
    return ReviewApp(write_workspace(tmp_path, small_document()), "ana", context=context())


def after(
    *keys: str, row: str | None = None, then: tuple[str, ...] = ()
) -> Callable[[Pilot[Any]], Awaitable[None]]:
    """Wait for the document to load, press ``keys``, highlight ``row``, press ``then``."""

    async def run(pilot: Pilot[Any]) -> None:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause()
        if row is not None:
            table = pilot.app.screen.query_one(DataTable)
            table.move_cursor(row=table.get_row_index(row))
        await pilot.press(*then)
        await pilot.pause()

    return run


SCREENS: dict[str, Callable[[Pilot[Any]], Awaitable[None]]] = {
    "overview": after(),
    "object": after("down", "enter", "down"),
    "irreversible_model": after("down", "enter", row="field:clients.tax-id"),
    "confirm_model": after("down", "enter", row="field:clients.tax-id", then=("a",)),
    "custom_field": after("down", "enter", row="field:clients.tax-id", then=("d",)),
    "edit_picker": after("down", "enter", row="field:clients.name", then=("e", *"last")),
    "tags": after("t"),
    "stages": after("s"),
    "owners": after("o"),
    "help": after("question_mark"),
}


@pytest.mark.parametrize("name", list(SCREENS))
def test_screen_snapshot(name: str, snap_compare: Compare, tmp_path: Path) -> None:
    assert snap_compare(make_app(tmp_path), terminal_size=SIZE, run_before=SCREENS[name])
