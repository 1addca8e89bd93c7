"""Pydantic models of the mapping document.

The proposer writes it, the review TUI edits it, the executor reads only confirmed items
(accepted or edited), the evals score it. Every item is a :class:`Proposal`: it carries its
status, confidence, rationale, evidence, ranked alternatives and who decided it and when.
"""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class Status(StrEnum):
    PROPOSED = "proposed"
    ACCEPTED = "accepted"
    EDITED = "edited"
    REJECTED = "rejected"


class TargetObject(StrEnum):
    """HighLevel objects a source object can land in."""

    CONTACT = "contact"
    COMPANY = "company"
    OPPORTUNITY = "opportunity"
    TASK = "task"
    NOTE = "note"
    APPOINTMENT = "appointment"
    USER = "user"
    PRODUCT = "product"
    FILE = "file"
    CUSTOM_OBJECT = "custom_object"
    INVOICE = "invoice"  # a native HighLevel invoice with its line items
    ESTIMATE = "estimate"  # a native HighLevel estimate with its line items
    MESSAGE = "message"  # a conversation message (call, email, SMS) on a contact, with its original date
    TAG = "tag"
    PIPELINE = "pipeline"
    CUSTOM_FIELD = "custom_field"
    NO_EQUIVALENT = "no_equivalent"


class Cardinality(StrEnum):
    ONE_TO_ONE = "1:1"
    MANY_TO_ONE = "many:1"  # several source rows (or objects) collapse into one target record
    ONE_TO_MANY = "1:many"  # one source row feeds several targets (client -> contact + company)


class FieldKind(StrEnum):
    STANDARD = "standard"  # a standard field of the target object (firstName, email, ...)
    CUSTOM_NEW = "custom_new"  # a custom field the executor creates first
    CUSTOM_EXISTING = "custom_existing"  # a custom field already in the destination
    SKIP = "skip"  # not migrated (kept in the source tables, reported)


class DataType(StrEnum):
    """HighLevel custom field dataType values, spelled as the API spells them."""

    TEXT = "TEXT"
    LARGE_TEXT = "LARGE_TEXT"
    NUMERICAL = "NUMERICAL"
    PHONE = "PHONE"
    MONETORY = "MONETORY"
    CHECKBOX = "CHECKBOX"
    SINGLE_OPTIONS = "SINGLE_OPTIONS"
    MULTIPLE_OPTIONS = "MULTIPLE_OPTIONS"
    DATE = "DATE"
    TEXTBOX_LIST = "TEXTBOX_LIST"
    FILE_UPLOAD = "FILE_UPLOAD"
    RADIO = "RADIO"
    EMAIL = "EMAIL"


class FieldModel(StrEnum):
    """Which record type a custom field belongs to; fixed forever once created in HighLevel."""

    CONTACT = "contact"
    OPPORTUNITY = "opportunity"
    COMPANY = "company"  # custom-fields API, objectKey "business"
    CUSTOM_OBJECT = "custom_object"  # custom-fields API, objectKey "custom_objects.<key>"


class DuplicateChoice(StrEnum):
    """What a create does when HighLevel already holds the same contact (same email or phone)."""

    SKIP = "skip"  # leave the existing contact as it is
    FILL_EMPTY = "fill_empty"  # write only the fields the existing contact has empty
    OVERWRITE = "overwrite"  # write every mapped field over the existing values
    SEPARATE = "separate"  # create a second contact (only where the location allows duplicates)


class OpportunityStatus(StrEnum):
    OPEN = "open"
    WON = "won"
    LOST = "lost"
    ABANDONED = "abandoned"


class TransformKind(StrEnum):
    COPY = "copy"
    NAME_FIRST = "name_first"  # first name out of a full name
    NAME_LAST = "name_last"  # last name (Spanish compound surnames kept whole)
    PHONE_E164 = "phone_e164"  # params: region
    EMAIL = "email"  # lower-case, trimmed, validated
    DATE = "date"  # params: format (strftime) or "iso"
    MONEY = "money"  # params: locale ("es" 1.234,56 | "en" 1,234.56), currency
    NUMBER = "number"  # params: locale
    BOOLEAN = "boolean"  # params: true_values, false_values
    MULTI_VALUE = "multi_value"  # params: separator; first value or list
    VALUE_MAP = "value_map"  # params: map name (stage map, tag clusters, pick-list)
    CONCAT = "concat"  # params: template "{full-reference} {title}" over source_columns
    OWNER = "owner"  # source user key -> destination user id via owner matches
    LOOKUP = "lookup"  # foreign key -> HighLevel id of the migrated parent; params: object
    TAGS = "tags"  # a tag cell -> canonical tags via tag clusters; params: separator


class Evidence(BaseModel):
    """A fact that supports a proposal, e.g. ('profile', '98% of values are emails')."""

    model_config = ConfigDict(extra="forbid")
    source: str
    detail: str


class Alternative(BaseModel):
    """A ranked runner-up the engineer can pick instead (``target`` is a readable label)."""

    model_config = ConfigDict(extra="forbid")
    target: str
    score: float
    value: dict[str, Any] = Field(default_factory=dict)  # enough to rebuild the item's target


class Origin(BaseModel):
    """What produced a proposal: backend, model and the hash of the rendered prompt."""

    model_config = ConfigDict(extra="forbid")
    backend: str = "offline"  # offline | llm | human | gold
    model: str | None = None
    prompt_hash: str | None = None
    fallback: bool = False  # an LLM proposal that failed validation and fell back to offline


class Proposal(BaseModel):
    """Fields shared by every item of the mapping document."""

    model_config = ConfigDict(extra="forbid")
    id: str  # stable key, e.g. "field:clients.email" (see FORMAT.md)
    status: Status = Status.PROPOSED
    confidence: float = Field(0.0, ge=0.0, le=1.0)
    rationale: str = ""
    evidence: list[Evidence] = Field(default_factory=list)
    alternatives: list[Alternative] = Field(default_factory=list)
    origin: Origin = Field(default_factory=Origin)
    decided_by: str | None = None
    decided_at: datetime | None = None

    @property
    def confirmed(self) -> bool:
        return self.status in (Status.ACCEPTED, Status.EDITED)

    def decide(self, status: Status, who: str) -> None:
        self.status = status
        self.decided_by = who
        self.decided_at = datetime.now(UTC)
