"""Tag clusters: merge marked clusters, split, rename the canonical tag, move one spelling."""

from __future__ import annotations

from typing import ClassVar

from rich.console import Group, RenderableType
from rich.text import Text
from textual.binding import Binding, BindingType

from assistant.mapping.items import TagCluster
from assistant.mapping.models import Proposal
from assistant.review.screens.items import ItemsScreen
from assistant.review.screens.modals import ConfirmModal
from assistant.review.style import confidence_text, status_text


class TagsScreen(ItemsScreen):
    SCOPE_NAME = "tag clusters"
    SCREEN_TITLE = "Tag clusters · space marks clusters to merge"
    COLUMNS = ("◆", "Canonical tag", "Source spellings", "Uses", "Conf.", "Status")
    WIDTHS = (1, None, None, None, None, None)  # the mark column is there before anything is marked
    # The footer holds the tag keys and the app's at 120 columns: edit (= rename) and the key of
    # this very screen are left to the help screen (?).
    BINDINGS: ClassVar[list[BindingType]] = [
        *(b for b in ItemsScreen.BINDINGS if isinstance(b, Binding) and b.key != "e"),
        Binding("e", "edit", "Edit", show=False),
        Binding("t", "noop", "Tags", show=False),
        Binding("space", "mark", "Mark", key_display="␣"),
        Binding("m", "merge", "Merge"),
        Binding("x", "split", "Split"),
        Binding("n", "rename", "Rename"),
        Binding("v", "move", "Move"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.marked: set[str] = set()

    def all_items(self) -> list[Proposal]:
        return list(self.review.session.document.tags)

    def cells(self, item: Proposal) -> tuple[RenderableType, ...]:
        assert isinstance(item, TagCluster)
        mark = Text("◆", "bold magenta") if item.id in self.marked else Text("")
        return (
            mark,
            Text(item.canonical, "bold"),
            Text(", ".join(item.members)),
            Text(str(sum(item.counts.values())), justify="right"),
            confidence_text(item.confidence, self.review.threshold),
            status_text(item.status),
        )

    def searchable(self, item: Proposal) -> str:
        assert isinstance(item, TagCluster)
        return " ".join([item.canonical, *item.members])

    def detail(self, item: Proposal) -> RenderableType:
        assert isinstance(item, TagCluster)
        spellings = ", ".join(f"{m} ×{item.counts.get(m, 0)}" for m in item.members)
        return Group(
            Text.assemble((item.canonical, "bold"), f"  ←  {spellings}"),
            Text(" · ".join(filter(None, [", ".join(item.sources), item.rationale])), "dim"),
        )

    def action_edit(self) -> None:
        self.action_rename()

    def action_noop(self) -> None:
        """``t`` on the tags screen: already here."""

    def action_mark(self) -> None:
        if item_id := self.current_id():
            self.marked.symmetric_difference_update({item_id})
            self.refresh_view((item_id,))
            self.notify(f"{len(self.marked)} marked (◆); m merges them into the cluster under the cursor")

    def action_merge(self) -> None:
        item_id = self.current_id()
        if not item_id:
            return
        others = sorted(self.marked - {item_id})
        if len(others) <= 1:
            self._merge(item_id, others)
            return
        into = self.review.session.cluster(item_id).canonical
        moved = "\n".join(f"  ◆ {self.review.session.cluster(i).canonical}" for i in others)
        body = f"{len(others)} clusters will be merged into {into!r}:\n{moved}"
        self.app.push_screen(
            ConfirmModal(f"Merge {len(others)} clusters?", body),
            lambda yes: self._merge(item_id, others) if yes else None,
        )

    def _merge(self, item_id: str, others: list[str]) -> None:
        if self.review.tag_merge_flow(item_id, others):
            self.marked.clear()
            self.refresh_view(None)

    def action_split(self) -> None:
        if item_id := self.current_id():
            self.review.tag_split_flow(item_id)

    def action_rename(self) -> None:
        if item_id := self.current_id():
            self.review.tag_rename_flow(item_id)

    def action_move(self) -> None:
        if item_id := self.current_id():
            self.review.tag_move_flow(item_id)
