"""A numeric status code read by the won and lost dates beside it ('status' 1 / 2 / 3).

API dumps often keep a deal's outcome as a bare code: 1, 2, 3 mean nothing by their words, so no
vocabulary reads them. The rows say what they mean when the deal also carries a won date and a lost
date: the code every won-dated row shares is the win, the one every lost-dated row shares the loss,
and the one whose rows carry neither date is still open. The code then gives HighLevel's status
value by value, the stage column keeps placing the deal. A code whose rows disagree, or a table
without both dates, is left to the other readings.
"""

from __future__ import annotations

from assistant.mapping.items import FieldMap, Transform
from assistant.mapping.models import Alternative, Evidence, TargetObject
from assistant.mapping.models import TransformKind as K
from assistant.profile.models import ColumnProfile, SemanticType
from assistant.propose.fields.build import TableContext, evidence_of, make_map, standard_target
from assistant.propose.fields.lost_flags import lost_status_map
from assistant.propose.normalize import tokens

S = SemanticType
_STATUS = frozenset({"status", "state", "outcome", "result", "estado", "etat", "stato"})
_WON = frozenset({"won", "win", "ganado", "ganada", "gewonnen", "gagne", "vinto"})
_LOST = frozenset({"lost", "loss", "perdido", "perdida", "verloren", "perdu", "perso"})
_DATES = (S.DATE, S.DATETIME)
MAX_CODES = 6
AGREE = 0.9  # share of a code's rows that must tell the same outcome
MIN_ROWS = 3  # a code seen on fewer rows is read from too little
SURE, UNSURE = 0.8, 0.6


def _dated(columns: list[ColumnProfile], words: frozenset[str]) -> ColumnProfile | None:
    return next((c for c in columns if c.semantic_type in _DATES and set(tokens(c.column)) & words), None)


def _code_column(columns: list[ColumnProfile]) -> ColumnProfile | None:
    """A status header over a few bare numbers."""
    for col in columns:
        values = [v.value.strip() for v in (col.picklist or col.top_values)]
        coded = 2 <= len(values) <= MAX_CODES and all(v.isdigit() for v in values)
        if col.foreign_key is None and set(tokens(col.column)) & _STATUS and coded:
            return col
    return None


def _outcome(rows: list[tuple[bool, bool]]) -> str | None:
    """What one code's rows say: won, lost or open, None when they disagree."""
    won, lost, n = sum(w for w, _ in rows), sum(lo for _, lo in rows), len(rows)
    if won >= AGREE * n and lost <= (1 - AGREE) * n:
        return "won"
    if lost >= AGREE * n and won <= (1 - AGREE) * n:
        return "lost"
    return "open" if won + lost <= (1 - AGREE) * n else None


def outcome_code_map(ctx: TableContext, columns: list[ColumnProfile]) -> FieldMap | None:
    """The code -> opportunity status map, when the won and lost dates explain every code."""
    if ctx.primary != TargetObject.OPPORTUNITY or ctx.values is None:
        return None
    code, won, lost = _code_column(columns), _dated(columns, _WON), _dated(columns, _LOST)
    if code is None or won is None or lost is None:
        return None
    by_code: dict[str, list[tuple[bool, bool]]] = {}
    for row in ctx.values.rows(ctx.name, [code.column, won.column, lost.column], limit=100_000):
        value = (row[code.column] or "").strip()
        if value:
            by_code.setdefault(value, []).append((bool(row[won.column]), bool(row[lost.column])))
    read = {value: _outcome(rows) for value, rows in by_code.items()}
    outcomes = set(read.values())
    if None in outcomes or not {"won", "lost"} <= outcomes:
        return None
    sure = all(len(rows) >= MIN_ROWS for rows in by_code.values())
    said = ", ".join(f"{v} on {len(by_code[v])} rows: {o}" for v, o in sorted(read.items()))
    evidence = [
        Evidence(source="values", detail=f"'{code.column}' by '{won.column}' / '{lost.column}': {said}"),
        *evidence_of(code),
    ]
    return make_map(
        ctx,
        [code.column],
        standard_target(TargetObject.OPPORTUNITY, "status"),
        Transform(kind=K.VALUE_MAP, params={"map": dict(sorted(read.items()))}),
        SURE if sure else UNSURE,
        f"a numeric code whose rows line up with '{won.column}' and '{lost.column}': each code's status",
        evidence,
        [Alternative(target="custom field", score=0.3, value={"kind": "custom_new"})],
    )


def closed_status_map(ctx: TableContext, columns: list[ColumnProfile]) -> FieldMap | None:
    """The column that says how a deal closed: an archived flag with a lost reason, else a status code."""
    return lost_status_map(ctx, columns) or outcome_code_map(ctx, columns)
