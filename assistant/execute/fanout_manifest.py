"""The agency manifest: which client's workspace goes to which location, and which confirmed map it runs.

```toml
[[client]]
workspace = "acme"                        # folders relative to this file
location = "LOC1"
[[client]]
workspace = "bolt"                        # another client's export, ingested and profiled
location = "LOC2"
map = "acme/mapping.confirmed.yaml"       # the map confirmed for a client on the same platform
```

A client with ``map`` runs that confirmed map: it is copied into the client's workspace (as its
working and confirmed map, so it reads as confirmed there) unless the workspace already holds the
same one. A workspace with a different confirmed map of its own is refused rather than overwritten.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant.errors import HlmapError
from assistant.mapping.freshness import decisions_of
from assistant.mapping.items import MappingDocument
from assistant.mapping.shared import extends
from assistant.mapping.store import parse_yaml
from assistant.workspace import CONFIRMED_MAPPING_FILE, MAPPING_FILE


@dataclass(frozen=True)
class ManifestClient:
    workspace: Path
    location: str
    map: Path | None = None  # a confirmed map shared with other clients on the same platform


def read_clients(path: Path) -> list[ManifestClient]:
    """One entry per ``[[client]]``; folders and maps relative to the manifest."""
    try:
        data: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise HlmapError(f"{path}: not a readable TOML manifest ({exc})") from None
    entries = data.get("client")
    if not isinstance(entries, list) or not entries:
        raise HlmapError(f"{path}: no [[client]] entries (each with workspace = ... and location = ...)")
    clients: list[ManifestClient] = []
    for number, entry in enumerate(entries, start=1):
        folder, location, shared = entry.get("workspace"), entry.get("location"), entry.get("map")
        if not isinstance(folder, str) or not folder or not isinstance(location, str) or not location:
            raise HlmapError(f'{path}: client {number}: needs workspace = "FOLDER" and location = "ID"')
        if shared is not None and (not isinstance(shared, str) or not shared):
            raise HlmapError(f'{path}: client {number}: map = "FILE" names a confirmed mapping file')
        map_path = (path.parent / shared).resolve() if shared else None
        clients.append(ManifestClient((path.parent / folder).resolve(), location, map_path))
    if len({c.location for c in clients}) != len(clients):
        raise HlmapError(f"{path}: a location is named by two clients")
    return clients


def adopt_maps(path: Path, clients: list[ManifestClient]) -> list[str]:
    """Put each shared map into its client's workspace; answers one line per map copied."""
    said: list[str] = []
    for number, client in enumerate(clients, start=1):
        if client.map is None:
            continue
        where = f"{path}: client {number}: map {client.map}"
        if not client.map.is_file():
            raise HlmapError(f"{where}: no such file")
        text = client.map.read_text(encoding="utf-8")
        shared = parse_yaml(text, str(client.map))
        if shared.confirmed_by is None:
            raise HlmapError(f"{where}: not a confirmed map (confirm it with `hlmap decide --confirm`)")
        own = client.workspace / CONFIRMED_MAPPING_FILE
        if own.is_file():
            mine = parse_yaml(own.read_text(encoding="utf-8"), str(own))
            if decisions_of(mine) == decisions_of(shared):
                continue
            if extends(mine, shared, client.map):  # the shared map plus this client's decided additions
                count = len(mine.shared_map.additions) if mine.shared_map else 0
                said.append(
                    f"{client.workspace}: runs the confirmed map {client.map} with {count} addition(s)"
                )
                continue
            raise HlmapError(f"{where}: {_differs(own, mine, client.map)}")
        if not client.workspace.is_dir():
            raise HlmapError(f"{where}: no workspace at {client.workspace} (ingest its export first)")
        working = client.workspace / MAPPING_FILE
        if working.is_file() and parse_yaml(working.read_text(encoding="utf-8"), str(working)).shared_map:
            raise HlmapError(
                f"{where}: {working} holds additions to it that are not confirmed yet; decide them "
                f"(`hlmap review` or `hlmap decide`) and confirm"
            )
        for name in (MAPPING_FILE, CONFIRMED_MAPPING_FILE):
            (client.workspace / name).write_text(text, encoding="utf-8")
        said.append(
            f"{client.workspace}: runs the confirmed map {client.map} as it is (values only this client's "
            f"export holds get no decision; `hlmap propose --shared-map` proposes them before the run)"
        )
    return said


def _differs(own: Path, mine: MappingDocument, shared: Path) -> str:
    """Why the workspace's own confirmed map is refused, and how to go on."""
    record = mine.shared_map
    if record is not None and Path(record.path).resolve() == shared.resolve():
        return (
            f"{own} adds to an earlier version of this shared map; propose its additions again with "
            f"`hlmap propose --shared-map {shared} -w {own.parent}`, decide and confirm"
        )
    return f"{own} is a different confirmed map; remove one of the two"
