"""Columns that reference other tables: owners, lookups, stage columns and reference-list values."""

from __future__ import annotations

from typing import Any

from assistant.mapping.items import FieldMap, Transform
from assistant.mapping.models import Alternative, DataType, Evidence, TargetObject
from assistant.mapping.models import TransformKind as K
from assistant.profile.models import ColumnProfile, TableProfile
from assistant.propose.customfields import label_for, new_field
from assistant.propose.fields.blank_link import blank_link_fallback
from assistant.propose.fields.build import (
    BODY_FIELD,
    SKIP_TARGET,
    TableContext,
    custom_target,
    evidence_of,
    make_map,
    standard_target,
)
from assistant.propose.fields.copies import repeated_link
from assistant.propose.fields.covered_links import name_beside_key, place_note_link, second_contact
from assistant.propose.fields.display import display_column
from assistant.propose.fields.link_keys import names_one_row
from assistant.propose.fields.owner_paths import held_borrowed_owner
from assistant.propose.fields.parent_links import held_by_parent_link
from assistant.propose.fields.pipeline_keys import pipeline_beside_stage
from assistant.propose.fields.reached_contacts import reached_contact_map
from assistant.propose.fields.same_record_links import same_record_link
from assistant.propose.normalize import concepts
from assistant.propose.objects import ObjectDecision

T = TargetObject
OWNER_FIELD = {
    T.CONTACT: "assignedTo",
    T.OPPORTUNITY: "assignedTo",
    T.TASK: "assignedTo",
    T.APPOINTMENT: "assignedUserId",
}
_LINKABLE = {T.CONTACT, T.COMPANY, T.OPPORTUNITY, T.PRODUCT, T.CUSTOM_OBJECT, T.APPOINTMENT, T.TASK}


def names_author(column: ColumnProfile) -> bool:
    """'author-id', 'created_by': who wrote the record, not who is responsible for it now."""
    named = concepts(column.column)
    return "creator" in named and "owner" not in named


def link_maps(
    ctx: TableContext, column: ColumnProfile, tables: dict[str, TableProfile]
) -> list[FieldMap] | None:
    """Field maps for a foreign-key column, or None when the referenced table is unknown."""
    fk = column.foreign_key
    if fk is None or fk.target_table not in ctx.decisions:
        return None
    other = ctx.decisions[fk.target_table]
    if (covered := name_beside_key(ctx, column) or held_by_parent_link(ctx, column, tables)) is not None:
        return [covered]
    evidence = evidence_of(column)
    resolve: dict[str, Any] = {"table": fk.target_table, "key": fk.target_column}
    if fk.by_names:  # the cell holds the row's name: the plan finds its key by these columns
        resolve["by_names"] = fk.by_names
    if ctx.decision.object_map.parent_object == fk.target_table:
        return [
            make_map(
                ctx,
                [column.column],
                SKIP_TARGET,
                Transform(),
                0.9,
                f"key that ties these rows to '{fk.target_table}'; used to merge, not stored",
                evidence,
                [Alternative(target="custom field", score=0.2, value={"kind": "custom_new"})],
            )
        ]
    if (
        other.kind == "user"
        and ctx.primary in OWNER_FIELD
        and not names_author(column)
        and ctx.claim(ctx.primary, OWNER_FIELD[ctx.primary])
    ):
        transform = Transform(kind=K.OWNER, params={**resolve, "via": "owner matches"})
        owner = make_map(
            ctx,
            [column.column],
            standard_target(ctx.primary, OWNER_FIELD[ctx.primary]),
            transform,
            0.9 * max(fk.resolved_share, 0.6),
            f"references users in '{fk.target_table}'; resolved through the owner matches",
            evidence,
            [Alternative(target="custom field (user name)", score=0.3, value={"kind": "custom_new"})],
        )
        return [held_borrowed_owner(ctx, column, owner)]  # 'quote.estimator.userid': the quote's user
    if other.kind == "pipeline" and (beside := pipeline_beside_stage(ctx, column, tables)) is not None:
        return [beside]
    if (
        other.kind == "pipeline"
        and ctx.primary == T.OPPORTUNITY
        and names_one_row(tables.get(fk.target_table), fk.target_column)
        and ctx.claim(T.OPPORTUNITY, "pipelineStageId")
    ):
        transform = Transform(
            kind=K.VALUE_MAP,
            params={"map": "stages", **resolve, "display": display_column(tables.get(fk.target_table))},
        )
        return [
            make_map(
                ctx,
                [column.column],
                standard_target(T.OPPORTUNITY, "pipelineStageId"),
                transform,
                0.88,
                f"status ids resolved to names in '{fk.target_table}', then mapped value by value "
                "to destination stages (see the stage maps)",
                evidence,
                [Alternative(target="custom field (status)", score=0.3, value={"kind": "custom_new"})],
            )
        ]
    lookups = {f.name: f for f in ctx.catalog if f.object == ctx.primary and f.value_kind == "lookup"}
    linked = _linked_object(ctx, other)
    field = f"{linked.value}Id"
    if (
        other.kind != "lookup"
        and linked in _LINKABLE
        and linked != ctx.primary
        and (field in lookups or ctx.primary == T.CUSTOM_OBJECT)
        and ctx.claim(ctx.primary, field)
    ):
        params: dict[str, Any] = {"object": linked.value, **resolve}
        blank = None
        if fk.by_names and linked == T.CONTACT:  # a blank name: the row's own e-mail may find its contact
            blank = blank_link_fallback(ctx.table, column, tables.get(fk.target_table), ctx.values)
        if blank is not None:
            params.update(blank[0])
            evidence = [*evidence, blank[1]]
        transform = Transform(kind=K.LOOKUP, params=params)
        return [
            make_map(
                ctx,
                [column.column],
                standard_target(ctx.primary, field),
                transform,
                0.88 * max(fk.resolved_share, 0.6),
                f"links each record to the {linked.value} migrated from '{fk.target_table}'",
                evidence,
                [Alternative(target="skip", score=0.1, value={"kind": "skip"})],
            )
        ]
    reached = reached_contact_map(ctx, column, linked, resolve, tables) if other.kind != "lookup" else None
    if reached is not None:
        return [reached]
    lead = (concepts(column.column) or ("",))[0]
    named = next((f for f in lookups.values() if lead in f.concepts), None)
    if named is not None and ctx.claim(ctx.primary, named.name):
        display = display_column(tables.get(fk.target_table))
        transform = Transform(
            kind=K.LOOKUP,
            params={"object": lead, **resolve, "display": display, "match": "destination by name"},
        )
        return [
            make_map(
                ctx,
                [column.column],
                standard_target(ctx.primary, named.name),
                transform,
                0.75,
                f"'{fk.target_table}' names the {lead}; matched to the destination's by name",
                evidence,
                [Alternative(target="skip", score=0.2, value={"kind": "skip"})],
            )
        ]
    if (covered := second_contact(ctx, column) or place_note_link(ctx, column)) is not None:
        return [covered]
    through = repeated_link(ctx.table, column, tables, ctx.values)
    if through is not None:  # the record that link names already links to the same one
        why = f"repeats what the record behind '{through}' links to: reached through it"
        return [make_map(ctx, [column.column], SKIP_TARGET, Transform(), 0.7, why, evidence, [])]
    twin = same_record_link(ctx.table, column, ctx.values)
    if twin is not None:  # 'Contact Name' spelling the customer 'Customer' links: the link holds it
        why = f"names on every row the record '{twin}' links to, by another of its names"
        return [make_map(ctx, [column.column], SKIP_TARGET, Transform(), 0.7, why, evidence, [])]
    return [_display_copy(ctx, column, tables.get(fk.target_table), resolve, evidence)]


def _linked_object(ctx: TableContext, other: ObjectDecision) -> TargetObject:
    """The object a reference lands on: a client that also makes a company links people to that company."""
    if other.primary == ctx.primary == T.CONTACT and any(
        t.object == T.COMPANY for t in other.object_map.targets
    ):
        return T.COMPANY
    return other.primary


def _display_copy(
    ctx: TableContext,
    column: ColumnProfile,
    target: TableProfile | None,
    resolve: dict[str, Any],
    evidence: list[Evidence],
) -> FieldMap:
    """A reference with no standard home keeps the referenced record's name as a value."""
    display = None if resolve.get("by_names") else display_column(target)  # a name is its own display
    transform = Transform(kind=K.LOOKUP, params={**resolve, "display": display})
    label = label_for(column).removesuffix(" Id").removesuffix(" ID").strip() or label_for(column)
    holder = ctx.field_holder
    why = f"references '{resolve['table']}' ({display or 'key'} shown), which has no standard home here"
    if holder is not None:
        spec = new_field(column, label, holder, ctx.name, ctx.custom_object_key, DataType.TEXT)
        reused = ctx.reusable(spec, column)
        spec = reused[0] if reused else spec
        return make_map(
            ctx,
            [column.column],
            custom_target(spec, holder),
            transform,
            0.62,
            why,
            evidence,
            [Alternative(target="skip", score=0.3, value={"kind": "skip"})],
        )
    if ctx.primary in BODY_FIELD:
        body = BODY_FIELD[ctx.primary]
        transform = Transform(
            kind=K.LOOKUP,
            params={**resolve, "display": display, "template": f"{label}: {{value}}", "append": True},
        )
        return make_map(
            ctx,
            [column.column],
            standard_target(ctx.primary, body),
            transform,
            0.6,
            f"{why}; {ctx.primary.value}s take no custom fields, so it is written into the {body}",
            evidence,
            [Alternative(target="skip", score=0.3, value={"kind": "skip"})],
        )
    return make_map(
        ctx,
        [column.column],
        SKIP_TARGET,
        Transform(),
        0.7,
        f"{why}; {ctx.primary.value} records keep no such value",
        evidence,
        [],
    )
