"""The base of every list screen: a virtualised table of proposals, a detail pane, common keys."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, cast

from rich.console import RenderableType
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.coordinate import Coordinate
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from assistant.mapping.models import Proposal
from assistant.review.screens.modals import PromptModal
from assistant.review.screens.table import ItemsTable
from assistant.review.style import counts_text
from assistant.review.views import ItemFilter, parse_filter

if TYPE_CHECKING:
    from assistant.review.app import ReviewApp


class ReviewScreen(Screen[None]):
    """Counts bar, screen title, body, footer: the frame every review screen shares."""

    SCREEN_TITLE = ""

    @property
    def review(self) -> ReviewApp:
        return cast("ReviewApp", self.app)

    def frame_top(self) -> ComposeResult:
        yield Static(id="counts")
        yield Static(self.SCREEN_TITLE, id="screen-title")

    def frame_bottom(self) -> ComposeResult:
        yield Footer(compact=True)

    def refresh_view(self, changed: tuple[str, ...] | None) -> None:
        """Show the document as it is now; ``changed`` names the items a decision touched."""
        self.update_counts()

    def accept_scope(self) -> tuple[str, list[str]] | None:
        """What `A` accepts in unless asked for every object: a name and its proposal ids."""
        return None

    def update_counts(self) -> None:
        session = self.review.session
        saving = self.review.persistence.pending > 0
        stale = self.review.confirmed_stale
        text = counts_text(session.counts(), session.document.project, session.who, saving, stale)
        for bar in self.query("#counts").results(Static):  # none while the screen is still composing
            bar.update(text)


class ItemsScreen(ReviewScreen):
    """Proposals in a table; subclasses say which items, which cells and what details."""

    COLUMNS: ClassVar[tuple[str, ...]] = ()
    SCOPE_NAME = ""  # how `A` names this screen's proposals ("tag clusters")
    WIDTHS: ClassVar[tuple[int | None, ...]] = ()  # fixed widths keep wide samples from scrolling
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "accept", "Accept"),
        Binding("r", "reject", "Reject"),
        Binding("e", "edit", "Edit"),
        Binding("f", "filter", "Filter"),
        Binding("slash", "search", "Search"),
        Binding("escape", "back", "Back", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.item_filter = ItemFilter()

    def compose(self) -> ComposeResult:
        yield from self.frame_top()
        yield ItemsTable(id="items", cursor_type="row", zebra_stripes=True)
        yield Static(id="detail")
        yield from self.frame_bottom()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        widths = self.WIDTHS or (None,) * len(self.COLUMNS)
        for name, width in zip(self.COLUMNS, widths, strict=True):
            table.add_column(name, key=name, width=width)
        self.refresh_view(None)
        table.focus()

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
        table = self.query_one(DataTable)
        if changed is not None and all(i in table.rows and self._kept(i) for i in changed):
            for item_id in changed:
                item = self.review.session.item(item_id)
                for name, cell in zip(self.COLUMNS, self.cells(item), strict=True):
                    table.update_cell(item_id, name, cell)
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

    def show_detail(self) -> None:
        item = self.current()
        self.query_one("#detail", Static).update(self.detail(item) if item else Text("nothing shown", "dim"))

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
