"""The target catalog is derived from the official spec files, not retyped."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

import pytest

from assistant.errors import HlmapError
from assistant.highlevel.catalog import load_catalog
from assistant.highlevel.catalog_sources import OBJECT_SOURCES


def _raw_schema(spec: str, name: str) -> dict[str, Any]:
    text = resources.files("assistant.hlspec").joinpath("openapi", f"{spec}.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)["components"]["schemas"][name]
    return schema


def test_every_object_the_migration_needs_is_there() -> None:
    wanted = {
        "contact", "business", "opportunity", "task", "note", "appointment", "user", "tag",
        "location_custom_field", "custom_object", "custom_object_field", "association", "relation",
        "pipeline", "stage", "media_file", "product", "price",
    }  # fmt: skip
    assert wanted <= set(load_catalog().objects)


@pytest.mark.parametrize("object_name", sorted(n for n, s in OBJECT_SOURCES.items() if s.schemas))
def test_fields_are_exactly_the_spec_schemas_properties(object_name: str) -> None:
    source = OBJECT_SOURCES[object_name]
    expected: list[str] = []
    for schema_name in source.schemas:
        props = _raw_schema(source.spec, schema_name).get("properties") or {}
        for name, prop in props.items():
            expected += [name] if name not in expected else []
            if name == "dndSettings":  # each channel of the per-channel opt-outs is a target of its own
                ref = prop.get("$ref") or (prop.get("allOf") or [{}])[0].get("$ref", "")
                schema = _raw_schema(source.spec, ref.rsplit("/", 1)[-1]) if ref else prop
                channels = schema["properties"]
                expected += [f"dndSettings.{c}" for c in channels if f"dndSettings.{c}" not in expected]
    assert [f.name for f in load_catalog().fields(object_name)] == expected


def test_contact_fields_types_and_required_come_from_the_spec() -> None:
    contact = load_catalog().objects["contact"]
    standard = "firstName lastName email phone address1 city state postalCode country companyName website"
    for name in (*standard.split(), "timezone", "source", "dateOfBirth", "assignedTo"):
        assert contact.field(name) is not None, name
    raw = _raw_schema("contacts", "CreateContactDto")
    assert {f.name for f in contact.fields if f.required} == set(raw["required"])
    tags = contact.field("tags")
    assert tags is not None and (tags.json_type, tags.item_type) == ("array", "string")
    dnd = contact.field("dnd")
    assert dnd is not None and dnd.json_type == "boolean"
    email = contact.field("email")
    assert email is not None and email.semantic == "email" and email.nullable
    assert contact.create == ("POST", "/contacts/") and contact.create_version == "2021-07-28"


def test_opportunity_status_enum_and_requirements() -> None:
    opp = load_catalog().objects["opportunity"]
    status = opp.field("status")
    raw = _raw_schema("opportunities", "CreateDto")
    assert status is not None
    assert list(status.enum) == raw["properties"]["status"]["enum"]
    assert {f.name for f in opp.fields if f.required} == {
        "pipelineId",
        "locationId",
        "name",
        "status",
        "contactId",
    }
    value = opp.field("monetaryValue")
    assert value is not None and value.json_type == "number" and value.semantic == "money"


def test_the_same_name_means_different_things_on_different_objects() -> None:
    cat = load_catalog()
    semantics = {obj: cat.objects[obj].field("name") for obj in ("contact", "business", "opportunity")}
    assert {obj: f.semantic if f else "missing" for obj, f in semantics.items()} == {
        "contact": "person_name",
        "business": "company_name",
        "opportunity": None,
    }


def test_custom_field_data_types_and_models() -> None:
    cat = load_catalog()
    types = cat.custom_field_data_types()
    raw = _raw_schema("custom-fields", "CreateCustomFieldsDTO")
    assert types == raw["properties"]["dataType"]["enum"]
    assert {"TEXT", "LARGE_TEXT", "NUMERICAL", "MONETORY", "SINGLE_OPTIONS", "DATE", "FILE_UPLOAD"} <= set(
        types
    )
    field = cat.objects["location_custom_field"]
    model = field.field("model")
    assert model is not None and model.enum == ("contact", "opportunity")
    data_type = field.field("dataType")
    assert data_type is not None and list(data_type.enum) == types


def test_appointments_use_the_calendars_version() -> None:
    assert load_catalog().objects["appointment"].create_version == "2021-04-15"


def test_context_fields_are_not_offered_for_mapping() -> None:
    mappable = {f.name for f in load_catalog().fields("contact") if f.mappable}
    assert "locationId" not in mappable and "customFields" not in mappable and "email" in mappable


def test_unknown_object_names_the_known_ones() -> None:
    with pytest.raises(HlmapError, match="contact"):
        load_catalog().fields("purchase_order")


@pytest.mark.parametrize("kind", ["invoice", "estimate"])
def test_native_documents_offer_the_keys_the_executor_reads_typed_from_the_spec(kind: str) -> None:
    spec = load_catalog().objects[kind]
    names = [f.name for f in spec.fields]
    header = ["invoiceNumber", "issueDate", "dueDate", "currency", "name", "total", "status", "pdfUrl"]
    assert set(header) | {"contactId", "qty", "amount", "taxRate", "discount", "description"} <= set(names)
    assert spec.create == ("POST", "/invoices/" if kind == "invoice" else "/invoices/estimate")
    assert {f.name for f in spec.fields if f.required} == {"invoiceNumber", "issueDate"}
    by_name = {f.name: f for f in spec.fields}
    number = _raw_schema("invoices", "CreateEstimatesDto" if kind == "estimate" else "CreateInvoiceDto")
    wanted = "estimateNumber" if kind == "estimate" else "invoiceNumber"
    assert by_name["invoiceNumber"].json_type == number["properties"][wanted]["type"]
    assert by_name["qty"].source == "invoices.json#InvoiceItemDto.qty"
    assert ("amountPaid" in names) == (kind == "invoice")  # an estimate records no payment


def test_message_keys_come_from_the_conversations_spec():
    catalog = load_catalog()
    fields = {f.name: f for f in catalog.fields("message")}
    assert {"contactId", "type", "direction", "date", "subject", "message", "altId"} <= set(fields)
    assert "Call" in (fields["type"].enum or ()) and "Email" in (fields["type"].enum or ())
    assert fields["date"].required and not fields["subject"].required
    assert catalog.objects["message"].create == ("POST", "/conversations/messages/inbound")
