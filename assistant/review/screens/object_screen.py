"""One source object: its columns with profile facts, proposed targets, and alternatives."""

from __future__ import annotations

from typing import ClassVar

from rich.console import RenderableType
from rich.text import Text
from textual.binding import Binding, BindingType

from assistant.mapping.items import FieldMap, ObjectMap
from assistant.mapping.models import DuplicateChoice, FieldKind, Proposal
from assistant.review.costs import cost_line
from assistant.review.messages import ProposalEdited
from assistant.review.screens.details import field_detail, object_detail, profile_facts, samples
from assistant.review.screens.facts import field_facts
from assistant.review.screens.items import ItemsScreen
from assistant.review.screens.modals import PickerModal
from assistant.review.style import clip, confidence_text, status_text
from assistant.review.targets import label_for
from assistant.review.views import object_items


class ObjectScreen(ItemsScreen):
    COLUMNS = ("Column", "Samples", "Profile", "→ Target", "Transform", "Custom field", "Conf.", "Status")
    WIDTHS = (14, 12, 14, 20, 9, 12, 8, None)
    STRETCH = frozenset({"Column", "Samples", "Profile", "→ Target", "Custom field"})
    BINDINGS: ClassVar[list[BindingType]] = [
        *ItemsScreen.BINDINGS,
        Binding("d", "custom_field", "Field type"),
        Binding("x", "duplicates", "Existing contacts", show=False),
        Binding("1", "alternative(0)", "Alt 1-3"),
        Binding("2", "alternative(1)", "Alt 2", show=False),
        Binding("3", "alternative(2)", "Alt 3", show=False),
    ]

    def __init__(self, source_object: str) -> None:
        super().__init__()
        self.source_object = source_object
        self.SCREEN_TITLE = f"Object · {source_object}"
        self.SCOPE_NAME = source_object

    def all_items(self) -> list[Proposal]:
        return object_items(self.review.session.document, self.source_object)

    def cells(self, item: Proposal) -> tuple[RenderableType, ...]:
        conf, status = confidence_text(item.confidence, self.review.threshold), status_text(item.status)
        if isinstance(item, ObjectMap):
            targets = " + ".join(t.object.value for t in item.targets)
            return (
                Text("(object)", "bold"),
                f"{item.row_count:,} rows",
                "",
                clip(targets, self.width("→ Target"), "cyan"),
                "",
                "",
                conf,
                status,
            )
        assert isinstance(item, FieldMap)
        column = self.review.session.context.column(item.source_object, item.source_columns[0])
        spec = item.target.custom_field
        custom = Text("")
        if spec is not None:
            style = "bold yellow" if item.target.kind is FieldKind.CUSTOM_NEW else "cyan"
            custom = clip(f"{spec.data_type.value}/{spec.model.value}", self.width("Custom field"), style)
        target_style = "dim" if item.target.kind is FieldKind.SKIP else "cyan"
        return (
            clip(" + ".join(item.source_columns), self.width("Column"), "bold"),
            clip(samples(column), self.width("Samples"), "dim"),
            clip(profile_facts(column), self.width("Profile")),
            clip(label_for(item.target), self.width("→ Target"), target_style),
            clip(item.transform.kind.value, self.width("Transform")),
            custom,
            conf,
            status,
        )

    def searchable(self, item: Proposal) -> str:
        if isinstance(item, FieldMap):
            return f"{item.id} {label_for(item.target)} {item.rationale}"
        return item.id

    def detail(self, item: Proposal) -> RenderableType:
        context = self.review.session.context
        if isinstance(item, FieldMap):
            column = context.column(item.source_object, item.source_columns[0])
            checks = self.review.value_checks
            failures = checks.get(item, self.review.session.document) if checks else None
            facts = field_facts(item, column, self.review.costs, context.destination, failures)
            return field_detail(item, column, facts)
        assert isinstance(item, ObjectMap)
        return object_detail(item, cost_line(self.review.costs, item.id))

    def action_edit(self) -> None:
        item = self.current()
        if isinstance(item, FieldMap):
            self.review.edit_field_flow(item.id)
        else:
            self.notify("pick a column row to edit its target", severity="warning")

    def action_alternative(self, index: int) -> None:
        item = self.current()
        if isinstance(item, FieldMap):
            self.review.alternative_flow(item.id, index)
        elif isinstance(item, ObjectMap):
            self.review.object_alternative_flow(item.id, index)

    def action_custom_field(self) -> None:
        item = self.current()
        if isinstance(item, FieldMap):
            self.review.custom_field_flow(item.id)

    def action_duplicates(self) -> None:
        """x: what this object's creates do when HighLevel already holds the contact."""
        item_id = f"object:{self.source_object}"

        def chosen(label: str | None) -> None:
            if label:
                choice = DuplicateChoice(label)
                message = ProposalEdited(f"{item_id}: existing contacts → {label}", (item_id,))
                self.review.decide(message, lambda: self.review.session.set_on_duplicate(item_id, choice))

        title = "When HighLevel already holds the contact (same email or phone)"
        self.review.push_screen(PickerModal(title, [c.value for c in DuplicateChoice]), chosen)
