"""Choices among what the destination holds: a pipeline stage and status, a HighLevel user."""

from __future__ import annotations

from assistant.mapping.models import OpportunityStatus
from assistant.review.base import ReviewAppBase
from assistant.review.errors import ReviewError
from assistant.review.messages import ProposalEdited
from assistant.review.screens.modals import PickerModal


class DestinationFlows(ReviewAppBase):
    def stage_flow(self, item_id: str) -> None:
        try:
            choices = self.session.stage_choices()
        except ReviewError as exc:
            self.notify(str(exc), severity="error")
            return

        def pick_status(label: str | None) -> None:
            choice = next((c for c in choices if c.label == label), None)
            if choice is None:
                return

            def set_stage(status: str | None) -> None:
                if status is None:
                    return
                self.decide(
                    ProposalEdited(f"{item_id} → {label}", (item_id,)),
                    lambda: self.session.set_stage(
                        item_id, choice.pipeline_id, choice.stage_id, OpportunityStatus(status)
                    ),
                )

            self.push_screen(
                PickerModal("Opportunity status", [s.value for s in OpportunityStatus]), set_stage
            )

        self.push_screen(
            PickerModal(f"Pipeline stage for {item_id}", [c.label for c in choices]), pick_status
        )

    def owner_flow(self, item_id: str, *, fallback: bool) -> None:
        try:
            users = self.session.users()
        except ReviewError as exc:
            self.notify(str(exc), severity="error")
            return
        labels = {self.user_label(u.id): u.id for u in users}
        title = f"Fallback user for {item_id}" if fallback else f"HighLevel user for {item_id}"

        def pick(label: str | None) -> None:
            if label:
                message = ProposalEdited(f"{item_id} → {label}", (item_id,))
                self.decide(
                    message, lambda: self.session.set_owner(item_id, labels[label], fallback=fallback)
                )

        self.push_screen(PickerModal(title, list(labels)), pick)

    def user_label(self, user_id: str) -> str:
        destination = self.session.context.destination
        user = next((u for u in destination.users if u.id == user_id), None) if destination else None
        return f"{user.name} <{user.email}>" if user and user.email else (user.name if user else user_id)
