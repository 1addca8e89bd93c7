"""Turning a destination-state snapshot into the stand-in's tables (HighLevel response shapes)."""

from __future__ import annotations

from typing import Any

from assistant.highlevel.state import DestinationState
from assistant.sandbox.errors import JsonDict
from assistant.sandbox.ids import new_id, now_iso

STANDARD_OBJECTS = (
    ("contact", "Contact", "Contacts"),
    ("opportunity", "Opportunity", "Opportunities"),
    ("business", "Company", "Companies"),
)


def _dump(model: Any) -> JsonDict:
    data: JsonDict = model.model_dump(mode="json", exclude_none=True)
    return data


def _object_schemas(state: DestinationState, location_id: str, stamp: str) -> list[JsonDict]:
    schemas = [
        {
            "id": new_id(),
            "standard": True,
            "key": key,
            "labels": {"singular": one, "plural": many},
            "locationId": location_id,
            "primaryDisplayProperty": f"{key}.name",
            "dateAdded": stamp,
            "dateUpdated": stamp,
        }
        for key, one, many in STANDARD_OBJECTS
    ]
    for custom in state.customObjects:
        data = _dump(custom)
        data.setdefault("labels", {"singular": custom.key, "plural": custom.key})
        schemas.append(
            {
                "standard": False,
                "locationId": location_id,
                "primaryDisplayProperty": f"{custom.key}.name",
                "dateAdded": stamp,
                "dateUpdated": stamp,
                **data,
            }
        )
    return schemas


def _fields(state: DestinationState, location_id: str, stamp: str) -> tuple[list[JsonDict], ...]:
    """Location custom fields (contact/opportunity) and custom-fields API fields (objects, company)."""
    location_fields: list[JsonDict] = []
    object_fields: list[JsonDict] = []
    folders: dict[str, JsonDict] = {}
    for field in state.customFields:
        data = _dump(field)
        if field.model in ("contact", "opportunity") and not field.objectKey:
            location_fields.append({"locationId": location_id, "position": len(location_fields), **data})
            continue
        object_key = field.objectKey or ("business" if field.model == "company" else field.model)
        folder = folders.setdefault(
            object_key,
            {"id": new_id(), "objectKey": object_key, "locationId": location_id, "name": "General"},
        )
        options = [{"key": o, "label": o} for o in field.picklistOptions]
        object_fields.append(
            {
                "locationId": location_id,
                "objectKey": object_key,
                "parentId": folder["id"],
                "showInForms": True,
                "options": options,
                "dateAdded": stamp,
                "dateUpdated": stamp,
                **data,
            }
        )
    return location_fields, object_fields, list(folders.values())


def seed_tables(state: DestinationState) -> tuple[JsonDict, dict[str, list[JsonDict]]]:
    """(location, tables) for a fresh stand-in holding what ``state`` describes."""
    stamp = now_iso()
    location = _dump(state.location)
    location.setdefault("companyId", new_id())
    location_id = str(location["id"])
    location_fields, object_fields, folders = _fields(state, location_id, stamp)
    pipelines = [
        {"locationId": location_id, "showInFunnel": True, "showInPieChart": True, **_dump(p)}
        for p in state.pipelines
    ]
    extra = state.model_extra or {}
    tables: dict[str, list[JsonDict]] = {
        "pipelines": pipelines,
        "users": [{"roles": {"type": "account", "role": "user"}, **_dump(u)} for u in state.users],
        "calendars": [{"locationId": location_id, "isActive": True, **_dump(c)} for c in state.calendars],
        "tags": [{"locationId": location_id, **_dump(t)} for t in state.tags],
        "lostReasons": [{"locationId": location_id, **_dump(r)} for r in state.lostReasons],
        "customFields": location_fields,
        "objectFields": object_fields,
        "fieldFolders": folders,
        "objectSchemas": _object_schemas(state, location_id, stamp),
        "associations": [{"locationId": location_id, **a} for a in extra.get("associations", [])],
        "conversationProviders": [
            {"locationId": location_id, **_dump(p)} for p in state.conversationProviders
        ],
    }
    return location, tables
