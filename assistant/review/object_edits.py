"""Decisions about a whole source object: what its creates do with contacts HighLevel already holds."""

from __future__ import annotations

from assistant.mapping.items import ObjectMap
from assistant.mapping.models import DuplicateChoice, TargetObject
from assistant.review.core import SessionCore
from assistant.review.errors import ReviewError


class ObjectEdits(SessionCore):
    def set_on_duplicate(self, item_id: str, choice: DuplicateChoice) -> None:
        """Skip, fill empty fields, overwrite or create separately when the contact already exists."""
        item = self.item(item_id)
        if not isinstance(item, ObjectMap):
            raise ReviewError(f"{item_id} is not a source object")
        if not any(t.object is TargetObject.CONTACT for t in item.targets):
            raise ReviewError(
                f"{item.source_object} creates no contacts: HighLevel's duplicate rule never meets it"
            )

        def change() -> None:
            item.on_duplicate = choice

        self.apply_to(f"{item_id}: existing contacts → {choice.value}", item, change)
