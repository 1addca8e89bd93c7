"""``ReviewApp``: the Textual front of a :class:`ReviewSession`.

The document and its context load in a worker thread; every decision goes through
``decide`` which applies it via the session (journalled at once, saved by a writer process), posts a
past-tense message and refreshes the screen. The app never runs the executor.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

import duckdb
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import LoadingIndicator
from textual.worker import Worker, WorkerState

from assistant.errors import HlmapError
from assistant.mapping import store
from assistant.review.context import ReviewContext
from assistant.review.costs import proposal_costs
from assistant.review.errors import ReviewError
from assistant.review.flows import ReviewFlows
from assistant.review.messages import DecisionUndone, MappingConfirmed
from assistant.review.persistence import BackgroundPersistence
from assistant.review.screens.billings import BillingsScreen
from assistant.review.screens.frame import ReviewScreen
from assistant.review.screens.help import HelpScreen
from assistant.review.screens.holdings import HoldingsScreen
from assistant.review.screens.items import ItemsScreen
from assistant.review.screens.object_screen import ObjectScreen
from assistant.review.screens.overview import OverviewScreen
from assistant.review.screens.owners import OwnersScreen
from assistant.review.screens.stages import StagesScreen
from assistant.review.screens.tags import TagsScreen
from assistant.review.session import ReviewSession, open_session
from assistant.review.value_checks import load_value_checks
from assistant.workspace import Workspace


class ReviewApp(ReviewFlows):
    """Review one workspace's mapping document as ``who``; returns the confirmed path or None."""

    TITLE = "hlmap review"
    CSS_PATH = "review.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark", "help", "Help"),
        Binding("A", "accept_above", "Accept ≥"),
        Binding("u", "undo", "Undo"),
        Binding("c", "confirm", "Confirm"),
        Binding("t", "screen('tags')", "Tags"),
        Binding("s", "screen('stages')", "Stages"),
        Binding("o", "screen('owners')", "Owners"),
        Binding("h", "screen('holdings')", "Holding", show=False),  # listed in the help screen
        Binding("i", "screen('billings')", "Billing", show=False),  # listed in the help screen
        Binding("q", "quit", "Quit"),
    ]

    def __init__(
        self,
        workspace: Workspace,
        who: str,
        *,
        context: ReviewContext | None = None,
        settle: float = 0.3,
    ) -> None:
        super().__init__()
        self.workspace = workspace
        self.who = who
        self._review_context = context
        self.persistence = BackgroundPersistence(workspace, settle=settle)

    def compose(self) -> ComposeResult:
        yield LoadingIndicator()

    def on_mount(self) -> None:
        self.run_worker(self._load, thread=True, name="load", exit_on_error=False)
        self.set_interval(1.0, self._check_writer)

    def _check_writer(self) -> None:
        """Report a failed save at once instead of at quit."""
        self.persistence.poll()
        if isinstance(self.screen, ReviewScreen):
            self.screen.update_counts()  # "saving…" turns back into "saved"
        try:
            self.persistence.raise_errors()
        except HlmapError as exc:
            self.notify(str(exc), title="not saved", severity="error", timeout=15)

    def _load(self) -> ReviewSession:
        context = self._review_context
        session = open_session(self.workspace, self.who, persistence=self.persistence, context=context)
        if self.workspace.confirmed_mapping_path.exists():
            confirmed = store.load_confirmed(self.workspace, allow_stale=True)
            self.confirmed_stale = store.confirmed_is_stale(self.workspace, confirmed)
        try:
            self.costs = proposal_costs(self.workspace.connect(), session.document, session.context)
        except (HlmapError, duckdb.Error) as exc:  # the review works without them; say why they are missing
            session.context.notices.append(f"what each proposal leaves behind: {exc}")
        try:
            region = self.workspace.settings.profile.default_country
            self.value_checks = load_value_checks(
                self.workspace.connect(), session.document, session.context, region
            )
        except (HlmapError, duckdb.Error) as exc:
            session.context.notices.append(f"values each transform refuses: {exc}")
        self.workspace.close()  # the writer process opens the database for each save
        return session

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        if worker.name == "load" and worker.state is WorkerState.SUCCESS:
            self._session = worker.result
            self.push_screen(OverviewScreen())
            if self.value_checks is not None:
                self.run_worker(self._check_values, thread=True, name="checks", exit_on_error=False)
        elif worker.name == "checks" and worker.state is WorkerState.SUCCESS:
            if isinstance(self.screen, ItemsScreen):
                self.screen.show_detail(again=True)  # it may have been drawn before its check
        elif worker.name == "load" and worker.state is WorkerState.ERROR:
            self.exit(None, return_code=2, message=f"error: {worker.error}")
        elif worker.name == "summary" and worker.state is WorkerState.SUCCESS:
            self.show_summary(worker.result if isinstance(worker.result, list | str) else [])
        elif worker.name == "summary" and worker.state is WorkerState.ERROR:
            self._refused(str(worker.error))
        elif (
            worker.name == "confirm"
            and worker.state is WorkerState.SUCCESS
            and isinstance(worker.result, Path)
        ):
            self._confirmed(worker.result)
        elif worker.name == "confirm" and worker.state is WorkerState.ERROR:
            self._refused(str(worker.error))

    def _check_values(self) -> None:
        if self.value_checks is not None:
            self.value_checks.check_all(self.session.document)

    def open_object(self, source_object: str) -> None:
        self.push_screen(ObjectScreen(source_object))

    # -- app-wide keys ------------------------------------------------------------------------
    def action_help(self) -> None:
        self.push_screen(HelpScreen())

    def action_screen(self, name: str) -> None:
        if self._session is None:
            return
        screens = {
            "tags": TagsScreen,
            "stages": StagesScreen,
            "owners": OwnersScreen,
            "holdings": HoldingsScreen,
            "billings": BillingsScreen,
        }
        if type(self.screen) is not screens[name]:
            self.push_screen(screens[name]())

    def action_undo(self) -> None:
        try:
            description = self.session.undo()
        except ReviewError as exc:
            self._refused(str(exc))
            return
        self._post(DecisionUndone(f"undid {description}"))
        self.notify(f"undid: {description}")
        self.mark_confirmed_stale()
        self.refresh_screen(None)

    def _confirmed(self, path: Path) -> None:
        self._post(MappingConfirmed(path))
        self.confirmed_stale = False
        if isinstance(self.screen, ReviewScreen):
            self.screen.update_counts()
        self.notify(f"confirmed → {path}", title="mapping confirmed", timeout=8)

    def deliver_screenshot(
        self, filename: str | None = None, path: str | None = None, time_format: str | None = None
    ) -> str | None:
        """Screenshots (command palette: Save screenshot) land in the workspace's screenshots/ folder."""
        folder = Path(path) if path else self.workspace.root / "screenshots"
        folder.mkdir(parents=True, exist_ok=True)
        return super().deliver_screenshot(filename, str(folder), time_format)

    def on_unmount(self) -> None:
        self.persistence.close()  # waits for the last write to land

    async def action_quit(self) -> None:
        self.exit(self.workspace.confirmed_mapping_path if self._confirmed_now() else None)

    def _confirmed_now(self) -> bool:
        return any(isinstance(m, MappingConfirmed) for m in self.messages_posted)
