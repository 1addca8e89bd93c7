"""A link whose target table is named row by row ('related_type' + 'related_id', 'Attached To' + 'Record #').

HighLevel attaches tasks, notes and files to a contact, so each row resolves to the source key of a
contact: the id itself when the row names a contact table, the contact of a migrated deal or
document (through the record it was merged into, an estimate into its job), or a company's first
contact (for a company without contacts, the first contact of a company record of the same name and
website: one business exported twice). Parents compile in earlier passes, so their records are in
``exec.records`` already.
"""

from __future__ import annotations

from assistant.transforms.kinds import Context, Output
from assistant.transforms.sqltext import cleaned, ident, lit

CONTACT_OF = """json_extract_string({alias}."values", '$."ref:contactId"')"""


def is_typed_parent(params: dict[str, object]) -> bool:
    return bool(params.get("object_column")) and isinstance(params.get("tables"), dict)


def typed_parent(ctx: Context) -> list[Output]:
    kind_col = str(ctx.params["object_column"])
    id_col = next((c for c in ctx.columns if c != kind_col), ctx.columns[-1])
    kind, key = cleaned(kind_col), cleaned(id_col)
    tables = {str(k): str(v) for k, v in dict(ctx.params["tables"]).items()}
    objects = {str(k): str(v) for k, v in dict(ctx.params.get("objects") or {}).items()}
    links = {str(k): [str(c) for c in v] for k, v in dict(ctx.params.get("contact_columns") or {}).items()}
    cases = []
    for value, table in sorted(tables.items()):
        found = _contact_key(objects.get(value, ""), table, key)
        if len(links.get(table, [])) == 2:  # a deal that is not migrated: its row still names its contact
            own_key, contact = links[table]
            found = f"""coalesce({found}, (SELECT any_value(nullif(trim(d.{ident(contact)}), ''))
                FROM raw.{ident(table)} d WHERE trim(d.{ident(own_key)}) = {key}))"""
        cases.append(f"WHEN {lit(value)} THEN {found}")
    resolved = f"CASE {kind} {' '.join(cases)} END" if cases else "NULL"
    known = ", ".join(lit(v) for v in sorted(tables))
    error = (
        f"CASE WHEN {kind} IS NOT NULL AND {kind} NOT IN ({known or lit('')}) "
        f"THEN 'names no migrated table: ' || {kind} "
        f"WHEN {key} IS NOT NULL AND ({resolved}) IS NULL AND {_absent(ctx, tables, kind, key)} "
        f"THEN {kind} || ' ' || {key} || ' is not in the export (no ' || CASE {kind} "
        + " ".join(f"WHEN {lit(v)} THEN {lit(t)}" for v, t in sorted(tables.items()))
        + f" END || ' row has that key): the source holds no parent to attach it to' "
        f"WHEN {key} IS NOT NULL AND ({resolved}) IS NULL THEN {kind} || ' ' || {key} || "
        f"{lit(' reaches no migrated contact (HighLevel attaches it to a contact)')} END"
    )
    orphan = f"CASE WHEN {key} IS NOT NULL AND ({resolved}) IS NULL AND {_absent(ctx, tables, kind, key)} "
    orphan += f"THEN {kind} || ' ' || {key} END"
    return [Output(ctx.key, resolved, error, orphan=orphan, unattached=_unattached(ctx, resolved, kind, key))]


def _unattached(ctx: Context, resolved: str, kind: str, key: str) -> str | None:
    """SQL: '<kind> <key>' when the row names a company the export holds but no contact reaches it
    (HighLevel attaches a task or note to a contact), else NULL; None when no company table is named."""
    objects = {str(k): str(v) for k, v in dict(ctx.params.get("objects") or {}).items()}
    tables = {str(k): str(v) for k, v in dict(ctx.params["tables"]).items()}
    keys = {str(k): str(v) for k, v in dict(ctx.params.get("keys") or {}).items()}
    companies = {v: t for v, t in tables.items() if objects.get(v) == "company" and t in keys}
    if not companies:
        return None
    named = ", ".join(lit(v) for v in sorted(companies))
    return (
        f"CASE WHEN {key} IS NOT NULL AND ({resolved}) IS NULL AND {kind} IN ({named}) AND NOT "
        f"{_absent(ctx, companies, kind, key)} THEN {kind} || ' ' || {key} END"
    )


def _absent(ctx: Context, tables: dict[str, str], kind: str, key: str) -> str:
    """SQL: the named table has no row with that key (a parent missing from the export, not one held)."""
    keys = {str(k): str(v) for k, v in dict(ctx.params.get("keys") or {}).items()}
    cases = [
        f"""WHEN {lit(value)} THEN NOT EXISTS (SELECT 1 FROM raw.{ident(table)} t
            WHERE trim(t.{ident(keys[table])}) = {key})"""
        for value, table in sorted(tables.items())
        if table in keys
    ]
    return f"coalesce(CASE {kind} {' '.join(cases)} END, false)" if cases else "false"


def _contact_key(obj: str, table: str, key: str) -> str:
    """SQL: the source key of the contact a row of ``table`` with key ``key`` belongs to."""
    if obj == "contact":
        return key
    if obj == "company":  # a person row merged into its contact (not folded yet) names that contact
        return f"""coalesce((SELECT min({_OWN_KEY.format(alias="c")}) FROM exec.records c
            WHERE c.target = 'contact' AND json_extract_string(c."values", '$."ref:companyId"') = {key}),
            {_same_business(key)})"""
    own, parent = CONTACT_OF.format(alias="r"), CONTACT_OF.format(alias="p")
    merged = """json_extract_string(r."values", '$."_merge_parent"')"""
    return f"""(SELECT any_value(coalesce({own}, (SELECT any_value({parent}) FROM exec.records p
        WHERE p.target = r.target AND p.source_key = {merged}))) FROM exec.records r
        WHERE r.source_object = {lit(table)} AND r.source_key = {key})"""


# the key of the parent's own record: a merged child row's key is only its row number
_OWN_KEY = """coalesce(json_extract_string({alias}."values", '$."_merge_parent"'), {alias}.source_key)"""


def _same_business(key: str) -> str:
    """SQL: for a company with no contact of its own, the first contact of another company record of the
    same name and website: one business exported twice (domain matching consolidates them)."""
    same = " AND ".join(
        f"""lower(trim(json_extract_string(o."values", '$.{k}')))
        = lower(trim(json_extract_string(me."values", '$.{k}')))"""
        for k in ("name", "website")
    )
    return f"""(SELECT min({_OWN_KEY.format(alias="c")}) FROM exec.records me, exec.records o, exec.records c
        WHERE me.target = 'company' AND me.source_key = {key} AND o.target = 'company'
        AND o.source_key <> me.source_key AND {same} AND c.target = 'contact'
        AND json_extract_string(c."values", '$."ref:companyId"') = o.source_key)"""
