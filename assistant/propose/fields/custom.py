"""Columns with no standard home: a custom field (new or reused), a line of the record's body, or skip."""

from __future__ import annotations

from assistant.mapping.items import CustomFieldSpec, FieldMap, Transform
from assistant.mapping.models import Alternative, DataType, Evidence, TargetObject
from assistant.mapping.models import TransformKind as K
from assistant.profile.id_headers import leads_with_id_word
from assistant.profile.models import ColumnProfile, SemanticType
from assistant.propose.candidates import Candidate
from assistant.propose.customfields import label_for, new_field, record_nouns
from assistant.propose.fields.bookkeeping import BOOKKEEPING_CONFIDENCE, bookkeeping_reason
from assistant.propose.fields.build import (
    BODY_FIELD,
    TableContext,
    alternatives_from,
    custom_target,
    evidence_of,
    make_map,
    standard_target,
)
from assistant.propose.fields.id_holders import named_holder
from assistant.propose.fields.nested_keys import OLD_KEY_CONFIDENCE, nested_key_reason
from assistant.propose.fields.nested_labels import ENTRY_LABEL_CONFIDENCE, entry_label_doubt
from assistant.propose.fields.rollups import counted_records
from assistant.propose.fields.rules import skip_map
from assistant.propose.fields.typed_entries import ROUTED_CONFIDENCE, routed_value_doubt
from assistant.propose.fields.untaggable import UNTAGGABLE_CONFIDENCE, untaggable_reason
from assistant.propose.normalize import normalise, readable, singular, tokens
from assistant.propose.place_tables import keyed_by_place
from assistant.propose.signals import lead_concept
from assistant.propose.transforms import transform_for, value_kind_of
from assistant.propose.value_shapes import constant_value, single_value

S = SemanticType
T = TargetObject
_NOTE_HOLDERS = (T.CONTACT, T.OPPORTUNITY, T.COMPANY)


def empty_penalty(col: ColumnProfile) -> tuple[float, list[Evidence]]:
    if col.null_share >= 0.9:
        return 0.7, [Evidence(source="profile", detail=f"{col.null_share:.0%} empty: kept, low confidence")]
    return 1.0, []


def body_noise(col: ColumnProfile) -> str | None:
    """Why a column would only clutter a text body people read (ids, sort positions, time zones), or None."""
    concept = lead_concept(col)
    if col.semantic_type in (S.IDENTIFIER, S.FOREIGN_KEY) and concept in (None, "identifier"):
        return "an opaque identifier: nobody reads it in a body"
    if concept == "order":
        return "a sort position among sibling records, not information about this one"
    if concept == "timezone":
        return "a display setting: the times themselves carry their offset"
    return None


def fallback_map(ctx: TableContext, col: ColumnProfile, cands: list[Candidate]) -> FieldMap:
    factor, sparse = empty_penalty(col)
    # before the note: the same text on every record is the account's boilerplate, no record's note
    is_key = col.column == ctx.table.primary_key and not keyed_by_place(col, ctx.table.primary_key)
    constant = None if is_key else constant_value(col)
    if constant is not None:
        why = f"every record holds '{constant}': a constant says nothing about any one record"
        return skip_map(ctx, col, why, 0.66)
    evidence = [*evidence_of(col), *sparse]
    if (
        lead_concept(col) == "notes"
        and ctx.primary in _NOTE_HOLDERS
        and col.semantic_type in (S.FREE_TEXT, S.MULTI_VALUE, S.PICKLIST)
    ):
        ctx.extra_targets.add(T.NOTE)
        return make_map(
            ctx,
            [col.column],
            standard_target(T.NOTE, "body"),
            Transform(),
            0.8 * factor,
            f"free-text '{col.column}' becomes a note on the {ctx.primary.value}",
            evidence,
            alternatives_from(cands, None, []),
        )
    counted = counted_records(ctx, col)
    if counted is not None:
        return skip_map(ctx, col, f"counts the export's own '{counted}' records: HighLevel links them", 0.6)
    old_key = None if is_key else nested_key_reason(ctx, col)  # 'mainContact.id', an API's 'links'
    if old_key is not None:
        return skip_map(ctx, col, old_key, OLD_KEY_CONFIDENCE)
    kept_for_itself = None if is_key else bookkeeping_reason(ctx, col)
    if kept_for_itself is not None:
        return skip_map(ctx, col, kept_for_itself, BOOKKEEPING_CONFIDENCE)
    echoed = ctx.echoes.get(col.column)
    if echoed is not None:
        return skip_map(ctx, col, f"repeats what the linked record behind '{echoed}' already holds", 0.7)
    holder = named_holder(ctx, col) or ctx.field_holder
    if holder is not None:
        return _custom(ctx, col, cands, holder, is_key, factor, evidence)
    noise = body_noise(col)
    if ctx.primary in BODY_FIELD and not is_key and noise:
        return skip_map(ctx, col, noise, 0.62)
    if ctx.primary in BODY_FIELD and not is_key:
        body = BODY_FIELD[ctx.primary]
        template = f"{label_for(col)}: {{{col.column}}}"
        return make_map(
            ctx,
            [col.column],
            standard_target(ctx.primary, body),
            Transform(kind=K.CONCAT, params={"template": template, "append": True}),
            0.72 * factor,
            f"HighLevel {ctx.primary.value}s take no custom fields; '{col.column}' is kept as a line "
            f"of the {body}",
            evidence,
            alternatives_from(
                cands,
                None,
                [
                    Alternative(
                        target="contact custom field",
                        score=0.4,
                        value={"kind": "custom_new", "model": "contact"},
                    )
                ],
            ),
        )
    why = (
        "the run ledger keeps source id -> HighLevel id for delta and reconciliation"
        if is_key
        else f"{ctx.primary.value} records have no place for it"
    )
    return skip_map(ctx, col, why, 0.8)


SINGLE_VALUE_CONFIDENCE = 0.6  # one value on a few records: nothing yet tells them apart


def _custom_name(ctx: TableContext, holder: TargetObject, name: str) -> str:
    """Fields of records that ride on another object get the record's noun ('Invoice Total Amount')."""
    if ctx.primary != holder or ctx.decision.object_map.targets[0].role == "merge_into_parent":
        noun = readable(singular(tokens(ctx.name)[-1])) if tokens(ctx.name) else ""
        if noun and not normalise(name).startswith(normalise(noun)):
            return f"{noun} {name}"
    return name


def _key_field(
    ctx: TableContext, col: ColumnProfile, holder: TargetObject
) -> tuple[CustomFieldSpec, Transform, str]:
    """The record's own number in a field named for it ('Estimate Number'), else a prefixed Source ID."""
    if record_nouns(col.column):
        named = new_field(col, label_for(col), holder, ctx.name, ctx.custom_object_key, DataType.TEXT)
        reused = ctx.reusable(named, col)
        if reused:
            return reused[0], Transform(), f"the source number goes into the destination's '{reused[0].name}'"
    spec = new_field(
        col, _custom_name(ctx, holder, "Source ID"), holder, ctx.name, ctx.custom_object_key, DataType.TEXT
    )
    found = ctx.reusable(spec, col)
    spec = found[0] if found else spec
    transform = Transform(kind=K.CONCAT, params={"template": f"{ctx.name}:{{{col.column}}}"})
    return (
        spec,
        transform,
        (
            f"source key kept in '{spec.name}' (prefixed with its table) for traceability: "
            "delta pickup and reconciliation find the record by it"
        ),
    )


def _custom(
    ctx: TableContext,
    col: ColumnProfile,
    cands: list[Candidate],
    holder: TargetObject,
    is_key: bool,
    factor: float,
    evidence: list[Evidence],
) -> FieldMap:
    extra = [Alternative(target="skip", score=0.2, value={"kind": "skip"})]
    if is_key and ctx.merged_nested_row and not record_nouns(col.column) and not _reaches(col):
        why = "a nested row's own key: its values merge into the parent's record, which keeps its own key"
        return skip_map(ctx, col, why, 0.8)
    if is_key:
        spec, transform, why = _key_field(ctx, col, holder)
        return make_map(
            ctx,
            [col.column],
            custom_target(spec, holder),
            transform,
            0.75,
            why,
            evidence,
            alternatives_from(cands, None, extra),
        )
    spec = new_field(col, _custom_name(ctx, holder, label_for(col)), holder, ctx.name, ctx.custom_object_key)
    reused = ctx.reusable(spec, col)
    transform = transform_for(col, value_kind_of(spec.data_type), ctx.default_country)
    why = (
        f"no standard {holder.value} field fits '{col.column}'; "
        f"a {spec.data_type.value} custom field keeps it"
    )
    coded = col.semantic_type == S.INTEGER and leads_with_id_word(col.column)  # 'Identifiant professionnel 2'
    opaque = (col.semantic_type == S.IDENTIFIER or coded) and lead_concept(col) in (None, "identifier")
    conf = (0.5 if opaque else 0.8) * factor
    why += "; a code whose header names no field: which one it fills is for a reviewer" if opaque else ""
    untaggable = untaggable_reason(ctx.catalog, col, holder)
    if untaggable:
        conf, why = min(conf, UNTAGGABLE_CONFIDENCE), f"{why}; {untaggable}"
    label = entry_label_doubt(ctx, col)
    if label:
        conf, why = min(conf, ENTRY_LABEL_CONFIDENCE), f"{why}; {label}"
    routed = routed_value_doubt(ctx, col)  # e-mails and phones in one value column, typed per entry
    if routed:
        conf, why = min(conf, ROUTED_CONFIDENCE), f"{why}; {routed}"
    single = single_value(col)
    if single is not None:  # too few records to call it a constant, but nothing yet tells them apart
        conf, why = min(conf, SINGLE_VALUE_CONFIDENCE), f"{why}; every filled record holds '{single}'"
    if reused:
        spec = reused[0]
        transform = transform_for(col, value_kind_of(spec.data_type), ctx.default_country)
        why = f"reuses the destination's '{spec.name}' ({spec.field_key}) instead of creating a near-twin"
        evidence = [
            *evidence,
            Evidence(source="destination", detail=f"existing field similarity {reused[1]:.2f}"),
        ]
        conf = max(conf, 0.8 * factor)
    return make_map(
        ctx,
        [col.column],
        custom_target(spec, holder),
        transform,
        conf,
        why,
        evidence,
        alternatives_from(cands, None, extra),
    )


def _reaches(col: ColumnProfile) -> bool:
    """Phone numbers or e-mails are unique per entry, yet they are the entry's content, never its key."""
    return col.semantic_type in (S.PHONE, S.EMAIL)
