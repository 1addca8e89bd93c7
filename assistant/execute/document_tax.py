"""A document line's "taxable" Yes/No column is a flag, never a tax rate.

A column profiling reads as a boolean, mapped to a line's ``taxRate``, would otherwise be sent as
a rate: "Yes" read as a number is no rate at all, and a boolean read as 1 is a 1 % tax. Such a column
marks the line taxable or not (the profile's own true spellings say which): a line marked not
taxable goes without tax; a taxable one keeps the rate its rate column states, else takes
``execute.tax_rate``; with neither it goes without tax and the plan says how many and what to set.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import duckdb

from assistant.execute.document_tax_hint import hint, implied_rate
from assistant.execute.specs import DOCUMENT_KINDS
from assistant.profile.models import SemanticType
from assistant.transforms.sqltext import cleaned, lit

if TYPE_CHECKING:
    from assistant.mapping.items import FieldMap
    from assistant.profile.models import ColumnProfile

FLAG = "taxable"  # the line key the flag is kept under: "yes", "no" or null
UNTAXED = (
    "its lines marked taxable went without tax: no rate column is mapped and execute.tax_rate is not set"
)


def untaxed(values: dict[str, Any]) -> bool:
    """A document with a line marked taxable that has no rate to be taxed at."""
    return any(line.get(FLAG) == "yes" and line.get("taxRate") is None for line in values.get("lines") or [])


def flag_sql(fm: FieldMap, profiles: dict[tuple[str, str], ColumnProfile]) -> str | None:
    """SQL of the flag when ``fm`` maps a Yes/No column to a line's tax rate; None for a rate column."""
    if len(fm.source_columns) != 1:
        return None
    profile = profiles.get((fm.source_object, fm.source_columns[0]))
    if profile is None or profile.semantic_type != SemanticType.BOOLEAN:
        return None
    value = cleaned(fm.source_columns[0])
    true = ", ".join(lit(v.strip().lower()) for v in profile.true_values) or "NULL"
    return f"CASE WHEN {value} IS NULL THEN NULL WHEN lower({value}) IN ({true}) THEN 'yes' ELSE 'no' END"


def apply_tax_flags(con: duckdb.DuckDBPyConnection, rate: float | None) -> list[str]:
    """Set each flagged line's tax rate; answers the plan's lines (one per document table)."""
    kinds = ", ".join(lit(k) for k in sorted(DOCUMENT_KINDS))
    rows = con.execute(
        f"""SELECT target, source_object, source_key, "values" FROM exec.records WHERE target IN ({kinds})
        AND json_extract_string("values", '$.lines') LIKE '%"{FLAG}":"%' ORDER BY source_object, "row" """
    ).fetchall()
    counts: dict[str, list[int]] = {}  # table -> [taxable at a rate, taxable without one, not taxable]
    short: dict[str, list[dict[str, Any]]] = {}  # table -> its documents with a taxable line lacking a rate
    for target, table, key, raw in rows:
        values: dict[str, Any] = json.loads(raw)
        seen = counts.setdefault(f"{target}:{table}", [0, 0, 0])
        if rate is None and untaxed(values):
            short.setdefault(f"{target}:{table}", []).append(values)
        for line in values.get("lines") or []:
            flag = line.get(FLAG)
            if flag == "no":
                line["taxRate"], seen[2] = 0.0, seen[2] + 1
            elif flag == "yes" and line.get("taxRate") is None and rate is None:
                seen[1] += 1
            elif flag == "yes":
                line["taxRate"] = line["taxRate"] if line.get("taxRate") is not None else rate
                seen[0] += 1
        text = json.dumps(values, ensure_ascii=False, separators=(",", ":"))
        con.execute(
            """UPDATE exec.records SET "values" = ?, payload_hash = md5(?)
            WHERE target = ? AND source_object = ? AND source_key = ?""",
            [text, text, target, table, key],
        )
    return [
        _line(name, seen[0], seen[1], seen[2], rate) + hint(implied_rate(short.get(name, []), FLAG))
        for name, seen in counts.items()
    ]


def _line(name: str, at_rate: int, without: int, exempt: int, rate: float | None) -> str:
    said = f"{name}: its lines' taxable column is a Yes/No flag, not a tax rate: {exempt} not taxable "
    said += "go without tax"
    if at_rate:
        where = f"execute.tax_rate ({rate:g} %)" if rate is not None else "their rate column"
        said += f"; {at_rate} taxable take the rate of {where}"
    if without:
        said += (
            f"; {without} taxable have no rate (no rate column is mapped) and go without tax: set "
            "execute.tax_rate (percent) in hlmap.toml and plan again"
        )
    return said
