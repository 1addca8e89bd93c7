"""The items of the mapping document and the document itself."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from assistant.mapping.models import (
    Cardinality,
    DataType,
    DuplicateChoice,
    FieldKind,
    FieldModel,
    OpportunityStatus,
    Proposal,
    Status,
    TargetObject,
    TransformKind,
)

FORMAT_VERSION = 1


class ObjectTarget(BaseModel):
    """One HighLevel object a source object lands in."""

    model_config = ConfigDict(extra="forbid")
    object: TargetObject
    custom_object_key: str | None = None  # "custom_objects.invoice" when object is custom_object
    condition: str | None = None  # which rows, e.g. "company name present" for a split
    role: str | None = None  # e.g. "attachment", "line_items", "rebuild_reference"


class ObjectMap(Proposal):
    """A source object (raw table) -> one or more HighLevel objects."""

    source_object: str
    row_count: int = 0
    targets: list[ObjectTarget]
    cardinality: Cardinality = Cardinality.ONE_TO_ONE
    parent_object: str | None = None  # child tables such as document lines
    key_column: str | None = None  # the source's primary key
    on_duplicate: DuplicateChoice | None = None  # contacts HighLevel already holds (None: skip)


class CustomFieldSpec(BaseModel):
    """A custom field to create (or the existing one to reuse)."""

    model_config = ConfigDict(extra="forbid")
    name: str
    field_key: str  # "contact.vat_number"
    data_type: DataType
    model: FieldModel
    options: list[str] = Field(default_factory=list)
    model_reason: str = ""  # why this model: it is irreversible in HighLevel
    existing_id: str | None = None  # set when reusing a destination field


class Transform(BaseModel):
    model_config = ConfigDict(extra="forbid")
    kind: TransformKind = TransformKind.COPY
    params: dict[str, Any] = Field(default_factory=dict)


class FieldTarget(BaseModel):
    model_config = ConfigDict(extra="forbid")
    kind: FieldKind
    object: TargetObject | None = None  # which of the object map's targets (None for skip)
    field: str | None = None  # standard field name, e.g. "firstName"
    custom_field: CustomFieldSpec | None = None  # for custom_new and custom_existing


class FieldMap(Proposal):
    """Source column(s) -> one target field, with the transform it needs."""

    source_object: str
    source_columns: list[str]
    target: FieldTarget
    transform: Transform = Field(default_factory=Transform)


class TagCluster(Proposal):
    """Source tag variants that mean one thing -> one canonical HighLevel tag."""

    canonical: str
    members: list[str]  # raw source spellings, exactly as they appear
    counts: dict[str, int] = Field(default_factory=dict)
    sources: list[str] = Field(default_factory=list)  # "object.column" the tags came from


class StageValueMap(Proposal):
    """A source status value -> pipeline, stage and opportunity status; with no source column and
    value, the stage every row of a table without a stage column starts at."""

    source_object: str
    source_column: str
    source_value: str
    count: int = 0
    pipeline_id: str | None = None
    pipeline_name: str | None = None
    stage_id: str | None = None
    stage_name: str | None = None
    opportunity_status: OpportunityStatus = OpportunityStatus.OPEN
    flagged: bool = False  # no good stage: needs a human, never forced

    @property
    def whole_table(self) -> bool:
        """No column names a stage: every row of the table lands at this one (``stage:<table>``)."""
        return not self.source_column

    @property
    def source_label(self) -> str:
        """Where its rows are read: 'quotes.status = sent', or 'every row of jobs' (whole table)."""
        if self.whole_table:
            return f"every row of {self.source_object}"
        return f"{self.source_object}.{self.source_column} = {self.source_value}"


class OwnerMatch(Proposal):
    """A source user / technician / agent -> a destination user, or the fallback."""

    source_object: str
    source_key: str
    source_name: str | None = None
    source_email: str | None = None
    user_id: str | None = None
    user_name: str | None = None
    user_email: str | None = None
    method: str = "none"  # email | name | fallback | none
    fallback_user_id: str | None = None


class HoldingParent(Proposal):
    """Rows of a child table whose link names a parent no row of the export holds (a deleted client):
    accepted, they are parked on one holding contact per location instead of held back."""

    source_object: str
    link_column: str  # the column naming the missing parents
    orphan_rows: int = 0
    companyless_rows: int = 0  # rows naming a company the export holds but no contact belongs to
    row_count: int = 0  # rows whose link is filled
    example_rows: list[int] = Field(default_factory=list)  # row numbers only: safe under --no-values


class SharedMapSource(BaseModel):
    """The confirmed map of another client on the same platform that this document extends: its
    decisions are kept as they are, and ``additions`` are the items proposed for values only this
    client's export holds (stage values, message types, tags, owners)."""

    model_config = ConfigDict(extra="forbid")
    path: str  # the shared mapping.confirmed.yaml, as given
    digest: str  # of the shared map's decisions when the additions were proposed
    additions: list[str] = Field(default_factory=list)  # item ids added for this client


class BusinessBilling(Proposal):
    """Native invoices or estimates of a source table whose contact has no email or phone anywhere in
    the export: accepted, each is addressed to the location's own email and phone (its billing contact;
    the contact record stays as exported, nothing is sent); rejected, each travels as a note."""

    source_object: str
    document: str  # invoice or estimate
    contact_table: str = ""  # the table its contact link names ("" when reached through another record)
    documents: int | None = None  # how many lack both, when propose can count them (else the plan does)
    row_count: int = 0


class MappingDocument(BaseModel):
    """Everything proposed and decided for one migration."""

    model_config = ConfigDict(extra="forbid")
    format_version: int = FORMAT_VERSION
    project: str = "migration"
    created_at: datetime = Field(default_factory=lambda: datetime.now(UTC))
    updated_at: datetime = Field(default_factory=lambda: datetime.now(UTC))
    confirmed_by: str | None = None
    confirmed_at: datetime | None = None
    objects: list[ObjectMap] = Field(default_factory=list)
    fields: list[FieldMap] = Field(default_factory=list)
    tags: list[TagCluster] = Field(default_factory=list)
    stages: list[StageValueMap] = Field(default_factory=list)
    owners: list[OwnerMatch] = Field(default_factory=list)
    holdings: list[HoldingParent] = Field(default_factory=list)  # orphans parked on a holding contact
    billings: list[BusinessBilling] = Field(default_factory=list)  # documents billed to the business
    notes: list[str] = Field(default_factory=list)  # free text for the engineer, never executed
    shared_map: SharedMapSource | None = None  # set when this client runs another client's map

    def items(self) -> Iterator[Proposal]:
        yield from self.objects
        yield from self.fields
        yield from self.tags
        yield from self.stages
        yield from self.owners
        yield from self.holdings
        yield from self.billings

    def find(self, item_id: str) -> Proposal:
        for item in self.items():
            if item.id == item_id:
                return item
        raise KeyError(item_id)

    def pending(self) -> list[Proposal]:
        return [item for item in self.items() if item.status == Status.PROPOSED]

    def custom_fields(self) -> list[CustomFieldSpec]:
        """Custom fields used by field maps that are not rejected."""
        return [
            f.target.custom_field
            for f in self.fields
            if f.target.custom_field is not None and f.status != Status.REJECTED
        ]
