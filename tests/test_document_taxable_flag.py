"""A line's "Taxable" Yes/No column mapped to the tax rate is a flag, never sent as a rate.

Before, the column's "Yes" went through the rate's number cast (no rate at all) and a boolean read as
1 would have been a 1 % tax. Now a line marked No goes without tax, a line marked Yes takes
``execute.tax_rate``, and without that setting the plan says how many lines lack a rate and what to
set. A real rate column keeps its own rate.
"""

from __future__ import annotations

import json

import duckdb

from assistant.execute.document_lines import compile_document_lines
from assistant.execute.document_records import lines_of
from assistant.execute.document_sources import keep_document_sources
from assistant.execute.document_tax import UNTAXED, apply_tax_flags
from assistant.execute.documents import items
from assistant.execute.specs import RecordSpec
from assistant.mapping.items import ObjectMap, ObjectTarget
from assistant.mapping.models import TargetObject
from assistant.profile.models import ColumnProfile, ForeignKey, SemanticType
from tests.test_execute_support import field_map

DDL = """CREATE SCHEMA exec; CREATE SCHEMA raw;
    CREATE TABLE exec.records (target VARCHAR, source_object VARCHAR, source_key VARCHAR, "row" BIGINT,
        pass INTEGER, "values" VARCHAR, payload_hash VARCHAR);
    CREATE TABLE exec.line_rows (source_object VARCHAR, "row" BIGINT, parent VARCHAR, not_carried VARCHAR);
    CREATE TABLE raw.lines ("Estimate #" VARCHAR, "Item" VARCHAR, "Qty" VARCHAR, "Price" VARCHAR,
        "Taxable" VARCHAR, "Rate" VARCHAR, "_row" BIGINT)"""
ROWS = [("E-1", "Labor", "2", "95", "Yes", "", 1), ("E-1", "Permit", "1", "150", "No", "", 2),
        ("E-1", "Pipe", "10", "1.85", "Yes", "6", 3)]  # fmt: skip


def _profiles() -> dict[tuple[str, str], ColumnProfile]:
    fk = ForeignKey(
        table="lines",
        column="Estimate #",
        target_table="estimates",
        target_column="Estimate #",
        resolved_share=1.0,
    )
    return {
        ("lines", "Estimate #"): ColumnProfile(
            table="lines",
            column="Estimate #",
            position=0,
            semantic_type=SemanticType.FOREIGN_KEY,
            foreign_key=fk,
        ),
        ("lines", "Taxable"): ColumnProfile(
            table="lines",
            column="Taxable",
            position=4,
            semantic_type=SemanticType.BOOLEAN,
            true_values=["Yes"],
        ),
        ("lines", "Rate"): ColumnProfile(
            table="lines", column="Rate", position=5, semantic_type=SemanticType.DECIMAL
        ),
    }


def _compiled(with_rate_column: bool) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    con.execute(DDL)
    con.executemany("INSERT INTO raw.lines VALUES (?, ?, ?, ?, ?, ?, ?)", ROWS)
    values = {"invoiceNumber": "E-1", "issueDate": "2024-05-01", "total": 0}
    con.execute(
        "INSERT INTO exec.records VALUES ('estimate', 'estimates', 'E-1', 1, 9, ?, '')", [json.dumps(values)]
    )
    est = TargetObject.ESTIMATE
    fields = [
        field_map("lines", ["Item"], est, "name"),
        field_map("lines", ["Qty"], est, "qty"),
        field_map("lines", ["Price"], est, "amount"),
        field_map("lines", ["Taxable"], est, "taxRate"),
    ]
    if with_rate_column:
        fields.append(field_map("lines", ["Rate"], est, "taxRate", suffix="@rate"))
    om = ObjectMap(
        id="object:lines", source_object="lines", parent_object="estimates",
        targets=[ObjectTarget(object=est, role="line_items")],
    )  # fmt: skip
    spec = RecordSpec("estimate", "lines", om, om.targets[0], fields=fields)
    columns = {"Estimate #", "Item", "Qty", "Price", "Taxable", "Rate", "_row"}
    assert compile_document_lines(con, spec, _profiles(), columns) == 3
    return con


def _lines(con: duckdb.DuckDBPyConnection) -> list[dict[str, object]]:
    row = con.execute("""SELECT "values" FROM exec.records WHERE source_key = 'E-1'""").fetchone()
    assert row is not None
    lines: list[dict[str, object]] = json.loads(row[0])["lines"]
    return lines


def test_the_flag_never_becomes_a_rate_and_the_setting_names_the_rate() -> None:
    con = _compiled(with_rate_column=False)
    assert [(line["taxable"], line["taxRate"]) for line in _lines(con)] == [
        ("yes", None),
        ("no", None),
        ("yes", None),
    ]
    said = apply_tax_flags(con, 8.25)
    assert said == [
        "estimate:estimates: its lines' taxable column is a Yes/No flag, not a tax rate: 1 not taxable go "
        "without tax; 2 taxable take the rate of execute.tax_rate (8.25 %)"
    ]
    assert [line["taxRate"] for line in _lines(con)] == [8.25, 0.0, 8.25]
    sent = items_of(con)
    assert [[t["rate"] for t in item.get("taxes", [])] for item in sent] == [[8.25], [], [8.25]]


def test_without_a_rate_the_plan_says_what_to_set_and_nothing_is_taxed_at_a_made_up_rate() -> None:
    con = _compiled(with_rate_column=False)
    [said] = apply_tax_flags(con, None)
    assert (
        "2 taxable have no rate (no rate column is mapped) and go without tax: set execute.tax_rate" in said
    )
    assert all("taxes" not in item for item in items_of(con))
    keep_document_sources(con)  # the verification names why such a document's total falls short
    assert con.execute("SELECT reason FROM exec.document_sources").fetchall() == [(UNTAXED,)]


def test_a_rate_column_keeps_its_rate_and_the_flag_still_exempts() -> None:
    con = _compiled(with_rate_column=True)
    apply_tax_flags(con, 8.25)
    assert [line["taxRate"] for line in _lines(con)] == [8.25, 0.0, 6.0]


def items_of(con: duckdb.DuckDBPyConnection) -> list[dict[str, object]]:
    from assistant.execute.documents import Customer, SourceDocument

    doc = SourceDocument(
        "estimates:E-1", "E-1", "2024-05-01", "USD", 0.0, Customer("c"), lines_of({"lines": _lines(con)})
    )
    return items(doc)
