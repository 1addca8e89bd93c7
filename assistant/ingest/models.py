"""What an ingest run reports: one result per raw table it wrote (or skipped, or failed on)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

Status = Literal["loaded", "unchanged", "failed"]


class TableResult(BaseModel):
    """One raw table written by a load (the object's own table or one of its child tables)."""

    table: str
    rows: int
    columns: int


class ObjectResult(BaseModel):
    """One source object (one file, or one sheet of a workbook)."""

    object: str
    path: str
    format: str
    status: Status
    load_id: str | None = None
    rows: int = 0
    rejected: int = 0
    repaired: int = 0
    """Rows read back from lines with a wrong field count, listed in ``meta.repairs``."""
    columns: int = 0
    encoding: str | None = None
    delimiter: str | None = None
    sha256: str | None = None
    size_bytes: int = 0
    tables: list[TableResult] = Field(default_factory=list)
    """Child tables from arrays of objects (the object's own table is listed first)."""
    notes: list[str] = Field(default_factory=list)
    """Renamed headers, ignored envelope keys and similar facts the engineer should know."""
    error: str | None = None
    """For ``failed``: the message naming file, line and column."""


class IngestSummary(BaseModel):
    results: list[ObjectResult] = Field(default_factory=list)

    @property
    def failed(self) -> list[ObjectResult]:
        return [r for r in self.results if r.status == "failed"]

    def by_object(self, name: str) -> ObjectResult:
        for result in self.results:
            if result.object == name:
                return result
        raise KeyError(name)
