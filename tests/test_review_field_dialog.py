"""The custom field dialog stays open with the refusal and the typed input when a save is refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, Select, Static

from assistant.mapping.items import FieldMap
from assistant.mapping.models import DataType, FieldModel, Status
from assistant.review.screens.custom_field import CustomFieldModal
from tests.review_data import saved
from tests.test_review_app import highlight, open_clients, review, settle

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


async def test_a_refused_save_keeps_the_dialog_and_its_input(tmp_path: Path) -> None:
    async with review(tmp_path) as (app, pilot):
        await open_clients(pilot)
        highlight(app, "field:clients.tax-id")
        await pilot.press("d")
        dialog = app.screen
        assert isinstance(dialog, CustomFieldModal)
        dialog.query_one("#data-type", Select).value = DataType.TEXT
        await pilot.pause()
        await pilot.click("#options")
        await pilot.press(*"boiler, solar", "ctrl+s")  # options on a TEXT field are refused
        await pilot.pause()
        assert app.screen is dialog
        assert "options need an option dataType" in str(dialog.query_one("#error", Static).render())
        assert dialog.query_one("#options", Input).value == "boiler, solar"
        app.persistence.flush(timeout=60)
        assert saved(tmp_path).find("field:clients.tax-id").status is Status.PROPOSED
        dialog.query_one("#data-type", Select).value = DataType.SINGLE_OPTIONS
        await pilot.pause()
        await pilot.press("ctrl+s")  # corrected: the same options, an option dataType
        await pilot.pause()
        assert app.screen is not dialog
        doc = await settle(app, pilot, tmp_path)
    item = doc.find("field:clients.tax-id")
    assert isinstance(item, FieldMap) and item.target.custom_field is not None
    assert (item.target.custom_field.data_type, item.target.custom_field.options) == (
        DataType.SINGLE_OPTIONS,
        ["boiler", "solar"],
    )
    assert item.status is Status.EDITED


def consequence(dialog: CustomFieldModal) -> str:
    return str(dialog.query_one("#consequence", Static).render())


async def test_the_dialog_counts_the_values_a_model_change_drops(tmp_path: Path) -> None:
    async with review(tmp_path) as (app, pilot):
        await open_clients(pilot)
        highlight(app, "field:clients.tax-id")
        await pilot.press("d")
        dialog = app.screen
        assert isinstance(dialog, CustomFieldModal)
        assert consequence(dialog) == ""  # clients are mapped to contacts: nothing lost
        dialog.query_one("#model", Select).value = FieldModel.OPPORTUNITY
        await pilot.pause()
        # 120 client rows, 40 % of tax-id blank: 72 filled values, and clients make no opportunity
        assert "72 values will not be sent" in consequence(dialog)
        await pilot.press("ctrl+s")
        doc = await settle(app, pilot, tmp_path)
    item = doc.find("field:clients.tax-id")
    assert isinstance(item, FieldMap) and item.target.custom_field is not None
    assert item.target.custom_field.model is FieldModel.OPPORTUNITY  # shown, then saved as chosen


async def test_the_dialog_counts_the_values_outside_new_options(tmp_path: Path) -> None:
    async with review(tmp_path) as (app, pilot):
        await open_clients(pilot)
        highlight(app, "field:clients.tax-id")
        await pilot.press("d")
        dialog = app.screen
        assert isinstance(dialog, CustomFieldModal)
        dialog.query_one("#data-type", Select).value = DataType.SINGLE_OPTIONS
        await pilot.click("#options")
        await pilot.press(*"A1, A2")
        await pilot.pause()
        assert "1 values will not be sent: not among the options (B12345678)" in consequence(dialog)
        dialog.query_one("#options", Input).value = "B12345678"
        await pilot.pause()
        assert consequence(dialog) == ""
        await pilot.press("ctrl+s")
        doc = await settle(app, pilot, tmp_path)
    item = doc.find("field:clients.tax-id")
    assert isinstance(item, FieldMap) and item.target.custom_field is not None
    assert item.target.custom_field.options == ["B12345678"]
