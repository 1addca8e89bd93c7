"""Source records that look alike (same company or product name), and what the run does with them.

Decided here, once, before anything is sent: HighLevel has no duplicate rule for companies or
products, so a clean run creates one record per source record. The run keeps that outcome under
any fault — a lookup after a lost or refused create never takes a record another source record
already owns — and the plan says so, with the evidence, so the engineer can merge them in the
source first if they are the same business.
"""

from __future__ import annotations

import duckdb

KINDS = {"company": "companies", "product": "products"}


def lookalike_lines(con: duckdb.DuckDBPyConnection) -> list[str]:
    lines: list[str] = []
    for target, plural in KINDS.items():
        rows = con.execute(
            """SELECT source_object, count(*), sum(n), any_value(example) FROM (
                SELECT source_object, lower(trim(json_extract_string("values", '$.name'))) AS v,
                count(*) AS n, any_value(json_extract_string("values", '$.name')) AS example
                FROM exec.records WHERE target = ? AND v IS NOT NULL AND v <> ''
                GROUP BY source_object, v HAVING count(*) > 1)
            GROUP BY source_object ORDER BY source_object""",
            [target],
        ).fetchall()
        for source, groups, records, example in rows:
            lines.append(
                f"{target}:{source}: {records} source records share a name in {groups} group(s) "
                f"(e.g. {example!r}); HighLevel has no duplicate rule for {plural}, so each becomes its own "
                f"record, and a lost or refused answer never merges one into another's"
            )
    return lines + folded_lines(con) + line_rows_lines(con)


def folded_lines(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Companies named on several rows of a people or deals table, made once (same_name_companies)."""
    rows = con.execute(
        """SELECT f.source_object, count(*) + count(DISTINCT f.into_key), count(DISTINCT f.into_key),
        any_value(json_extract_string(r."values", '$.name'))
        FROM exec.same_name_rows f JOIN exec.records r ON r.target = 'company'
        AND r.source_object = f.source_object AND r.source_key = f.into_key
        GROUP BY f.source_object ORDER BY f.source_object"""
    ).fetchall()
    return [
        f"company:{source}: {named} rows name {groups} compan{'y' if groups == 1 else 'ies'} that several "
        f"rows share (e.g. {example!r}); each is one company record, made from its first row, and the "
        "later rows' contacts link to it"
        for source, named, groups, example in rows
    ]


def line_rows_lines(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Flat document exports whose rows sharing a number are one document's lines (flat_documents)."""
    rows = con.execute(
        """SELECT source_object, count(*) + count(DISTINCT into_key), count(DISTINCT into_key)
        FROM exec.same_number_rows GROUP BY source_object ORDER BY source_object"""
    ).fetchall()
    return [
        f"{source}: {lines} rows are the lines of {documents} document{'' if documents == 1 else 's'} "
        "that several rows share by number; "
        "each is one invoice or estimate, its own values from its first row, every row one of its lines"
        for source, lines, documents in rows
    ]
