"""A typed contact-point list routed by type: an e-mail entry's value to the e-mail, a mobile's to the phone.

A nested list such as ``contactItems = [{contactType: email | mobile, contactValue}]`` merges into
its contact (or company). One value column holds an e-mail on some entries and a phone on others,
which no single field takes; the type column says which is which. So the value column gets one
field map per kind its type column names, each kept only on the entries of that kind
(``only_where``): the executor fills each field from the first entry of its kind; later entries
ride as notes like any later entry of a merged list. A list with a kind no field takes (fax) is not
routed: its first entry would fill nothing and be in no note. Of
two lists of one shape under one record (a main and a billing person's), only the one named main is
routed; with none named so, neither is (a person decides, as before).
"""

from __future__ import annotations

from assistant.ingest.table_names import outermost
from assistant.mapping.items import FieldMap
from assistant.mapping.models import Evidence, TargetObject
from assistant.profile.models import TableProfile
from assistant.propose.fields.build import TableContext, make_map, standard_target
from assistant.propose.fields.typed_entries import type_column, value_column
from assistant.propose.normalize import concepts, tokens
from assistant.propose.transforms import transform_for

T = TargetObject
# kind a type value names -> (the record's field, the kind of value it holds)
_FIELD_OF_KIND = {"email": ("email", "email"), "phone": ("phone", "phone"), "website": ("website", "text")}
_HOLDERS = (T.CONTACT, T.COMPANY)
_MAIN_WORDS = frozenset({"main", "primary", "default", "principal"})
ROUTED_MAP_CONFIDENCE = 0.8  # the types are the export's own words for each entry; a person confirms


def _says_main(table: str) -> bool:
    return bool(_MAIN_WORDS & set(tokens(outermost(table)[1] or table)))


def _first_among_twins(ctx: TableContext, tables: dict[str, TableProfile]) -> bool:
    """Whether the list is the record's own: alone of its shape under its parent, or the one named main.

    A customer's ``mainContact.contactItems`` and ``billingContact.contactItems`` have one shape; only
    the main person's e-mail and phone are the record's (the accounts person's are someone else's).
    """
    shape = {c.column for c in ctx.table.columns}
    parent = ctx.table.parent_table
    twins = [
        name
        for name, t in tables.items()
        if name != ctx.name and t.parent_table == parent and {c.column for c in t.columns} == shape
    ]
    return not twins or (_says_main(ctx.name) and not any(_says_main(t) for t in twins))


def routed_entry_maps(ctx: TableContext, tables: dict[str, TableProfile]) -> list[FieldMap]:
    """One map per routable kind of the list's value column; empty when the table is no such list."""
    found = type_column(ctx) if ctx.primary in _HOLDERS else None
    if found is None or not _first_among_twins(ctx, tables):
        return []
    label, kinds = found
    value = value_column(ctx, label)
    if value is None or not kinds <= _FIELD_OF_KIND.keys():
        return []  # a fax entry first in its list would fill nothing and ride in no note: a person routes
    values = [v.value for v in (label.picklist or label.top_values)]
    maps = []
    for kind in sorted(kinds):
        field, value_kind = _FIELD_OF_KIND[kind]
        named = [v for v in values if kind in concepts(v)]
        transform = transform_for(value, value_kind, ctx.default_country)
        transform.params["only_where"] = {"column": label.column, "values": named}
        why = (
            f"'{label.column}' types each entry: the value of the {', '.join(map(repr, named))} entries "
            f"is the record's {field}, the first such entry filling it"
        )
        evidence = [Evidence(source="profile", detail=f"'{label.column}' names {', '.join(sorted(kinds))}")]
        target, sure = standard_target(ctx.primary, field), ROUTED_MAP_CONFIDENCE
        maps.append(make_map(ctx, [value.column], target, transform, sure, why, evidence, [], f"#{kind}"))
    return maps
