"""Edit a new custom field: dataType and options freely, the model only with its warning."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from assistant.mapping.items import CustomFieldSpec
from assistant.mapping.models import DataType, FieldModel


@dataclass(frozen=True)
class CustomFieldChange:
    data_type: DataType
    options: list[str]
    model: FieldModel  # the model the engineer saw named on the save button


class CustomFieldModal(ModalScreen[CustomFieldChange | None]):
    """``attempt`` applies a change and returns why it was refused; a refusal keeps the dialog open.

    ``consequence`` says, as choices change, how many source values the field would not receive.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss_none", "Cancel"),
        Binding("ctrl+s", "save", "Save"),
    ]

    def __init__(
        self,
        item_id: str,
        spec: CustomFieldSpec,
        attempt: Callable[[CustomFieldChange], str | None],
        consequence: Callable[[CustomFieldChange], str],
    ) -> None:
        super().__init__(classes="dialog-screen")
        self.item_id, self.spec, self.attempt, self.consequence = item_id, spec, attempt, consequence

    def compose(self) -> ComposeResult:
        spec = self.spec
        with Vertical(classes="dialog irreversible"):
            yield Label(f"Custom field · {spec.name}", classes="dialog-title")
            yield Label("dataType")
            yield Select(
                [(t.value, t) for t in DataType], value=spec.data_type, allow_blank=False, id="data-type"
            )
            yield Label("options (comma separated, option dataTypes only)")
            yield Input(", ".join(spec.options), id="options")
            yield Label("⚠ model: IRREVERSIBLE once HighLevel creates the field", classes="warning-title")
            yield Select([(m.value, m) for m in FieldModel], value=spec.model, allow_blank=False, id="model")
            yield Static(f"why {spec.model.value}: {spec.model_reason or '—'}", classes="hint")
            yield Static(
                self.consequence(self._initial()), id="consequence", classes="warning-title", markup=False
            )
            yield Static("", id="error", classes="warning-title", markup=False)
            with Horizontal(classes="buttons"):
                yield Button(self._save_label(spec.model), variant="warning", id="save")
                yield Button("Cancel (esc)", id="cancel")

    def _initial(self) -> CustomFieldChange:
        return CustomFieldChange(self.spec.data_type, list(self.spec.options), self.spec.model)

    @staticmethod
    def _save_label(model: FieldModel) -> str:
        return f"Save as {model.value} field (ctrl+s)"

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "model" and isinstance(event.value, FieldModel):
            self.query_one("#save", Button).label = self._save_label(event.value)
        self.show_consequence()

    def on_input_changed(self) -> None:
        self.show_consequence()

    def show_consequence(self) -> None:
        """What the values of this column would lose with the dialog's current choices."""
        change = self.current_change()
        text = self.consequence(change) if change else ""
        self.query_one("#consequence", Static).update(f"⚠ {text}" if text else "")

    def current_change(self) -> CustomFieldChange | None:
        data_type = self.query_one("#data-type", Select).value
        model = self.query_one("#model", Select).value
        raw = self.query_one("#options", Input).value
        options = [o.strip() for o in raw.split(",") if o.strip()]
        if isinstance(data_type, DataType) and isinstance(model, FieldModel):
            return CustomFieldChange(data_type, options, model)
        return None

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.dismiss(None)

    def action_save(self) -> None:
        change = self.current_change()
        if change is not None:
            refusal = self.attempt(change)
            if refusal:  # keep what was typed so it can be corrected
                self.query_one("#error", Static).update(f"✘ {refusal}")
                return
            self.dismiss(change)

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
