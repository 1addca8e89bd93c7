"""Documents billed to the business: native invoices and estimates whose contact has no email or
phone anywhere in the export. Accepting one addresses them to the location's own email and phone (the
contact record stays as exported; nothing is sent); rejecting it keeps each as a note.
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text

from assistant.mapping.items import BusinessBilling
from assistant.mapping.models import Proposal
from assistant.review.screens.items import ItemsScreen
from assistant.review.style import clip, confidence_text, status_text


class BillingsScreen(ItemsScreen):
    SCOPE_NAME = "documents billed to the business"
    SCREEN_TITLE = (
        "Documents whose contact has no email or phone · a bills them to the location's own details, "
        "r keeps them as notes"
    )
    COLUMNS = ("Source table", "Document", "Contact table", "Lacking", "Conf.", "Status")
    WIDTHS = (18, 10, 18, 12, 8, None)
    STRETCH = frozenset({"Source table", "Contact table"})

    def all_items(self) -> list[Proposal]:
        return list(self.review.session.document.billings)

    def cells(self, item: Proposal) -> tuple[RenderableType, ...]:
        assert isinstance(item, BusinessBilling)
        lacking = "see plan" if item.documents is None else f"{item.documents}/{item.row_count}"
        return (
            clip(item.source_object, self.width("Source table"), "bold"),
            Text(item.document),
            clip(item.contact_table or "(through a record)", self.width("Contact table")),
            Text(lacking),
            confidence_text(item.confidence, self.review.threshold),
            status_text(item.status),
        )

    def searchable(self, item: Proposal) -> str:
        assert isinstance(item, BusinessBilling)
        return f"{item.source_object} {item.document} {item.contact_table}"

    def detail(self, item: Proposal) -> RenderableType:
        assert isinstance(item, BusinessBilling)
        return Group(
            Text(f"{item.source_object} · {item.document}", "bold"),
            Text(item.rationale, "italic"),
            *(Text(f"{e.source}: {e.detail}") for e in item.evidence),
        )
