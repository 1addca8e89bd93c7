"""The destination snapshot: what the HighLevel sub-account already has, kept in the workspace.

``pull_destination`` reads it through the client; ``store_destination`` writes it to the
``target.snapshot`` table (one row per pull, newest wins) and to ``highlevel/destination.json``;
``load_destination`` is what the proposer, executor and TUI call.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from assistant.errors import HlmapError
from assistant.highlevel.client import HighLevelClient
from assistant.highlevel.errors import Forbidden, JsonDict, NotFound
from assistant.highlevel.state import DestinationState, load_state, save_state
from assistant.workspace import Workspace

SNAPSHOT_FILE = Path("highlevel") / "destination.json"


def _v2_field(field: JsonDict, model: str) -> JsonDict:
    """A custom-fields API (v2) field in the shape of a location custom field."""
    options = [
        str(o.get("label", o.get("key", ""))) for o in field.get("options") or [] if isinstance(o, dict)
    ]
    return {**field, "model": model, "picklistOptions": options, "fieldKey": field.get("fieldKey", "")}


async def _optional(coro: Any) -> Any:
    """Custom objects need scopes a token may lack: an empty answer beats a failed pull."""
    try:
        return await coro
    except (Forbidden, NotFound):
        return None


async def pull_destination(client: HighLevelClient) -> DestinationState:
    location = await client.location.get()
    fields: list[JsonDict] = await client.location.custom_fields()
    company_id = location.get("companyId")
    users = (
        await client.location.search_users(str(company_id)) if company_id else await client.location.users()
    )
    objects = await _optional(client.records.object_schemas()) or []
    custom_objects = [
        o for o in objects if not o.get("standard") and str(o.get("key", "")).startswith("custom_objects.")
    ]
    for key, model in [("business", "company")] + [(str(o["key"]), "custom_object") for o in custom_objects]:
        listed = await _optional(client.records.object_fields(key)) or {}
        fields += [_v2_field(f, model) for f in listed.get("fields") or [] if isinstance(f, dict)]
    return DestinationState.model_validate(
        {
            "location": location,
            "pipelines": await client.opportunities.pipelines(),
            "users": users,
            "customFields": fields,
            "tags": await client.location.tags(),
            "calendars": await client.location.calendars(),
            "customObjects": custom_objects,
            "lostReasons": await _optional(client.opportunities.lost_reasons()) or [],
        }
    )


def _ensure_table(workspace: Workspace) -> None:
    workspace.connect().execute(
        "CREATE TABLE IF NOT EXISTS target.snapshot ("
        "pulled_at TIMESTAMP, location_id VARCHAR, origin VARCHAR, state JSON)"
    )


def store_destination(workspace: Workspace, state: DestinationState, origin: str) -> Path:
    """Record ``state`` (from ``origin``: a URL or a file) as the workspace's destination."""
    _ensure_table(workspace)
    payload = json.dumps(state.model_dump(mode="json"), ensure_ascii=False)
    with workspace.transaction() as con:
        con.execute(
            "INSERT INTO target.snapshot VALUES (?, ?, ?, ?)",
            [datetime.now(UTC).replace(tzinfo=None), state.location.id, origin, payload],
        )
    path = workspace.root / SNAPSHOT_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    save_state(state, path)
    return path


def load_destination(workspace: Workspace) -> DestinationState:
    """The newest destination snapshot stored in the workspace."""
    if workspace.table_exists("target", "snapshot"):
        row = (
            workspace.connect()
            .execute("SELECT state FROM target.snapshot ORDER BY pulled_at DESC LIMIT 1")
            .fetchone()
        )
        if row is not None:
            return DestinationState.model_validate(json.loads(row[0]))
    path = workspace.root / SNAPSHOT_FILE
    if path.exists():
        return load_state(path)
    raise HlmapError(
        f"workspace {workspace.root} has no destination snapshot: run `hlmap target pull --location-id ID`"
        " or `hlmap target load destination.json`"
    )
