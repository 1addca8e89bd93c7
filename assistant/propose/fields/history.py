"""Field maps of a history table: each column to its key of the conversation message, or skipped.

The type and direction columns carry value maps (source value -> the spec's type enum, -> inbound /
outbound), a call-outcome column one to the spec's call status enum; the timestamp becomes the
message's original date, the table's own key its ``altId`` (a re-run finds a message already sent).
A message has no custom fields: any other column is skipped, and the plan lists it as a loss.
"""

from __future__ import annotations

from assistant.mapping.items import FieldMap, Transform
from assistant.mapping.models import Alternative, Evidence, TargetObject
from assistant.mapping.models import TransformKind as K
from assistant.profile.models import ColumnProfile, SemanticType
from assistant.propose.fields.build import TableContext, evidence_of, make_map, standard_target
from assistant.propose.fields.rules import skip_map
from assistant.propose.history import HistoryColumns, read_history
from assistant.propose.history_rules import BODY_WORDS
from assistant.propose.history_words import FROM_NAMES, TO_NAMES, call_status_of
from assistant.propose.normalize import normalise, tokens
from assistant.propose.signals import lead_concept

S = SemanticType
T = TargetObject
_DATED = (S.DATETIME, S.DATE)
_DATE_CONCEPTS = ("date", "created_at", "start")
_MIN_STATUS_SHARE = 0.6  # of the column's rows: outcomes no word covers are listed as unmapped
_NOT_WHEN = ("updated_at", "end", "due_date")
# One body or subject column per channel (an SMS's text, an e-mail's body_text, a call's note): each
# row fills at most one of them, and the message takes the first that holds a value.
_SEVERAL = frozenset({"message", "subject", "html"})


def history_field_maps(ctx: TableContext, columns: list[ColumnProfile]) -> list[FieldMap]:
    """One map per column of a table mapped to ``message``."""
    found = read_history(ctx.table)
    date_col = _date_column(columns)
    maps: list[FieldMap] = []
    for col in columns:
        made = _map_for(ctx, col, found, date_col)
        maps.append(made or skip_map(ctx, col, "a conversation message has no field for it", 0.7))
    return maps


def _map_for(
    ctx: TableContext, col: ColumnProfile, found: HistoryColumns | None, date_col: ColumnProfile | None
) -> FieldMap | None:
    def to(
        key: str, transform: Transform, confidence: float, why: str, more: list[Evidence]
    ) -> FieldMap | None:
        if key not in _SEVERAL and not ctx.claim(T.MESSAGE, key):
            return None
        skip = [Alternative(target="skip", score=0.1, value={"kind": "skip"})]
        evidence = [*evidence_of(col), *more]
        return make_map(
            ctx, [col.column], standard_target(T.MESSAGE, key), transform, confidence, why, evidence, skip
        )

    if found is not None and col.column == found.type_column:
        params: dict[str, object] = {"map": found.type_map()}
        why = f"'{col.column}' says the channel of each entry: its values map to the message type"
        facts = [Evidence(source="values", detail=f"{v} → {t}") for v, t in found.type_map().items()]
        unread = [
            Evidence(
                source="values", detail=f"'{v}' names no channel: sent as Custom, its subject and body kept"
            )
            for v in found.unread
        ]
        # Custom is a fallback reading, not a named channel: the more rows take it, the less sure the map.
        confidence = 0.5 + 0.45 * found.channel_share
        if found.unread:
            confidence = min(confidence, 0.8)
        return to("type", Transform(kind=K.VALUE_MAP, params=params), confidence, why, (unread + facts)[:8])
    if found is not None and col.column == found.direction_column:
        why = f"'{col.column}' says whether the entry came in or went out"
        facts = [Evidence(source="values", detail=f"{v} → {d}") for v, d in found.directions.items()]
        return to(
            "direction", Transform(kind=K.VALUE_MAP, params={"map": found.directions}), 0.93, why, facts
        )
    if date_col is not None and col.column == date_col.column:
        dated = col.semantic_type in _DATED
        transform = Transform(kind=K.DATE, params={"format": col.format or "iso"})
        why = f"'{col.column}' is when the entry happened: the message keeps it as its original date"
        note = [] if dated else [Evidence(source="profile", detail="values not all read as dates")]
        return to("date", transform, 0.92 if dated else 0.6, why, note)
    if col.column == ctx.table.primary_key:
        why = f"'{col.column}' is the source's own id of the entry: a re-run finds a message already sent"
        return to("altId", Transform(), 0.88, why, [])
    lead = lead_concept(col)
    if lead == "title" and col.foreign_key is None:
        return to("subject", Transform(), 0.88, f"'{col.column}' is the subject line", [])
    if "html" in tokens(col.column) and col.semantic_type != S.IDENTIFIER:
        return to("html", Transform(), 0.86, f"'{col.column}' is the e-mail's HTML body", [])
    if (lead == "notes" or set(tokens(col.column)) & BODY_WORDS) and col.semantic_type != S.IDENTIFIER:
        why = f"'{col.column}' is the body (an HTML body is sent as the e-mail's html, its text as message)"
        return to("message", Transform(), 0.86, why, _html_evidence(col))
    statuses = _call_statuses(col)
    if statuses is not None:
        why = f"values of '{col.column}' are call outcomes: they map to the call status"
        confidence = 0.65 if "unmapped" in statuses else 0.85  # unread outcomes: a person decides
        return to("callStatus", Transform(kind=K.VALUE_MAP, params=statuses), confidence, why, [])
    name = normalise(col.column)
    if name in FROM_NAMES or name in TO_NAMES:
        key = "callFrom" if name in FROM_NAMES else "callTo"
        why = f"'{col.column}' is the {'calling' if key == 'callFrom' else 'called'} party of a call"
        return to(key, Transform(), 0.75, why, [])
    return None


def _date_column(columns: list[ColumnProfile]) -> ColumnProfile | None:
    """The entry's timestamp: a date column named as a date or start, else the first dated column."""
    named = [c for c in columns if lead_concept(c) in _DATE_CONCEPTS and c.foreign_key is None]
    typed = [c for c in named if c.semantic_type in _DATED]
    others = [c for c in columns if c.semantic_type in _DATED and lead_concept(c) not in _NOT_WHEN]
    return next(iter(typed or others or named), None)


def _call_statuses(col: ColumnProfile) -> dict[str, object] | None:
    values = [(v.value, v.count) for v in (col.picklist or col.top_values)]
    if not values or col.semantic_type not in (S.PICKLIST, S.FREE_TEXT) or len(values) > 12:
        return None
    read = {v: s for v, _n in values if (s := call_status_of(v))}
    total = sum(n for _v, n in values)
    share = sum(n for v, n in values if v in read) / total if total else 0.0
    if share < _MIN_STATUS_SHARE:
        return None
    return {
        "map": read,
        **({"unmapped": sorted(v for v, _n in values if v not in read)} if len(read) < len(values) else {}),
    }


def _html_evidence(col: ColumnProfile) -> list[Evidence]:
    seen = [s for s in (*col.samples, *(v.value for v in col.top_values)) if s.lstrip().startswith("<")]
    return [Evidence(source="values", detail="some bodies are HTML")] if seen else []
