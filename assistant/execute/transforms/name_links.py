"""A reference that names its record ('Zoe Wright', 'Lakeside Labs') instead of giving its key.

The mapping names the referenced table, its key and the ways a row's name is spelled (a column, or
columns joined by a space: first and last name, or 'Company, Person' as some exports display a
company's person). Names are compared without case, commas or repeated spaces. The spellings are
tried in order and the first that finds any row decides: a value that is one row's own name is not
also read as the company several people work for. Within that spelling the record SQL sends the
one row's key, which the apply step resolves to a HighLevel id like any other reference; a name
that finds no row, or several, is reported on the record instead of linking it to a guess. A row
whose name is blank may link by its own e-mail instead (``blank_by``, from the proposal's evidence):
to the one row holding that e-mail, else to none. A table of companies and people names a person's
company among its company rows only (``only``: the company target's condition), since the people of
that company hold the same name in the same column.
"""

from __future__ import annotations

from assistant.mapping.conditions import value_condition
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
    rows = f"FROM raw.{ident(table)} d WHERE ({' OR '.join(matches)}){_only(ctx.params.get('only'))}"
    found = f"(SELECT {_first_found(counts, counts, '0')} {rows})"
    value = f"(SELECT {_first_found(counts, picks, 'NULL')} {rows})"
    blank_by = ctx.params.get("blank_by")
    if isinstance(blank_by, dict):  # a blank name: the row whose e-mail is the row's own, when only one
        value = f"CASE WHEN {raw} IS NULL THEN {_by_own_email(table, key, blank_by)} ELSE {value} END"
    error = (
        f"CASE WHEN {raw} IS NOT NULL AND {found} = 0 THEN {lit(f'names no row of {table}: ')} || {raw} "
        f"WHEN {raw} IS NOT NULL AND {found} > 1 THEN {lit(f'names several rows of {table}: ')} || {raw} END"
    )
    return [Output(ctx.key, value, error)]


def _only(condition: object) -> str:
    """Rows of one kind only (``'Company Type' is 'Company'``): a person's company, not its colleagues."""
    split = value_condition(str(condition)) if condition else None
    if split is None:
        return ""
    marked = f"coalesce(lower(trim(d.{ident(split[0])})) = {lit(split[1].strip().lower())}, false)"
    return f" AND NOT {marked}" if split[2] else f" AND {marked}"


def _by_own_email(table: str, key: str, blank_by: dict[str, object]) -> str:
    """The key of the one row of ``table`` whose e-mail column holds this row's own e-mail."""
    own = f"lower({cleaned(str(blank_by['column']))})"
    theirs = f"lower(trim(d.{ident(str(blank_by['target_column']))}))"
    keys = f"trim(d.{ident(key)})"
    return (
        f"(SELECT CASE WHEN count(DISTINCT {keys}) = 1 THEN any_value({keys}) END "
        f"FROM raw.{ident(table)} d WHERE {theirs} = {own})"
    )
