"""The `A` dialog: a confidence threshold, applied to the object on screen or to every object."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static


@dataclass(frozen=True)
class AcceptAbove:
    threshold: str  # as typed; the flow checks it is a number
    everywhere: bool  # False: only the scope the screen showed


class AcceptAboveModal(ModalScreen[AcceptAbove | None]):
    """Enter accepts in ``scope`` (when there is one); the second button reaches every object."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss_none", "Cancel")]

    def __init__(self, scope: str | None, threshold: float) -> None:
        super().__init__(classes="dialog-screen")
        self.scope, self.threshold = scope, threshold

    def compose(self) -> ComposeResult:
        where = f"in {self.scope}" if self.scope else "in every object"
        with Vertical(classes="dialog"):
            yield Label(f"Accept pending proposals {where} with confidence ≥", classes="dialog-title")
            yield Input(value=f"{self.threshold:.2f}", id="answer")
            hint = "new custom fields still ask for their model one by one"
            if self.scope:
                hint = f"enter: only {self.scope} · tab, tab, enter: every object · {hint}"
            yield Static(hint, classes="hint")
            with Horizontal(classes="buttons"):
                if self.scope:
                    yield Button(f"Only {self.scope} (enter)", variant="primary", id="scope")
                yield Button("Every object", variant="warning", id="everywhere")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(AcceptAbove(event.value, everywhere=self.scope is None))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        value = self.query_one("#answer", Input).value
        self.dismiss(AcceptAbove(value, everywhere=event.button.id == "everywhere"))

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
