"""Compile record specs into ``exec.records`` with whole-table DuckDB SQL.

Each (source object, HighLevel object) pair is one ``INSERT … SELECT`` over its raw table: every
value goes through its transform in SQL (or a vectorised UDF), the record's values land as one JSON
object with a hash of it (the delta compares hashes), and every value that failed its transform
lands in ``exec.transform_errors`` naming the record and field.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

import duckdb

from assistant.execute import flat_documents, same_name_companies
from assistant.execute.compile_spec import Compiled, compile_spec
from assistant.execute.document_lines import compile_document_lines
from assistant.execute.flat_documents import fold_flat_documents
from assistant.execute.holding import companyless_tables, park_orphans, parked_tables
from assistant.execute.lines import compile_lines, is_line_spec
from assistant.execute.merge import carried_links, merge_children
from assistant.execute.orphans import drop_orphans
from assistant.execute.raw_source import raw_columns
from assistant.execute.same_name_companies import fold_same_names
from assistant.execute.specs import DOCUMENT_KINDS, RecordSpec
from assistant.execute.transforms import maps
from assistant.mapping.items import MappingDocument
from assistant.transforms import udfs
from assistant.transforms.kinds import ZONE_VARIABLE
from assistant.transforms.sqltext import lit

if TYPE_CHECKING:  # profiling is a sibling stage: only its model's shape is needed here
    from assistant.profile.models import ColumnProfile


def create_tables(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(
        """CREATE OR REPLACE TABLE exec.records (target VARCHAR, source_object VARCHAR, source_key VARCHAR,
        "row" BIGINT, pass INTEGER, "values" JSON, payload_hash VARCHAR)"""
    )
    con.execute(
        """CREATE OR REPLACE TABLE exec.transform_errors (source_object VARCHAR, target VARCHAR,
        source_key VARCHAR, "row" BIGINT, field_id VARCHAR, field VARCHAR, error VARCHAR, held BOOLEAN)"""
    )
    # errors whose values travel in a note instead (``refused_values``): no longer lost, still named
    con.execute("CREATE OR REPLACE TABLE exec.carried_errors AS FROM exec.transform_errors LIMIT 0")
    # Why a source row made no record of a kind, and where merged children and document lines went:
    # the source accounting reads these to give every source row its outcome.
    con.execute(
        """CREATE OR REPLACE TABLE exec.skipped_rows (target VARCHAR, source_object VARCHAR, "row" BIGINT,
        source_key VARCHAR, reason VARCHAR)"""
    )
    con.execute(
        """CREATE OR REPLACE TABLE exec.merged_rows (target VARCHAR, source_object VARCHAR, "row" BIGINT,
        parent_object VARCHAR, parent_key VARCHAR, first BOOLEAN)"""
    )
    con.execute(same_name_companies.DDL)
    con.execute(flat_documents.DDL)
    con.execute(
        """CREATE OR REPLACE TABLE exec.line_rows (source_object VARCHAR, "row" BIGINT, parent VARCHAR,
        not_carried VARCHAR)"""
    )


def compile_all(
    con: duckdb.DuckDBPyConnection,
    doc: MappingDocument,
    specs: list[RecordSpec],
    profiles: dict[tuple[str, str], ColumnProfile],
    default_region: str | None,
    fallback_user: str | None = None,
    zone: str | None = None,
) -> list[Compiled]:
    """``fallback_user`` owns records whose source owner has no matched HighLevel user; ``zone`` is the
    time zone of source times written without an offset."""
    con.execute("SET TimeZone = 'UTC'")
    if zone:
        con.execute(f"SET VARIABLE {ZONE_VARIABLE} = {lit(zone)}")
    else:
        con.execute(f"RESET VARIABLE {ZONE_VARIABLE}")
    con.execute("SET enable_progress_bar = false")  # DuckDB's own bar would garble the printed plan
    udfs.register(con)
    maps.build_map_tables(con, doc, fallback_user)
    create_tables(con)
    tag_map = maps.tag_map(doc)
    parked, companyless = parked_tables(doc), companyless_tables(doc)
    compiled: list[Compiled] = []
    for spec in specs:
        if is_line_spec(spec):
            continue
        parks, companies = spec.source_object in parked, spec.source_object in companyless
        made = compile_spec(con, spec, doc, profiles, default_region, tag_map, parks, companies)
        folded = fold_same_names(con, spec)  # before the contacts that point at these companies compile
        folded += fold_flat_documents(con, spec, profiles, raw_columns(con, spec.source_object))
        compiled.append(replace(made, records=made.records - folded))
    for spec in specs:  # after every document is compiled, before merges: lines go where their document went
        if is_line_spec(spec) and spec.target in DOCUMENT_KINDS:
            rows = compile_document_lines(con, spec, profiles, raw_columns(con, spec.source_object))
            compiled.append(Compiled(spec, rows, 0, 0))
        elif is_line_spec(spec):
            rows, notes = compile_lines(con, spec, profiles, raw_columns(con, spec.source_object))
            compiled.append(Compiled(spec, rows, notes, 0))
    for spec in specs:
        if spec.merge_into:
            merge_children(con, spec, carried_links(spec, specs))
    park_orphans(con, parked)  # accepted holding proposals: orphans go to the holding contact instead
    drop_orphans(con)
    order = {id(spec): i for i, spec in enumerate(specs)}
    return sorted(compiled, key=lambda c: order[id(c.spec)])
