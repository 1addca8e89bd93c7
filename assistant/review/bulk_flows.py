"""Decisions over many proposals: `A` accepts above a threshold, `c` confirms after a summary."""

from __future__ import annotations

import duckdb

from assistant.errors import HlmapError
from assistant.mapping.loss import Loss, decision_losses
from assistant.review.base import ReviewAppBase
from assistant.review.messages import ProposalAccepted
from assistant.review.screens.accept_above import AcceptAbove, AcceptAboveModal
from assistant.review.screens.frame import ReviewScreen
from assistant.review.screens.modals import ConfirmModal
from assistant.review.summary import pending_line, summary_lines

LISTED = 8  # accepted ids named in the notice; the rest are counted


class BulkFlows(ReviewAppBase):
    def action_accept_above(self) -> None:
        scope = self.screen.accept_scope() if isinstance(self.screen, ReviewScreen) else None
        label, ids = scope if scope else (None, None)

        def chosen(answer: AcceptAbove | None) -> None:
            if answer is not None:
                self._accept_above(answer.threshold, None if answer.everywhere else (label, ids))

        self.push_screen(AcceptAboveModal(label, self.threshold), chosen)

    def _accept_above(self, answer: str, scope: tuple[str | None, list[str] | None] | None) -> None:
        try:
            threshold = float(answer)
        except ValueError:
            self.notify(f"{answer!r} is not a number", severity="error")
            return
        label, within = scope if scope else ("every object", None)
        where = f"in {label}" if label else ""
        message = ProposalAccepted(f"accepted ≥ {threshold:.2f} {where}", ())
        accepted: list[str] = []

        def run() -> None:
            accepted.extend(self.session.accept_above(threshold, within=within))
            message.item_ids = tuple(accepted)  # only these rows are redrawn

        if not self.decide(message, run, rebuild=within is None):
            return
        if not accepted:
            self.notify(f"nothing pending {where} at or above {threshold:.2f} can be accepted as it stands")
            return
        names = "\n".join(accepted[:LISTED])
        more = f"\n… and {len(accepted) - LISTED} more" if len(accepted) > LISTED else ""
        title = f"accepted {len(accepted)} {where} at or above {threshold:.2f}"
        self.notify(names + more, title=title, timeout=10)

    def action_confirm(self) -> None:
        blocking = self.session.blocking()
        if blocking:
            where = pending_line(self.session.document)
            self._refused(
                f"{len(blocking)} proposals still need a decision (pending: {where}; f → pending): "
                f"{blocking[0].id}"
            )
            return
        self.run_worker(self.read_losses, thread=True, name="summary", exit_on_error=False)

    def read_losses(self) -> list[Loss] | str:
        """What the map leaves behind, or why it could not be read (the summary says so)."""
        workspace = self.persistence.workspace
        try:
            self.persistence.flush()  # the writer holds the database only while it saves
            return decision_losses(workspace.connect(), self.session.document)
        except (HlmapError, duckdb.Error) as exc:
            return f"what the map leaves behind could not be read: {exc}"
        finally:
            workspace.close()

    def show_summary(self, losses: list[Loss] | str) -> None:
        lines = summary_lines(self.session.document, losses if isinstance(losses, list) else [])
        if isinstance(losses, str):
            lines[-1] = losses
        body = "\n".join([*lines, "", "Write mapping.confirmed.yaml now?"])

        def answered(yes: bool | None) -> None:
            if yes:
                self.run_worker(self.session.confirm, thread=True, name="confirm", exit_on_error=False)
            else:
                self.notify("not confirmed: nothing was written")

        self.push_screen(ConfirmModal("Confirm the mapping?", body), answered)
