"""The help screen: every key, grouped by where it works."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

KEYS: list[tuple[str, str, str]] = [
    ("everywhere", "?", "this help"),
    ("everywhere", "A", "accept pending proposals at or above a confidence: the object on screen, or all"),
    ("everywhere", "u", "undo the last decision"),
    ("everywhere", "c", "confirm: decisions per kind and what is left behind, then y writes the map"),
    ("everywhere", "t / s / o / h / i", "tag clusters / stage maps / owners / holding records / billing"),
    ("everywhere", "q", "quit (every decision is already saved)"),
    ("everywhere", "ctrl+p", "commands; Save screenshot writes into the workspace's screenshots/"),
    ("lists", "a / r", "accept / reject the highlighted proposal"),
    ("lists", "e", "edit: pick from valid targets only (fuzzy search)"),
    ("lists", "f", "filter by status and confidence, e.g. `pending <0.7`"),
    ("lists", "/", "search"),
    ("lists", "enter / esc", "open / back"),
    ("object", "1 2 3", "take alternative 1, 2 or 3"),
    ("object", "d", "custom field: dataType, options, model (irreversible)"),
    ("tags", "space, m", "mark clusters, merge the marked into the highlighted one"),
    ("tags", "n / e", "rename the canonical tag (f and / filter and search here too)"),
    ("tags", "x / n / v", "split / rename the canonical tag / move one spelling"),
    ("owners", "b", "send this owner's records to the fallback user"),
]


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss", "Close"),
        Binding("question_mark", "dismiss", "Close"),
        Binding("q", "dismiss", "Close", show=False),
    ]

    def compose(self) -> ComposeResult:
        table = Table(box=None, show_header=False, padding=(0, 2))
        table.add_column(style="dim", width=10)
        table.add_column(style="bold magenta", width=12)
        table.add_column(ratio=1)
        for where, key, what in KEYS:
            table.add_row(where, key, what)
        with VerticalScroll(classes="dialog help"):
            yield Label("Keys", classes="dialog-title")
            yield Static(table)
