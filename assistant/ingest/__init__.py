"""Ingestion: source exports (CSV/TSV, XLSX, JSON, NDJSON) into lossless raw tables in DuckDB.

Public API: ``ingest_paths(workspace, paths, name=None) -> IngestSummary``. Tables written:
``raw."<object>"`` (every source value as VARCHAR, plus ``_row`` and ``_load_id``), child tables
``raw."<object>__<field>"`` (plus ``_parent_row``, ``_parent_key``, ``_index``), ``meta.loads``,
``meta.rejects`` (rows that could not be parsed, and blank rows, with file line and reason) and
``meta.repairs`` (lines with a wrong field count read back into their table, and how).

Names are loaded on first use, so registering the ``hlmap ingest`` command (done by every hlmap
invocation) does not import the readers.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from assistant.ingest.loader import ingest_paths
    from assistant.ingest.models import IngestSummary, ObjectResult, TableResult

__all__ = ["IngestSummary", "ObjectResult", "TableResult", "ingest_paths"]
_HOME = {
    "ingest_paths": "assistant.ingest.loader",
    "IngestSummary": "assistant.ingest.models",
    "ObjectResult": "assistant.ingest.models",
    "TableResult": "assistant.ingest.models",
}


def __getattr__(name: str) -> Any:
    if name in _HOME:
        return getattr(importlib.import_module(_HOME[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
