"""One HighLevel request per compiled record: the exact method, path and body that will be sent.

Standard fields HighLevel's create schema does not list are left out (and reported by the plan),
custom field values go by field id, tags and owner ride inside the create, and references
(``ref:contactId`` …) become the HighLevel ids of parents migrated earlier.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from assistant.execute.dnd import fold_dnd
from assistant.execute.long_text import MOVES_FROM, move_overlong, shape_note
from assistant.execute.specs import RecordSpec, Ref
from assistant.highlevel.bodies import build, schema_properties, with_custom_fields

REF_KEYS = frozenset({"contactId", "companyId", "businessId", "opportunityId"})
TEMPLATES = {
    "contact": "/contacts/",
    "company": "/businesses/",
    "opportunity": "/opportunities/",
    "task": "/contacts/{contactId}/tasks",
    "note": "/contacts/{contactId}/notes",
    "appointment": "/calendars/events/appointments",
    "custom_object": "/objects/{schemaKey}/records",
    "product": "/products/",
}
UPDATE_TEMPLATES = {
    "product": "/products/{productId}",
    "contact": "/contacts/{contactId}",
    "company": "/businesses/{businessId}",
    "opportunity": "/opportunities/{id}",
    "task": "/contacts/{contactId}/tasks/{taskId}",
    "note": "/contacts/{contactId}/notes/{id}",
    "custom_object": "/objects/{schemaKey}/records/{id}",
}
PATH_REFS = {"task": "contactId", "note": "contactId"}


@dataclass
class Ids:
    """HighLevel ids known so far: migrated records, custom fields by key, the default calendar."""

    records: dict[str, str] = field(default_factory=dict)  # op id -> HighLevel id
    fields: dict[str, str] = field(default_factory=dict)  # custom field key -> id
    calendar_id: str | None = None
    calendars: dict[str, str] = field(default_factory=dict)  # calendar name (lower case) -> id
    field_types: dict[str, tuple[str, list[str]]] = field(default_factory=dict)  # key -> (dataType, options)
    _by_key: dict[tuple[str, str], set[str]] | None = None  # (kind, source key) -> ids, built on first need
    contact_of: dict[str, str] = field(default_factory=dict)  # opportunity id -> its contact id
    company_contact: dict[str, str] = field(default_factory=dict)  # company id -> its first contact id
    _owned: set[str] | None = None  # every id in ``records``, built on first need

    def record(self, target: str, source_object: str, key: str) -> str | None:
        """The id of the parent; a key the named table lacks may belong to another table of the same
        object (an estimate of a prospect rather than a client) when exactly one such record exists."""
        found = self.records.get(op_id(target, source_object, key))
        if found is not None:
            return found
        if self._by_key is None:
            self._by_key = {}
            for oid, hl_id in self.records.items():
                kind, _, rest = oid.partition(":")
                self._by_key.setdefault((kind, rest.partition(":")[2]), set()).add(hl_id)
        matches = self._by_key.get((target, key), set())
        return next(iter(matches)) if len(matches) == 1 else None

    def reached_contact(self, source_object: str, key: str) -> str | None:
        """The contact a company or deal row of ``source_object`` leads to, when that table made no
        contact of the key: read before any other table's record that happens to share the key."""
        if op_id("contact", source_object, key) in self.records:
            return None
        deal = self.records.get(op_id("opportunity", source_object, key))
        company = self.records.get(op_id("company", source_object, key))
        return self.contact_of.get(deal or "") or self.company_contact.get(company or "")

    def owns(self, hl_id: str) -> bool:
        """True when ``hl_id`` is already the record of some source record of this migration."""
        if self._owned is None:
            self._owned = set(self.records.values())
        return hl_id in self._owned

    def add(self, oid: str, hl_id: str) -> None:
        self.records[oid] = hl_id
        if self._owned is not None:
            self._owned.add(hl_id)
        if self._by_key is not None:
            kind, _, rest = oid.partition(":")
            self._by_key.setdefault((kind, rest.partition(":")[2]), set()).add(hl_id)


def ref_id(ids: Ids, ref: Ref | None, value: str) -> str | None:
    """The HighLevel id of the parent a reference names (a contact also through its deal or company)."""
    if ref is None:
        return None
    hl = ids.reached_contact(ref.source_object, value) if ref.target == "contact" else None
    hl = hl or ids.record(ref.target, ref.source_object, value)
    if hl is None and ref.target == "contact":  # a deal's or company's contact
        deal = ids.record("opportunity", "", value)
        company = ids.record("company", "", value)
        hl = ids.contact_of.get(deal or "") or ids.company_contact.get(company or "")
    return hl


def op_id(target: str, source_object: str, key: str) -> str:
    return f"{target}:{source_object}:{key}"


@dataclass
class Call:
    target: str
    method: str
    template: str
    path_params: dict[str, str]
    body: dict[str, Any]
    dropped: list[str] = field(default_factory=list)  # keys HighLevel's schema does not accept
    missing: list[str] = field(default_factory=list)  # references whose parent is not migrated
    follow: dict[str, Any] = field(default_factory=dict)  # sent after the create: a price, a lost reason

    @property
    def path(self) -> str:
        path = self.template
        for name, value in self.path_params.items():
            path = path.replace("{" + name + "}", value)
        return path


def build_call(
    spec: RecordSpec, values: dict[str, Any], ids: Ids, location_id: str, *, update_of: str | None = None
) -> Call:
    std: dict[str, Any] = {}
    by_key: dict[str, Any] = {}  # custom field key -> value
    missing: list[str] = []
    refs = {r.key: r for r in spec.refs}
    for key, value in values.items():
        if value is None:
            continue
        if key.startswith("cf:"):
            by_key[key[3:]] = value
        elif key.startswith("ref:"):
            hl = ref_id(ids, refs.get(key[4:]), str(value))
            if hl is None:
                missing.append(key)
            else:
                std[key[4:]] = hl
        else:
            std[key] = value
    obj = spec.hl_object
    fold_dnd(std)
    if obj == "custom_object":
        return _custom_object_call(spec, std, by_key, location_id, missing, update_of)
    extra_notes = move_overlong(by_key, ids.field_types) if obj in MOVES_FROM else []
    custom = {ids.fields[k]: v for k, v in _coerced(by_key, ids).items()}
    missing.extend("cf:" + k for k in by_key if k not in ids.fields)
    if spec.target == "file":  # a document HighLevel cannot hold as a record: a note with its link
        lines = [str(std.pop(k)) for k in ("name", "title", "fileUrl", "url", "description") if std.get(k)]
        std = {"contactId": std.get("contactId"), "body": "Document: " + "\n".join(lines)}
    if obj == "note":
        extra_notes = shape_note(std) + extra_notes
    if spec.target == "contact_fields":  # values onto the contact the document belongs to
        update_of = str(std.pop("contactId", "")) or update_of
    if obj == "appointment":  # a calendar named in the source resolves by name, else the default
        named = ids.calendars.get(str(std.get("calendarId", "")).strip().lower())
        std["calendarId"] = named or ids.calendar_id
    if obj in PATH_REFS and not std.get("contactId") and std.get("opportunityId"):
        std["contactId"] = ids.contact_of.get(str(std["opportunityId"]))  # a job's note goes to its contact
    path_params: dict[str, str] = {}
    path_ref = PATH_REFS.get(obj)
    if path_ref and not std.get(path_ref) and f"ref:{path_ref}" not in missing:
        missing.append(f"ref:{path_ref}")
        std.pop(path_ref, None)
    if path_ref and path_ref in std:
        path_params[path_ref] = str(std.pop(path_ref))
    std.pop("companyId", None)  # linked by the company-link pass (bulk), not accepted on create
    follow = {k: std.pop(k) for k in PRICE_KEYS if k in std} if obj == "product" else {}
    if obj == "opportunity" and "lostReasonId" in std:  # only the status endpoint takes a lost reason
        follow["lostReasonId"] = std.pop("lostReasonId")
    if extra_notes:
        follow["notes"] = extra_notes
    if obj == "product":
        std.setdefault("productType", "SERVICE")
    if obj == "task":
        std.setdefault("completed", False)
    method = "PUT" if update_of else "POST"
    template = UPDATE_TEMPLATES[obj] if update_of else TEMPLATES[obj]
    if update_of:
        path_params[_id_param(template)] = update_of
    allowed = schema_properties(method, template)
    dropped = sorted(k for k in std if k not in allowed)
    fields = {k: v for k, v in std.items() if k in allowed}
    body = with_custom_fields(fields, custom) if custom and "customFields" in allowed else fields
    if custom and obj == "company" and "customFields" not in allowed:  # sent on its record next
        follow["properties"] = {k.rsplit(".", 1)[-1]: v for k, v in _coerced(by_key, ids).items()}
    elif custom and "customFields" not in allowed:
        dropped.extend(sorted("cf:" + k for k in custom))
    return Call(
        obj,
        method,
        template,
        path_params,
        build(method, template, body, location_id),
        dropped,
        missing,
        follow,
    )


PRICE_KEYS = ("amount", "price", "unitPrice", "currency", "sku", "quantity")
LIST_TYPES = frozenset({"MULTIPLE_OPTIONS", "CHECKBOX"})
NUMBER_TYPES = frozenset({"NUMERICAL", "MONETORY"})


def coerce(value: Any, data_type: str, options: list[str]) -> Any:
    """A value in the JSON shape HighLevel wants for the custom field's dataType (None: send nothing)."""
    if data_type in LIST_TYPES:
        if isinstance(value, bool):  # a yes/no into a checkbox: ticked is its first option
            return [options[0] if options else "Yes"] if value else None
        items = value if isinstance(value, list) else [value]
        return [str(v) for v in items] or None
    if data_type in NUMBER_TYPES:
        return value
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value) if data_type in ("SINGLE_OPTIONS", "RADIO", "DATE") else value


def _coerced(by_key: dict[str, Any], ids: Ids) -> dict[str, Any]:
    """Field key -> value in its field's shape, for the fields HighLevel has (None: nothing to send)."""
    out = {k: coerce(v, *ids.field_types.get(k, ("TEXT", []))) for k, v in by_key.items() if k in ids.fields}
    return {k: v for k, v in out.items() if v is not None}


def _id_param(template: str) -> str:
    return template.rsplit("{", 1)[1].rstrip("}")


def _custom_object_call(
    spec: RecordSpec,
    std: dict[str, Any],
    custom: dict[str, Any],
    location_id: str,
    missing: list[str],
    update_of: str | None,
) -> Call:
    key = spec.custom_object_key or ""
    # links to contacts, companies, opportunities are relations (last pass), never record properties
    properties = {k: v for k, v in std.items() if k not in REF_KEYS}
    for field_key, value in custom.items():
        properties[field_key.rsplit(".", 1)[-1]] = value
    template = UPDATE_TEMPLATES["custom_object"] if update_of else TEMPLATES["custom_object"]
    params = {"schemaKey": key, **({"id": update_of} if update_of else {})}
    body: dict[str, Any] = {"properties": properties}
    if not update_of:
        body = {"locationId": location_id, **body}
    return Call("custom_object", "PUT" if update_of else "POST", template, params, body, [], missing)
