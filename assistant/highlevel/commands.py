"""``hlmap target pull | load | show | catalog``."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from assistant.cli_common import WorkspaceOption, console, open_workspace
from assistant.highlevel.catalog import load_catalog
from assistant.highlevel.client import HighLevelClient
from assistant.highlevel.credentials import connect
from assistant.highlevel.snapshot import load_destination, pull_destination, store_destination
from assistant.highlevel.state import DestinationState, load_state
from assistant.settings import HighLevelSettings

target_app = typer.Typer(help="The HighLevel side: catalog and destination snapshot.", no_args_is_help=True)


def _summary(state: DestinationState, where: Path) -> None:
    settings = state.location.settings
    console.print(
        f"destination {state.location.id} ({state.location.name or 'unnamed'}) → {where}\n"
        f"  pipelines {len(state.pipelines)} (stages {sum(len(p.stages) for p in state.pipelines)}), "
        f"users {len(state.users)}, custom fields {len(state.customFields)}, tags {len(state.tags)}, "
        f"calendars {len(state.calendars)}, custom objects {len(state.customObjects)}\n"
        f"  allowDuplicateContact={settings.allowDuplicateContact} "
        f"allowDuplicateOpportunity={settings.allowDuplicateOpportunity}",
        highlight=False,
        markup=False,
    )


async def _pull(settings: HighLevelSettings) -> tuple[DestinationState, HighLevelClient]:
    """The snapshot, read with the location's token (or one the agency token obtains)."""
    async with connect(settings, settings.location_id or "") as (client, _agency):
        await client.check_token()
        return await pull_destination(client), client


@target_app.command("pull")
def pull(
    location_id: Annotated[
        str | None, typer.Option("--location-id", help="HighLevel location (sub-account) id.")
    ] = None,
    base_url: Annotated[
        str | None, typer.Option("--base-url", help="API root (the stand-in's URL to rehearse).")
    ] = None,
    workspace: WorkspaceOption = Path("."),
) -> None:
    """Fetch the sub-account's settings, custom fields, pipelines, tags, users, calendars, custom objects."""
    ws = open_workspace(workspace, {"highlevel": {"location_id": location_id, "base_url": base_url}})
    state, client = asyncio.run(_pull(ws.settings.highlevel))
    path = store_destination(ws, state, origin=client.base_url)
    _summary(state, path)
    usage = client.usage()
    console.print(
        f"  requests {usage.requests_sent}, daily remaining {usage.daily_remaining}", highlight=False
    )


@target_app.command("load")
def load(
    file: Annotated[
        Path, typer.Argument(help="A destination-state JSON file (e.g. a fixture's destination.json).")
    ],
    workspace: WorkspaceOption = Path("."),
) -> None:
    """Store a destination-state file as the workspace's destination (offline use)."""
    state = load_state(file)
    ws = open_workspace(workspace)
    _summary(state, store_destination(ws, state, origin=str(file.resolve())))


@target_app.command("show")
def show(workspace: WorkspaceOption = Path(".")) -> None:
    """Summarise the destination snapshot stored in the workspace."""
    ws = open_workspace(workspace)
    _summary(load_destination(ws), ws.root)


@target_app.command("catalog")
def catalog(
    object_name: Annotated[str | None, typer.Argument(help="An object (contact, opportunity, ...).")] = None,
) -> None:
    """List HighLevel's objects, or one object's standard fields, as the official spec defines them."""
    cat = load_catalog()
    if object_name is None:
        for name, spec in cat.objects.items():
            console.print(
                f"{name:24} {spec.label} ({len(spec.fields)} fields)", highlight=False, markup=False
            )
        return
    table = Table("field", "type", "required", "enum", "semantic")
    for field in cat.fields(object_name):
        kind = field.json_type + (f"[{field.item_type}]" if field.item_type else "")
        table.add_row(
            field.name, kind, "yes" if field.required else "", ", ".join(field.enum), field.semantic or ""
        )
    console.print(table)


def register(app: typer.Typer) -> None:
    app.add_typer(target_app, name="target")
