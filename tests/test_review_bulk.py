"""`A` accepts in the object on screen unless asked for every object and names what it accepted;
`c` shows decisions per kind and what the map leaves behind before anything is written."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static

from assistant.mapping.models import Status
from assistant.review.app import ReviewApp
from assistant.review.messages import DecisionRefused
from assistant.review.screens.accept_above import AcceptAboveModal
from assistant.review.screens.modals import ConfirmModal
from tests.review_data import context, saved, small_document, write_workspace
from tests.test_review_app import highlight, open_clients, review, settle

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


def notices(app: ReviewApp) -> str:
    return "\n".join(f"{n.title}: {n.message}" for n in app._notifications)


def modal_text(app: ReviewApp) -> str:
    return "\n".join(str(s.render()) for s in app.screen.query(Static))


async def test_accept_above_on_an_object_screen_accepts_only_that_object_and_lists_it(
    tmp_path: Path,
) -> None:
    async with review(tmp_path) as (app, pilot):
        await open_clients(pilot)
        await pilot.press("A")
        assert isinstance(app.screen, AcceptAboveModal)
        assert "in clients" in modal_text(app)
        await pilot.press("enter")  # the default threshold, 0.70, in clients only
        doc = await settle(app, pilot, tmp_path)
        listed = notices(app)
    for item_id in ("object:clients", "field:clients.email", "field:clients.phone", "field:clients.name"):
        assert doc.find(item_id).status is Status.ACCEPTED
        assert item_id in listed
    assert "accepted 4 in clients at or above 0.70" in listed
    assert doc.find("field:quotes.title").status is Status.PROPOSED  # 0.74, but another object
    assert doc.find("stage:quotes.status=sent").status is Status.PROPOSED


async def test_accept_above_every_object_is_a_choice_in_the_dialog(tmp_path: Path) -> None:
    async with review(tmp_path) as (app, pilot):
        await open_clients(pilot)
        await pilot.press("A")
        await pilot.click("#everywhere")
        doc = await settle(app, pilot, tmp_path)
    assert doc.find("field:quotes.title").status is Status.ACCEPTED
    assert doc.find("stage:quotes.status=sent").status is Status.ACCEPTED
    assert doc.find("field:clients.email").status is Status.ACCEPTED
    assert doc.find("field:quotes.total").status is Status.PROPOSED  # 0.58


async def test_accept_above_on_the_stages_screen_stays_with_the_stages(tmp_path: Path) -> None:
    async with review(tmp_path) as (app, pilot):
        await pilot.press("s", "A", "0", "enter")
        assert isinstance(app.messages_posted[-1], DecisionRefused)  # below the 0.70 floor
        await pilot.press("A", "enter")
        doc = await settle(app, pilot, tmp_path)
    assert doc.find("stage:quotes.status=sent").status is Status.ACCEPTED
    assert doc.find("stage:quotes.status=limbo").status is Status.PROPOSED  # 0.10
    assert doc.find("field:quotes.title").status is Status.PROPOSED  # 0.74, not a stage map


async def test_confirm_refused_while_pending_names_the_kinds(tmp_path: Path) -> None:
    async with review(tmp_path) as (app, pilot):
        await pilot.press("c")
        await pilot.pause()
        refused = app.messages_posted[-1]
        assert isinstance(refused, DecisionRefused)
        assert "pending: 2 objects, 7 fields, 3 tags, 2 stages, 2 owners" in refused.reason
    assert not (tmp_path / "mapping.confirmed.yaml").exists()


async def test_confirm_shows_the_summary_with_losses_then_writes_only_on_yes(tmp_path: Path) -> None:
    workspace = write_workspace(tmp_path, small_document())
    con = workspace.connect()
    con.execute("CREATE SCHEMA IF NOT EXISTS raw")
    con.execute("CREATE TABLE raw.clients (email VARCHAR, phone VARCHAR, name VARCHAR)")
    con.execute("INSERT INTO raw.clients VALUES ('a@x.test', '+34 600', 'Ana'), ('b@x.test', '', 'Luis')")
    workspace.close()
    app = ReviewApp(workspace, "ana", context=context())
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await open_clients(pilot)
        highlight(app, "field:clients.phone")
        await pilot.press("r")
        app.session.accept_above(0.7, custom_field_models_confirmed=True)
        app.session.reject_pending()
        await pilot.press("c")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal)
        text = modal_text(app)
        assert "fields           3         0         4         0" in text
        assert "field:clients.phone: rejected: 1 filled values stay in the source" in text
        await pilot.press("n")
        await pilot.pause()
        assert not (tmp_path / "mapping.confirmed.yaml").exists()
        await pilot.press("c")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("y")
        await app.workers.wait_for_complete()
        await pilot.pause()
    confirmed = saved(tmp_path)
    assert confirmed.confirmed_by == "ana" and (tmp_path / "mapping.confirmed.yaml").exists()
