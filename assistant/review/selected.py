"""Decisions on a chosen set of proposals at once (``hlmap decide`` selectors): one undo step."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.mapping.models import Proposal, Status
from assistant.review import decisions
from assistant.review.core import SessionCore, custom_model, section_of


class SelectedEdits(SessionCore):
    def accept_items(
        self, item_ids: Sequence[str], *, custom_field_models_confirmed: bool = False
    ) -> tuple[list[str], dict[str, str]]:
        """Accept ``item_ids`` that can be accepted as they stand; the rest are returned with why not."""
        chosen: list[Proposal] = []
        refused: dict[str, str] = {}
        for item in (self.item(i) for i in item_ids):
            model = custom_model(item) if custom_field_models_confirmed else None
            reason = decisions.problem(item, model)
            if reason is None:
                chosen.append(item)
            else:
                refused[item.id] = reason
        self._decide_selected(chosen, Status.ACCEPTED)
        return [i.id for i in chosen], refused

    def reject_items(self, item_ids: Sequence[str]) -> list[str]:
        chosen = [self.item(i) for i in item_ids]
        self._decide_selected(chosen, Status.REJECTED)
        return [i.id for i in chosen]

    def _decide_selected(self, items: list[Proposal], status: Status) -> None:
        if items:
            self.apply(
                f"{status.value} {len(items)} selected",
                tuple(dict.fromkeys(section_of(i) for i in items)),
                lambda: self._decide_all(items, status),
            )
