"""Tag cluster proposals: gather tag cells from tag columns and tag tables, cluster, name."""

from __future__ import annotations

from collections import Counter

from rapidfuzz import fuzz

from assistant.highlevel.state import DestinationState
from assistant.mapping.items import FieldMap, TagCluster
from assistant.mapping.models import Alternative, Evidence, FieldKind
from assistant.profile.models import TableProfile
from assistant.propose.objects import ObjectDecision
from assistant.propose.signals import lead_concept, visible_columns
from assistant.propose.sourcedata import SourceValues
from assistant.propose.tags import Cluster, cluster_tags, kebab, split_cell, tag_key


def tag_sources(
    tables: list[TableProfile], decisions: dict[str, ObjectDecision], fields: list[FieldMap]
) -> list[tuple[str, str, str | None]]:
    """(table, column, separator) of every column whose values are tags."""
    out: list[tuple[str, str, str | None]] = []
    mapped_to_tags = {
        (f.source_object, f.source_columns[0])
        for f in fields
        if f.target.kind == FieldKind.STANDARD and f.target.field == "tags"
    }
    for table in tables:
        tag_table = decisions.get(table.table) is not None and decisions[table.table].kind == "tag"
        for col in visible_columns(table):
            lead = lead_concept(col)
            if (table.table, col.column) in mapped_to_tags or (
                tag_table and lead in ("name", "tags", "title")
            ):
                out.append((table.table, col.column, col.separator))
    return out


def propose_tags(
    tables: list[TableProfile],
    decisions: dict[str, ObjectDecision],
    fields: list[FieldMap],
    values: SourceValues,
    destination: DestinationState | None,
) -> list[TagCluster]:
    counts: Counter[str] = Counter()
    origin: dict[str, set[str]] = {}
    for table, column, separator in tag_sources(tables, decisions, fields):
        for cell in values.distinct(table, column):
            for tag in split_cell(cell.value, separator):
                counts[tag] += cell.count
                origin.setdefault(tag, set()).add(f"{table}.{column}")
    existing = [t.name for t in destination.tags] if destination else []
    items: dict[str, TagCluster] = {}
    for cluster in cluster_tags(counts):
        item = _item(cluster, origin, existing)
        if item.id in items:  # two meanings ended on one spelling: keep them one tag, as HighLevel would
            kept = items[item.id]
            kept.members = sorted({*kept.members, *item.members})
            kept.counts = {**kept.counts, **item.counts}
            kept.sources = sorted({*kept.sources, *item.sources})
            continue
        items[item.id] = item
    return sorted(items.values(), key=lambda t: t.canonical)


def _item(cluster: Cluster, origin: dict[str, set[str]], existing: list[str]) -> TagCluster:
    canonical = cluster.canonical
    evidence = [
        Evidence(
            source="tags",
            detail=f"{len(cluster.members)} spelling(s), "
            f"{sum(cluster.members.values())} uses, key '{cluster.key}'",
        )
    ]
    if cluster.how:
        evidence.append(Evidence(source="tags", detail="merged by " + ", ".join(sorted(cluster.how))))
    match = next((name for name in existing if tag_key(name) == cluster.key), None)
    if match is None:
        match = max(existing, key=lambda name: fuzz.ratio(kebab(name), canonical), default=None)
    if match is not None and (tag_key(match) == cluster.key or fuzz.ratio(kebab(match), canonical) >= 92):
        canonical = match
        evidence.append(Evidence(source="destination", detail=f"tag '{match}' already exists"))
    confidence = 0.92 if len(cluster.members) == 1 else (0.72 if "fuzzy" in cluster.how else 0.85)
    members = sorted(cluster.members, key=lambda m: (-cluster.members[m], m))
    alternatives = [
        Alternative(target=f"keep '{m}' separate", score=0.2, value={"canonical": kebab(m), "members": [m]})
        for m in members[1:3]
    ]
    alternatives += [
        Alternative(target=f"name it '{kebab(m)}'", score=0.3, value={"canonical": kebab(m)})
        for m in members
        if kebab(m) != canonical
    ][:2]
    rationale = (
        f"{len(members)} spellings mean one tag; '{canonical}' is the most used clean spelling"
        if len(members) > 1
        else f"single spelling, kept as '{canonical}'"
    )
    return TagCluster(
        id=f"tag:{canonical}",
        canonical=canonical,
        members=members,
        counts=dict(cluster.members),
        sources=sorted({s for m in members for s in origin.get(m, set())}),
        confidence=confidence,
        rationale=rationale,
        evidence=evidence,
        alternatives=alternatives[:5],
    )
