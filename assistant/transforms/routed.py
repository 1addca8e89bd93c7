"""A value kept only on the rows whose type column says it is this kind ('contactType' = email).

A nested list of typed contact points (``[{contactType: email | mobile, contactValue}]``) holds the
record's e-mail on one entry and its phone on another. One field map per kind reads the value
column with ``only_where: {column, values}``: on the other entries its value is NULL, and the merge
into the parent fills a routed key from the first entry that has it (``merge.routed_keys``), so the
e-mail comes from the e-mail entry even when the mobile is listed first.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from assistant.mapping.items import FieldMap
from assistant.transforms.kinds import Output
from assistant.transforms.sqltext import cleaned, lit

PARAM = "only_where"


def routing(params: dict[str, Any]) -> tuple[str, list[str]] | None:
    """(type column, the type values that route here), or None for a map that is not routed."""
    where = params.get(PARAM)
    if not isinstance(where, dict) or not where.get("column") or not where.get("values"):
        return None
    return str(where["column"]), [str(v) for v in where["values"]]


def is_routed(fm: FieldMap) -> bool:
    return routing(fm.transform.params) is not None


def route_condition(params: dict[str, Any]) -> str | None:
    """SQL true on the rows of the routed type; None for a map that is not routed."""
    route = routing(params)
    if route is None:
        return None
    column, values = route
    kinds = ", ".join(lit(v.strip().casefold()) for v in values)
    return f"lower({cleaned(column)}) IN ({kinds})"


def routed(outs: list[Output], params: dict[str, Any]) -> list[Output]:
    """The outputs with every value (and error) kept only on the rows of the routed type."""
    when = route_condition(params)
    if when is None:
        return outs
    return [
        replace(
            o,
            value=f"CASE WHEN {when} THEN {o.value} END",
            error=f"CASE WHEN {when} THEN {o.error} END" if o.error else None,
        )
        for o in outs
    ]
