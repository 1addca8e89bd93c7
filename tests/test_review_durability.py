"""A decision the review screen has shown survives a kill before the writer process saves it."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.mapping import journal
from assistant.mapping.models import Status
from assistant.review.app import ReviewApp
from assistant.review.session import open_session
from tests.review_data import context, saved, small_document, write_workspace
from tests.test_review_app import highlight, open_clients

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


async def test_a_decision_survives_a_kill_before_the_writer_saves(tmp_path: Path) -> None:
    workspace = write_workspace(tmp_path, small_document())
    app = ReviewApp(workspace, "ana", context=context(), settle=60.0)  # the writer waits a minute
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await open_clients(pilot)
        highlight(app, "field:clients.email")
        await pilot.press("r")
        await pilot.pause()
        app.persistence._process.kill()  # the review is killed: its writer never saves
        app.persistence._process.join(timeout=10)
        on_disk = journal.read(workspace)  # read at once, without waiting for any writer
    assert saved(tmp_path).find("field:clients.email").status is Status.PROPOSED  # writer never ran
    assert on_disk is not None
    document, who = on_disk
    assert document.find("field:clients.email").status is Status.REJECTED and who == "ana"
    reopened = open_session(workspace, "bob", context=context())
    assert reopened.document.find("field:clients.email").status is Status.REJECTED
    assert saved(tmp_path).find("field:clients.email").decided_by == "ana"
    assert not journal.journal_path(workspace).exists()  # recovered into mapping.yaml


async def test_the_journal_is_removed_once_the_writer_has_saved(tmp_path: Path) -> None:
    workspace = write_workspace(tmp_path, small_document())
    app = ReviewApp(workspace, "ana", context=context(), settle=0.0)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await open_clients(pilot)
        highlight(app, "field:clients.email")
        await pilot.press("a")
        await pilot.pause()
        app.persistence.flush(timeout=60)
        assert not journal.journal_path(workspace).exists()
    assert saved(tmp_path).find("field:clients.email").status is Status.ACCEPTED
