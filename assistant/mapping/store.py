"""Saving and loading the mapping document: a diffable YAML file plus versions in DuckDB.

The YAML file is what engineers read and diff; the ``mapping.versions`` table keeps every saved
version so a decision can be traced (and undone) after the file has moved on.
"""

from __future__ import annotations

import json
import os
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from assistant.errors import HlmapError
from assistant.mapping.freshness import is_stale, stale_message
from assistant.mapping.items import MappingDocument
from assistant.mapping.models import Status
from assistant.prerequisites import require
from assistant.workspace import Workspace

# libyaml's C dumper and loader: several times faster than the pure-Python ones on big documents.
_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def dump_yaml(document: MappingDocument) -> str:
    data = document.model_dump(mode="json", exclude_none=False)
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)


def parse_yaml(text: str, origin: str = "mapping document") -> MappingDocument:
    try:
        data: Any = yaml.load(text, Loader=_Loader)  # a safe loader (CSafeLoader)
    except yaml.YAMLError as exc:
        raise HlmapError(f"{origin}: not valid YAML: {exc}") from exc
    try:
        return MappingDocument.model_validate(data or {})
    except ValidationError as exc:
        raise HlmapError(f"{origin}: {exc}") from exc


def write_atomic(path: Path, text: str) -> None:
    """Write via a temporary file and rename, so a crash never leaves half a document."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def save(workspace: Workspace, document: MappingDocument, *, by: str = "hlmap") -> None:
    document.updated_at = datetime.now(UTC)
    write_atomic(workspace.mapping_path, dump_yaml(document))
    _record_version(workspace, document, by)


def load(workspace: Workspace) -> MappingDocument:
    path = workspace.mapping_path
    if not path.exists():
        require(workspace, "propose")
    return parse_yaml(path.read_text(encoding="utf-8"), str(path))


def save_confirmed(workspace: Workspace, document: MappingDocument, *, by: str) -> Path:
    """Write the confirmed document the executor reads; refuses while anything is pending."""
    pending = document.pending()
    if pending:
        ids = ", ".join(item.id for item in pending[:10])
        raise HlmapError(f"{len(pending)} proposals still need a decision: {ids}")
    document.confirmed_by = by
    document.confirmed_at = datetime.now(UTC)
    save(workspace, document, by=by)
    write_atomic(workspace.confirmed_mapping_path, dump_yaml(document))
    return workspace.confirmed_mapping_path


def load_confirmed(workspace: Workspace, *, allow_stale: bool = False) -> MappingDocument:
    """The confirmed document; refused when decisions changed after it was confirmed."""
    path = workspace.confirmed_mapping_path
    if not path.exists():
        require(workspace, "confirm")
    confirmed = parse_yaml(path.read_text(encoding="utf-8"), str(path))
    if not allow_stale and confirmed_is_stale(workspace, confirmed):
        raise HlmapError(stale_message(str(path)))
    return confirmed


def confirmed_is_stale(workspace: Workspace, confirmed: MappingDocument) -> bool:
    """Decisions saved after confirming (a hand edit of the confirmed file itself is not this)."""
    working = workspace.mapping_path
    if not working.exists():
        return False
    newer = working.stat().st_mtime_ns > workspace.confirmed_mapping_path.stat().st_mtime_ns
    return newer and is_stale(confirmed, load(workspace))


def _record_version(workspace: Workspace, document: MappingDocument, by: str) -> None:
    con = workspace.ensure().connect()
    con.execute(
        """CREATE TABLE IF NOT EXISTS mapping.versions (
            version INTEGER, saved_at TIMESTAMPTZ, saved_by VARCHAR,
            pending INTEGER, document JSON)"""
    )
    row = con.execute("SELECT coalesce(max(version), 0) + 1 FROM mapping.versions").fetchone()
    version = int(row[0]) if row else 1
    pending = sum(1 for item in document.items() if item.status == Status.PROPOSED)
    con.execute(
        "INSERT INTO mapping.versions VALUES (?, ?, ?, ?, ?)",
        [version, document.updated_at, by, pending, json.dumps(document.model_dump(mode="json"))],
    )
