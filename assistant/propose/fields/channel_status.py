"""Status columns that say nothing of where a record stands: a channel's status, or a constant.

Accounting and CRM exports keep, beside the record's own status, the state of the channels that
carried it: 'EmailStatus' (EmailSent / NotSet), 'PrintStatus', 'SMS status', 'Delivery status',
'Sync status'. Such a column says whether a message left, never which step of the pipeline the deal
stands on or how an invoice stands, so it is no candidate for the record's stage or status: the
record's own status is. Nor is a column holding one value on every row ('NotSet' throughout): it
moves no record along and tells one record from no other, unless its header is the record's own
status ('Status' = 'Sent' on every estimate of a small export: each one was sent).
"""

from __future__ import annotations

from assistant.profile.models import ColumnProfile
from assistant.propose.normalize import tokens

# the channel a status can belong to, in the languages the vocabulary holds
_CHANNELS = frozenset(
    {
        "email", "mail", "print", "printed", "sms", "delivery", "sync", "synced", "sending",
        "correo", "envio", "impresion", "versand", "druck", "envoi", "impression", "invio", "stampa",
    }
)  # fmt: skip
_STATUS = frozenset({"status", "state", "estado", "etat", "stato"})


def names_a_channel_status(col: ColumnProfile) -> bool:
    """'EmailStatus', 'Print Status': a status word qualified by the channel it is about."""
    words = set(tokens(col.column))
    return bool(words & _STATUS) and bool(words & _CHANNELS)


def constant(col: ColumnProfile) -> bool:
    """One value on every filled row of several (a distinct count of 0 means it was not counted)."""
    return col.distinct_count == 1 and col.row_count - col.null_count > 1


def named_status(col: ColumnProfile) -> bool:
    """A header that is only a status word ('Status', 'Estado'): the record's own status."""
    words = set(tokens(col.column))
    return bool(words) and words <= _STATUS


def tells_no_record_status(col: ColumnProfile) -> bool:
    # a constant 'Status' = 'Sent' on every estimate still says how each one stands
    return names_a_channel_status(col) or (constant(col) and not named_status(col))
