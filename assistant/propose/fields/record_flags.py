"""Yes/no columns that say how the old system handled a record, not what the customer is.

A CRM keeps settings of its own on each row beside the customer's data: whether the record takes
part in the CRM's exports or its sync ('EXPORT', 'Synced'), who may see it ('OPENED' for available
to everyone, 'Public', 'Private', 'Shared', 'Hidden'), whether it may be edited ('Locked'). They
describe the old system's permissions and integrations, which HighLevel sets up its own way: kept as
a checkbox they would only say what a system no longer in use did with the row. Such a flag is
skipped when its whole header says so, the custom field left as the alternative.

Other one-word flags ('is_vip', 'renewal', 'isVendor') nearly always say something of the customer
or the deal: they stay custom fields.
"""

from __future__ import annotations

from assistant.profile.models import ColumnProfile, SemanticType
from assistant.propose.normalize import tokens

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


def _words(column: ColumnProfile) -> set[str]:
    return set(tokens(column.column)) - _FILLER


def handling_flag(column: ColumnProfile) -> bool:
    """A yes/no column whose whole header names the old system's handling of the row."""
    words = _words(column)
    return column.semantic_type is SemanticType.BOOLEAN and bool(words) and words <= _HANDLING
