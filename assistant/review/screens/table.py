"""The proposals table: Home and End move the cursor to the first and last row; one row redraws alone.

DataTable's own Home/End only scroll the view, which leaves the cursor (and the next `a` or
`r`) on a row the engineer can no longer see. Its ``update_cell`` bumps a counter every render
cache is keyed on, so one decision redrew every visible row; ``update_row`` forgets only the
changed row's cached renders and repaints that row's region. Its row renders are also keyed on
where the cursor is, so every move (and every scrolled line) rendered each visible row again;
with a row cursor a row only depends on whether the cursor or the mouse is on it, so the key
says just that and the other rows' renders are reused.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from rich.style import Style
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.coordinate import Coordinate
from textual.widgets import DataTable
from textual.widgets.data_table import RowKey

ELSEWHERE = Coordinate(-2, 0)  # no row: neither the header (-1) nor a data row (0 and up)


class ItemsTable(DataTable[Any]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("home", "first_row", "First row", show=False),
        Binding("end", "last_row", "Last row", show=False),
    ]

    def action_first_row(self) -> None:
        if self.row_count:
            self.move_cursor(row=0)

    def action_last_row(self) -> None:
        if self.row_count:
            self.move_cursor(row=self.row_count - 1)

    def _render_line_in_row(
        self,
        row_key: RowKey,
        line_no: int,
        base_style: Style,
        cursor_location: Coordinate,
        hover_location: Coordinate,
    ) -> tuple[Any, Any]:
        if self.cursor_type == "row":
            found = self._row_locations.get(row_key)
            row = -1 if found is None else found  # the header row is -1
            cursor_location = cursor_location if cursor_location.row == row else ELSEWHERE
            hover_location = hover_location if hover_location.row == row else ELSEWHERE
        return super()._render_line_in_row(row_key, line_no, base_style, cursor_location, hover_location)

    def update_row(self, row_key: str, cells: Sequence[Any]) -> None:
        """Replace one row's cells and repaint only that row (no width recalculation)."""
        key = RowKey(row_key)
        row = self._data[key]
        for column, value in zip(self.ordered_columns, cells, strict=True):
            row[column.key] = value
        _forget(self._cell_render_cache, key)
        _forget(self._row_render_cache, key)
        index = self.get_row_index(key)
        self._row_renderable_cache.discard((self._update_count, index))
        self._line_cache.clear()  # lines are cheap to assemble from the row renders still cached
        self.refresh_row(index)


def _forget(cache: LRUCache[Any, Any], row_key: RowKey) -> None:
    """Drop the cached renders of one row (their keys start with the row key)."""
    for cached in [k for k in cache.keys() if k[0] == row_key]:  # noqa: SIM118 (not iterable)
        cache.discard(cached)
