"""A status of something done with the record (e-mailed, printed, synced), not of the record itself.

Accounting and CRM exports keep, beside a document's own status, the state of acts around it:
'EmailStatus' (EmailSent / NeedToSend), 'PrintStatus', 'Bulk Email Status', 'Sync Status'. Their
values move when the document is sent or printed, whatever became of the deal, so they never place it
in a pipeline or settle it won or lost. The header says which act: a status word qualified by an act
of delivery or transfer. Such a column stays a field of its own (or is skipped), never the stage.
Nor is a column holding one value on every row ('NotSet' throughout): it moves no record along and
tells one record from no other, unless its header is the record's own status ('Status' = 'Sent' on
every estimate of a small export: each one was sent).
"""

from __future__ import annotations

from assistant.profile.models import ColumnProfile
from assistant.propose.candidates import Candidate
from assistant.propose.normalize import tokens

_STATUS_WORDS = frozenset({"status", "state", "estado", "etat", "stato"})
# the acts a status can belong to, in the languages the vocabulary holds
_ACTS = frozenset(
    {"email", "mail", "emailed", "print", "printed", "sync", "synced", "sms", "delivery", "send", "sent"}
    | {"sending", "export", "exported", "upload", "uploaded"}
    | {"correo", "envio", "impresion", "versand", "druck", "envoi", "impression", "invio", "stampa"}
)
# the fields that place a record in its pipeline or settle it
_OUTCOME_FIELDS = frozenset({"pipelineStageId", "pipelineId", "status", "completed"})


def act_of_status(col: ColumnProfile) -> str | None:
    """The act whose state the column records ('email' of 'EmailStatus'), or None."""
    words = tokens(col.column.rsplit(".", 1)[-1])
    if not _STATUS_WORDS & set(words):
        return None
    return next((w for w in words if w in _ACTS), None)


def constant(col: ColumnProfile) -> bool:
    """One value on every filled row of several (a distinct count of 0 means it was not counted)."""
    return col.distinct_count == 1 and col.row_count - col.null_count > 1


def named_status(col: ColumnProfile) -> bool:
    """A header that is only a status word ('Status', 'Estado'): the record's own status."""
    words = set(tokens(col.column))
    return bool(words) and words <= _STATUS_WORDS


def tells_no_record_status(col: ColumnProfile) -> bool:
    """An act's status, or a constant not headed as the record's own status: never its stage or status."""
    return act_of_status(col) is not None or (constant(col) and not named_status(col))


def places_by_an_act(col: ColumnProfile, cand: Candidate) -> bool:
    """Whether the candidate would let the state of an act decide the record's stage or outcome."""
    return cand.field in _OUTCOME_FIELDS and act_of_status(col) is not None
