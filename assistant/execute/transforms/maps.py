"""Value maps built from the confirmed mapping document: owners, pipeline stages, tag clusters.

They become small tables in the ``exec`` schema so the record SQL joins against them (vectorised)
instead of looking values up row by row in Python.
"""

from __future__ import annotations

from dataclasses import replace

import duckdb

from assistant.execute.specs import REF_TARGETS
from assistant.execute.transforms.address_keys import address_key_sql
from assistant.execute.transforms.name_links import key_by_name
from assistant.execute.transforms.several_keys import first_key_sql
from assistant.execute.transforms.typed_parent import is_typed_parent, typed_parent
from assistant.mapping.items import MappingDocument
from assistant.mapping.models import Status
from assistant.transforms.kinds import Context, Output
from assistant.transforms.sqltext import cleaned, ident, lit


def build_map_tables(
    con: duckdb.DuckDBPyConnection, doc: MappingDocument, fallback_user: str | None = None
) -> None:
    con.execute(
        "CREATE OR REPLACE TABLE exec.map_owner (source_key VARCHAR, user_id VARCHAR, method VARCHAR)"
    )
    con.execute("CREATE OR REPLACE TABLE exec.owner_names (source_key VARCHAR, label VARCHAR)")
    owners: dict[str, tuple[str, str, str]] = {}
    names: dict[str, tuple[str, str]] = {}
    for match in doc.owners:
        # a confirmed match names its user; anything else (rejected, unmatched) takes the named fallback
        if match.confirmed and (match.user_id or match.fallback_user_id):
            user, method = str(match.user_id or match.fallback_user_id), match.method
        elif fallback_user:
            user, method = fallback_user, "fallback"
        else:
            user, method = "", "none"
        # a source cell may hold the user's key, name or email: all three resolve
        for spelling in (match.source_key, match.source_name, match.source_email):
            if spelling and spelling.strip():
                key = spelling.strip().lower()
                # a rejected match with no fallback is a decision too: say so, not just "no decision"
                why = ", rejected with no fallback user" if match.status == Status.REJECTED else ""
                names.setdefault(key, (key, f"{match.source_name or match.source_key} ({match.id}{why})"))
                if user:
                    owners.setdefault(key, (key, user, method))
    if fallback_user:  # owners no proposal named at all go to the fallback too
        owners[FALLBACK_KEY] = (FALLBACK_KEY, fallback_user, "fallback")
    if owners:
        con.executemany("INSERT INTO exec.map_owner VALUES (?, ?, ?)", list(owners.values()))
    if names:
        con.executemany("INSERT INTO exec.owner_names VALUES (?, ?)", list(names.values()))
    con.execute(
        """CREATE OR REPLACE TABLE exec.map_stage (source_object VARCHAR, source_column VARCHAR,
        source_value VARCHAR, pipeline_id VARCHAR, stage_id VARCHAR, status VARCHAR)"""
    )
    stages = [
        (
            s.source_object,
            s.source_column,
            s.source_value.strip(),
            s.pipeline_id,
            s.stage_id,
            s.opportunity_status.value,
        )
        for s in doc.stages
        if s.confirmed and s.pipeline_id and s.stage_id and not s.flagged
    ]
    if stages:
        con.executemany("INSERT INTO exec.map_stage VALUES (?, ?, ?, ?, ?, ?)", stages)


FALLBACK_KEY = " fallback"  # spellings are stripped, so none starts with a space: the fallback user's row
OWNER_HINT = (
    ": record not migrated (every record needs an owner decision: match this owner in review, "
    "or name a fallback user in propose.fallback_owner_email)"
)


def owner(ctx: Context) -> list[Output]:
    """The matched (or fallback) user; a record whose owner has no decision is held back, not sent.

    A cell listing several people (a JSON list: a job's assigned team) gives the record its first
    one: a HighLevel record has a single owner.
    """
    cell = cleaned(ctx.columns[0])
    first = f"nullif(trim(json_extract_string({cell}, '$[0]')), '')"
    raw = f"(CASE WHEN {cell} LIKE '[%' AND json_valid({cell}) THEN {first} ELSE {cell} END)"
    value = (
        f"(SELECT arg_min(m.user_id, m.source_key = {lit(FALLBACK_KEY)}) FROM exec.map_owner m "
        f"WHERE m.source_key IN (lower({raw}), {lit(FALLBACK_KEY)}))"
    )
    value = f"CASE WHEN {raw} IS NOT NULL THEN {value} END"
    named = f"(SELECT any_value(n.label) FROM exec.owner_names n WHERE n.source_key = lower({raw}))"
    label = f"coalesce({named}, {raw})"
    error = (
        f"CASE WHEN {raw} IS NOT NULL AND ({value}) IS NULL "
        f"THEN 'no owner decision for ' || {label} || {lit(OWNER_HINT)} END"
    )
    return [Output(ctx.key, value, error, blocks=True)]


def display_of(ctx: Context) -> str:
    """The cell, or the display value of the row it points at when the map names a lookup table."""
    raw = cleaned(ctx.columns[0])
    table, key, display = (ctx.params.get(k) for k in ("table", "key", "display"))
    if not (table and key and display):
        return raw
    return (
        f"(SELECT any_value(trim(d.{ident(str(display))})) FROM raw.{ident(str(table))} d "
        f"WHERE trim(d.{ident(str(key))}) IN ({raw}, {address_key_sql(raw)}))"
    )


def stage(ctx: Context, source_object: str) -> list[Output]:
    raw = cleaned(ctx.columns[0])
    shown = display_of(ctx)  # stage maps are decided on the status names people see
    where = (
        f"m.source_object = {lit(source_object)} AND m.source_column = {lit(ctx.columns[0])} "
        f"AND (m.source_value = {raw} OR m.source_value = {shown})"
    )
    out = []
    for key, col in (("pipelineId", "pipeline_id"), ("pipelineStageId", "stage_id"), ("status", "status")):
        out.append(Output(key, f"(SELECT any_value(m.{col}) FROM exec.map_stage m WHERE {where})"))
    undecided = f"{raw} IS NOT NULL AND ({out[1].value}) IS NULL"
    column = lit(ctx.columns[0])
    which = f"CASE WHEN {shown} <> {raw} THEN ' (' || {column} || ' ' || {raw} || ')' ELSE '' END"
    named = f"coalesce({shown}, {raw}) || {which}"
    missing = (
        f"CASE WHEN {undecided} THEN 'no stage decision for ' || {named} || "
        f"{lit(': opportunity not migrated (decide its pipeline stage in review)')} END"
    )
    status = replace(out[2], leads=True)  # a won stage stays won beside a status another column gives
    return [Output(out[0].key, out[0].value, missing, blocks=True, leads=True), out[1], status]


def tag_map(doc: MappingDocument) -> dict[str, str | None]:
    """Each decided spelling -> its canonical tag (None for a rejected cluster)."""
    out: dict[str, str | None] = {}
    for cluster in doc.tags:
        if cluster.status == Status.PROPOSED:
            continue
        for member in [*cluster.members, cluster.canonical]:
            out[member.strip()] = cluster.canonical if cluster.confirmed else None
    return out


def tags(items_sql: str, mapping: dict[str, str | None]) -> list[Output]:
    """Each tag spelling -> its canonical tag; rejected clusters drop out, unknown ones stay verbatim."""
    if mapping:
        pairs = ", ".join(
            f"{lit(k)}: {lit(v) if v is not None else 'NULL'}" for k, v in sorted(mapping.items())
        )
        as_map = f"(MAP {{{pairs}}}::MAP(VARCHAR, VARCHAR))"
        mapped = f"CASE WHEN map_contains({as_map}, x) THEN {as_map}[x] ELSE x END"
        items_sql = f"list_transform({items_sql}, lambda x: {mapped})"
    value = f"nullif(list_sort(list_distinct(list_filter({items_sql}, lambda x: x IS NOT NULL))), [])"
    return [Output("tags", value)]


def lookup(ctx: Context) -> list[Output]:
    """A reference (its source key, resolved to a HighLevel id at apply time) or a displayed value."""
    if is_typed_parent(ctx.params):
        return typed_parent(ctx)
    if ctx.key in REF_TARGETS and ctx.params.get("by_names"):
        return key_by_name(ctx)
    table, key = ctx.params.get("table"), ctx.params.get("key")
    if ctx.key in REF_TARGETS and table and key:  # a cell naming several parents links to its first
        return [Output(ctx.key, first_key_sql(ctx.columns[0], str(table), str(key)))]
    if ctx.key in REF_TARGETS or not ctx.params.get("display"):
        return [Output(ctx.key, cleaned(ctx.columns[0]))]
    raw = cleaned(ctx.columns[0])
    shown = display_of(ctx)
    template = str(ctx.params.get("template") or "{value}")
    before, _, after = template.partition("{value}")
    value = f"CASE WHEN {shown} IS NOT NULL THEN {lit(before)} || {shown} || {lit(after)} END"
    error = (
        f"CASE WHEN {raw} IS NOT NULL AND {shown} IS NULL "
        f"THEN 'points at no row of the lookup table: ' || {raw} END"
    )
    return [Output(ctx.key, value, error)]
