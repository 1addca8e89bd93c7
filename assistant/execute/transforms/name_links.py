"""A reference that names its record ('Zoe Wright', 'Lakeside Labs') instead of giving its key.

The mapping names the referenced table, its key and the columns that spell a row's name (first
and last name joined by a space); the record SQL finds the one row so named and sends its key,
which the apply step resolves to a HighLevel id like any other reference. A name that finds no
row, or several, is reported on the record instead of linking it to a guess.
"""

from __future__ import annotations

from assistant.transforms.kinds import Context, Output
from assistant.transforms.sqltext import cleaned, ident, lit


def _spelled(columns: list[str]) -> str:
    parts = ", ".join(f"trim(d.{ident(c)})" for c in columns)
    return f"lower(trim(concat_ws(' ', {parts})))"


def key_by_name(ctx: Context) -> list[Output]:
    raw = cleaned(ctx.columns[0])
    table, key = str(ctx.params["table"]), str(ctx.params["key"])
    spellings = [list(map(str, s)) for s in ctx.params["by_names"]]
    match = " OR ".join(f"{_spelled(s)} = lower({raw})" for s in spellings)
    rows = f"FROM raw.{ident(table)} d WHERE {match}"
    keys = f"trim(d.{ident(key)})"
    found = f"(SELECT count(DISTINCT {keys}) {rows})"
    value = f"(SELECT CASE WHEN count(DISTINCT {keys}) = 1 THEN any_value({keys}) END {rows})"
    error = (
        f"CASE WHEN {raw} IS NOT NULL AND {found} = 0 THEN {lit(f'names no row of {table}: ')} || {raw} "
        f"WHEN {raw} IS NOT NULL AND {found} > 1 THEN {lit(f'names several rows of {table}: ')} || {raw} END"
    )
    return [Output(ctx.key, value, error)]
