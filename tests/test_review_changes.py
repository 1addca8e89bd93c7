"""A decision is journalled and sent as the change it made, not the whole document; replaying the
changes over any saved prefix gives the document the screen showed; one row redraws alone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.widgets import DataTable

from assistant.mapping import journal
from assistant.mapping.changes import Change, apply_change
from assistant.mapping.items import MappingDocument
from assistant.mapping.models import Status
from assistant.review.screens.object_screen import ObjectScreen
from assistant.review.screens.overview import OverviewScreen
from assistant.review.session import ReviewSession
from assistant.workspace import Workspace
from tests.review_data import context, saved, small_document, write_workspace
from tests.test_review_app import highlight, open_clients, review, settle


class Recorder:
    """Keeps every change the session sends and the document right after it."""

    def __init__(self) -> None:
        self.changes: list[Change] = []
        self.states: list[dict[str, object]] = []

    def save(self, document: MappingDocument, who: str, change: Change | None = None) -> None:
        assert change is not None
        self.changes.append(change)
        self.states.append(document.model_dump(mode="json"))

    def save_confirmed(self, document: MappingDocument, who: str) -> Path:
        raise AssertionError("not confirmed here")


def decided_session() -> tuple[ReviewSession, Recorder, dict[str, object]]:
    recorder = Recorder()
    document = small_document()
    start = document.model_dump(mode="json")
    session = ReviewSession(document, "ana", recorder, context())
    session.accept("field:clients.email")
    session.merge_tags("tag:VIP", ["tag:Priority"])
    session.reject("field:clients.phone")
    session.rename_tag("tag:VIP", "Very important")
    session.undo()
    session.edit_target("field:clients.legacy-code", "contact.website")
    return session, recorder, start


def test_changes_replayed_over_any_saved_prefix_give_the_last_document() -> None:
    session, recorder, start = decided_session()
    final = session.document.model_dump(mode="json")
    for saved_upto in range(len(recorder.changes) + 1):
        data = json.loads(json.dumps(recorder.states[saved_upto - 1] if saved_upto else start))
        for change in recorder.changes:
            apply_change(data, change)
        assert data == final, f"replayed over the state after {saved_upto} decisions"


def test_a_one_item_decision_sends_that_item_only() -> None:
    _, recorder, _ = decided_session()
    accept = recorder.changes[0]
    assert accept["sections"] == {} and accept["item"][:2] == ["fields", "field:clients.email"]
    assert "field:clients.phone" not in json.dumps(accept)
    assert set(recorder.changes[1]["sections"]) == {"tags"}  # a merge drops a cluster: the section


def test_the_journal_replays_over_mapping_yaml_and_ignores_a_torn_last_line(tmp_path: Path) -> None:
    workspace: Workspace = write_workspace(tmp_path, small_document())
    _, recorder, _ = decided_session()
    for change in recorder.changes:
        journal.append(workspace, change, "ana")
    with journal.journal_path(workspace).open("a", encoding="utf-8") as handle:
        handle.write('{"who":"ana","change":{"item":["fie')  # killed mid-write
    found = journal.read(workspace)
    assert found is not None
    document, who = found
    sections = ("objects", "fields", "tags", "stages", "owners")
    replayed = document.model_dump(mode="json")
    assert {n: replayed[n] for n in sections} == {n: recorder.states[-1][n] for n in sections}
    assert who == "ana"


pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


async def test_a_decision_redraws_its_row_and_the_overview_catches_up_when_shown(tmp_path: Path) -> None:
    async with review(tmp_path) as (app, pilot):
        await open_clients(pilot)
        screen = app.screen
        assert isinstance(screen, ObjectScreen)
        table = screen.query_one(DataTable)
        renders_keyed_on = table._update_count
        highlight(app, "field:clients.email")
        await pilot.press("a")
        await pilot.pause()
        assert table._update_count == renders_keyed_on  # the other rows' renders stay cached
        row = table.get_row("field:clients.email")
        assert str(row[-1]) == "✔ accepted"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, OverviewScreen)
        accepted = app.screen.query_one(DataTable).get_row("clients")[3]
        assert str(accepted) == "1"
        doc = await settle(app, pilot, tmp_path)
    assert doc.find("field:clients.email").status is Status.ACCEPTED
    assert saved(tmp_path).find("field:clients.email").decided_by == "ana"
