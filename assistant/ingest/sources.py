"""Which files a list of paths names, what format each is, and which raw object it feeds."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from assistant.errors import InputError
from assistant.ingest.naming import object_name

FORMATS = {
    ".csv": "csv",
    ".tsv": "csv",
    ".txt": "csv",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
    ".json": "json",
    ".ndjson": "ndjson",
    ".jsonl": "ndjson",
}


@dataclass(frozen=True)
class SourceFile:
    path: Path
    format: str
    object: str
    """Raw table name (for a workbook with several sheets, the prefix of each sheet's table)."""


def discover(paths: list[Path], name: str | None = None) -> list[SourceFile]:
    """Expand folders (one file per endpoint/object) and check every path before anything loads.

    ``name`` overrides the raw table name; it needs exactly one file.
    """
    found: list[SourceFile] = []
    for path in paths:
        if not path.exists():
            raise InputError("path not found", file=str(path))
        if path.is_dir():
            files = sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in FORMATS)
            if not files:
                raise InputError(f"no {', '.join(sorted(FORMATS))} files in folder", file=str(path))
            found.extend(_source(p) for p in files)
        else:
            found.append(_source(path))
    if name is not None:
        if len(found) != 1:
            raise InputError(f"--name {name!r} needs exactly one file, got {len(found)}")
        found = [SourceFile(path=found[0].path, format=found[0].format, object=object_name(name))]
    _check_unique(found)
    return found


def _source(path: Path) -> SourceFile:
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise InputError(
            f"unsupported file type {path.suffix!r} (expected {', '.join(FORMATS)})", file=str(path)
        )
    return SourceFile(path=path, format=fmt, object=object_name(path.stem))


def _check_unique(sources: list[SourceFile]) -> None:
    seen: dict[str, Path] = {}
    for source in sources:
        key = source.object.lower()  # DuckDB table names are case-insensitive
        if key in seen and seen[key] != source.path:
            raise InputError(
                f"both {seen[key]} and this file would load raw table {source.object!r}",
                file=str(source.path),
            )
        seen[key] = source.path
