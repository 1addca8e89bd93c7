"""Yes/no flags that record the old system's own handling of a record, not the business's.

An API marks each record with what the system did with it: whether the assigned person has opened
it in the app ('read', 'readtask', 'is_unread'), and whether it was synced, exported or posted to
another package ('synced', 'linkprocessed', 'postable', 'exported'). In HighLevel nobody has read
the migrated record yet and no sync has run: the flag describes the old account and stops being
true at cutover. It is skipped in doubt, like the rest of the old system's bookkeeping; a reviewer
who wants it keeps the custom field offered as the alternative.

A customer's own act ('viewed', 'opened' of a sent quote) is business data and is not listed here.
"""

from __future__ import annotations

from assistant.profile.models import ColumnProfile, SemanticType
from assistant.propose.fields.own_noun_names import own_noun
from assistant.propose.normalize import tokens

_READ = ("read", "unread", "isread")
# past participles of a hand-off to another system: 'linkprocessed', 'xero_synced'
_HANDED_OFF = ("synced", "processed", "exported", "imported", "posted", "postable")


def _says_handled(word: str, noun: str) -> bool:
    if word in _READ or word.endswith(_HANDED_OFF):
        return True
    return bool(noun) and word in {f"read{noun}", f"{noun}read"}


def system_flag_reason(table: str, col: ColumnProfile) -> str | None:
    """Why a yes/no column is the old system's handling of the record, or None."""
    if col.semantic_type is not SemanticType.BOOLEAN:
        return None
    noun = own_noun(table)
    if not any(_says_handled(w, noun) for w in tokens(col.column.rsplit(".", 1)[-1])):
        return None
    return (
        "a flag of the old system's own handling (read in its app, synced or posted elsewhere): "
        "it describes the old account and stops being true at cutover"
    )
