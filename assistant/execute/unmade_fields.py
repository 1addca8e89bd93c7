"""Custom fields an apply could not create: their values are lost, never dropped without a word.

A record whose custom field has no id in HighLevel is sent without that value. The apply keeps each
such field with its reason (``exec.unmade_fields``, which outlives a compile); every compile after it
(plan, apply, reconcile) then counts each value of it, on every record that carries one, as a value
its row lost (``exec.transform_errors``, not held): reconciliation lists them in values-lost.csv and
is not clean, and the plan's checklist names the fields.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import duckdb

from assistant.transforms.sqltext import lit

DDL = "CREATE TABLE IF NOT EXISTS exec.unmade_fields (field_key VARCHAR, reason VARCHAR)"
ERROR_ID = "unmade:"  # transform_errors.field_id of these values


def keep_unmade(
    con: duckdb.DuckDBPyConnection, keys: Iterable[str], made: Mapping[str, str], problems: list[str]
) -> None:
    """After the schema step: the map's fields that have no id, each with the problem that says why."""
    con.execute(DDL)
    con.execute("DELETE FROM exec.unmade_fields")
    for key in sorted(set(keys) - set(made)):
        said = next((p for p in problems if p.startswith(f"custom field {key}: ")), "")
        reason = said.removeprefix(f"custom field {key}: ") or "not created in HighLevel"
        con.execute("INSERT INTO exec.unmade_fields VALUES (?, ?)", [key, reason])
    count_unmade(con)


def unmade(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str]]:
    con.execute(DDL)
    return [(str(k), str(r)) for k, r in con.execute("FROM exec.unmade_fields ORDER BY 1").fetchall()]


def count_unmade(con: duckdb.DuckDBPyConnection) -> None:
    """Each compiled value of an unmade field becomes a value its row lost, with the field's reason."""
    con.execute(f"DELETE FROM exec.transform_errors WHERE starts_with(field_id, {lit(ERROR_ID)})")
    for key, reason in unmade(con):
        value = f"""json_extract_string("values", {lit(f'$."cf:{key}"')})"""
        why = f"custom field {key} is not in HighLevel ({reason}); value not sent"
        con.execute(
            f"""INSERT INTO exec.transform_errors SELECT source_object, target, source_key, "row",
            {lit(ERROR_ID + key)}, {lit(key)}, {lit(why + ": ")} || {value}, false
            FROM exec.records WHERE coalesce({value}, '') NOT IN ('', '[]')"""
        )


def checklist_item(con: duckdb.DuckDBPyConnection) -> str | None:
    """The plan's line naming the fields the last apply could not create, and what it costs."""
    fields = unmade(con)
    if not fields:
        return None
    row = con.execute(
        f"SELECT count(*) FROM exec.transform_errors WHERE starts_with(field_id, {lit(ERROR_ID)})"
    ).fetchone()
    named = "; ".join(f"{key} ({reason})" for key, reason in fields)
    return (
        f"Custom fields: the last apply could not create {named}; their {row[0] if row else 0} values "
        "are counted lost until the field exists in HighLevel"
    )
