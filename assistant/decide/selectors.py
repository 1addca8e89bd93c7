"""Selectors such as ``kind=tag`` or ``object=workflows,kind=field``: which proposals a flag touches."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from assistant.errors import HlmapError, did_you_mean
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
from assistant.mapping.models import Proposal

KINDS: dict[str, type[Proposal]] = {
    "object": ObjectMap,
    "field": FieldMap,
    "tag": TagCluster,
    "stage": StageValueMap,
    "owner": OwnerMatch,
    "holding": HoldingParent,
    "billing": BusinessBilling,
}


def _kind(item: Proposal, value: str) -> bool:
    return isinstance(item, KINDS[value])


def _object(item: Proposal, value: str) -> bool:
    if isinstance(item, TagCluster):  # tags name where they came from as "object.column"
        return any(source.split(".", 1)[0] == value for source in item.sources)
    return getattr(item, "source_object", None) == value


def _column(item: Proposal, value: str) -> bool:
    if isinstance(item, FieldMap):
        return value in item.source_columns
    if isinstance(item, StageValueMap):
        return item.source_column == value
    if isinstance(item, TagCluster):
        return any(source.split(".", 1)[-1] == value for source in item.sources)
    if isinstance(item, HoldingParent):
        return item.link_column == value
    return False


def _target(item: Proposal, value: str) -> bool:
    if isinstance(item, FieldMap):
        return item.target.object is not None and item.target.object.value == value
    if isinstance(item, ObjectMap):
        return any(t.object.value == value or t.custom_object_key == value for t in item.targets)
    if isinstance(item, BusinessBilling):
        return item.document == value
    return False


MATCHERS: dict[str, Callable[[Proposal, str], bool]] = {
    "kind": _kind,
    "object": _object,
    "column": _column,
    "target": _target,
    "id": lambda item, value: item.id == value,
}


@dataclass(frozen=True)
class Selector:
    """All conditions must hold; ``explicit`` when it names one proposal by id."""

    text: str
    conditions: tuple[tuple[str, str], ...]

    @property
    def explicit(self) -> bool:
        return any(key == "id" for key, _ in self.conditions)

    def matches(self, item: Proposal) -> bool:
        return all(MATCHERS[key](item, value) for key, value in self.conditions)

    def select(self, document: MappingDocument) -> list[Proposal]:
        """Matching proposals: any status when named by id, otherwise only those still pending."""
        pool = list(document.items()) if self.explicit else document.pending()
        return [item for item in pool if self.matches(item)]


def parse_selector(flag: str, text: str) -> Selector:
    """``kind=field,object=clients`` (or ``id=stage:quotes.status=sent``, taken whole)."""
    if text.startswith("id="):
        return Selector(text, (("id", text[3:]),))
    conditions: list[tuple[str, str]] = []
    for part in text.split(","):
        key, sep, value = part.partition("=")
        key, value = key.strip(), value.strip()
        if not sep or not value:
            raise HlmapError(f"{flag} {text!r}: write KEY=VALUE, KEY one of {', '.join(MATCHERS)}")
        if key not in MATCHERS:
            allowed = ", ".join(MATCHERS)
            raise HlmapError(
                f"{flag} {text!r}: unknown key {key!r} (allowed: {allowed}){did_you_mean(key, MATCHERS)}"
            )
        if key == "kind" and value not in KINDS:
            allowed = ", ".join(KINDS)
            raise HlmapError(f"{flag} {text!r}: kind is one of {allowed}{did_you_mean(value, KINDS)}")
        conditions.append((key, value))
    return Selector(text, tuple(conditions))
