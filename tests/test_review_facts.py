"""What the review shows per proposal: its cost from the plan's loss computation, values its transform
refuses, multi-value cells, transform settings, the existing field's options and the user's email; the
table uses the terminal's width; screenshots land in the workspace."""

from __future__ import annotations

import io
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from rich.console import Console
from textual.pilot import Pilot
from textual.widgets import DataTable, Footer, Static
from textual.widgets._footer import FooterKey
from textual.widgets.data_table import ColumnKey

from assistant.highlevel.state import CustomField
from assistant.mapping.items import CustomFieldSpec, FieldMap, FieldTarget, Transform
from assistant.mapping.models import DataType, FieldKind, FieldModel, TargetObject, TransformKind
from assistant.profile.models import ColumnProfile, SemanticType, TableProfile
from assistant.review.app import ReviewApp
from assistant.review.context import ReviewContext
from assistant.review.screens.object_screen import ObjectScreen
from tests.review_data import context, small_document, write_workspace
from tests.test_review_app import highlight, open_clients

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


def facts_context() -> ReviewContext:
    ctx = context()
    assert ctx.destination is not None
    ctx.destination.customFields.append(
        CustomField(
            id="cf2",
            name="Source",
            fieldKey="contact.source",
            dataType="SINGLE_OPTIONS",
            picklistOptions=["Web", "Referral", "Walk-in"],
        )
    )
    phone = ColumnProfile(
        table="clients",
        column="phone",
        position=3,
        semantic_type=SemanticType.PHONE,
        type_share=0.75,
        row_count=5,
        null_count=1,
        separator=";",
    )
    ctx.profiles["clients"] = TableProfile(
        table="clients", row_count=5, column_count=1, columns=[*ctx.profiles["clients"].columns, phone]
    )
    return ctx


def facts_document() -> object:
    document = small_document()
    legacy = document.find("field:clients.legacy-code")
    assert isinstance(legacy, FieldMap)
    spec = CustomFieldSpec(
        name="Source",
        field_key="contact.source",
        data_type=DataType.SINGLE_OPTIONS,
        model=FieldModel.CONTACT,
        existing_id="cf2",
    )
    legacy.target = FieldTarget(
        kind=FieldKind.CUSTOM_EXISTING, object=TargetObject.CONTACT, custom_field=spec
    )
    phone = document.find("field:clients.phone")
    assert isinstance(phone, FieldMap)
    phone.transform = Transform(kind=TransformKind.PHONE_E164, params={"region": "ES"})
    return document


@asynccontextmanager
async def opened(tmp_path: Path, width: int = 120) -> AsyncIterator[tuple[ReviewApp, Pilot[None]]]:
    workspace = write_workspace(tmp_path, facts_document())  # type: ignore[arg-type]
    con = workspace.connect()
    con.execute("CREATE SCHEMA IF NOT EXISTS raw")
    con.execute(
        'CREATE TABLE raw.clients (email VARCHAR, phone VARCHAR, name VARCHAR, "legacy-code" VARCHAR)'
    )
    con.execute(
        "INSERT INTO raw.clients VALUES ('a@x.test', '600 1; 600 2', 'Ana', 'web'), "
        "('b@x.test', '600 3', 'Luis', 'x'), ('c@x.test', 'n/a', 'Eva', ''), "
        "('d@x.test', '600 4', 'Jo', ''), "
        "('e@x.test', '', 'Al', '')"
    )
    workspace.close()
    app = ReviewApp(workspace, "ana", context=facts_context())
    async with app.run_test(size=(width, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        yield app, pilot  # type: ignore[misc]


def detail(app: ReviewApp) -> str:
    """The detail pane's text as a terminal 200 columns wide prints it."""
    console = Console(width=200, file=io.StringIO(), record=True)
    console.print(app.screen.query_one("#detail", Static).content)
    return console.export_text()


async def test_a_field_shows_its_cost_misfits_list_cells_and_transform_settings(tmp_path: Path) -> None:
    async with opened(tmp_path) as (app, pilot):
        await open_clients(pilot)
        highlight(app, "field:clients.phone")
        await pilot.pause()
        text = detail(app)
    assert "if not carried: 4 filled values stay in the source" in text
    assert "4 of 4 filled values fail phone_e164: " in text  # the executor's transform, run on the rows
    assert "25% of filled cells hold several values (1 of 4, separated by ';')" in text
    assert "transform phone_e164: region 'ES'" in text


async def test_an_existing_field_shows_its_options_and_the_object_its_rows(tmp_path: Path) -> None:
    async with opened(tmp_path) as (app, pilot):
        await open_clients(pilot)
        highlight(app, "field:clients.legacy-code")
        await pilot.pause()
        assert "existing field Source (SINGLE_OPTIONS) options: Web, Referral, Walk-in" in detail(app)
        assert "if not carried: 2 filled values stay in the source" in detail(app)
        highlight(app, "object:clients")
        await pilot.pause()
        assert "if not carried: 5 source records stay in the source" in detail(app)


async def test_owners_show_the_highlevel_users_email(tmp_path: Path) -> None:
    async with opened(tmp_path) as (app, pilot):
        await pilot.press("o")
        await pilot.pause()
        row = app.screen.query_one(DataTable).get_row("owner:quotes.u7")
        assert str(row[3]) == "Ana Ruiz <ana@acme.test>"
        highlight(app, "owner:quotes.u7")
        await pilot.pause()
        assert "HighLevel user: Ana Ruiz <ana@acme.test>" in detail(app)


async def test_a_wide_terminal_widens_the_text_columns_and_status_is_whole(tmp_path: Path) -> None:
    widths = {}
    for width in (120, 220):
        async with opened(tmp_path / str(width), width) as (app, pilot):
            await open_clients(pilot)
            screen = app.screen
            assert isinstance(screen, ObjectScreen)
            highlight(app, "field:clients.email")
            await pilot.press("a")
            await pilot.pause()
            table = screen.query_one(DataTable)
            widths[width] = table.columns[ColumnKey("→ Target")].width
            target = str(table.get_row("field:clients.legacy-code")[3])
            status = table.columns[ColumnKey("Status")]
            assert str(table.get_row("field:clients.email")[-1]) == "✔ accepted"
            assert status.get_render_width(table) >= len("✔ accepted") + 2
    assert widths[220] > widths[120] + 20  # the spare 100 columns are shared by the text columns
    assert target == "contact.Source (custom)"  # whole at 220 columns


async def test_the_screenshot_action_writes_into_the_workspace(tmp_path: Path) -> None:
    async with opened(tmp_path) as (app, pilot):
        app.action_screenshot()
        await pilot.pause()
    shots = list((tmp_path / "screenshots").glob("*.svg"))
    assert len(shots) == 1 and shots[0].read_text(encoding="utf-8").startswith("<svg")


@pytest.mark.parametrize(
    ("keys", "wanted"),
    [
        (("t",), {"Mark", "Merge", "Split", "Rename", "Move", "Undo", "Confirm", "Quit"}),
        (("down", "enter"), {"Accept", "Field type", "Alt 1-3", "Undo", "Confirm", "Owners", "Quit"}),
    ],
)
async def test_the_footer_fits_120_columns(tmp_path: Path, keys: tuple[str, ...], wanted: set[str]) -> None:
    async with opened(tmp_path) as (app, pilot):
        await pilot.press(*keys)
        await pilot.pause()
        shown = {k.description: k.region for k in app.screen.query_one(Footer).query(FooterKey)}
    assert wanted <= set(shown)
    assert max(region.right for region in shown.values()) <= 120
