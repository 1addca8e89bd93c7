"""The spec loader: operations, path matching, Version headers and HighLevel-style body messages."""

from __future__ import annotations

import pytest

from assistant.hlspec import (
    UnknownOperationError,
    find_operation,
    load_spec,
    operation_by_id,
    operations,
    spec_names,
    validate_request_body,
)


def test_every_shipped_spec_loads_and_has_operations() -> None:
    assert "contacts" in spec_names() and "common-schemas" not in spec_names()
    for name in spec_names():
        assert load_spec(name)["paths"], name
    assert len(operations()) > 150


def test_literal_segments_win_over_parameters() -> None:
    assert find_operation("POST", "/contacts/search").operation_id == "search-contacts-advanced"
    assert find_operation("GET", "/contacts/search/duplicate?email=a").operation_id == "get-duplicate-contact"
    assert find_operation("GET", "/contacts/abc123").operation_id == "get-contact"
    assert find_operation("post", "/contacts").operation_id == "create-contact"
    with pytest.raises(UnknownOperationError):
        find_operation("PATCH", "/contacts/abc")


def test_version_scopes_and_content_types_come_from_the_spec() -> None:
    create = find_operation("POST", "/contacts/")
    assert create.version == "2021-07-28"
    assert create.scopes == ("contacts.write",)
    assert set(create.response_schemas) >= {"201", "400", "401", "422"}
    assert find_operation("POST", "/calendars/events/appointments").version == "2021-04-15"
    assert find_operation("POST", "/medias/upload-file").request_content_type == "multipart/form-data"


def test_cross_file_refs_resolve_to_common_schemas() -> None:
    error = find_operation("POST", "/contacts/").response_schemas["422"]
    assert error["properties"]["message"]["type"] == "array"


def test_unknown_property_and_wrong_type_are_reported_like_highlevel() -> None:
    op = find_operation("POST", "/contacts/")
    messages = validate_request_body(op, {"locationId": "L1", "foo": 1, "name": 3})
    assert messages == ["property foo should not exist", "name must be a string"]


def test_required_and_enum_and_nested_paths() -> None:
    op = operation_by_id("opportunities", "create-opportunity")
    assert sorted(validate_request_body(op, {"locationId": "L1", "status": "maybe"})) == [
        "contactId should not be empty",
        "name should not be empty",
        "pipelineId should not be empty",
        "status must be one of the following values: open, won, lost, abandoned, all",
    ]
    contact = find_operation("POST", "/contacts/")
    assert validate_request_body(contact, {"locationId": "", "customFields": [{"field_value": "x"}]}) == [
        "locationId should not be empty",
        "customFields.0.id should not be empty",
    ]


def test_valid_bodies_pass_including_all_of_and_free_form_values() -> None:
    contact = find_operation("POST", "/contacts/")
    body = {"locationId": "L1", "dateOfBirth": "1990-01-02", "tags": ["a"], "customFields": [{"id": "f"}]}
    assert validate_request_body(contact, body) == []
    schema_op = operation_by_id("objects", "create-custom-object-schema")
    good = {
        "labels": {"singular": "Pet", "plural": "Pets"},
        "key": "custom_objects.pets",
        "locationId": "L1",
        "primaryDisplayPropertyDetails": {
            "key": "custom_objects.pets.name",
            "name": "Name",
            "dataType": "TEXT",
        },
    }
    assert validate_request_body(schema_op, good) == []
    assert validate_request_body(schema_op, {**good, "labels": {"singular": "Pet"}}) == [
        "labels.plural should not be empty"
    ]


def test_a_missing_body_reports_every_required_property() -> None:
    op = operation_by_id("contacts", "create-task")
    assert sorted(validate_request_body(op, None)) == [
        "completed should not be empty",
        "dueDate should not be empty",
        "title should not be empty",
    ]
    assert validate_request_body(op, ["not", "an", "object"]) == ["body must be an object"]
