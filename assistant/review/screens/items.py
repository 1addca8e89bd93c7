"""The base of every list screen: a virtualised table of proposals, a detail pane, common keys.

``ReviewScreen`` (the frame around it) lives in ``frame``.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.console import RenderableType
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.coordinate import Coordinate
from textual.widgets import DataTable, Static

from assistant.mapping.models import Proposal
from assistant.review.screens.frame import ReviewScreen
from assistant.review.screens.modals import PromptModal
from assistant.review.screens.table import ItemsTable
from assistant.review.screens.widths import column_widths
from assistant.review.style import STATUS_WIDTH
from assistant.review.views import ItemFilter, parse_filter

NOT_IN_DETAIL = {"status", "decided_by", "decided_at"}  # shown in the row, not in the detail pane


class ItemsScreen(ReviewScreen):
    """Proposals in a table; subclasses say which items, which cells and what details."""

    COLUMNS: ClassVar[tuple[str, ...]] = ()
    SCOPE_NAME = ""  # how `A` names this screen's proposals ("tag clusters")
    WIDTHS: ClassVar[tuple[int | None, ...]] = ()  # minimum widths; None: as wide as the content
    STRETCH: ClassVar[frozenset[str]] = frozenset()  # columns that share the terminal's spare width
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "accept", "Accept"),
        Binding("r", "reject", "Reject"),
        Binding("e", "edit", "Edit"),
        Binding("f", "filter", "Filter", show=False),  # in the help screen: the footer keeps decisions
        Binding("slash", "search", "Search", show=False),
        Binding("escape", "back", "Back", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.item_filter = ItemFilter()
        self.widths: dict[str, int | None] = {}
        self._columns_for = 0  # the terminal width the columns were laid out for
        self._detail_of: tuple[str, str] | None = None  # the item (and its content) the pane shows

    def compose(self) -> ComposeResult:
        yield from self.frame_top()
        yield ItemsTable(id="items", cursor_type="row", zebra_stripes=True)
        yield Static(id="detail")
        yield from self.frame_bottom()

    def on_mount(self) -> None:
        self._add_columns(self.app.size.width)
        self.refresh_view(None)
        self.query_one(DataTable).focus()

    def _add_columns(self, total: int) -> None:
        table = self.query_one(DataTable)
        minimums = [
            STATUS_WIDTH if name == "Status" else width
            for name, width in zip(self.COLUMNS, self.WIDTHS or (None,) * len(self.COLUMNS), strict=True)
        ]
        stretch = [name in self.STRETCH for name in self.COLUMNS]
        self.widths = dict(zip(self.COLUMNS, column_widths(minimums, stretch, total), strict=True))
        self._columns_for = total
        for name in self.COLUMNS:
            table.add_column(name, key=name, width=self.widths[name])

    def width(self, column: str) -> int:
        """The cells of ``column`` are clipped to this (its minimum before the screen is mounted)."""
        return self.widths.get(column) or 40

    def on_resize(self) -> None:
        if self.is_mounted and self.query(DataTable) and self._columns_for != self.app.size.width:
            table = self.query_one(DataTable)
            table.clear(columns=True)
            self._add_columns(self.app.size.width)
            self._rebuild(table)

    # -- what subclasses provide ---------------------------------------------------------------
    def all_items(self) -> list[Proposal]:
        return []

    def cells(self, item: Proposal) -> tuple[RenderableType, ...]:
        return ()

    def searchable(self, item: Proposal) -> str:
        return item.id

    def detail(self, item: Proposal) -> RenderableType:
        return Text(item.rationale)

    def accept_scope(self) -> tuple[str, list[str]] | None:
        return (self.SCOPE_NAME, [i.id for i in self.all_items()]) if self.SCOPE_NAME else None

    # -- keeping the table in step with the document -------------------------------------------
    def refresh_view(self, changed: tuple[str, ...] | None) -> None:
        """Update the changed rows in place, or rebuild when rows came or went (None)."""
        self.update_counts()
        table = self.query_one(ItemsTable)
        if changed is not None and all(i in table.rows and self._kept(i) for i in changed):
            for item_id in changed:
                table.update_row(item_id, self.cells(self.review.session.item(item_id)))
        else:
            self._rebuild(table)
        self.show_detail()

    def _kept(self, item_id: str) -> bool:
        item = self.review.session.item(item_id)
        return self.item_filter.keep(item, self.searchable(item))

    def _rebuild(self, table: DataTable[Any]) -> None:
        current, row = self.current_id(), table.cursor_row
        table.clear()
        for item in self.all_items():
            if self.item_filter.keep(item, self.searchable(item)):
                table.add_row(*self.cells(item), key=item.id)
        if current is not None and current in table.rows:
            table.move_cursor(row=table.get_row_index(current))
        elif table.row_count:  # the row left the filter: its neighbour is next in line
            table.move_cursor(row=min(row, table.row_count - 1))
        subtitle = self.item_filter.describe()
        title = f"{self.SCREEN_TITLE}  ·  {table.row_count} shown" + (
            f"  ·  filter: {subtitle}" if subtitle else ""
        )
        self.query_one("#screen-title", Static).update(title)

    def current_id(self) -> str | None:
        table = self.query_one(DataTable)
        if table.row_count == 0:
            return None
        row_key = table.coordinate_to_cell_key(Coordinate(table.cursor_row, 0)).row_key
        return str(row_key.value)

    def current(self) -> Proposal | None:
        item_id = self.current_id()
        return None if item_id is None else self.review.session.item(item_id)

    def show_detail(self, *, again: bool = False) -> None:
        """Draw the pane for the row under the cursor, unless it already shows that item as it is
        (a decision changes the row's status, which the pane does not show); ``again`` draws anyway."""
        item = self.current()
        shown_as = None if item is None else (item.id, item.model_dump_json(exclude=NOT_IN_DETAIL))
        if shown_as == self._detail_of and not again:
            return
        self._detail_of = shown_as
        detail = self.query_one("#detail", Static)
        shown = self.detail(item) if item else Text("nothing shown", "dim")
        detail.update(shown, layout=False)  # the pane has a fixed height: no layout pass

    def on_data_table_row_highlighted(self) -> None:
        self.show_detail()

    # -- keys -------------------------------------------------------------------------------
    def action_accept(self) -> None:
        if item_id := self.current_id():
            self.review.accept_flow(item_id)

    def action_reject(self) -> None:
        if item_id := self.current_id():
            self.review.reject_flow(item_id)

    def action_edit(self) -> None:
        self.notify("nothing to edit here", severity="warning")

    def action_filter(self) -> None:
        hint = "status words (pending accepted edited rejected) and <0.7 or >0.5; empty shows all"
        self.app.push_screen(PromptModal("Filter", "", hint), self._set_filter)

    def _set_filter(self, spec: str | None) -> None:
        if spec is None:
            return
        try:
            self.item_filter = parse_filter(spec, self.item_filter.text)
        except ValueError as exc:
            self.notify(str(exc), severity="error")
            return
        self._rebuild(self.query_one(DataTable))
        self.show_detail()

    def action_search(self) -> None:
        self.app.push_screen(PromptModal("Search", self.item_filter.text), self._set_search)

    def _set_search(self, text: str | None) -> None:
        if text is not None:
            self.item_filter.text = text.strip()
            self._rebuild(self.query_one(DataTable))
            self.show_detail()

    def action_back(self) -> None:
        if len(self.app.screen_stack) > 2:
            self.app.pop_screen()
