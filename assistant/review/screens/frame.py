"""The frame every review screen shares: counts bar, screen title, body, footer."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Static

from assistant.review.style import counts_text

if TYPE_CHECKING:
    from assistant.review.app import ReviewApp


class ReviewScreen(Screen[None]):
    """Counts bar, screen title, body, footer: the frame every review screen shares."""

    SCREEN_TITLE = ""
    outdated = False  # a decision was made on a screen above this one

    @property
    def review(self) -> ReviewApp:
        return cast("ReviewApp", self.app)

    def frame_top(self) -> ComposeResult:
        yield Static(id="counts")
        yield Static(self.SCREEN_TITLE, id="screen-title")

    def frame_bottom(self) -> ComposeResult:
        yield Footer(compact=True, show_command_palette=False)  # ctrl+p still opens it

    def refresh_view(self, changed: tuple[str, ...] | None) -> None:
        """Show the document as it is now; ``changed`` names the items a decision touched."""
        self.update_counts()

    def on_screen_resume(self) -> None:
        if self.outdated and self.is_mounted:
            self.outdated = False
            self.refresh_view(None)

    def accept_scope(self) -> tuple[str, list[str]] | None:
        """What `A` accepts in unless asked for every object: a name and its proposal ids."""
        return None

    def update_counts(self) -> None:
        session = self.review.session
        saving = self.review.persistence.pending > 0
        stale = self.review.confirmed_stale
        text = counts_text(session.counts(), session.document.project, session.who, saving, stale)
        for bar in self.query("#counts").results(Static):  # none while the screen is still composing
            bar.update(text, layout=False)  # one line, docked: its size never changes
