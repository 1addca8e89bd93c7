"""Tags on a deal row land on the deal's contact: HighLevel opportunities carry no tags.

A deal table's tags column (its header says tags, or its labels come in case/space variants of
one another, as contact tags do) has two readings: a text field on the opportunity, or tags on the
contact the row links to. When the row names its contact (a link by id or by name, or a contact
split off the same row), the contact's tags keep what the labels are for (segmenting people), so
that reading is proposed, with the opportunity's custom field kept as the first alternative.
"""

from __future__ import annotations

from assistant.mapping.items import FieldMap
from assistant.mapping.models import Alternative, Evidence, FieldKind, TargetObject
from assistant.profile.models import ColumnProfile, SemanticType
from assistant.propose.fields.build import TableContext, make_map, standard_target
from assistant.propose.label_variants import spelled_several_ways
from assistant.propose.signals import lead_concept
from assistant.propose.transforms import transform_for

T = TargetObject
# Below the labels' own standard reading on a contact table: the row's link decides whose tags they
# become, so a link that resolves only partly lowers it.
DEAL_TAGS_CONFIDENCE = 0.85
_CUSTOM = (FieldKind.CUSTOM_NEW, FieldKind.CUSTOM_EXISTING)


def reads_as_tags(col: ColumnProfile) -> bool:
    """The tag evidence contact tags use: a tags header, or labels typed in case/space variants under a
    header that names nothing else ('Groups'; never 'Visits assigned to', people in case variants)."""
    lead = lead_concept(col)
    if lead is not None:
        return lead == "tags"
    return col.semantic_type == SemanticType.MULTI_VALUE and spelled_several_ways(col)


def _contact_link(ctx: TableContext, maps: list[FieldMap]) -> tuple[str, float] | None:
    """How the deal row reaches its contact (for the evidence) and how sure that link is."""
    if any(t.object == T.CONTACT for t in ctx.decision.object_map.targets[1:]):
        return "the contact split off the same row", 1.0
    for fm in maps:
        target = fm.target
        if target.kind == FieldKind.STANDARD and target.object == ctx.primary and target.field == "contactId":
            column = fm.source_columns[0]
            fks = [c.foreign_key for c in ctx.table.columns if c.column == column and c.foreign_key]
            return f"the contact '{column}' links it to", fks[0].resolved_share if fks else 1.0
    return None


def tags_on_deal_contact(ctx: TableContext, maps: list[FieldMap]) -> list[FieldMap]:
    """Re-target a deal table's tags column from an opportunity custom field to the contact's tags."""
    if ctx.primary != T.OPPORTUNITY or any(f.object == ctx.primary and f.name == "tags" for f in ctx.catalog):
        return maps  # a record that takes tags keeps its own
    link = _contact_link(ctx, maps)
    if link is None:
        return maps
    columns = {c.column: c for c in ctx.table.columns}
    out: list[FieldMap] = []
    for fm in maps:
        col = columns.get(fm.source_columns[0]) if len(fm.source_columns) == 1 else None
        custom = fm.target.kind in _CUSTOM and fm.target.object == T.OPPORTUNITY
        out.append(_retargeted(ctx, fm, col, *link) if col and custom and reads_as_tags(col) else fm)
    return out


def _retargeted(ctx: TableContext, fm: FieldMap, col: ColumnProfile, how: str, share: float) -> FieldMap:
    why = (
        f"'{col.column}' holds tags and HighLevel opportunities carry none: "
        f"they land on the deal's contact ({how}), added beside the tags it already has"
    )
    kept = Alternative(
        target="opportunity: new custom field",
        score=0.4,
        value={"kind": FieldKind.CUSTOM_NEW.value, "object": T.OPPORTUNITY.value, "model": "opportunity"},
    )
    evidence = [
        *[e for e in fm.evidence if e.source == "profile"],
        Evidence(source="links", detail=why),
    ]
    return make_map(
        ctx,
        list(fm.source_columns),
        standard_target(T.CONTACT, "tags"),
        transform_for(col, "tags", ctx.default_country),
        DEAL_TAGS_CONFIDENCE * max(share, 0.6),
        why,
        evidence,
        [kept, *[a for a in fm.alternatives if a.value.get("kind") == "skip"]],
    )
