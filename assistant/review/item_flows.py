"""One proposal at a time: accept, reject, pick a target or an alternative, edit a custom field."""

from __future__ import annotations

from assistant.mapping.items import FieldMap
from assistant.mapping.models import FieldKind, FieldModel
from assistant.review.base import ReviewAppBase
from assistant.review.consequences import custom_field_consequence
from assistant.review.errors import ReviewError
from assistant.review.messages import DecisionRefused, ProposalAccepted, ProposalEdited, ProposalRejected
from assistant.review.screens.custom_field import CustomFieldChange, CustomFieldModal
from assistant.review.screens.modals import ModelConfirmModal, PickerModal


class ItemFlows(ReviewAppBase):
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

    def object_alternative_flow(self, item_id: str, index: int) -> None:
        """1-3 on the object row: its alternative becomes its targets; lines and fields follow."""
        item = self.session.item(item_id)
        if index >= len(item.alternatives):
            self.notify(f"no alternative {index + 1}", severity="warning")
            return
        chosen = item.alternatives[index].target
        message = ProposalEdited(f"{item_id} → {chosen} (its field maps proposed again)", (item_id,))
        self.decide(message, lambda: self.session.choose_object_alternative(item_id, index), rebuild=True)

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
