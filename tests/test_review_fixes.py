"""Review UI fixes: the stale confirmed map is shown; keys 1/2/3 reach existing custom fields."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static

from assistant.mapping import store
from assistant.mapping.items import FieldMap
from assistant.mapping.models import Alternative, FieldKind, Status
from assistant.review.app import ReviewApp
from assistant.review.screens.frame import ReviewScreen
from tests.cli_support import error_lines, hlmap
from tests.review_data import context, saved, small_document, write_workspace
from tests.test_review_app import highlight, open_clients

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


def counts_bar(app: ReviewApp) -> str:
    screen = app.screen
    assert isinstance(screen, ReviewScreen)
    return str(screen.query_one("#counts", Static).render())


async def test_a_decision_after_confirming_marks_the_confirmed_map_out_of_date(tmp_path: Path) -> None:
    workspace = write_workspace(tmp_path, small_document())
    app = ReviewApp(workspace, "ana", context=context())
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        app.session.accept_above(0.7, custom_field_models_confirmed=True)
        app.session.reject_pending()
        await pilot.press("c")
        await app.workers.wait_for_complete()
        await pilot.press("y")  # the summary asks before writing
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "out of date" not in counts_bar(app)
        await open_clients(pilot)
        highlight(app, "field:clients.email")
        await pilot.press("r")
        await pilot.pause()
        assert "confirmed map is out of date (c)" in counts_bar(app)
        app.persistence.flush(timeout=60)
    assert saved(tmp_path).find("field:clients.email").status is Status.REJECTED
    confirmed = store.parse_yaml((tmp_path / "mapping.confirmed.yaml").read_text(encoding="utf-8"))
    assert confirmed.find("field:clients.email").status is Status.ACCEPTED
    plan = hlmap("plan", "-w", tmp_path)
    assert plan.exit_code == 2 and "is out of date" in error_lines(plan)[0]


async def test_a_review_opened_on_a_stale_map_shows_it(tmp_path: Path) -> None:
    workspace = write_workspace(tmp_path, small_document())
    rejects = [
        arg for kind in ("object", "field", "tag", "stage", "owner") for arg in ("--reject", f"kind={kind}")
    ]
    hlmap("decide", "-w", tmp_path, "--accept-above", "0.7", *rejects, "--confirm")
    hlmap("decide", "-w", tmp_path, "--set", "clients.phone=skip")
    app = ReviewApp(workspace, "ana", context=context())
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.confirmed_stale
        assert "confirmed map is out of date (c)" in counts_bar(app)


async def test_key_1_picks_an_existing_custom_field_alternative_by_its_key(tmp_path: Path) -> None:
    document = small_document()
    legacy = document.find("field:clients.legacy-code")
    legacy.alternatives = [  # as the proposer writes it: the fieldKey already names the object
        Alternative(
            target="contact.contact.customer_since",
            score=0.5,
            value={"kind": "custom_existing", "object": "contact", "field": "contact.customer_since"},
        )
    ]
    workspace = write_workspace(tmp_path, document)
    app = ReviewApp(workspace, "ana", context=context())
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await open_clients(pilot)
        highlight(app, "field:clients.legacy-code")
        await pilot.press("1")
        await pilot.pause()
        app.persistence.flush(timeout=60)
    item = saved(tmp_path).find("field:clients.legacy-code")
    assert isinstance(item, FieldMap) and item.target.custom_field is not None
    assert (item.target.kind, item.target.custom_field.existing_id) == (FieldKind.CUSTOM_EXISTING, "cf1")
    assert item.status is Status.EDITED and item.decided_by == "ana"


async def test_home_and_end_move_the_cursor_that_a_and_r_act_on(tmp_path: Path) -> None:
    workspace = write_workspace(tmp_path, small_document())
    app = ReviewApp(workspace, "ana", context=context())
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await open_clients(pilot)
        await pilot.press("end", "r", "home", "a")
        await pilot.pause()
        app.persistence.flush(timeout=60)
    doc = saved(tmp_path)
    assert doc.find("field:clients.legacy-code").status is Status.REJECTED  # the last row of clients
    assert doc.find("object:clients").status is Status.ACCEPTED  # the first row: the object map
