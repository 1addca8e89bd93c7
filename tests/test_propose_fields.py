"""Field maps: each transform choice, custom field typing, reuse and skips."""

from __future__ import annotations

import pytest

from assistant.mapping.items import FieldMap, MappingDocument
from assistant.mapping.models import DataType, FieldKind, FieldModel, TargetObject, TransformKind
from assistant.profile.models import SemanticType
from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.propose.sourcedata import MemoryValues
from assistant.transforms.names import SPANISH_REGIONS
from tests.propose_factory import destination, spanish_crm, spanish_values, table

S = SemanticType
K = TransformKind


def _doc() -> MappingDocument:
    return propose_offline(ProposeInputs(spanish_crm(), destination(), MemoryValues(spanish_values())))


def _fields(doc: MappingDocument) -> dict[str, FieldMap]:
    return {f.id: f for f in doc.fields}


def test_full_name_splits_into_first_and_last_with_compound_surnames() -> None:
    fields = _fields(_doc())
    first, last = fields["field:clients.name"], fields["field:clients.name@lastName"]
    assert (first.target.field, first.transform.kind) == ("firstName", K.NAME_FIRST)
    assert (last.target.field, last.transform.kind) == ("lastName", K.NAME_LAST)
    assert last.transform.params["compound_surnames"] is True


def test_phone_email_date_money_transforms_carry_profile_facts() -> None:
    fields = _fields(_doc())
    assert fields["field:clients.phone"].transform.kind == K.PHONE_E164
    assert fields["field:clients.phone"].transform.params["region"] == "ES"
    assert fields["field:clients.email"].transform.kind == K.EMAIL
    created = fields["field:clients.creation-date"]
    assert created.transform.kind == K.DATE and created.transform.params["format"] == "iso-offset"
    money = fields["field:salesEstimates.total-amount"]
    assert (money.target.field, money.transform.kind) == ("monetaryValue", K.MONEY)
    assert money.transform.params == {"locale": "en", "currency": "EUR"}


def test_owner_lookup_stage_and_concat() -> None:
    fields = _fields(_doc())
    owner = fields["field:salesEstimates.agent-id"]
    assert (owner.target.field, owner.transform.kind) == ("assignedTo", K.OWNER)
    link = fields["field:salesEstimates.account-id"]
    assert (link.target.field, link.transform.kind, link.transform.params["object"]) == (
        "contactId",
        K.LOOKUP,
        "contact",
    )
    stage = fields["field:salesEstimates.document-state-id"]
    assert (stage.target.field, stage.transform.kind) == ("pipelineStageId", K.VALUE_MAP)
    assert stage.transform.params["display"] == "name"
    name = fields["field:salesEstimates.full-reference+title"]
    assert name.target.field == "name" and name.transform.params["template"] == "{full-reference} {title}"


def test_tags_boolean_and_multi_value_transforms() -> None:
    profiles = [
        table(
            "contacts",
            [
                ("email", S.EMAIL, {}),
                ("Tags", S.MULTI_VALUE, {"separator": ";"}),
                ("Do Not Contact", S.BOOLEAN, {"true_values": ["Y"]}),
                ("Languages spoken", S.MULTI_VALUE, {"separator": "|", "values": {"es|en": 3, "en": 2}}),
            ],
        )
    ]
    fields = _fields(propose_offline(ProposeInputs(profiles, destination())))
    tags = fields["field:contacts.Tags"]
    assert (tags.target.field, tags.transform.kind, tags.transform.params["separator"]) == (
        "tags",
        K.TAGS,
        ";",
    )
    dnd = fields["field:contacts.Do Not Contact"]
    assert (dnd.target.field, dnd.transform.kind, dnd.transform.params["true_values"]) == (
        "dnd",
        K.BOOLEAN,
        ["Y"],
    )
    langs = fields["field:contacts.Languages spoken"]
    assert langs.target.custom_field is not None
    assert langs.target.custom_field.data_type == DataType.MULTIPLE_OPTIONS
    assert langs.target.custom_field.options == ["es", "en"]
    assert langs.transform.kind == K.MULTI_VALUE


def test_custom_field_types_follow_the_profile() -> None:
    profiles = [
        table(
            "deals",
            [
                ("deal name", S.FREE_TEXT, {}),
                ("importe", S.MONEY, {}),
                ("estado", S.PICKLIST, {}),
                ("Probabilidad", S.INTEGER, {}),
                ("Fecha cierre", S.DATE, {"format": "%d/%m/%Y"}),
                ("Tipo de obra", S.PICKLIST, {"values": {"Reforma": 4, "Obra nueva": 2}}),
                ("Coste materiales", S.MONEY, {"locale": "es"}),
                ("Financiado", S.BOOLEAN, {}),
                ("Contacto obra", S.EMAIL, {}),
                ("Memoria técnica", S.FREE_TEXT, {"max_length": 900, "avg_length": 300.0}),
            ],
        )
    ]
    fields = _fields(propose_offline(ProposeInputs(profiles, destination())))

    def dtype(column: str) -> DataType:
        spec = fields[f"field:deals.{column}"].target.custom_field
        assert spec is not None and spec.model == FieldModel.OPPORTUNITY
        return spec.data_type

    assert dtype("Tipo de obra") == DataType.SINGLE_OPTIONS
    assert fields["field:deals.Tipo de obra"].target.custom_field.options == ["Reforma", "Obra nueva"]  # type: ignore[union-attr]
    assert dtype("Coste materiales") == DataType.MONETORY
    assert dtype("Fecha cierre") == DataType.DATE
    assert dtype("Probabilidad") == DataType.NUMERICAL
    assert dtype("Financiado") == DataType.CHECKBOX
    assert dtype("Contacto obra") == DataType.EMAIL
    assert dtype("Memoria técnica") == DataType.LARGE_TEXT
    assert fields["field:deals.Fecha cierre"].transform.params["format"] == "%d/%m/%Y"
    assert "model opportunity" in fields["field:deals.Coste materiales"].target.custom_field.model_reason  # type: ignore[union-attr]


def test_existing_destination_field_is_reused_not_twinned() -> None:
    reused = _fields(_doc())["field:clients.tax-identification-number"]
    assert reused.target.kind == FieldKind.CUSTOM_EXISTING
    assert reused.target.custom_field is not None
    assert reused.target.custom_field.existing_id == "cf1"
    assert reused.target.custom_field.field_key == "contact.vat_number"


def test_skips_and_sparse_columns() -> None:
    fields = _fields(_doc())
    assert fields["field:clients.path"].target.kind == FieldKind.SKIP  # duplicates the id
    assert fields["field:salesEstimates.account-path"].target.kind == FieldKind.SKIP
    assert "repeats the id" in fields["field:salesEstimates.account-path"].rationale
    assert fields["field:clients.fax"].target.kind == FieldKind.SKIP  # profiled empty
    sparse = [table("clients", [("email", S.EMAIL, {}), ("Gate code", S.FREE_TEXT, {"null_share": 0.98})])]
    gate = _fields(propose_offline(ProposeInputs(sparse, None)))["field:clients.Gate code"]
    assert gate.target.kind == FieldKind.CUSTOM_NEW
    assert gate.confidence < 0.7
    assert any("98% empty" in e.detail for e in gate.evidence)


def test_source_key_is_kept_for_traceability_and_bookkeeping_ignored() -> None:
    doc = _doc()
    key = _fields(doc)["field:clients.id"]
    assert key.target.custom_field is not None and key.target.custom_field.name == "Source ID"
    assert "traceability" in key.rationale
    assert not any(c.startswith("_") for f in doc.fields for c in f.source_columns)


def test_task_values_without_a_field_go_into_the_body() -> None:
    profiles = [
        table(
            "tareas",
            [
                ("asunto", S.FREE_TEXT, {}),
                ("fecha vencimiento", S.DATE, {"format": "%d/%m/%Y"}),
                ("responsable", S.PERSON_NAME, {}),
                ("Prioridad", S.PICKLIST, {"values": {"Alta": 3, "Baja": 2}}),
                ("estado", S.PICKLIST, {"values": {"Completada": 4, "Pendiente": 6}}),
            ],
        )
    ]
    doc = propose_offline(ProposeInputs(profiles, destination()))
    assert doc.objects[0].targets[0].object == TargetObject.TASK
    fields = _fields(doc)
    assert fields["field:tareas.fecha vencimiento"].target.field == "dueDate"
    assert fields["field:tareas.responsable"].transform.kind == K.OWNER
    priority = fields["field:tareas.Prioridad"]
    assert priority.target.field == "body" and priority.transform.params["append"] is True
    assert "no custom fields" in priority.rationale
    status = fields["field:tareas.estado"]
    assert status.target.field == "completed" and status.transform.params["true_values"] == ["Completada"]
    assert all(f.target.custom_field is None for f in doc.fields)


def test_every_proposal_has_evidence_and_ranked_alternatives() -> None:
    for fmap in _doc().fields:
        assert fmap.evidence, fmap.id
        assert fmap.rationale, fmap.id
        assert 2 <= len(fmap.alternatives) <= 5, fmap.id
        scores = [a.score for a in fmap.alternatives]
        assert scores == sorted(scores, reverse=True), fmap.id


@pytest.mark.parametrize(("region", "locale"), [("GQ", "es"), ("MX", "es"), ("US", None)])
def test_a_name_split_names_the_locale_of_every_region_the_executor_splits_the_spanish_way(
    region: str, locale: str | None
) -> None:
    people = table("people", [("Full name", S.PERSON_NAME, {"country": region}), ("Email", S.EMAIL, {})])
    first = _fields(propose_offline(ProposeInputs([people], destination())))["field:people.Full name"]
    assert first.transform.kind == K.NAME_FIRST
    assert first.transform.params.get("locale") == locale
    assert (region in SPANISH_REGIONS) == (locale == "es")
