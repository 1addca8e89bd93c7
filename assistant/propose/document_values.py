"""Per-document values on a parent only when each parent has one document; else a note per document.

Writing an invoice's number, total and status onto its contact's fields keeps only the last invoice
of a contact that has several. The parent link's distinct share (profile evidence) says whether that
happens: below 1, the default becomes a note per document on its contact (nothing is overwritten)
and the contact fields stay available as an alternative the engineer can pick knowingly.
"""

from __future__ import annotations

from assistant.mapping.items import ObjectTarget
from assistant.mapping.models import Alternative, TargetObject
from assistant.profile.models import TableProfile

FIELDS_ROLE, NOTE_ROLE = "document_fields", "document_note"


def parent_link_share(table: TableProfile, fk_kinds: dict[str, str]) -> float:
    """Distinct share of the columns linking the table to contacts (1.0: one document per contact)."""
    shares = [
        c.unique_share for c in table.columns if fk_kinds.get(c.column) == "contact" and c.unique_share > 0
    ]
    return min(shares, default=1.0)


def keep_every_document(
    table: TableProfile, targets: list[ObjectTarget], fk_kinds: dict[str, str]
) -> tuple[list[ObjectTarget], list[Alternative], str]:
    """(targets, the lossy alternative, a rationale note) — the targets unchanged when nothing is lost."""
    if not any(t.role == FIELDS_ROLE for t in targets):
        return targets, [], ""
    share = parent_link_share(table, fk_kinds)
    if share >= 1.0:
        return targets, [], ""
    lossy = Alternative(
        target=" + ".join(t.object.value for t in targets)
        + " (fields on the contact: a later document overwrites)",
        score=0.5,
        value={"targets": [t.model_dump(mode="json") for t in targets]},
    )
    kept = [
        ObjectTarget(object=TargetObject.CONTACT, role=NOTE_ROLE) if t.role == FIELDS_ROLE else t
        for t in targets
    ]
    note = (
        f"contacts have several '{table.table}' rows (only {share:.0%} of the contact links are distinct): "
        "each document's values become a note on its contact, so none overwrites another's"
    )
    return kept, [lossy], note
