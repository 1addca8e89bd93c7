"""Memory on top of a fresh proposal: each source table matched to a remembered one, its decisions
put first with their provenance. Only pending items change: a decision made in this workspace
is kept by the merge that follows, so memory never overrides it."""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.highlevel.state import DestinationState
from assistant.mapping.items import MappingDocument
from assistant.mapping.models import Status
from assistant.memory.apply_fields import apply_field, apply_object
from assistant.memory.apply_values import apply_owner, apply_stage, apply_tags
from assistant.memory.match import best_match
from assistant.memory.models import MemoryFile
from assistant.profile.models import TableProfile


@dataclass
class MemoryUse:
    """What memory did to one proposal, for the command's summary."""

    tables: dict[str, str] = field(default_factory=dict)  # source table -> "table of migration (87 %)"
    reused: int = 0
    rejected: int = 0

    def summary(self) -> str:
        if not self.tables:
            return "memory: no remembered table matches these headers"
        matched = ", ".join(f"{name} ← {where}" for name, where in self.tables.items())
        return (
            f"memory: {self.reused} remembered decision(s) on top, {self.rejected} remembered rejection(s) "
            f"kept; {matched}"
        )


def apply_memory(
    document: MappingDocument,
    profiles: list[TableProfile],
    memory: MemoryFile,
    destination: DestinationState | None,
) -> MemoryUse:
    use = MemoryUse()
    by_name = {p.table: p for p in profiles}
    for obj in document.objects:
        profile = by_name.get(obj.source_object)
        if profile is None or obj.status != Status.PROPOSED:
            continue
        match = best_match(profile, memory)
        if match is None:
            continue
        old = match.remembered
        use.tables[obj.source_object] = f"{old.table} of {old.migration} ({match.similarity:.0%})"
        for decision in old.decisions:
            if decision.kind == "object":
                outcome = apply_object(obj, match, decision)
            elif decision.kind == "field":
                outcome = apply_field(document, obj.source_object, match, decision, destination)
            elif decision.kind == "stage":
                outcome = apply_stage(document, obj.source_object, match, decision, destination)
            elif decision.kind == "owner":
                outcome = apply_owner(document, obj.source_object, match, decision, destination)
            else:
                outcome = None
            use.reused += outcome == "reused"
            use.rejected += outcome == "rejected"
    tags = apply_tags(document, memory.tags)
    use.reused += tags["reused"]
    use.rejected += tags["rejected"]
    return use
