"""The detail pane counts the values a field's transform refuses, with examples, by running the
executor's own transforms (``assistant.transforms``) over the workspace's source rows."""

from __future__ import annotations

import io
from pathlib import Path

import duckdb
import pytest
from rich.console import Console
from textual.widgets import Static

from assistant.mapping.items import FieldMap, MappingDocument, Transform
from assistant.mapping.models import TargetObject, TransformKind
from assistant.review.app import ReviewApp
from assistant.review.value_checks import ValueChecks
from assistant.transforms.failures import transform_failures
from tests.review_data import _field, context, small_document, std, write_workspace
from tests.test_review_app import highlight, open_clients

pytestmark = pytest.mark.anyio

ROWS = [  # email, phone, name, since
    ("a@x.test", "+34 612 345 678", "Ana", "2024-01-05"),
    ("b@x.test", "12", "Luis", "31/02/2024"),
    ("c@x.test", "612345678", "Eva", "soon"),
    ("d@x.test", "call me", "Jo", "05/01/2024"),
    ("e@x.test", "", "Al", ""),
]


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


def checked_document() -> MappingDocument:
    document = small_document()
    phone = document.find("field:clients.phone")
    assert isinstance(phone, FieldMap)
    phone.transform = Transform(kind=TransformKind.PHONE_E164, params={"region": "ES"})
    since = _field("clients", "since", std(TargetObject.CONTACT, "dateOfBirth"), 0.7)
    since.transform = Transform(kind=TransformKind.DATE)
    document.fields.append(since)
    return document


def with_rows(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("CREATE SCHEMA IF NOT EXISTS raw")
    con.execute("CREATE TABLE raw.clients (email VARCHAR, phone VARCHAR, name VARCHAR, since VARCHAR)")
    con.executemany("INSERT INTO raw.clients VALUES (?, ?, ?, ?)", ROWS)


def detail(app: ReviewApp) -> str:
    console = Console(width=240, file=io.StringIO(), record=True)
    console.print(app.screen.query_one("#detail", Static).content)
    return console.export_text()


async def test_the_detail_pane_counts_bad_dates_and_phones_with_their_reasons(tmp_path: Path) -> None:
    workspace = write_workspace(tmp_path, checked_document())
    with_rows(workspace.connect())
    workspace.close()
    app = ReviewApp(workspace, "ana", context=context())
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await open_clients(pilot)  # type: ignore[arg-type]
        highlight(app, "field:clients.since")
        await pilot.pause()
        dates = detail(app)
        highlight(app, "field:clients.phone")
        await pilot.pause()
        phones = detail(app)
        highlight(app, "field:clients.email")
        await pilot.pause()
        emails = detail(app)
    assert "2 of 4 filled values fail date: not a date: 31/02/2024 · not a date: soon" in dates
    assert "2 of 4 filled values fail phone_e164: " in phones
    assert "not a valid phone number for region ES: 12" in phones
    assert "call me" in phones
    assert "do not read as" not in phones  # the profile's estimate gives way to the real check
    assert "all 5 filled values pass copy" not in emails  # a copy refuses nothing: no line for it


def test_a_decision_reuses_the_check_and_an_edit_checks_again() -> None:
    document = checked_document()
    con = duckdb.connect()
    with_rows(con)
    checks = ValueChecks(duckdb.connect(), context(), None)
    checks.copy_tables(con, {"clients": {"phone", "since", "nope"}})
    since = document.find("field:clients.since")
    assert isinstance(since, FieldMap)
    first = checks.get(since, document)
    assert first is not None and (first.filled, first.failed) == (4, 2)
    since.decide(since.status.ACCEPTED, "ana")
    assert checks.get(since, document) is first  # the status is not part of what the check depends on
    since.transform = Transform(kind=TransformKind.BOOLEAN)  # an edit: the same column read as yes/no
    again = checks.get(since, document)
    assert again is not None and again.failed == 4
    assert "not a yes/no value: 2024-01-05" in again.examples


def test_transforms_that_need_decisions_are_not_checked() -> None:
    con = duckdb.connect()
    with_rows(con)
    owner = _field("clients", "name", std(TargetObject.OPPORTUNITY, "assignedTo"), 0.9)
    owner.transform = Transform(kind=TransformKind.OWNER)
    assert transform_failures(con, owner, "assignedTo", {}, None) is None


def test_a_routed_value_is_checked_on_its_kinds_rows_only() -> None:
    con = duckdb.connect()
    con.execute('CREATE SCHEMA raw; CREATE TABLE raw.items ("contactType" VARCHAR, "contactValue" VARCHAR)')
    con.execute(
        "INSERT INTO raw.items VALUES ('email', 'a@x.test'), ('mobile', '612 345 678'), ('Email', 'nope')"
    )
    email = _field("items", "contactValue", std(TargetObject.CONTACT, "email"), 0.8)
    email.transform = Transform(kind=TransformKind.EMAIL)
    everything = transform_failures(con, email, "email", {}, None)
    assert everything is not None and (everything.filled, everything.failed) == (3, 2)
    email.transform.params["only_where"] = {"column": "contactType", "values": ["email"]}
    routed = transform_failures(con, email, "email", {}, None)
    assert routed is not None and (routed.filled, routed.failed) == (2, 1)  # the mobile is not an e-mail's
