"""Overview: every source object, its targets and how far its review has come."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.coordinate import Coordinate
from textual.widgets import DataTable, Static

from assistant.mapping.models import Status
from assistant.review.screens.frame import ReviewScreen
from assistant.review.screens.table import ItemsTable
from assistant.review.style import confidence_text
from assistant.review.views import ObjectRow, object_items, overview_rows

COLUMNS = (
    "Source object",
    "→ HighLevel",
    "Rows",
    "Accepted",
    "Edited",
    "Rejected",
    "Pending",
    "Lowest conf.",
)


class OverviewScreen(ReviewScreen):
    SCREEN_TITLE = "Objects · lowest confidence first · enter to open"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", "Open", show=False),
        Binding("a", "accept", "Accept object"),
        Binding("r", "reject", "Reject object"),
    ]

    def compose(self) -> ComposeResult:
        yield from self.frame_top()
        yield ItemsTable(id="objects", cursor_type="row", zebra_stripes=True)
        yield Static(id="notices")
        yield from self.frame_bottom()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for name in COLUMNS:
            table.add_column(name, key=name)
        notices = self.review.session.context.notices
        text = Text("\n".join(f"ⓘ {n}" for n in notices), style="italic yellow") if notices else Text("")
        self.query_one("#notices", Static).update(text)
        self.refresh_view(None)
        table.focus()

    def refresh_view(self, changed: tuple[str, ...] | None) -> None:
        self.update_counts()
        table = self.query_one(DataTable)
        current = self.current_object()
        table.clear()
        threshold = self.review.threshold
        for row in overview_rows(self.review.session.document):
            table.add_row(*self._cells(row, threshold), key=row.source_object)
        if current is not None and current in table.rows:
            table.move_cursor(row=table.get_row_index(current))

    @staticmethod
    def _cells(row: ObjectRow, threshold: float) -> tuple[Text, ...]:
        pending_style = "bold yellow" if row.pending else "dim"
        return (
            Text(row.source_object, style="bold"),
            Text(row.targets, style="cyan"),
            Text(f"{row.row_count:,}", justify="right"),
            Text(str(row.counts[Status.ACCEPTED]), style="green", justify="right"),
            Text(str(row.counts[Status.EDITED]), style="cyan", justify="right"),
            Text(str(row.counts[Status.REJECTED]), style="red", justify="right"),
            Text(str(row.pending), style=pending_style, justify="right"),
            confidence_text(row.lowest_confidence, threshold),
        )

    def current_object(self) -> str | None:
        table = self.query_one(DataTable)
        if table.row_count == 0:
            return None
        return str(table.coordinate_to_cell_key(Coordinate(table.cursor_row, 0)).row_key.value)

    def accept_scope(self) -> tuple[str, list[str]] | None:
        name = self.current_object()
        if name is None:
            return None
        return name, [i.id for i in object_items(self.review.session.document, name)]

    def on_data_table_row_selected(self) -> None:
        self.action_open()

    def action_open(self) -> None:
        if name := self.current_object():
            self.review.open_object(name)

    def _object_item(self) -> str | None:
        name = self.current_object()
        item_id = f"object:{name}"
        if name is None or not any(o.id == item_id for o in self.review.session.document.objects):
            self.notify("no object proposal here", severity="warning")
            return None
        return item_id

    def action_accept(self) -> None:
        if item_id := self._object_item():
            self.review.accept_flow(item_id)

    def action_reject(self) -> None:
        if item_id := self._object_item():
            self.review.reject_flow(item_id)
