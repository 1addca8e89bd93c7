"""What profiling knows about each source column and table.

Stored in ``profile.columns`` / ``profile.tables`` / ``profile.foreign_keys`` /
``profile.duplicates`` and read back through these models by the proposer, the executor's
transforms and the review TUI.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class SemanticType(StrEnum):
    EMAIL = "email"
    PHONE = "phone"
    URL = "url"
    PERSON_NAME = "person_name"
    COMPANY_NAME = "company_name"
    ADDRESS = "address"  # street line
    CITY = "city"
    REGION = "region"  # province / state
    POSTAL_CODE = "postal_code"
    COUNTRY = "country"
    DATE = "date"
    DATETIME = "datetime"
    MONEY = "money"
    DECIMAL = "decimal"
    INTEGER = "integer"
    BOOLEAN = "boolean"
    PICKLIST = "picklist"
    MULTI_VALUE = "multi_value"
    IDENTIFIER = "identifier"
    FOREIGN_KEY = "foreign_key"
    FREE_TEXT = "free_text"
    EMPTY = "empty"


class ValueCount(BaseModel):
    model_config = ConfigDict(extra="forbid")
    value: str
    count: int


class ForeignKey(BaseModel):
    """``source.column`` points at ``target_table.target_column`` for ``resolved_share`` of values."""

    model_config = ConfigDict(extra="forbid")
    table: str
    column: str
    target_table: str
    target_column: str
    resolved_share: float
    path_column: str | None = None  # e.g. account-path beside account-id
    # the column names the target row instead of giving its key: the target's columns that spell
    # its name (each list joined by a space), tried in turn
    by_names: list[list[str]] | None = None


class ColumnProfile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    table: str
    column: str
    position: int
    semantic_type: SemanticType
    evidence: list[str] = Field(default_factory=list)  # why this type, in words with shares
    type_share: float = 0.0  # share of non-blank values that fit the semantic type
    format: str | None = None  # date strftime ("%d/%m/%Y", "iso-offset"), money locale ("es"/"en")
    locale: str | None = None  # "es" for 1.234,56, "en" for 1,234.56
    currency: str | None = None  # "EUR", "USD" when a symbol or code was seen
    country: str | None = None  # likely ISO country for phones / addresses
    separator: str | None = None  # multi-value cells
    picklist: list[ValueCount] = Field(default_factory=list)  # values and frequencies
    true_values: list[str] = Field(default_factory=list)  # booleans: which spellings mean true
    row_count: int = 0
    null_count: int = 0  # NULL or blank after trim
    null_share: float = 0.0
    distinct_count: int = 0
    unique_share: float = 0.0  # distinct / non-blank
    top_values: list[ValueCount] = Field(default_factory=list)
    min_value: str | None = None
    max_value: str | None = None
    min_length: int | None = None
    max_length: int | None = None
    avg_length: float | None = None
    samples: list[str] = Field(default_factory=list)
    foreign_key: ForeignKey | None = None
    extra: dict[str, Any] = Field(default_factory=dict)


class DuplicateGroup(BaseModel):
    model_config = ConfigDict(extra="forbid")
    table: str
    column: str
    value: str  # normalised (lower-case, trimmed) value shared by several rows
    row_numbers: list[int]


class TableProfile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    table: str
    row_count: int
    column_count: int
    primary_key: str | None = None
    parent_table: str | None = None  # child tables made from nested arrays
    duplicates: list[DuplicateGroup] = Field(default_factory=list)
    columns: list[ColumnProfile] = Field(default_factory=list)
