"""What the screens list, computed headless: overview rows, filters and search."""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.mapping.items import FieldMap, MappingDocument, ObjectMap, StageValueMap
from assistant.mapping.models import Proposal, Status


@dataclass
class ObjectRow:
    """One source object on the overview: its targets and how far its review has come."""

    source_object: str
    targets: str
    row_count: int
    counts: dict[Status, int] = field(default_factory=lambda: dict.fromkeys(Status, 0))
    lowest_confidence: float = 1.0

    @property
    def pending(self) -> int:
        return self.counts[Status.PROPOSED]


def overview_rows(document: MappingDocument) -> list[ObjectRow]:
    """Every source object, lowest confidence first (the riskiest proposals come up first)."""
    rows: dict[str, ObjectRow] = {}
    for obj in document.objects:
        rows[obj.source_object] = ObjectRow(obj.source_object, _targets(obj), obj.row_count)
    for item in document.items():
        name = source_object_of(item)
        if name is None:
            continue
        row = rows.setdefault(name, ObjectRow(name, "—", 0))
        row.counts[item.status] += 1
        row.lowest_confidence = min(row.lowest_confidence, item.confidence)
    return sorted(rows.values(), key=lambda r: (r.lowest_confidence, r.source_object))


def _targets(obj: ObjectMap) -> str:
    return " + ".join(t.custom_object_key or t.object.value for t in obj.targets)


def source_object_of(item: Proposal) -> str | None:
    if isinstance(item, ObjectMap | FieldMap | StageValueMap):
        return item.source_object
    return None


def object_items(document: MappingDocument, source_object: str) -> list[Proposal]:
    """The object map itself, then its field proposals in document order."""
    head: list[Proposal] = [o for o in document.objects if o.source_object == source_object]
    return head + [f for f in document.fields if f.source_object == source_object]


@dataclass
class ItemFilter:
    """Status, confidence range and free-text search applied to a screen's items."""

    statuses: frozenset[Status] = frozenset(Status)
    min_confidence: float = 0.0
    max_confidence: float = 1.0
    text: str = ""

    @property
    def active(self) -> bool:
        return self != ItemFilter()

    def keep(self, item: Proposal, searchable: str) -> bool:
        if item.status not in self.statuses:
            return False
        if not self.min_confidence <= item.confidence <= self.max_confidence:
            return False
        return self.text.lower() in searchable.lower()

    def describe(self) -> str:
        parts = []
        if self.statuses != frozenset(Status):
            parts.append("status " + "/".join(sorted(s.value for s in self.statuses)))
        if (self.min_confidence, self.max_confidence) != (0.0, 1.0):
            parts.append(f"confidence {self.min_confidence:.2f}–{self.max_confidence:.2f}")
        if self.text:
            parts.append(f"search {self.text!r}")
        return ", ".join(parts)


def parse_filter(spec: str, text: str = "") -> ItemFilter:
    """``pending``, ``accepted,edited``, ``<0.7``, ``>=0.5`` or combined: ``pending <0.7``."""
    statuses: set[Status] = set()
    low, high = 0.0, 1.0
    for token in spec.replace(",", " ").split():
        word = token.lower()
        if word in ("pending", "proposed"):
            statuses.add(Status.PROPOSED)
        elif word in Status.__members__.values():
            statuses.add(Status(word))
        elif word.startswith(("<", ">")):
            number = float(word.lstrip("<>="))
            low, high = (low, number) if word.startswith("<") else (number, high)
        elif word != "all":
            raise ValueError(f"unknown filter {token!r}: use a status, <number or >number")
    return ItemFilter(frozenset(statuses or Status), low, high, text)
