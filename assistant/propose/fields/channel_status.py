"""A status of how a record was sent, printed or synced, not of how far the deal got.

Accounting and CRM exports keep, beside the record's own status, the state of the channels that
carried it: 'EmailStatus' (EmailSent / NotSet), 'PrintStatus', 'SMS status', 'Delivery status',
'Sync status'. Such a column says whether a message left, never which step of the pipeline the deal
stands on, so it is no candidate for the stage column: the record's own status is.
"""

from __future__ import annotations

from assistant.profile.models import ColumnProfile
from assistant.propose.normalize import tokens

# the channel a status can belong to, in the languages the vocabulary holds
_CHANNELS = frozenset(
    {
        "email", "mail", "e", "print", "printed", "sms", "text", "delivery", "sync", "synced", "sending",
        "correo", "envio", "impresion", "versand", "druck", "envoi", "impression", "invio", "stampa",
    }
)  # fmt: skip
_STATUS = frozenset({"status", "state", "estado", "etat", "stato"})


def names_a_channel_status(col: ColumnProfile) -> bool:
    """'EmailStatus', 'Print Status': a status word qualified by the channel it is about."""
    words = set(tokens(col.column))
    return bool(words & _STATUS) and bool(words & _CHANNELS)
