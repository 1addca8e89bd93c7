"""History tables: rows that record a call, an e-mail, a text or a meeting that already happened.

A table is read as history from its values, not its name: a type column whose values are channel
words (call, e-mail, SMS, meeting, in any of the vocabulary's languages), usually beside a
direction column (inbound/outbound words), a timestamp, a subject or body and a link to a person.
Such rows land as conversation messages on the contact, keeping their original date.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.profile.models import ColumnProfile, SemanticType, TableProfile
from assistant.propose.history_words import CHANNELS, DIRECTIONS, TYPE_COLUMN_WORDS, channel_of, direction_of
from assistant.propose.normalize import concepts, tokens

S = SemanticType
MIN_CHANNEL_SHARE = 0.6  # of the type column's rows: the rest may be other entries (incidents, notes)
MIN_DIRECTION_SHARE = 0.9  # of the direction column's filled rows
MAX_TYPE_VALUES = 30  # a pick-list, not free text
# The message type each channel lands as (the spec's enum). A meeting log has no channel of its own
# in HighLevel's conversations: it is kept as a Custom message, dated, beside the calls and e-mails.
MESSAGE_TYPE = {"call": "Call", "email": "Email", "sms": "SMS", "whatsapp": "WhatsApp", "meeting": "Custom"}


@dataclass
class HistoryColumns:
    """What makes a table read as history, column by column."""

    type_column: str
    channels: dict[str, str]  # source value -> channel ('call', 'email', ...); unread values absent
    unread: list[str]  # type values that name no channel (incidents, notes...)
    channel_share: float  # of the type column's filled rows
    direction_column: str | None = None
    directions: dict[str, str] = field(default_factory=dict)  # source value -> inbound / outbound

    @property
    def meetings_only(self) -> bool:
        return set(self.channels.values()) == {"meeting"}

    def type_map(self) -> dict[str, str]:
        """Source value -> message type; a value naming no channel (an incident, a note) goes as
        Custom, the spec's type for any other entry, so its row is kept with its subject and body."""
        named = {value: MESSAGE_TYPE[channel] for value, channel in self.channels.items()}
        return {**named, **{value: "Custom" for value in self.unread}}


def _values(col: ColumnProfile) -> list[tuple[str, int]]:
    return [(v.value, v.count) for v in (col.picklist or col.top_values)]


def _names_a_type(col: ColumnProfile) -> bool:
    return bool(set(tokens(col.column)) & TYPE_COLUMN_WORDS) or "type" in concepts(col.column)[:1]


def _type_column(columns: list[ColumnProfile]) -> HistoryColumns | None:
    best: HistoryColumns | None = None
    for col in columns:
        values = _values(col)
        if not _names_a_type(col) or not values or len(values) > MAX_TYPE_VALUES or col.foreign_key:
            continue
        read = {v: ch for v, _n in values if (ch := channel_of(v))}
        total = sum(n for _v, n in values)
        share = sum(n for v, n in values if v in read) / total if total else 0.0
        if share < MIN_CHANNEL_SHARE or (best is not None and share <= best.channel_share):
            continue
        unread = [v for v, _n in values if v not in read]
        best = HistoryColumns(col.column, read, unread, round(share, 3))
    return best


def _direction_column(columns: list[ColumnProfile]) -> tuple[str, dict[str, str]] | None:
    for col in columns:
        values = _values(col)
        if not values or len(values) > 12 or col.foreign_key:
            continue
        read = {v: d for v, _n in values if (d := direction_of(v))}
        total = sum(n for _v, n in values)
        share = sum(n for v, n in values if v in read) / total if total else 0.0
        if share >= MIN_DIRECTION_SHARE and set(read.values()) == {"inbound", "outbound"}:
            return col.column, read
    return None


def read_history(table: TableProfile) -> HistoryColumns | None:
    """The history reading of a table, or None when no column's values are channel words."""
    columns = [c for c in table.columns if not c.column.startswith("_")]
    found = _type_column(columns)
    if found is None:
        return None
    direction = _direction_column(columns)
    if direction is not None:
        found.direction_column, found.directions = direction
    return found


__all__ = ["CHANNELS", "DIRECTIONS", "MESSAGE_TYPE", "HistoryColumns", "read_history"]
