"""Pick-list values the destination field has no option for: HighLevel would drop them without a word,
so the plan names each field, each missing value and how many records carry it."""

from __future__ import annotations

import duckdb

PREFIX = "not among the field options: "
SHOWN = 8


def option_gaps(con: duckdb.DuckDBPyConnection) -> list[str]:
    rows = con.execute(
        f"""SELECT target, source_object, field, substr(error, {len(PREFIX) + 1}) AS value, count(*) AS n
        FROM (FROM exec.transform_errors UNION ALL FROM exec.carried_errors) WHERE starts_with(error, ?)
        GROUP BY ALL ORDER BY target, source_object, field, n DESC, value""",
        [PREFIX],
    ).fetchall()
    by_field: dict[tuple[str, str, str], list[str]] = {}
    for target, source, field, value, count in rows:
        by_field.setdefault((target, source, field), []).append(f"{value!r} ×{count}")
    return [
        f"{target}:{source} field {field}: values outside its options, which HighLevel drops — "
        + ", ".join(values[:SHOWN])
        + (f" and {len(values) - SHOWN} more" if len(values) > SHOWN else "")
        + "; add them to the field's options in review (d) or map them to an option"
        for (target, source, field), values in by_field.items()
    ]
