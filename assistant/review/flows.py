"""Decision flows: the dialogs a key opens, then the session call with what was chosen."""

from __future__ import annotations

from assistant.mapping.items import FieldMap
from assistant.mapping.models import FieldKind, FieldModel, OpportunityStatus
from assistant.review.base import ReviewAppBase
from assistant.review.consequences import custom_field_consequence
from assistant.review.errors import ReviewError
from assistant.review.messages import (
    DecisionRefused,
    ProposalAccepted,
    ProposalEdited,
    ProposalRejected,
    TagClustersChanged,
)
from assistant.review.screens.custom_field import CustomFieldChange, CustomFieldModal
from assistant.review.screens.modals import ModelConfirmModal, PickerModal, PromptModal


class ReviewFlows(ReviewAppBase):
    def accept_flow(self, item_id: str) -> None:
        item = self.session.item(item_id)
        spec = item.target.custom_field if isinstance(item, FieldMap) else None
        if spec is not None and isinstance(item, FieldMap) and item.target.kind is FieldKind.CUSTOM_NEW:

            def accept_with(model: FieldModel | None) -> None:
                if model is not None:
                    self._accept(item_id, model)

            self.push_screen(ModelConfirmModal(item_id, spec), accept_with)
            return
        self._accept(item_id, None)

    def _accept(self, item_id: str, model: FieldModel | None) -> None:
        message = ProposalAccepted(f"accepted {item_id}", (item_id,))
        self.decide(message, lambda: self.session.accept(item_id, model_confirmed=model))

    def reject_flow(self, item_id: str) -> None:
        message = ProposalRejected(f"rejected {item_id}", (item_id,))
        self.decide(message, lambda: self.session.reject(item_id))

    def edit_field_flow(self, item_id: str) -> None:
        choices = self.session.choices(item_id)
        self.push_screen(
            PickerModal(f"Target for {item_id} (valid targets only)", [c.label for c in choices]),
            lambda label: self._edit_target(item_id, label) if label else None,
        )

    def _edit_target(self, item_id: str, label: str) -> None:
        target = self.session.target_for(item_id, label)
        if target.kind is FieldKind.CUSTOM_NEW and target.custom_field is not None:
            self.push_screen(
                ModelConfirmModal(item_id, target.custom_field),
                lambda model: self._set_target(item_id, label, model) if model else None,
            )
            return
        self._set_target(item_id, label, None)

    def _set_target(self, item_id: str, label: str, model: FieldModel | None) -> None:
        message = ProposalEdited(f"{item_id} → {label}", (item_id,))
        self.decide(message, lambda: self.session.edit_target(item_id, label, model_confirmed=model))

    def alternative_flow(self, item_id: str, index: int) -> None:
        item = self.session.field(item_id)
        if index >= len(item.alternatives):
            self.notify(f"no alternative {index + 1}", severity="warning")
            return
        label = self.session.alternative_label(item_id, index)
        valid = {c.label for c in self.session.choices(item_id)}
        if label in valid and not label.endswith("new custom field"):
            message = ProposalEdited(f"{item_id} → {label}", (item_id,))
            self.decide(message, lambda: self.session.choose_alternative(item_id, index))
        elif label in valid:
            self._edit_target(item_id, label)
        else:
            self.notify(f"{label!r} is not in the catalog or destination; use e to pick", severity="error")

    def custom_field_flow(self, item_id: str) -> None:
        item = self.session.field(item_id)
        spec = item.target.custom_field
        if spec is None or item.target.kind is not FieldKind.CUSTOM_NEW:
            self.notify("only a new custom field can be edited here", severity="warning")
            return

        def attempt(change: CustomFieldChange) -> str | None:
            try:
                self.session.edit_custom_field(
                    item_id,
                    model_confirmed=change.model,
                    data_type=change.data_type,
                    options=change.options,
                    model=change.model,
                )
            except ReviewError as exc:
                self._post(DecisionRefused(str(exc)))
                return str(exc)
            return None

        def saved(change: CustomFieldChange | None) -> None:
            if change is not None:
                self._post(ProposalEdited(f"custom field {item_id}", (item_id,)))
                self.mark_confirmed_stale()
                self.refresh_screen((item_id,))

        def consequence(change: CustomFieldChange) -> str:
            return custom_field_consequence(
                self.session.document,
                self.session.context,
                item,
                data_type=change.data_type,
                options=change.options,
                model=change.model,
            )

        self.push_screen(CustomFieldModal(item_id, spec, attempt, consequence), saved)

    def action_accept_above(self) -> None:
        hint = "pending proposals at or above it are accepted; new custom fields still ask for their model"
        self.push_screen(
            PromptModal("Accept every proposal with confidence ≥", f"{self.threshold:.2f}", hint),
            self._accept_above,
        )

    def _accept_above(self, answer: str | None) -> None:
        if answer is None:
            return
        try:
            threshold = float(answer)
        except ValueError:
            self.notify(f"{answer!r} is not a number", severity="error")
            return
        accepted: list[str] = []

        def run() -> None:
            accepted.extend(self.session.accept_above(threshold))

        if self.decide(ProposalAccepted(f"accepted ≥ {threshold:.2f}"), run, rebuild=True):
            self.notify(f"accepted {len(accepted)} proposals at or above {threshold:.2f}")

    # -- tags, stages, owners -----------------------------------------------------------------
    def tag_merge_flow(self, into_id: str, others: list[str]) -> bool:
        message = TagClustersChanged(f"merged into {into_id}")
        return self.decide(message, lambda: self.session.merge_tags(into_id, others), rebuild=True)

    def tag_rename_flow(self, cluster_id: str) -> None:
        cluster = self.session.cluster(cluster_id)

        def rename(name: str | None) -> None:
            if name:
                message = TagClustersChanged(f"renamed {cluster_id}")
                self.decide(message, lambda: self.session.rename_tag(cluster_id, name), rebuild=True)

        self.push_screen(
            PromptModal(f"Rename the canonical tag {cluster.canonical!r}", cluster.canonical), rename
        )

    def tag_split_flow(self, cluster_id: str) -> None:
        cluster = self.session.cluster(cluster_id)
        hint = f"spellings: {', '.join(cluster.members)} — write `spelling, spelling -> New tag`"

        def split(answer: str | None) -> None:
            if not answer:
                return
            members, _, name = answer.partition("->")
            chosen = [m.strip() for m in members.split(",") if m.strip()]
            message = TagClustersChanged(f"split {cluster_id}")
            self.decide(
                message, lambda: self.session.split_tag(cluster_id, chosen, name.strip()), rebuild=True
            )

        self.push_screen(PromptModal(f"Split {cluster.canonical!r}", "", hint), split)

    def tag_move_flow(self, cluster_id: str) -> None:
        cluster = self.session.cluster(cluster_id)

        def pick_target(member: str | None) -> None:
            if member is None:
                return
            others = [c.id for c in self.session.document.tags if c.id != cluster_id]
            self.push_screen(
                PickerModal(f"Move {member!r} to", others),
                lambda to: self._move(member, cluster_id, to) if to else None,
            )

        self.push_screen(
            PickerModal(f"Which spelling of {cluster.canonical!r}", list(cluster.members)), pick_target
        )

    def _move(self, member: str, from_id: str, to_id: str) -> None:
        message = TagClustersChanged(f"moved {member!r} to {to_id}")
        self.decide(message, lambda: self.session.move_tag(member, from_id, to_id), rebuild=True)

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
