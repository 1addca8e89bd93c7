"""Yes/no columns that say how the old system handled a record, and bare flags nobody can read.

A CRM keeps settings of its own on each row beside the customer's data: whether the record takes
part in the CRM's exports or its sync ('EXPORT', 'Synced'), who may see it ('OPENED' for available
to everyone, 'Public', 'Private', 'Shared', 'Hidden'), whether it may be edited ('Locked'). They
describe the old system's permissions and integrations, which HighLevel sets up its own way: kept as
a checkbox they would only say what a system no longer in use did with the row. Such a flag is
skipped when its whole header says so, the custom field left as the alternative.

A one-word yes/no header with no meaning the vocabulary knows ('EXPORT', 'Newsletter', 'VIP') may
be the customer's data or such a setting, and the values (Y / N) cannot tell which: a new custom
field for it is a guess, never above the review threshold, and the evidence says why.
"""

from __future__ import annotations

from assistant.mapping.models import Evidence
from assistant.profile.models import ColumnProfile, SemanticType
from assistant.propose.normalize import tokens
from assistant.propose.signals import lead_concept

# the old system's handling of the row: export and sync, visibility, editing
_HANDLING = frozenset({
    "export", "exported", "exportable", "sync", "synced", "syncing", "synchronise", "synchronize",
    "opened", "public", "private", "shared", "visible", "hidden", "locked", "readonly",
    "exportar", "exportado", "publico", "privado", "compartido", "oculto", "bloqueado",
})  # fmt: skip
# words around such a flag that say nothing of their own ('Is Public', 'Participates in export')
_FILLER = frozenset({"is", "in", "to", "for", "include", "included", "participates", "allow", "es", "esta"})
HANDLING_REASON = (
    "a flag of the old system's own handling of the record (its export or sync, who may see or edit "
    "it): a setting of that system, not the customer's data"
)
BARE_FLAG_CONFIDENCE = 0.62


def _words(column: ColumnProfile) -> set[str]:
    return set(tokens(column.column)) - _FILLER


def handling_flag(column: ColumnProfile) -> bool:
    """A yes/no column whose whole header names the old system's handling of the row."""
    words = _words(column)
    return column.semantic_type is SemanticType.BOOLEAN and bool(words) and words <= _HANDLING


def bare_flag_doubt(column: ColumnProfile) -> Evidence | None:
    """Why a new custom field for a one-word yes/no column is only a guess, or None."""
    if column.semantic_type is not SemanticType.BOOLEAN or len(_words(column)) != 1:
        return None
    if lead_concept(column) is not None:
        return None
    detail = (
        f"a one-word yes/no ('{column.column}') with no known meaning: the customer's data or a "
        "setting of the old system, which the reviewer decides"
    )
    return Evidence(source="vocabulary", detail=detail)
