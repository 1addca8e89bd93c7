"""Small dialogs: a fuzzy picker of valid choices, a one-line prompt, the custom field model check."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.fuzzy import Matcher
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from assistant.mapping.items import CustomFieldSpec
from assistant.mapping.models import FieldModel


class PickerModal(ModalScreen[str | None]):
    """Type to narrow a list; only the listed choices can be returned."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss_none", "Cancel"),
        Binding("down", "focus_list", "List", show=False),
    ]

    def __init__(self, title: str, choices: list[str]) -> None:
        super().__init__(classes="dialog-screen")
        self.title_text = title
        self.choices = choices

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.title_text, classes="dialog-title")
            yield Input(placeholder="type to search…", id="query")
            yield OptionList(*[Option(c, id=str(i)) for i, c in enumerate(self.choices)], id="options")

    def on_input_changed(self, event: Input.Changed) -> None:
        matcher = Matcher(event.value) if event.value else None
        scored = [(matcher.match(c) if matcher else 1.0, i, c) for i, c in enumerate(self.choices)]
        ranked = sorted((s for s in scored if s[0] > 0), key=lambda s: (-s[0], s[1]))
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options([Option(matcher.highlight(c) if matcher else c, id=str(i)) for _, i, c in ranked])
        options.highlighted = 0 if ranked else None

    def on_input_submitted(self) -> None:
        options = self.query_one(OptionList)
        if options.highlighted is not None:
            option = options.get_option_at_index(options.highlighted)
            self.dismiss(self.choices[int(option.id or 0)])

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.choices[int(event.option.id or 0)])

    def action_focus_list(self) -> None:
        self.query_one(OptionList).focus()

    def action_dismiss_none(self) -> None:
        self.dismiss(None)


class PromptModal(ModalScreen[str | None]):
    """Ask for one line of text (a threshold, a tag name, a filter)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss_none", "Cancel")]

    def __init__(self, title: str, value: str = "", hint: str = "") -> None:
        super().__init__(classes="dialog-screen")
        self.title_text, self.value, self.hint = title, value, hint

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.title_text, classes="dialog-title")
            yield Input(value=self.value, id="answer")
            if self.hint:
                yield Static(self.hint, classes="hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def action_dismiss_none(self) -> None:
        self.dismiss(None)


class ModelConfirmModal(ModalScreen[FieldModel | None]):
    """Names the custom field's model and asks for it explicitly: it can never change later."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss_none", "Cancel"),
        Binding("y", "confirm", "Create", show=False),
    ]

    def __init__(self, item_id: str, spec: CustomFieldSpec) -> None:
        super().__init__(classes="dialog-screen")
        self.item_id, self.spec = item_id, spec

    def compose(self) -> ComposeResult:
        spec = self.spec
        with Vertical(classes="dialog irreversible"):
            yield Label("⚠ IRREVERSIBLE: custom field model", classes="dialog-title warning-title")
            yield Static(
                f"{self.item_id} creates the custom field [b]{spec.name}[/] ({spec.data_type.value}, "
                f"key {spec.field_key}) on the [b reverse] {spec.model.value.upper()} [/] model.\n"
                "HighLevel never lets a field change model once it exists.\n"
                f"Why {spec.model.value}: {spec.model_reason or 'no reason given'}",
                classes="warning-body",
            )
            with Horizontal(classes="buttons"):
                yield Button(f"Create as {spec.model.value} field (y)", variant="warning", id="confirm")
                yield Button("Cancel (esc)", id="cancel")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(self.spec.model if event.button.id == "confirm" else None)

    def action_confirm(self) -> None:
        self.dismiss(self.spec.model)

    def action_dismiss_none(self) -> None:
        self.dismiss(None)


class ConfirmModal(ModalScreen[bool]):
    """Ask yes or no before a decision that touches more than the engineer may have meant."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "answer(False)", "Cancel"),
        Binding("n", "answer(False)", "No", show=False),
        Binding("y", "answer(True)", "Yes", show=False),
    ]

    def __init__(self, title: str, body: str) -> None:
        super().__init__(classes="dialog-screen")
        self.title_text, self.body = title, body

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.title_text, classes="dialog-title")
            yield Static(self.body, markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Yes (y)", variant="warning", id="yes")
                yield Button("No (n)", id="no")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)
