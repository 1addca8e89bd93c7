"""Holding records: child tables whose rows name parents the export does not hold.

Accepting one parks those rows on one holding contact per location; rejecting it keeps them held.
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text

from assistant.mapping.items import HoldingParent
from assistant.mapping.models import Proposal
from assistant.review.screens.items import ItemsScreen
from assistant.review.style import clip, confidence_text, status_text


class HoldingsScreen(ItemsScreen):
    SCOPE_NAME = "holding records"
    SCREEN_TITLE = (
        "Holding records · rows whose parent is not in the export · a parks them, r keeps them held"
    )
    COLUMNS = ("Source table", "Link column", "Rows", "Share", "Example rows", "Conf.", "Status")
    WIDTHS = (18, 18, 9, 7, 20, 8, None)
    STRETCH = frozenset({"Source table", "Link column", "Example rows"})

    def all_items(self) -> list[Proposal]:
        return list(self.review.session.document.holdings)

    def cells(self, item: Proposal) -> tuple[RenderableType, ...]:
        assert isinstance(item, HoldingParent)
        share = item.orphan_rows / item.row_count if item.row_count else 0.0
        return (
            clip(item.source_object, self.width("Source table"), "bold"),
            clip(item.link_column, self.width("Link column")),
            Text(f"{item.orphan_rows}/{item.row_count}"),
            Text(f"{share:.0%}"),
            clip(", ".join(str(r) for r in item.example_rows), self.width("Example rows")),
            confidence_text(item.confidence, self.review.threshold),
            status_text(item.status),
        )

    def searchable(self, item: Proposal) -> str:
        assert isinstance(item, HoldingParent)
        return f"{item.source_object} {item.link_column}"

    def detail(self, item: Proposal) -> RenderableType:
        assert isinstance(item, HoldingParent)
        return Group(
            Text(f"{item.source_object} · {item.link_column}", "bold"),
            Text(item.rationale, "italic"),
            *(Text(f"{e.source}: {e.detail}") for e in item.evidence),
        )
