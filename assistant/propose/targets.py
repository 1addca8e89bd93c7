"""The target fields candidates are drawn from: HighLevel standard fields and destination custom fields.

Standard fields come from the target catalog (derived from the official spec) when it is
available; the concept table below says which vocabulary concept each standard field carries
and what kind of value it holds, which the spec itself does not say.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from assistant.highlevel.state import CustomField, DestinationState
from assistant.mapping.models import FieldKind, TargetObject
from assistant.propose.document_targets import document_standard
from assistant.propose.normalize import concepts, normalise

T = TargetObject


@dataclass(frozen=True)
class TargetField:
    """One field a source column can land in."""

    object: TargetObject
    name: str  # API name (firstName) or custom fieldKey (contact.vat_number)
    label: str
    concepts: tuple[str, ...]
    value_kind: str  # text, email, phone, url, date, money, number, boolean, tags, owner, lookup, stage
    kind: FieldKind = FieldKind.STANDARD
    custom: CustomField | None = field(default=None, compare=False)

    @property
    def normalised(self) -> str:
        return normalise(self.label)


# (object, field, concepts, value kind): what each standard field means.
_STANDARD: tuple[tuple[TargetObject, str, tuple[str, ...], str], ...] = (
    (T.CONTACT, "firstName", ("first_name",), "text"),
    (T.CONTACT, "lastName", ("last_name",), "text"),
    (T.CONTACT, "name", ("full_name", "name"), "text"),
    (T.CONTACT, "email", ("email",), "email"),
    (T.CONTACT, "phone", ("phone",), "phone"),
    (T.CONTACT, "address1", ("address",), "text"),
    (T.CONTACT, "city", ("city",), "text"),
    (T.CONTACT, "state", ("region",), "text"),
    (T.CONTACT, "postalCode", ("postal_code",), "text"),
    (T.CONTACT, "country", ("country",), "text"),
    (T.CONTACT, "website", ("website",), "url"),
    (T.CONTACT, "companyName", ("company",), "text"),
    (T.CONTACT, "tags", ("tags",), "tags"),
    (T.CONTACT, "source", ("source",), "text"),
    (T.CONTACT, "dateOfBirth", ("birthday",), "date"),
    (T.CONTACT, "gender", ("gender",), "text"),
    (T.CONTACT, "assignedTo", ("owner",), "owner"),
    (T.CONTACT, "dnd", ("dnd",), "boolean"),
    (T.CONTACT, "companyId", (), "lookup"),
    (T.COMPANY, "name", ("company", "name", "full_name"), "text"),
    (T.COMPANY, "email", ("email",), "email"),
    (T.COMPANY, "phone", ("phone",), "phone"),
    (T.COMPANY, "website", ("website",), "url"),
    (T.COMPANY, "address", ("address",), "text"),
    (T.COMPANY, "city", ("city",), "text"),
    (T.COMPANY, "state", ("region",), "text"),
    (T.COMPANY, "postalCode", ("postal_code",), "text"),
    (T.COMPANY, "country", ("country",), "text"),
    (T.COMPANY, "description", ("notes",), "text"),
    (T.OPPORTUNITY, "name", ("title", "name"), "text"),
    (T.OPPORTUNITY, "monetaryValue", ("amount", "price"), "money"),  # a deal's price is its value
    (T.OPPORTUNITY, "pipelineStageId", ("stage", "status"), "stage"),
    (T.OPPORTUNITY, "pipelineId", ("pipeline",), "pipeline"),
    (T.OPPORTUNITY, "status", ("status",), "outcome"),
    (T.OPPORTUNITY, "assignedTo", ("owner",), "owner"),
    (T.OPPORTUNITY, "contactId", (), "lookup"),
    (T.TASK, "title", ("title", "name", "reference"), "text"),
    (T.TASK, "body", ("notes",), "text"),
    (T.TASK, "dueDate", ("due_date", "date", "start"), "date"),
    (T.TASK, "completed", ("completed", "status"), "boolean"),
    (T.TASK, "assignedTo", ("owner",), "owner"),
    (T.TASK, "contactId", (), "lookup"),
    (T.NOTE, "body", ("notes",), "text"),
    (T.NOTE, "contactId", (), "lookup"),
    (T.NOTE, "pinned", (), "boolean"),  # kept at the top of the contact's notes
    (T.APPOINTMENT, "title", ("title", "name"), "text"),
    (T.APPOINTMENT, "description", ("notes",), "text"),
    (T.APPOINTMENT, "address", ("location", "address"), "text"),
    (T.APPOINTMENT, "startTime", ("start", "date"), "date"),
    (T.APPOINTMENT, "endTime", ("end",), "date"),
    (T.APPOINTMENT, "appointmentStatus", ("status",), "text"),
    (T.APPOINTMENT, "assignedUserId", ("owner",), "owner"),
    (T.APPOINTMENT, "calendarId", ("calendar",), "lookup"),
    (T.APPOINTMENT, "rrule", ("recurrence",), "text"),
    (T.APPOINTMENT, "contactId", (), "lookup"),
    (T.USER, "firstName", ("first_name",), "text"),
    (T.USER, "lastName", ("last_name",), "text"),
    (T.USER, "email", ("email",), "email"),
    (T.USER, "phone", ("phone",), "phone"),
    (T.USER, "roles", ("role", "position"), "text"),
    (T.PRODUCT, "name", ("name", "title"), "text"),
    (T.PRODUCT, "description", ("notes",), "text"),
    (T.PRODUCT, "sku", ("sku", "reference"), "text"),
    (T.PRODUCT, "amount", ("price",), "money"),
    (T.PRODUCT, "quantity", ("quantity",), "number"),
    (T.PRODUCT, "currency", ("currency",), "text"),
    (T.FILE, "name", ("name", "title"), "text"),
    (T.FILE, "fileUrl", ("file_path", "website"), "url"),
    (T.FILE, "contactId", (), "lookup"),
    # A history row's message: its value kinds are read by propose/history_fields.py, not by retrieval.
    (T.MESSAGE, "contactId", (), "lookup"),
    (T.MESSAGE, "type", ("type",), "message_type"),
    (T.MESSAGE, "direction", (), "direction"),
    (T.MESSAGE, "date", ("date", "created_at", "start"), "date"),
    (T.MESSAGE, "subject", ("title",), "text"),
    (T.MESSAGE, "message", ("notes",), "text"),
    (T.MESSAGE, "html", (), "text"),
    (T.MESSAGE, "altId", (), "text"),
    (T.MESSAGE, "callStatus", (), "call_status"),
    (T.MESSAGE, "callFrom", (), "text"),
    (T.MESSAGE, "callTo", (), "text"),
    *document_standard(),
)


def _catalog_names() -> dict[str, set[str]] | None:
    """Field names per object from the target catalog, or None while it is not installed."""
    try:
        module = importlib.import_module("assistant.highlevel.catalog")
        catalog: Any = module.load_catalog()
    except (ImportError, AttributeError, OSError):
        return None
    return catalog_field_names(catalog)


def catalog_field_names(catalog: Any) -> dict[str, set[str]]:
    """Read ``{object: {field names}}`` from a catalog object or mapping, whatever its container."""
    objects: Any = getattr(catalog, "objects", catalog)
    items: Iterable[Any] = objects.values() if isinstance(objects, dict) else objects
    names: dict[str, set[str]] = {}
    for obj in items:
        key = str(getattr(obj, "name", None) or getattr(obj, "object", None) or getattr(obj, "key", ""))
        fields: Any = getattr(obj, "fields", [])
        values: Iterable[Any] = fields.values() if isinstance(fields, dict) else fields
        names[key] = {str(getattr(f, "name", f)) for f in values}
    return names


def standard_fields(catalog: dict[str, set[str]] | None = None) -> list[TargetField]:
    """Standard fields, restricted to those the catalog knows (objects it lacks are kept as-is)."""
    known = catalog if catalog is not None else _catalog_names()
    out: list[TargetField] = []
    for obj, name, meaning, kind in _STANDARD:
        allowed = _allowed_names(known, obj)
        # Lookups are record links; a line item's quantity lives on the line, not on the spec's product.
        if allowed and name not in allowed and kind != "lookup" and name != "quantity":
            continue
        out.append(TargetField(obj, name, name, meaning, kind))
    return out


# The catalog names some objects after their API (business, media_file; a product's sku lives on its price).
_CATALOG_NAMES: dict[TargetObject, tuple[str, ...]] = {
    T.COMPANY: ("business", "company"),
    T.FILE: ("media_file", "file"),
    T.PRODUCT: ("product", "price"),
}


def _allowed_names(known: dict[str, set[str]] | None, obj: TargetObject) -> set[str] | None:
    if not known:
        return None
    found = [known[name] for name in _CATALOG_NAMES.get(obj, (obj.value,)) if name in known]
    return set().union(*found) if found else None


_DATA_TYPE_KIND = {
    "EMAIL": "email",
    "PHONE": "phone",
    "DATE": "date",
    "MONETORY": "money",
    "NUMERICAL": "number",
    "CHECKBOX": "boolean",
    "SINGLE_OPTIONS": "options",
    "MULTIPLE_OPTIONS": "options",
    "RADIO": "options",
}

_MODEL_OBJECT = {
    "contact": T.CONTACT,
    "opportunity": T.OPPORTUNITY,
    "company": T.COMPANY,
    "business": T.COMPANY,
    "custom_object": T.CUSTOM_OBJECT,
}


def existing_custom_fields(destination: DestinationState | None) -> list[TargetField]:
    """The destination's custom fields as reusable targets on the object their model belongs to."""
    if destination is None:
        return []
    out: list[TargetField] = []
    for cf in destination.customFields:
        obj = _MODEL_OBJECT.get(cf.model.lower())
        if obj is None:
            continue
        kind = _DATA_TYPE_KIND.get(cf.dataType.upper(), "text")
        out.append(
            TargetField(obj, cf.fieldKey, cf.name, concepts(cf.name), kind, FieldKind.CUSTOM_EXISTING, cf)
        )
    return out
