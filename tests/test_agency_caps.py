"""HighLevel's custom object cap as the plan states it and as the schema step refuses it."""

from __future__ import annotations

from typing import Any

from assistant.execute.object_schemas import (
    MAX_CUSTOM_OBJECTS,
    cap_problem,
    labels_of,
    plan_line,
    schema_body,
)
from assistant.highlevel.state import DestinationState

KEYS = ["custom_objects.invoice", "custom_objects.work_order"]


def _destination(custom_objects: int) -> DestinationState:
    objects: list[dict[str, Any]] = [
        {"id": f"obj{i}", "key": f"custom_objects.thing{i}"} for i in range(custom_objects)
    ]
    location = {"id": "Loc1", "name": "L", "settings": {}}
    return DestinationState.model_validate({"location": location, "customObjects": objects})


def test_plan_says_which_schemas_apply_creates_and_counts_them_against_the_cap() -> None:
    line = plan_line(KEYS, _destination(3), 12)
    assert line.startswith(
        "Custom objects: 2 (custom_objects.invoice, custom_objects.work_order) with 12 records"
    )
    assert "apply creates custom_objects.invoice, custom_objects.work_order with the agency token" in line
    assert "(5 of HighLevel's 10 per location)" in line


def test_plan_flags_a_map_that_would_pass_the_cap() -> None:
    line = plan_line(KEYS, _destination(9), 12)
    assert "OVER HIGHLEVEL'S CAP, apply will not create them" in line
    assert "the location has 9 and the map needs 2 more" in line
    assert cap_problem(8, KEYS) is None and cap_problem(MAX_CUSTOM_OBJECTS, KEYS[:1]) is not None


def test_plan_with_every_schema_present_or_no_snapshot() -> None:
    empty = _destination(0).model_dump(mode="json")
    state = DestinationState.model_validate({**empty, "customObjects": [{"id": k, "key": k} for k in KEYS]})
    assert plan_line(KEYS, state, 1).endswith("every schema exists (2 of HighLevel's 10 per location)")
    assert "destination not pulled" in plan_line(KEYS, None, 1)


def test_schema_body_names_the_object_from_its_key() -> None:
    assert labels_of("custom_objects.work_order") == {"singular": "Work Order", "plural": "Work Orders"}
    assert labels_of("custom_objects.glass") == {"singular": "Glass", "plural": "Glasses"}
    body = schema_body("custom_objects.invoice", "Loc1")
    assert (
        body["locationId"] == "Loc1"
        and body["primaryDisplayPropertyDetails"]["key"] == "custom_objects.invoice.name"
    )
