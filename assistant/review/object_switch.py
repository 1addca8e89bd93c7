"""Switch a source object to one of its alternatives: native invoice or estimate, custom object,
file + fields, note. The current reading becomes an alternative (so the switch can be undone by
choosing it back), the line table of a document follows (into the native document, or back to line
items), and the field maps of both are proposed again for the new targets, pending a decision.
"""

from __future__ import annotations

from assistant.mapping.items import FieldMap, ObjectMap, ObjectTarget
from assistant.mapping.models import Alternative, Status, TargetObject
from assistant.review.core import SessionCore
from assistant.review.errors import ReviewError

DOCUMENTS = (TargetObject.INVOICE, TargetObject.ESTIMATE)
LINES = "line_items"


def _label(targets: list[ObjectTarget]) -> str:
    return " + ".join(t.custom_object_key or t.object.value for t in targets)


class ObjectSwitch(SessionCore):
    def object_alternatives(self, item_id: str) -> list[str]:
        """A source object's alternatives, numbered from 1 (``choose_object_alternative`` counts from 0)."""
        return [f"{n}. {a.target}" for n, a in enumerate(self._object(item_id).alternatives, 1)]

    def choose_object_alternative(self, item_id: str, index: int) -> None:
        """Make alternative ``index`` (from 0) the object's targets; its lines and fields follow."""
        item = self._object(item_id)
        if not 0 <= index < len(item.alternatives):
            raise ReviewError(
                f"{item_id} has no alternative {index + 1}: {'; '.join(self.object_alternatives(item_id))}"
            )
        chosen = item.alternatives[index]
        targets = [ObjectTarget.model_validate(t) for t in chosen.value.get("targets") or []]
        if not targets:
            raise ReviewError(
                f"alternative {index + 1} of {item_id} ({chosen.target}) names no HighLevel object"
            )
        lines = [o for o in self.document.objects if o.parent_object == item.source_object and o.targets
                 and o.targets[0].role == LINES]  # fmt: skip
        touched = [item.source_object, *(o.source_object for o in lines)]

        def change() -> None:
            was = Alternative(target=_label(item.targets), score=chosen.score, value={"targets": [
                t.model_dump(mode="json", exclude_none=True) for t in item.targets]})  # fmt: skip
            item.alternatives = [was, *(a for n, a in enumerate(item.alternatives) if n != index)]
            item.targets = targets
            item.decide(Status.EDITED, self.who)
            document = next((t.object for t in targets if t.object in DOCUMENTS), None)
            for lines_map in lines:
                new = [ObjectTarget(object=document or TargetObject.PRODUCT, role=LINES)]
                old = [t.model_dump(mode="json", exclude_none=True) for t in lines_map.targets]
                lines_was = Alternative(target=f"{_label(lines_map.targets)} (line items)", score=0.35,
                                        value={"targets": old})  # fmt: skip
                same = [t.model_dump(mode="json", exclude_none=True) for t in new]
                rest = [a for a in lines_map.alternatives if a.value.get("targets") != same]
                lines_map.alternatives = [lines_was, *rest]
                lines_map.targets = new
                lines_map.decide(Status.EDITED, self.who)
            self._refit(touched)

        self.apply(f"{item_id} → {chosen.target}", ("objects", "fields"), change)

    def _refit(self, source_objects: list[str]) -> None:
        # The offline proposer loads only when an engineer switches a reading: the review starts
        # without the proposer (and never with an LLM client).
        from assistant.propose.refit import refit_fields

        context = self.context
        if not context.profiles:
            raise ReviewError("no column profiles in this workspace: run `hlmap profile` before switching")
        fresh = refit_fields(
            self.document, source_objects, context.profiles, context.destination, self.bulk_floor
        )
        kept: list[FieldMap] = [f for f in self.document.fields if f.source_object not in source_objects]
        self.document.fields = [*kept, *fresh]

    def _object(self, item_id: str) -> ObjectMap:
        item = self.item(item_id)
        if not isinstance(item, ObjectMap):
            raise ReviewError(f"{item_id} is not a source object")
        return item
