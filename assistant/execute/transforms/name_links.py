"""A reference that names its record ('Zoe Wright', 'Lakeside Labs') instead of giving its key.

The mapping names the referenced table, its key and the ways a row's name is spelled (a column, or
columns joined by a space: first and last name, or 'Company, Person' as some exports display a
company's person). Names are compared without case, commas or repeated spaces. The spellings are
tried in order and the first that finds any row decides: a value that is one row's own name is not
also read as the company several people work for. Within that spelling the record SQL sends the
one row's key, which the apply step resolves to a HighLevel id like any other reference; a name
that finds no row, or several, is reported on the record instead of linking it to a guess.
"""

from __future__ import annotations

from assistant.transforms.kinds import Context, Output
from assistant.transforms.sqltext import cleaned, ident, lit


def name_key_sql(expr: str) -> str:
    """The compared form of a name: lower case, commas as spaces, runs of spaces as one, trimmed.
    Mirrors assistant.propose.name_references.name_key (tests keep them in step)."""
    return f"lower(trim(regexp_replace(replace({expr}, ',', ' '), '\\s+', ' ', 'g')))"


def _spelled(columns: list[str]) -> str:
    parts = ", ".join(f"trim(d.{ident(c)})" for c in columns)
    return name_key_sql(f"concat_ws(' ', {parts})")


def _first_found(counts: list[str], then: list[str], otherwise: str) -> str:
    """The outcome for the first spelling that finds any row."""
    arms = " ".join(f"WHEN {c} > 0 THEN {t}" for c, t in zip(counts, then, strict=True))
    return f"CASE {arms} ELSE {otherwise} END"


def key_by_name(ctx: Context) -> list[Output]:
    raw = cleaned(ctx.columns[0])
    table, key = str(ctx.params["table"]), str(ctx.params["key"])
    spellings = [list(map(str, s)) for s in ctx.params["by_names"]]
    matches = [f"{_spelled(s)} = {name_key_sql(raw)}" for s in spellings]
    keys = f"trim(d.{ident(key)})"
    counts = [f"count(DISTINCT {keys}) FILTER (WHERE {m})" for m in matches]
    picks = [
        f"CASE WHEN {c} = 1 THEN any_value({keys}) FILTER (WHERE {m}) END"
        for c, m in zip(counts, matches, strict=True)
    ]
    rows = f"FROM raw.{ident(table)} d WHERE {' OR '.join(matches)}"
    found = f"(SELECT {_first_found(counts, counts, '0')} {rows})"
    value = f"(SELECT {_first_found(counts, picks, 'NULL')} {rows})"
    error = (
        f"CASE WHEN {raw} IS NOT NULL AND {found} = 0 THEN {lit(f'names no row of {table}: ')} || {raw} "
        f"WHEN {raw} IS NOT NULL AND {found} > 1 THEN {lit(f'names several rows of {table}: ')} || {raw} END"
    )
    return [Output(ctx.key, value, error)]
