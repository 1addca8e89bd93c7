"""Why a record HighLevel would refuse stays behind: the value it requires is blank, unreadable,
left empty by a rejected map, or mapped from nothing."""

from __future__ import annotations

from assistant.execute.specs import RecordSpec, field_key
from assistant.mapping.items import MappingDocument
from assistant.mapping.models import Status
from assistant.transforms.sqltext import lit


def needs_message(hl_object: str, key: str, columns_of: dict[str, list[str]], rejected: list[str]) -> str:
    """Why a record HighLevel would refuse stays behind: a blank or unconvertible source value, a rejected
    map, or no map at all."""
    sources = sorted({c for k in key.split("|") for c in columns_of.get(k, [])})
    named = ", ".join(repr(c) for c in sources)
    if sources:
        why = f"{named} holds no usable value"
    elif rejected:
        why = f"the map that would fill it was rejected ({', '.join(rejected)})"
    else:
        why = "nothing is mapped to it"
    what = _READABLE.get(hl_object, f"{'an' if hl_object[:1] in 'aeiou' else 'a'} {hl_object}")
    return f"HighLevel requires {key.replace('|', ' or ')} for {what} and {why}: record not migrated"


# Record kinds that are no HighLevel object of their own, as the message names them.
_READABLE = {"contact_tags": "a deal's tags (HighLevel holds them on the deal's contact)"}


def needs_message_sql(message: str, key: str, field_errors: list[tuple[str, str]]) -> str:
    """SQL: the message, with the row's own reason its link did not resolve when a field of ``key`` has
    one ('Estimate E-20288 is not in the export'), so a held row says which parent is missing."""
    found = [sql for field, sql in field_errors if field in key.split("|")]
    if not found:
        return lit(message)
    head, sep, tail = message.rpartition(": record not migrated")
    if not sep:
        return lit(message)
    return f"{lit(head)} || coalesce(' (' || coalesce({', '.join(found)}) || ')', '') || {lit(sep + tail)}"


def rejected_feeds(doc: MappingDocument, spec: RecordSpec, key: str) -> list[str]:
    """Rejected maps of the spec's table that would fill ``key`` (a stage map sets the pipeline)."""
    keys = set(key.split("|")) | ({"pipelineStageId"} if "pipelineId" in key.split("|") else set())
    fields = [
        fm.id
        for fm in doc.fields
        if fm.source_object == spec.source_object
        and fm.status == Status.REJECTED
        and fm.target.object is not None
        and fm.target.object.value == spec.hl_object
        and field_key(fm) in keys
    ]
    stages = [  # the stage proposed for a table no column places, rejected: its deals stay held
        s.id
        for s in doc.stages
        if s.whole_table and s.source_object == spec.source_object and s.status == Status.REJECTED
    ]
    return sorted(fields + (stages if "pipelineId" in keys and spec.hl_object == "opportunity" else []))
