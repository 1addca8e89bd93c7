"""The memory file's models: remembered tables, each with its columns' shapes and decisions.

Column shapes and decisions hold no source value. Only the ``values`` of a stage, owner or tag
decision do (the status value, the owner key, the tag spellings), and those never reach an LLM.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

MEMORY_FORMAT = 1
DecisionKind = Literal["object", "field", "stage", "owner", "tag"]


class RememberedColumn(BaseModel):
    """A source column by name, place and shape (type, format, uniqueness, fill): no values."""

    model_config = ConfigDict(extra="forbid")
    name: str
    position: int
    shape: str


class RememberedDecision(BaseModel):
    """One confirmed item: what it was about, what was decided, by whom and when."""

    model_config = ConfigDict(extra="forbid")
    kind: DecisionKind
    item: str  # the item's id after its source object ("email", "name@lastName", "Estado=Won")
    columns: list[str] = Field(default_factory=list)  # source columns the decision is about
    status: Literal["accepted", "edited", "rejected"]
    decided_by: str | None = None
    decided_at: datetime | None = None
    decision: dict[str, Any] = Field(default_factory=dict)  # target, transform, stage, user: no values
    values: dict[str, Any] = Field(default_factory=dict)  # source values (stage value, owner key, tags)


class RememberedTable(BaseModel):
    """A source table of one confirmed migration."""

    model_config = ConfigDict(extra="forbid")
    table: str
    signature: str  # hash of the table's normalised header set
    migration: str
    confirmed_by: str | None = None
    confirmed_at: datetime | None = None
    columns: list[RememberedColumn] = Field(default_factory=list)
    decisions: list[RememberedDecision] = Field(default_factory=list)

    def provenance(self) -> str:
        when = f" on {self.confirmed_at:%Y-%m-%d}" if self.confirmed_at else ""
        return f"confirmed in migration {self.migration} by {self.confirmed_by or 'unknown'}{when}"


class MemoryFile(BaseModel):
    """Everything remembered; tables of one migration are replaced when it is confirmed again."""

    model_config = ConfigDict(extra="forbid")
    format_version: int = MEMORY_FORMAT
    tables: list[RememberedTable] = Field(default_factory=list)
    tags: list[RememberedTable] = Field(default_factory=list)  # one per migration: its tag decisions

    def migrations(self) -> list[str]:
        return list(dict.fromkeys(t.migration for t in [*self.tables, *self.tags]))

    def forget(self, migration: str, table: str | None = None) -> int:
        """Drop a migration's tables (or one of them); returns how many were dropped."""

        def keep(entry: RememberedTable) -> bool:
            return entry.migration != migration or (table is not None and entry.table != table)

        before = len(self.tables) + len(self.tags)
        self.tables = [t for t in self.tables if keep(t)]
        self.tags = [t for t in self.tags if keep(t) or table is not None]
        return before - len(self.tables) - len(self.tags)
