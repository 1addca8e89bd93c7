"""The HighLevel targets of each kind of table, and the names that decide special cases."""

from __future__ import annotations

from collections.abc import Iterable

from assistant.highlevel.state import DestinationState
from assistant.mapping.items import ObjectTarget
from assistant.mapping.models import TargetObject
from assistant.profile.models import ColumnProfile, SemanticType, TableProfile
from assistant.propose.normalize import singular, snake, tokens
from assistant.propose.signals import TableSignals

T = TargetObject
# fmt: off
_SIMPLE = {"contact": T.CONTACT, "company": T.COMPANY, "opportunity": T.OPPORTUNITY, "task": T.TASK,
           "appointment": T.APPOINTMENT, "note": T.NOTE, "user": T.USER, "tag": T.TAG,
           "pipeline": T.PIPELINE, "product": T.PRODUCT, "message": T.MESSAGE}
_ROLE = {"file": "attachment", "no_equivalent": "rebuild_reference", "lookup": "lookup_values",
         "schema": "field_definitions"}
# fmt: on
_LINE_WORDS = {"line", "lines", "linea", "lineas", "item", "items", "detail", "details", "detalle"}


def custom_object_key(table: str) -> str:
    words = [w for w in tokens(table) if w not in ("export", "list", "data")] or ["record"]
    return "custom_objects." + snake(" ".join([*words[:-1], singular(words[-1])]))


def targets_for(kind: str, table: str, sig: TableSignals) -> list[ObjectTarget]:
    if kind in _SIMPLE:
        return [ObjectTarget(object=_SIMPLE[kind])]
    if kind == "file":
        return [ObjectTarget(object=T.FILE, role="attachment")]
    if kind == "invoice" and sig.has("file_path"):
        # The document itself becomes a file; its number/total/status ride on the contact it belongs to.
        return [
            ObjectTarget(object=T.FILE, role="attachment"),
            ObjectTarget(object=T.CONTACT, role="document_fields", condition="the referenced contact"),
        ]
    if kind == "schema":
        # The source's custom-field definitions: read to create HighLevel's, not migrated as records.
        return [ObjectTarget(object=T.CUSTOM_FIELD, role="field_definitions")]
    if kind in ("invoice", "custom_object"):
        return [ObjectTarget(object=T.CUSTOM_OBJECT, custom_object_key=custom_object_key(table))]
    return [ObjectTarget(object=T.NO_EQUIVALENT, role=_ROLE.get(kind, "rebuild_reference"))]


def existing_custom_object(table: str, destination: DestinationState | None) -> str | None:
    """Key of a destination custom object named like the table ('work_orders' ~ 'Work Order')."""
    if destination is None:
        return None
    wanted = " ".join(singular(w) for w in tokens(table))
    for schema in destination.customObjects:
        names = [schema.key.rsplit(".", 1)[-1], *schema.labels.values()]
        if any(" ".join(singular(w) for w in tokens(n)) == wanted for n in names):
            return schema.key
    return None


def is_line_table(table: str, kind: str, sig: TableSignals) -> bool:
    """A separate 'estimate_line_items' file is document lines just like a nested 'lines' array."""
    words = tokens(table)
    return kind == "product" and sig.parent is None and bool(set(words) & _LINE_WORDS) and len(words) > 1


def line_parent(table: str, decided: Iterable[str]) -> str | None:
    """The document table the line table is named after ('estimate_line_items' -> 'estimates')."""
    head = [singular(w) for w in tokens(table) if w not in _LINE_WORDS]
    for name in decided:
        if [singular(w) for w in tokens(name)] == head:
            return name
    return None


MOSTLY_FILLED = 0.5


def rows_are_businesses(column: ColumnProfile) -> bool:
    """Whether a company column says its rows are people at businesses, each worth a company record.

    A column filled on most rows says so, and so do values that read as business names; a column
    empty on most rows whose values read as nothing in particular is the company name some private
    customers gave (homeowners beside a few firms): the contact's company name, no company record.
    """
    return column.null_share < MOSTLY_FILLED or column.semantic_type is SemanticType.COMPANY_NAME


def business_name_columns(table: TableProfile, sig: TableSignals) -> list[str]:
    """Columns of legal business names beside a column of people's names: each row is a person at a
    business, whatever the headers say ('Nombre' = 'Reformas Ebro S.L.', 'Persona de contacto').
    """
    people = sig.typed(SemanticType.PERSON_NAME) + [
        c for n in ("first_name", "last_name", "full_name") for c in sig.concept_columns.get(n, [])
    ]
    return [
        c.column
        for c in table.columns
        if c.semantic_type is SemanticType.COMPANY_NAME
        and c.type_share >= 0.8
        and c.foreign_key is None
        and any(p != c.column for p in people)
    ]
