"""Owners: matched users, unmatched ones, and those sent to the fallback user."""

from __future__ import annotations

from typing import ClassVar

from rich.console import Group, RenderableType
from rich.text import Text
from textual.binding import Binding, BindingType

from assistant.mapping.items import OwnerMatch
from assistant.mapping.models import Proposal
from assistant.review.screens.items import ItemsScreen
from assistant.review.style import clip, confidence_text, status_text


def match_state(item: OwnerMatch) -> Text:
    if item.user_id:
        return Text("matched", "bold green")
    if item.fallback_user_id:
        return Text("fallback", "bold yellow")
    return Text("unmatched", "bold red")


class OwnersScreen(ItemsScreen):
    SCOPE_NAME = "owners"
    SCREEN_TITLE = "Owners · e picks a user, b sends to the fallback user"
    COLUMNS = ("Source owner", "Source email", "Match", "HighLevel user", "Method", "Conf.", "Status")
    WIDTHS = (18, 22, 9, 26, 8, 8, None)
    STRETCH = frozenset({"Source owner", "Source email", "HighLevel user"})
    BINDINGS: ClassVar[list[BindingType]] = [*ItemsScreen.BINDINGS, Binding("b", "fallback", "Fallback")]

    def all_items(self) -> list[Proposal]:
        return list(self.review.session.document.owners)

    def cells(self, item: Proposal) -> tuple[RenderableType, ...]:
        assert isinstance(item, OwnerMatch)
        user = self.review.user_label(item.user_id) if item.user_id else ""
        if item.user_id and user == item.user_id and item.user_name:
            user = item.user_name  # a user the destination snapshot does not hold
        if not item.user_id and item.fallback_user_id:
            user = self.review.user_label(item.fallback_user_id)
        return (
            clip(item.source_name or item.source_key, self.width("Source owner"), "bold"),
            clip(item.source_email or "", self.width("Source email")),
            match_state(item),
            clip(user, self.width("HighLevel user"), "cyan"),
            clip(item.method, self.width("Method")),
            confidence_text(item.confidence, self.review.threshold),
            status_text(item.status),
        )

    def searchable(self, item: Proposal) -> str:
        assert isinstance(item, OwnerMatch)
        return f"{item.source_key} {item.source_name or ''} {item.source_email or ''} {item.user_name or ''}"

    def detail(self, item: Proposal) -> RenderableType:
        assert isinstance(item, OwnerMatch)
        user = item.user_id or item.fallback_user_id
        chosen = "HighLevel user" if item.user_id else "fallback user"
        who = Text(f"{chosen}: {self.review.user_label(user)}", "cyan") if user else Text("no user yet")
        return Group(
            Text(f"{item.source_object} · {item.source_key}", "bold"),
            who,
            Text(item.rationale or "", "italic"),
        )

    def action_edit(self) -> None:
        if item_id := self.current_id():
            self.review.owner_flow(item_id, fallback=False)

    def action_fallback(self) -> None:
        if item_id := self.current_id():
            self.review.owner_flow(item_id, fallback=True)
