"""The headless review core: every decision is applied to the document, saved, and can be undone.

A decision runs as: remember how the touched sections looked (for undo) → apply → save with
who. A refused decision (``ReviewError``) leaves the document exactly as it was.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from pathlib import Path
from typing import Any

from assistant.mapping.items import (
    BusinessBilling,
    FieldMap,
    HoldingParent,
    MappingDocument,
    ObjectMap,
    OwnerMatch,
    StageValueMap,
    TagCluster,
)
from assistant.mapping.models import FieldKind, FieldModel, Proposal, Status
from assistant.review import decisions
from assistant.review.context import ReviewContext
from assistant.review.errors import ReviewError
from assistant.review.persistence import Persistence
from assistant.review.undo import UndoEntry, change_of, restore

UNDO_DEPTH = 100


class SessionCore:
    """Decisions on one mapping document by one engineer (``who``): the cycle, accept, reject."""

    def __init__(
        self,
        document: MappingDocument,
        who: str,
        persistence: Persistence,
        context: ReviewContext | None = None,
        *,
        bulk_floor: float = 0.0,
    ) -> None:
        self.bulk_floor = bulk_floor  # propose.confidence_threshold: nothing below it is bulk-accepted
        self.document = document
        self.who = who
        self.persistence = persistence
        self.context = context or ReviewContext()
        self.undo_stack: list[UndoEntry] = []
        self._counts: dict[Status, int] | None = None  # kept in step by one-item decisions

    # -- the decision cycle -------------------------------------------------------------------
    def apply(self, description: str, sections: tuple[str, ...], change: Callable[[], None]) -> None:
        """Apply a change that may add, drop or reorder items of ``sections``."""
        before = {name: [i.model_dump() for i in getattr(self.document, name)] for name in sections}
        self._run(UndoEntry(description, before), change)

    def apply_to(self, description: str, item: Proposal, change: Callable[[], None]) -> None:
        """Apply a change to one item: only that item is remembered, so big documents stay fast."""
        section = section_of(item)
        index = next(n for n, other in enumerate(getattr(self.document, section)) if other is item)
        self._run(UndoEntry(description, {}, (section, index, item.model_dump())), change)

    def _run(self, entry: UndoEntry, change: Callable[[], None]) -> None:
        lookup = entry.item[2]["id"] if entry.item else None
        try:
            change()
        except BaseException:
            restore(self.document, entry)
            raise
        self._recount(entry.item, undone=False)
        self.undo_stack.append(entry)
        del self.undo_stack[:-UNDO_DEPTH]
        self.persistence.save(self.document, self.who, change_of(self.document, entry, lookup))

    def undo(self) -> str:
        """Revert the last decision and save; returns what was undone."""
        if not self.undo_stack:
            raise ReviewError("nothing to undo")
        entry = self.undo_stack.pop()
        lookup = getattr(self.document, entry.item[0])[entry.item[1]].id if entry.item else None
        self._recount(entry.item, undone=True)
        restore(self.document, entry)
        self.persistence.save(self.document, self.who, change_of(self.document, entry, lookup))
        return entry.description

    def item(self, item_id: str) -> Proposal:
        try:
            return self.document.find(item_id)
        except KeyError:
            raise ReviewError(f"no proposal with id {item_id!r}") from None

    # -- accept / reject ------------------------------------------------------------------------
    def accept(self, item_id: str, *, model_confirmed: FieldModel | None = None) -> None:
        item = self.item(item_id)
        decisions.check_acceptable(item, model_confirmed)
        self.apply_to(f"accept {item_id}", item, lambda: item.decide(Status.ACCEPTED, self.who))

    def reject(self, item_id: str) -> None:
        item = self.item(item_id)
        self.apply_to(f"reject {item_id}", item, lambda: item.decide(Status.REJECTED, self.who))

    def accept_above(
        self,
        threshold: float,
        *,
        custom_field_models_confirmed: bool = False,
        within: Collection[str] | None = None,
    ) -> list[str]:
        """Accept every pending proposal with confidence >= threshold that can be accepted as is.

        ``within`` limits it to those ids (the object on screen). New custom fields are left
        pending unless their models were confirmed for this call (the model cannot change once
        HighLevel has created the field); stage values without a stage and owners without a user
        are left pending too.
        """
        if threshold < self.bulk_floor:
            raise ReviewError(
                f"{threshold:.2f} is below propose.confidence_threshold {self.bulk_floor:.2f}: "
                "proposals under it are decided one by one"
            )
        chosen: list[Proposal] = []
        for item in self.document.pending():
            if item.confidence < threshold or (within is not None and item.id not in within):
                continue
            model = custom_model(item) if custom_field_models_confirmed else None
            if decisions.acceptable(item, model):
                chosen.append(item)
        if chosen:
            self.apply(
                f"accept {len(chosen)} above {threshold:.2f}",
                tuple(dict.fromkeys(section_of(i) for i in chosen)),
                lambda: self._decide_all(chosen, Status.ACCEPTED),
            )
        return [i.id for i in chosen]

    def reject_pending(self) -> list[str]:
        """Reject everything still pending (``--yes`` flows: not migrated, reported)."""
        pending = self.document.pending()
        if pending:
            sections = tuple(dict.fromkeys(section_of(i) for i in pending))
            self.apply(
                f"reject {len(pending)} pending",
                sections,
                lambda: self._decide_all(pending, Status.REJECTED),
            )
        return [i.id for i in pending]

    def _decide_all(self, items: list[Proposal], status: Status) -> None:
        for item in items:
            item.decide(status, self.who)

    # -- confirm --------------------------------------------------------------------------------
    def blocking(self) -> list[Proposal]:
        """Items that stop confirmation: undecided ones and confirmed ones that cannot execute."""
        return [i for i in self.document.items() if i.status is Status.PROPOSED or decisions.broken(i)]

    def confirm(self) -> Path:
        blocking = self.blocking()
        if blocking:
            ids = ", ".join(i.id for i in blocking[:5])
            raise ReviewError(f"{len(blocking)} proposals still need a decision: {ids}")
        return self.persistence.save_confirmed(self.document, self.who)

    def counts(self) -> dict[Status, int]:
        if self._counts is None:
            self._counts = dict.fromkeys(Status, 0)
            for item in self.document.items():
                self._counts[item.status] += 1
        return dict(self._counts)

    def _recount(self, touched: tuple[str, int, dict[str, Any]] | None, *, undone: bool) -> None:
        """One item's status moved (the count follows it); anything else is counted again when asked."""
        if self._counts is None or touched is None:
            self._counts = None
            return
        section, index, data = touched
        now, then = getattr(self.document, section)[index].status, Status(data["status"])
        before, after = (now, then) if undone else (then, now)
        self._counts[before] -= 1
        self._counts[after] += 1


def section_of(item: Proposal) -> str:
    kinds: tuple[tuple[str, type[Proposal]], ...] = (
        ("objects", ObjectMap),
        ("fields", FieldMap),
        ("tags", TagCluster),
        ("stages", StageValueMap),
        ("owners", OwnerMatch),
        ("holdings", HoldingParent),
        ("billings", BusinessBilling),
    )
    return next(name for name, kind in kinds if isinstance(item, kind))


def custom_model(item: Proposal) -> FieldModel | None:
    if isinstance(item, FieldMap) and item.target.kind is FieldKind.CUSTOM_NEW and item.target.custom_field:
        return item.target.custom_field.model
    return None
