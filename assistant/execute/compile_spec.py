"""One record spec compiled into ``exec.records`` with a single ``INSERT … SELECT`` over its raw table.

Values go through their transforms; a row lacking what the record needs (``REQUIRED``) makes none;
a row lacking what HighLevel would refuse the create without (``HIGHLEVEL_NEEDS``) is held back
with its reason; every value that failed its transform lands in ``exec.transform_errors``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

import duckdb

from assistant.execute.blank_links import usable
from assistant.execute.conditions import row_condition
from assistant.execute.document_notes import as_note, is_document_note
from assistant.execute.document_through import contact_through
from assistant.execute.holding import park_output
from assistant.execute.merge import PARENT_KEY, parent_column
from assistant.execute.raw_source import raw_columns, source_key_sql
from assistant.execute.required_values import needs_message, needs_message_sql, rejected_feeds
from assistant.execute.same_name_companies import company_of_row_sql
from assistant.execute.specs import PASSES, RecordSpec, field_key
from assistant.execute.table_stages import table_stage_outputs
from assistant.execute.transforms.build import outputs_for
from assistant.mapping.items import MappingDocument
from assistant.transforms.kinds import Output
from assistant.transforms.sqltext import cleaned, ident, lit

if TYPE_CHECKING:  # profiling is a sibling stage: only its model's shape is needed here
    from assistant.profile.models import ColumnProfile

# A row yields a record only when these hold a value (a client without a company name is no company).
REQUIRED = {
    "company": ["name"],
    "opportunity": ["name"],
    "task": ["title"],
    "note": ["body"],
    "file": ["fileUrl"],
    "invoice": ["invoiceNumber"],
    "estimate": ["invoiceNumber"],
    "contact_tags": ["tags"],
}
# HighLevel refuses a create without these: such rows are reported as not migratable instead of failing.
HIGHLEVEL_NEEDS = {
    "opportunity": ["name", "pipelineId", "contactId"],  # 422 "name should not be empty"
    "task": ["title", "dueDate", "contactId"],
    "note": ["contactId"],
    "file": ["contactId|opportunityId"],  # a document attaches to a contact, or to a job's contact
    "appointment": ["startTime", "contactId"],
    "contact_fields": ["contactId"],
    "contact_tags": ["contactId"],  # a deal's tags with no contact to hold them stay reported
    "invoice": ["contactId", "issueDate"],
    "estimate": ["contactId", "issueDate"],
    "message": ["contactId", "date", "type"],  # without its original date HighLevel would date it today
}


@dataclass(frozen=True)
class Compiled:
    spec: RecordSpec
    source_rows: int
    records: int
    errors: int


def compile_spec(
    con: duckdb.DuckDBPyConnection,
    spec: RecordSpec,
    doc: MappingDocument,
    profiles: dict[tuple[str, str], ColumnProfile],
    default_region: str | None,
    tag_map: dict[str, str | None],
    parks: bool = False,
    parks_companyless: bool = False,
) -> Compiled:
    available = raw_columns(con, spec.source_object)
    key_sql = source_key_sql(con, spec)
    by_key: dict[str, list[Output]] = defaultdict(list)
    errors: list[tuple[str, str, str, bool]] = []  # (field id, key, error sql, holds the record back)
    columns_of: dict[str, list[str]] = {}  # key -> the source columns feeding it
    for fm in spec.fields:
        if not set(fm.source_columns) <= available:
            continue  # reported by the plan as a field whose columns are missing
        fm = usable(con, fm, available)  # a fallback naming a column this export lacks is left out
        outs = outputs_for(fm, spec, profiles, default_region, tag_map, field_key(fm))
        if parks:  # orphans (and, when decided, rows on a company without contacts): holding contact
            outs = [p for o in outs for p in park_output(o, parks_companyless)]
        for out in outs:
            by_key[out.key].append(out)
            columns_of.setdefault(out.key, []).extend(fm.source_columns)
            if out.error:
                errors.append((fm.id, out.key, out.error, out.blocks))
    for out in table_stage_outputs(doc, spec, set(by_key)):  # a table no column places: its decided stage
        by_key[out.key].append(out)
    if is_document_note(spec):  # values a later document would overwrite: one note per document
        by_key = defaultdict(list, as_note(by_key, spec, key_sql))
    if spec.merge_into:
        column = parent_column(spec, profiles, available)
        by_key[PARENT_KEY].append(Output(PARENT_KEY, cleaned(column) if column else "NULL"))
    for ref in spec.refs:
        if ref.key not in by_key and ref.through:  # the contact of the row it merges into
            out, column = contact_through(spec, ref, profiles, available)
            by_key[ref.key].append(out)
            columns_of.setdefault(ref.key, []).extend([column] if column else [])
            if out.error:
                errors.append(("ref:" + ref.key, ref.key, out.error, False))
        elif ref.key not in by_key and ref.via is not None and set(ref.via.source_columns) <= available:
            for out in outputs_for(ref.via, spec, profiles, default_region, tag_map, ref.key):
                by_key[ref.key].append(out)  # resolved as the sibling record resolves it (a name)
                errors += [(ref.via.id, ref.key, out.error, out.blocks)] if out.error else []
        elif ref.key not in by_key and ref.column and ref.column in available:
            by_key[ref.key].append(Output(ref.key, cleaned(ref.column)))
        elif ref.key not in by_key:
            parent_key = 'src."_parent_key"' if "_parent_key" in available else "NULL"
            source = _same_row_parent(spec, ref.target, key_sql) if ref.same_row else parent_key
            by_key[ref.key].append(Output(ref.key, source))
    selects = [
        f"{key_sql} AS source_key",
        '"_row" AS "row"',
        f"{row_condition(spec, doc, available)} AS taken",
    ]
    names: dict[str, str] = {}
    for i, (key, outs) in enumerate(by_key.items()):
        names[key] = f"v{i}"
        selects.append(f"{_merge(key, outs)} AS v{i}")
    for i, (_, _, err, _) in enumerate(errors):
        selects.append(f"{err} AS e{i}")
    table = f"raw.{ident(spec.source_object)}"
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE compile_tmp AS SELECT {', '.join(selects)} FROM {table} AS src"
    )
    ref_keys = {r.key for r in spec.refs}
    values = ", ".join(f"{lit(_json_key(k, ref_keys))}: {names[k]}" for k in by_key)
    required = [names[k] for k in REQUIRED.get(spec.target, []) if k in names]
    own = [names[k] for k in by_key if k not in ref_keys]
    present = (
        " AND ".join(f"{n} IS NOT NULL" for n in required)
        if required
        else (f"coalesce({', '.join(f'CAST({n} AS VARCHAR)' for n in own)}) IS NOT NULL" if own else "false")
    )
    present = f"taken AND {present}"
    # merged rows are no records of their own: their parent's record carries what HighLevel requires
    needs = [] if spec.merge_into else HIGHLEVEL_NEEDS.get(spec.target, [])
    needed = [(k, _any_of(k, names)) for k in needs]
    complete = " AND ".join(f"{n} IS NOT NULL" if n else "false" for _, n in needed) or "true"
    holding = [f"e{i}" for i, e in enumerate(errors) if e[3]]
    free = f"coalesce({', '.join(holding)}) IS NULL" if holding else "true"  # no owner/stage left undecided
    con.execute(
        f"""INSERT INTO exec.records SELECT {lit(spec.target)}, {lit(spec.source_object)}, source_key, "row",
        {PASSES[spec.target]}, v.j, md5(CAST(v.j AS VARCHAR))
        FROM (SELECT *, to_json({{{values}}}) AS j FROM compile_tmp
        WHERE ({present}) AND {complete} AND {free}) AS v"""
    )
    con.execute(  # 'condition': the object map's condition leaves the row out; 'empty': nothing to carry
        f"""INSERT INTO exec.skipped_rows SELECT {lit(spec.target)}, {lit(spec.source_object)}, "row",
        source_key, CASE WHEN coalesce(taken, false) THEN 'empty' ELSE 'condition' END
        FROM compile_tmp WHERE NOT coalesce({present}, false)"""
    )
    for key, name in needed:  # a record HighLevel would refuse is reported here (once), not sent to fail
        message = needs_message(spec.hl_object, key, columns_of, rejected_feeds(doc, spec, key))
        reasons = [(k, f"e{i}") for i, (_, k, _, holds) in enumerate(errors) if not holds]
        held_why = needs_message_sql(message, key, reasons)
        con.execute(
            f"""INSERT INTO exec.transform_errors SELECT {lit(spec.source_object)}, {lit(spec.target)},
            source_key, "row", {lit("required:" + key)}, {lit(key)}, {held_why}, true
            FROM compile_tmp WHERE ({present}) AND {free} AND {f"{name} IS NULL" if name else "true"}"""
        )
    for i, (field_id, key, _, holds) in enumerate(errors):
        rows = f"({present})" if holds else "true"  # a held-back record is reported only when it is one
        con.execute(
            f"""INSERT INTO exec.transform_errors SELECT {lit(spec.source_object)}, {lit(spec.target)},
            source_key, "row", {lit(field_id)}, {lit(key)}, e{i}, {"true" if holds else "false"}
            FROM compile_tmp WHERE e{i} IS NOT NULL AND {rows}"""
        )
    counts = con.execute(
        """SELECT (SELECT count(*) FROM compile_tmp),
        (SELECT count(*) FROM exec.records WHERE target = ? AND source_object = ?),
        (SELECT count(*) FROM exec.transform_errors WHERE target = ? AND source_object = ?)""",
        [spec.target, spec.source_object, spec.target, spec.source_object],
    ).fetchone()
    con.execute("DROP TABLE compile_tmp")
    assert counts is not None
    return Compiled(spec, int(counts[0]), int(counts[1]), int(counts[2]))


def _same_row_parent(spec: RecordSpec, target: str, key_sql: str) -> str:
    """The row's own key as its parent's, only when that row made such a parent (a company is optional)."""
    if target != "company":
        return key_sql
    return company_of_row_sql(spec.source_object, key_sql)  # its own, or the first of the same name


def _any_of(keys: str, names: dict[str, str]) -> str | None:
    """SQL that is NULL when none of the ``|``-separated keys has a value (None: none is mapped)."""
    cols = [names[k] for k in keys.split("|") if k in names]
    return f"coalesce({', '.join(cols)})" if cols else None


def _json_key(key: str, ref_keys: set[str]) -> str:
    return f"ref:{key}" if key in ref_keys else key


def _merge(key: str, outs: list[Output]) -> str:
    """Several field maps feeding one key: tags add up, anything else takes the first filled value."""
    if len(outs) == 1:
        return outs[0].value
    outs = sorted(outs, key=lambda o: not o.leads)  # stable: otherwise the map's order
    if key == "tags":
        joined = ", ".join(f"coalesce({o.value}, [])" for o in outs)
        return f"nullif(list_sort(list_distinct(flatten([{joined}]))), [])"
    if key == "status":  # a closed outcome (a won stage, an archived deal's lost flag) beats an open one
        closed = ", ".join(f"nullif({o.value}, 'open')" for o in outs)
        return f"coalesce({closed}, {', '.join(o.value for o in outs)})"
    if any(o.append for o in outs):  # lines of one text, in the map's order, blank ones left out
        return f"nullif(concat_ws(chr(10), {', '.join(f'CAST({o.value} AS VARCHAR)' for o in outs)}), '')"
    return f"coalesce({', '.join(o.value for o in outs)})"
