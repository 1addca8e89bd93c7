"""A status of something done with the record (e-mailed, printed, synced), not of the record itself.

Accounting and CRM exports keep, beside a document's own status, the state of acts around it:
'EmailStatus' (EmailSent / NeedToSend), 'PrintStatus', 'Bulk Email Status', 'Sync Status'. Their
values move when the document is sent or printed, whatever became of the deal, so they never place it
in a pipeline or settle it won or lost. The header says which act: a status word qualified by an act
of delivery or transfer. Such a column stays a field of its own (or is skipped), never the stage.
"""

from __future__ import annotations

from assistant.profile.models import ColumnProfile
from assistant.propose.candidates import Candidate
from assistant.propose.normalize import tokens

_STATUS_WORDS = frozenset({"status", "state"})
_ACTS = frozenset(
    {"email", "mail", "emailed", "print", "printed", "sync", "synced", "sms", "delivery", "send", "sent"}
    | {"export", "exported", "upload", "uploaded"}
)
# the fields that place a record in its pipeline or settle it
_OUTCOME_FIELDS = frozenset({"pipelineStageId", "pipelineId", "status", "completed"})


def act_of_status(col: ColumnProfile) -> str | None:
    """The act whose state the column records ('email' of 'EmailStatus'), or None."""
    words = tokens(col.column.rsplit(".", 1)[-1])
    if not _STATUS_WORDS & set(words):
        return None
    return next((w for w in words if w in _ACTS), None)


def places_by_an_act(col: ColumnProfile, cand: Candidate) -> bool:
    """Whether the candidate would let the state of an act decide the record's stage or outcome."""
    return cand.field in _OUTCOME_FIELDS and act_of_status(col) is not None
