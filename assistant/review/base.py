"""The part of the review app every flow and screen relies on: the session and ``decide``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.app import App
from textual.message import Message

from assistant.review.costs import Costs
from assistant.review.errors import ReviewError
from assistant.review.messages import DecisionMade, DecisionRefused
from assistant.review.persistence import BackgroundPersistence
from assistant.review.screens.frame import ReviewScreen
from assistant.review.session import ReviewSession
from assistant.review.value_checks import ValueChecks


class ReviewAppBase(App[Path | None]):
    persistence: BackgroundPersistence

    def __init__(self) -> None:
        super().__init__()
        self._session: ReviewSession | None = None
        self.messages_posted: list[Message] = []  # the decision stream, for observers and tests
        self.confirmed_stale = False  # decisions made since mapping.confirmed.yaml was written
        self.costs: Costs | None = None  # what each proposal leaves behind when not carried
        self.value_checks: ValueChecks | None = None  # which values each field's transform refuses

    @property
    def session(self) -> ReviewSession:
        if self._session is None:
            raise ReviewError("the mapping document is still loading")
        return self._session

    @property
    def threshold(self) -> float:
        return self.session.bulk_floor

    # -- the decision path --------------------------------------------------------------------
    def decide(self, message: DecisionMade, action: Callable[[], Any], rebuild: bool = False) -> bool:
        """Apply one decision; on refusal tell the engineer why and change nothing."""
        try:
            action()
        except ReviewError as exc:
            self._refused(str(exc))
            return False
        self._post(message)
        self.mark_confirmed_stale()
        self.refresh_screen(None if rebuild else message.item_ids)
        return True

    def mark_confirmed_stale(self) -> None:
        """A decision after confirming: say once that plan will refuse the confirmed map."""
        if self.confirmed_stale or not self.persistence.workspace.confirmed_mapping_path.exists():
            return
        self.confirmed_stale = True
        self.notify(
            "confirmed map is out of date: c confirms again (plan refuses it until then)",
            title="confirmed map",
            severity="warning",
            timeout=8,
        )

    def _post(self, message: Message) -> None:
        self.messages_posted.append(message)
        self.post_message(message)

    def _refused(self, reason: str) -> None:
        self._post(DecisionRefused(reason))
        self.notify(reason, title="refused", severity="error", timeout=6)

    def refresh_screen(self, changed: tuple[str, ...] | None) -> None:
        screens = [s for s in self.screen_stack if isinstance(s, ReviewScreen) and s.is_mounted]
        for screen in screens[:-1]:
            screen.outdated = True  # rebuilt when shown again, not behind the screen in use
        if screens:
            screens[-1].refresh_view(changed)
