"""Review test data built with the shared models: a small migration and a 2,000-proposal one."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from assistant.highlevel.state import CustomField, DestinationState, Location, Pipeline, Stage, User
from assistant.mapping import store
from assistant.mapping.items import (
    CustomFieldSpec,
    FieldMap,
    FieldTarget,
    MappingDocument,
    ObjectMap,
    ObjectTarget,
    OwnerMatch,
    StageValueMap,
    TagCluster,
    Transform,
)
from assistant.mapping.models import (
    Alternative,
    Cardinality,
    DataType,
    Evidence,
    FieldKind,
    FieldModel,
    Status,
    TargetObject,
    TransformKind,
)
from assistant.profile.models import ColumnProfile, SemanticType, TableProfile, ValueCount
from assistant.review.context import ReviewContext
from assistant.workspace import Workspace

CONTACT_FIELDS = [
    "firstName",
    "lastName",
    "name",
    "email",
    "phone",
    "address1",
    "city",
    "postalCode",
    "website",
]
OPPORTUNITY_FIELDS = ["name", "monetaryValue", "status", "pipelineStageId", "assignedTo"]
COMPANY_FIELDS = ["name", "phone", "email", "website", "address1", "city"]


def _field(obj: str, col: str, target: FieldTarget, conf: float, **extra: Any) -> FieldMap:
    return FieldMap(
        id=f"field:{obj}.{col}",
        source_object=obj,
        source_columns=[col],
        target=target,
        confidence=conf,
        rationale=f"{col} looks like {target.field or target.kind.value}",
        evidence=[Evidence(source="name", detail=f"name similarity for {col}")],
        **extra,
    )


def std(obj: TargetObject, name: str) -> FieldTarget:
    return FieldTarget(kind=FieldKind.STANDARD, object=obj, field=name)


def small_document() -> MappingDocument:
    vat = CustomFieldSpec(
        name="VAT number",
        field_key="contact.vat_number",
        data_type=DataType.TEXT,
        model=FieldModel.CONTACT,
        model_reason="clients become contacts",
    )
    return MappingDocument(
        project="acme-plumbing",
        objects=[
            ObjectMap(
                id="object:clients",
                source_object="clients",
                row_count=120,
                cardinality=Cardinality.ONE_TO_MANY,
                targets=[
                    ObjectTarget(object=TargetObject.CONTACT),
                    ObjectTarget(object=TargetObject.COMPANY),
                ],
                confidence=0.92,
                rationale="clients are people with an optional company",
            ),
            ObjectMap(
                id="object:quotes",
                source_object="quotes",
                row_count=45,
                targets=[ObjectTarget(object=TargetObject.OPPORTUNITY)],
                confidence=0.55,
                rationale="quotes move through a sales pipeline",
            ),
        ],
        fields=[
            _field("clients", "email", std(TargetObject.CONTACT, "email"), 0.97),
            _field(
                "clients",
                "name",
                std(TargetObject.CONTACT, "firstName"),
                0.81,
                transform=Transform(kind=TransformKind.NAME_FIRST),
                alternatives=[Alternative(target="contact.name", score=0.6)],
            ),
            _field("clients", "phone", std(TargetObject.CONTACT, "phone"), 0.88),
            _field(
                "clients",
                "tax-id",
                FieldTarget(kind=FieldKind.CUSTOM_NEW, object=TargetObject.CONTACT, custom_field=vat),
                0.64,
                alternatives=[Alternative(target="skip", score=0.2)],
            ),
            _field("clients", "legacy-code", FieldTarget(kind=FieldKind.SKIP), 0.42),
            _field("quotes", "title", std(TargetObject.OPPORTUNITY, "name"), 0.74),
            _field("quotes", "total", std(TargetObject.OPPORTUNITY, "monetaryValue"), 0.58),
        ],
        tags=[
            TagCluster(
                id="tag:VIP", canonical="VIP", members=["vip", "V.I.P."], counts={"vip": 9, "V.I.P.": 2}
            ),
            TagCluster(
                id="tag:Priority",
                canonical="Priority",
                members=["priority", "urgent"],
                counts={"priority": 4},
            ),
            TagCluster(id="tag:Boiler", canonical="Boiler", members=["boiler"], counts={"boiler": 7}),
        ],
        stages=[
            StageValueMap(
                id="stage:quotes.status=sent",
                source_object="quotes",
                source_column="status",
                source_value="sent",
                count=20,
                pipeline_id="p1",
                pipeline_name="Sales",
                stage_id="s2",
                stage_name="Quote sent",
                confidence=0.9,
            ),
            StageValueMap(
                id="stage:quotes.status=limbo",
                source_object="quotes",
                source_column="status",
                source_value="limbo",
                count=3,
                flagged=True,
                confidence=0.1,
            ),
        ],
        owners=[
            OwnerMatch(
                id="owner:quotes.u7",
                source_object="quotes",
                source_key="u7",
                source_name="Ana Ruiz",
                source_email="ana@acme.test",
                user_id="usr-ana",
                user_name="Ana Ruiz",
                method="email",
                confidence=0.99,
            ),
            OwnerMatch(
                id="owner:quotes.u9",
                source_object="quotes",
                source_key="u9",
                source_name="Old Tech",
                confidence=0.0,
            ),
        ],
    )


def destination() -> DestinationState:
    return DestinationState(
        location=Location(id="loc1", name="Acme Plumbing"),
        pipelines=[
            Pipeline(
                id="p1",
                name="Sales",
                stages=[
                    Stage(id="s1", name="New"),
                    Stage(id="s2", name="Quote sent"),
                    Stage(id="s3", name="Won"),
                ],
            )
        ],
        users=[
            User(id="usr-ana", name="Ana Ruiz", email="ana@acme.test"),
            User(id="usr-owner", name="Owner Person", email="owner@acme.test"),
        ],
        customFields=[
            CustomField(id="cf1", name="Customer since", fieldKey="contact.customer_since", dataType="DATE")
        ],
    )


def profiles() -> list[TableProfile]:
    columns = [
        ColumnProfile(
            table="clients",
            column="email",
            position=1,
            semantic_type=SemanticType.EMAIL,
            type_share=0.98,
            null_share=0.05,
            distinct_count=114,
            samples=["ana@example.com", "luis@example.com"],
        ),
        ColumnProfile(
            table="clients",
            column="tax-id",
            position=2,
            semantic_type=SemanticType.IDENTIFIER,
            null_share=0.4,
            samples=["B12345678"],
            top_values=[ValueCount(value="B12345678", count=1)],
        ),
    ]
    return [TableProfile(table="clients", row_count=120, column_count=2, columns=columns)]


def context() -> ReviewContext:
    standard = {
        TargetObject.CONTACT: CONTACT_FIELDS,
        TargetObject.OPPORTUNITY: OPPORTUNITY_FIELDS,
        TargetObject.COMPANY: COMPANY_FIELDS,
    }
    return ReviewContext(
        profiles={p.table: p for p in profiles()}, destination=destination(), standard_fields=standard
    )


def big_document(size: int = 2000) -> MappingDocument:
    """``size`` field proposals over 20 objects, confidences spread over 0–1."""
    objects = [
        ObjectMap(
            id=f"object:table{n}",
            source_object=f"table{n}",
            row_count=1000 + n,
            targets=[ObjectTarget(object=TargetObject.CONTACT)],
            confidence=0.5 + n / 50,
        )
        for n in range(20)
    ]
    fields = [
        _field(
            f"table{i % 20}", f"column{i}", std(TargetObject.CONTACT, CONTACT_FIELDS[i % 9]), (i % 97) / 97
        )
        for i in range(size)
    ]
    return MappingDocument(project="big", objects=objects, fields=fields)


def write_workspace(root: Path, document: MappingDocument) -> Workspace:
    workspace = Workspace(root).ensure()
    store.save(workspace, document, by="proposer")
    workspace.close()  # the app (or a subprocess) opens its own connection
    return Workspace(root)


def saved(root: Path) -> MappingDocument:
    return store.parse_yaml((root / "mapping.yaml").read_text(encoding="utf-8"))


def status_of(document: MappingDocument, item_id: str) -> Status:
    return document.find(item_id).status
