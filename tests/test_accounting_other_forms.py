"""Rows that landed as something other than their own record are said in the accounting, clean or not."""

from __future__ import annotations

import duckdb

from assistant.execute.accounting.build import ACCOUNTING_DDL
from assistant.execute.accounting.parts import PARTS_DDL
from assistant.execute.accounting.summary import summarise
from assistant.execute.compile import create_tables
from assistant.execute.reconcile_report import accounting_lines

KEPT = "the location keeps one opportunity per contact and pipeline: landed as a note on its contact"


def _accounting() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    con.execute("CREATE SCHEMA exec")
    con.execute(ACCOUNTING_DDL)
    con.execute(PARTS_DDL)
    create_tables(con)  # the compile's tables: no value of these rows was refused
    rows: list[tuple[str, int, str, str, str, str | None, str | None]]
    rows = [("jobs", k, f"J{k}", "landed", f"id{k}", None, None) for k in range(3)]
    rows += [
        ("jobs", 3 + k, f"J{3 + k}", "landed", f"n{k}", "one-opportunity-per-contact-and-pipeline", KEPT)
        for k in range(2)
    ]
    con.executemany(
        'INSERT INTO exec.accounting (source_table, "row", source_key, outcome, destination_id, policy, '
        "detail) VALUES (?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    return con


def test_a_clean_table_still_says_which_rows_landed_in_another_form() -> None:
    accounting = summarise(_accounting())
    (jobs,) = accounting.tables
    assert accounting.clean and jobs.counts == {"landed": 5}
    assert jobs.other_forms == [f"2 landed by policy one-opportunity-per-contact-and-pipeline: {KEPT}"]
    lines = accounting_lines(accounting)
    assert "**jobs**" in lines and f"- {jobs.other_forms[0]}" in lines


def test_the_taker_kinds_named_in_specs_are_the_kinds_their_modules_write() -> None:
    from assistant.execute import document_contacts, duplicate_opportunities, history_notes
    from assistant.execute.specs import PASSES, TAKER_OF

    assert TAKER_OF == {
        duplicate_opportunities.REPLACES: duplicate_opportunities.KIND,
        "message": history_notes.KIND,
        "invoice": document_contacts.KIND,
        "estimate": document_contacts.KIND,
    }
    assert set(TAKER_OF.values()) <= set(PASSES)


def test_rows_whose_reasons_are_not_listed_are_still_counted_under_their_table() -> None:
    """A reason naming a value ('links to Ava Ortiz') groups apart: the rows past the listed reasons are
    said, so the reasons under a table always add up to its rows that did not land."""
    con = _accounting()
    names = ["Ava Ortiz", "Ava Ortiz", "Noah Kim", "Emma Lopez", "Jack Reyes", "Owen Fox"]
    held = [
        ("jobs", 10 + k, f"H{k}", "held", None, "contactId", f"links to {name}, which is no migrated record")
        for k, name in enumerate(names)
    ]
    con.executemany(
        'INSERT INTO exec.accounting (source_table, "row", source_key, outcome, destination_id, rule, '
        "detail) VALUES (?, ?, ?, ?, ?, ?, ?)",
        held,
    )
    (jobs,) = summarise(con).tables
    assert jobs.counts["held"] == 6 and len(jobs.reasons) == 4
    assert jobs.reasons[0].startswith("2 held: contactId: links to Ava Ortiz")
    assert jobs.reasons[-1] == "… and 2 more rows for other reasons: each one in accounting.csv"
    clean = summarise(_accounting()).tables[0]  # every row landed: nothing to add
    assert clean.reasons == []


def test_and_the_like_only_when_the_grouped_reasons_differ() -> None:
    con = _accounting()
    same = "HighLevel requires name for an opportunity (API v2): record not migrated"
    con.executemany(
        'INSERT INTO exec.accounting (source_table, "row", source_key, outcome, detail) '
        "VALUES (?, ?, ?, ?, ?)",
        [("deals", k, f"D{k}", "held", same) for k in range(2)]
        + [
            ("notes", k, f"N{k}", "held", f"links to {k + 10}, which no row has as its key") for k in range(2)
        ],
    )
    reasons = {t.table: t.reasons for t in summarise(con).tables}
    assert reasons["deals"][0].endswith("record not migrated")  # the same text twice: no '(and the like)'
    assert reasons["notes"][0].endswith("(and the like)")  # 'links to 10', 'links to 11'
