"""What a gold map says, after parsing: the acceptable answers per item.

A column's gold is a tuple of *readings* (acceptable answers); a reading is the tuple of targets
that must all be produced (``name`` -> ``firstName`` + ``lastName`` is one reading of two targets).
The scorer picks, per column, the reading that best fits the proposal.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

# Custom field dataTypes that hold the same values without loss; a proposal whose dataType is in
# the same group as one the gold allows is "compatible" (the exact type is scored separately).
COMPATIBLE_TYPES: tuple[frozenset[str], ...] = (
    frozenset({"TEXT", "LARGE_TEXT"}),
    frozenset({"NUMERICAL", "MONETORY"}),
    frozenset({"SINGLE_OPTIONS", "RADIO"}),
)


def compatible(proposed: str, allowed: tuple[str, ...]) -> bool:
    """True when ``proposed`` is one of ``allowed`` or shares a compatibility group with one."""
    if not allowed or proposed in allowed:
        return True
    return any(proposed in group and not group.isdisjoint(allowed) for group in COMPATIBLE_TYPES)


@dataclass(frozen=True)
class GoldTarget:
    """One acceptable destination of a source column."""

    kind: Literal["standard", "custom", "skip"]
    object: str | None = None  # standard: contact, opportunity, ...
    field: str | None = None  # standard: firstName, email, ...
    model: str | None = None  # custom: contact | opportunity | company | custom_object
    data_types: tuple[str, ...] = ()  # custom: acceptable dataTypes (empty: any)
    key: str | None = None  # custom: this existing fieldKey must be reused
    object_key: str | None = None  # custom on a custom object: custom_objects.<key>

    def label(self) -> str:
        if self.kind == "skip":
            return "skip"
        if self.kind == "standard":
            return f"{self.object}.{self.field}"
        types = "|".join(self.data_types) or "any"
        where = self.key or self.object_key or self.model
        return f"custom({where}, {types})"


SKIP = GoldTarget("skip")
Reading = tuple[GoldTarget, ...]


@dataclass(frozen=True)
class GoldColumn:
    readings: tuple[Reading, ...]

    @property
    def skip_only(self) -> bool:
        return all(r == (SKIP,) for r in self.readings)


@dataclass(frozen=True)
class ObjectReading:
    """Correct when include <= proposed targets <= include | allow."""

    include: frozenset[str]
    allow: frozenset[str] = frozenset()

    def accepts(self, proposed: frozenset[str]) -> bool:
        if not self.include <= proposed:
            return False
        extra = proposed - self.include
        return all(_target_allowed(t, self.allow) for t in extra)


def _target_allowed(target: str, allow: frozenset[str]) -> bool:
    # "custom_object" in allow accepts any custom object; "custom_object:<key>" only that one.
    return target in allow or target.split(":", 1)[0] in allow


@dataclass(frozen=True)
class StageAnswer:
    stages: tuple[str, ...] = ()  # acceptable stage names (empty: any stage)
    status: str | None = None  # open | won | lost | abandoned (None: any)
    pipeline: str | None = None
    flag: bool = False  # no fitting stage: the proposal must flag it for a human


UNMATCHED = "unmatched"


@dataclass
class Gold:
    """A whole gold map; every part may be empty (then it is not scored)."""

    name: str
    objects: dict[str, tuple[ObjectReading, ...]] = field(default_factory=dict)
    fields: dict[str, dict[str, GoldColumn]] = field(default_factory=dict)
    stages: dict[tuple[str, str, str], tuple[StageAnswer, ...]] = field(default_factory=dict)
    tags: dict[str, list[str]] = field(default_factory=dict)
    owners: dict[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)  # user email/id or UNMATCHED
