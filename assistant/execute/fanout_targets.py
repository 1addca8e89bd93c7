"""Which workspace writes into which location when one command migrates many sub-accounts.

``--locations L1,L2`` sends one workspace's confirmed map to several locations; a manifest lists
``[[client]]`` lines of ``workspace`` and ``location`` (a workspace per client, or one shared by
clients on the same source platform). Every location gets its own ledger: a workspace named for
several locations is copied once per location into ``<workspace>/locations/<location id>/``
(source tables, profile and confirmed map kept; runs, ledger, audit and acknowledgements left
behind), unless that workspace already ran into the location, which then keeps using it.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import duckdb

from assistant.cli_common import open_workspace
from assistant.errors import HlmapError
from assistant.execute.fanout_manifest import read_clients
from assistant.workspace import CONFIRMED_MAPPING_FILE, DB_FILE, MAPPING_FILE, SETTINGS_FILE, Workspace

_COPIED = (SETTINGS_FILE, MAPPING_FILE, CONFIRMED_MAPPING_FILE, "highlevel/destination.json")
_PER_LOCATION = ("ledger", "runs", "audit", "conflicts", "preflight", "verification")


@dataclass(frozen=True)
class Target:
    workspace: Workspace
    location_id: str


def parse_locations(text: str) -> list[str]:
    ids = [part.strip() for part in text.split(",") if part.strip()]
    if not ids:
        raise HlmapError("--locations: give location ids separated by commas (L1,L2,...)")
    if len(set(ids)) != len(ids):
        raise HlmapError("--locations: a location is named twice")
    return ids


def read_manifest(path: Path) -> list[tuple[Path, str]]:
    """(workspace folder, location id) per ``[[client]]`` line; folders relative to the manifest."""
    return [(client.workspace, client.location) for client in read_clients(path)]


def targets_for(pairs: list[tuple[Path, str]], base_url: str | None) -> list[Target]:
    shared = {folder for folder, _ in pairs if sum(1 for f, _ in pairs if f == folder) > 1}
    targets = []
    for folder, location_id in pairs:
        overrides = {"highlevel": {"location_id": location_id, "base_url": base_url}}
        ws = open_workspace(folder, overrides)
        copy = folder / "locations" / location_id
        if (copy / DB_FILE).exists() or (folder in shared and not _ran_into(ws, location_id)):
            ws = open_workspace(_clone(ws, location_id), overrides)
        targets.append(Target(ws, location_id))
    return targets


def _ran_into(ws: Workspace, location_id: str) -> bool:
    if not ws.table_exists("exec", "runs"):
        return False
    row = (
        ws.connect().execute("SELECT count(*) FROM exec.runs WHERE location_id = ?", [location_id]).fetchone()
    )
    return bool(row and row[0])


def _clone(parent: Workspace, location_id: str) -> Path:
    """The location's own copy of ``parent`` (made the first time it is needed)."""
    root = parent.root / "locations" / location_id
    if (root / DB_FILE).exists():
        return root
    parent.connect().execute("CHECKPOINT")  # everything in the database file before it is copied
    parent.close()
    root.mkdir(parents=True, exist_ok=True)
    temporary = root / (DB_FILE + ".part")
    shutil.copyfile(parent.db_path, temporary)
    for name in _COPIED:
        if (parent.root / name).is_file():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(parent.root / name, root / name)
    con = duckdb.connect(str(temporary))
    try:
        present = {
            r[0]
            for r in con.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'exec'"
            ).fetchall()
        }
        for table in _PER_LOCATION:
            if table in present:  # the tables stay (code reads them), their rows belong to other locations
                con.execute(f"DELETE FROM exec.{table}")
    finally:
        con.close()
    temporary.rename(root / DB_FILE)  # a copy cut short is never mistaken for a finished one
    return root
