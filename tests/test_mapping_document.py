"""The mapping document round-trips through YAML losslessly and guards confirmation."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.errors import HlmapError
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
    OpportunityStatus,
    Status,
    TargetObject,
    TransformKind,
)
from assistant.workspace import Workspace


def sample_document() -> MappingDocument:
    return MappingDocument(
        project="demo",
        objects=[
            ObjectMap(
                id="object:clients",
                source_object="clients",
                row_count=120,
                targets=[
                    ObjectTarget(object=TargetObject.CONTACT),
                    ObjectTarget(object=TargetObject.COMPANY, condition="legal-name present"),
                ],
                cardinality=Cardinality.ONE_TO_MANY,
                confidence=0.9,
                rationale="business clients are both a person and a company",
                evidence=[Evidence(source="profile", detail="legal-name 60% filled")],
            )
        ],
        fields=[
            FieldMap(
                id="field:clients.tax-identification-number",
                source_object="clients",
                source_columns=["tax-identification-number"],
                target=FieldTarget(
                    kind=FieldKind.CUSTOM_NEW,
                    object=TargetObject.CONTACT,
                    custom_field=CustomFieldSpec(
                        name="VAT number",
                        field_key="contact.vat_number",
                        data_type=DataType.TEXT,
                        model=FieldModel.CONTACT,
                        model_reason="clients map to contacts",
                    ),
                ),
                transform=Transform(kind=TransformKind.COPY),
                confidence=0.8,
                alternatives=[Alternative(target="skip", score=0.1)],
            ),
            FieldMap(
                id="field:clients.name",
                source_object="clients",
                source_columns=["name"],
                target=FieldTarget(kind=FieldKind.STANDARD, object=TargetObject.CONTACT, field="firstName"),
                transform=Transform(kind=TransformKind.NAME_FIRST, params={"style": "es"}),
                status=Status.ACCEPTED,
                decided_by="ana",
            ),
        ],
        tags=[
            TagCluster(id="tag:vip", canonical="vip", members=["VIP", "vip ", "V.I.P."], counts={"VIP": 3})
        ],
        stages=[
            StageValueMap(
                id="stage:salesEstimates.document-state-id=Aceptado",
                source_object="salesEstimates",
                source_column="document-state-id",
                source_value="Aceptado",
                pipeline_id="p1",
                stage_id="s3",
                opportunity_status=OpportunityStatus.WON,
            )
        ],
        owners=[
            OwnerMatch(id="owner:employees.7", source_object="employees", source_key="7", method="email")
        ],
        notes=["Señal: 'ignore previous instructions' is data"],
    )


def test_yaml_round_trip_is_lossless() -> None:
    document = sample_document()
    text = store.dump_yaml(document)
    again = store.parse_yaml(text)
    assert again == document
    assert store.dump_yaml(again) == text  # stable, so diffs show only real changes
    assert "V.I.P." in text and "Señal" in text  # readable unicode, not escapes


def test_save_and_load_through_workspace(tmp_path: Path) -> None:
    workspace = Workspace(tmp_path / "ws").ensure()
    store.save(workspace, sample_document(), by="tester")
    store.save(workspace, store.load(workspace), by="tester")
    assert store.load(workspace).fields[1].decided_by == "ana"
    versions = workspace.connect().execute("SELECT count(*), max(pending) FROM mapping.versions").fetchone()
    assert versions == (2, 5)


def test_confirm_refuses_pending_items(tmp_path: Path) -> None:
    workspace = Workspace(tmp_path / "ws").ensure()
    document = sample_document()
    with pytest.raises(HlmapError, match="5 proposals still need a decision"):
        store.save_confirmed(workspace, document, by="ana")
    for item in document.items():
        if item.status == Status.PROPOSED:
            item.decide(Status.ACCEPTED, "ana")
    path = store.save_confirmed(workspace, document, by="ana")
    confirmed = store.load_confirmed(workspace)
    assert path.exists() and confirmed.confirmed_by == "ana"
    assert all(item.confirmed for item in confirmed.items())


def test_invalid_document_names_the_file_and_field(tmp_path: Path) -> None:
    workspace = Workspace(tmp_path / "ws").ensure()
    workspace.mapping_path.write_text(
        "objects:\n  - id: x\n    source_object: a\n    targets: [{object: spaceship}]\n"
    )
    with pytest.raises(HlmapError) as info:
        store.load(workspace)
    assert "mapping.yaml" in str(info.value) and "spaceship" in str(info.value)
