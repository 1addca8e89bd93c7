"""Companies named on another record's rows: one company record per name.

A people or deals table that names each row's company ('Related Company', 'Organization') makes a
company from the row; five people of 'Cedar Consulting' name one business, not five. HighLevel has
no duplicate rule for companies, so the plan keeps the first row's company for each name (compared
without case, commas or repeated spaces) and points the later rows' contacts at it; those rows are
accounted merged into it by the ``one-company-per-name`` policy. A table whose rows are companies
themselves keeps one record per row: two rows of one name there may be two businesses.
"""

from __future__ import annotations

import duckdb

from assistant.execute.specs import RecordSpec
from assistant.execute.transforms.name_links import name_key_sql
from assistant.transforms.sqltext import lit

POLICY = "one-company-per-name"
WHY = "an earlier row names the same company: one company record for them, its values from that row"
DDL = """CREATE OR REPLACE TABLE exec.same_name_rows (source_object VARCHAR, "row" BIGINT,
    source_key VARCHAR, into_key VARCHAR)"""


def named_on_rows(spec: RecordSpec) -> bool:
    """The spec makes companies from rows that are another record (a person, a deal)."""
    # rows a kind column marks as companies ("company_rows") are companies themselves: one record each
    return (
        spec.target == "company"
        and spec.object_map.targets[0].object.value != "company"
        and spec.object_target.role != "company_rows"
    )


def fold_same_names(con: duckdb.DuckDBPyConnection, spec: RecordSpec) -> int:
    """Keep the first company record per name; the later ones become pointers to it. Returns how many."""
    if not named_on_rows(spec):
        return 0
    name = name_key_sql("""json_extract_string("values", '$.name')""")
    con.execute(
        f"""INSERT INTO exec.same_name_rows SELECT source_object, "row", source_key, into_key FROM (
            SELECT source_object, "row", source_key,
            first_value(source_key) OVER (PARTITION BY {name} ORDER BY "row") AS into_key
            FROM exec.records WHERE target = 'company' AND source_object = ?) WHERE source_key <> into_key""",
        [spec.source_object],
    )
    con.execute(
        """DELETE FROM exec.records WHERE target = 'company' AND source_object = ?
        AND source_key IN (SELECT source_key FROM exec.same_name_rows WHERE source_object = ?)""",
        [spec.source_object, spec.source_object],
    )
    return folded_rows(con, spec.source_object)


def folded_rows(con: duckdb.DuckDBPyConnection, source_object: str) -> int:
    """Rows of the table whose company went into an earlier row's of the same name."""
    row = con.execute("SELECT count(*) FROM exec.same_name_rows WHERE source_object = ?", [source_object])
    found = row.fetchone()
    return int(found[0]) if found else 0


def company_of_row_sql(source_object: str, key_sql: str) -> str:
    """The company record a row's own company went into: its own, or the first of the same name."""
    made = "SELECT source_key FROM exec.records WHERE target = 'company' AND source_object = "
    made += lit(source_object)
    folded = (
        f"SELECT any_value(f.into_key) FROM exec.same_name_rows f "
        f"WHERE f.source_object = {lit(source_object)} AND f.source_key = {key_sql}"
    )
    return f"coalesce(CASE WHEN {key_sql} IN ({made}) THEN {key_sql} END, ({folded}))"
