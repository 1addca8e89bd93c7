"""Column rules that come before candidate scoring: skips, name splits, concatenated names."""

from __future__ import annotations

from assistant.mapping.items import FieldMap, Transform
from assistant.mapping.models import Alternative, Evidence, TargetObject
from assistant.mapping.models import TransformKind as K
from assistant.profile.models import ColumnProfile, SemanticType
from assistant.propose.fields.build import (
    BODY_FIELD,
    SKIP_TARGET,
    TableContext,
    evidence_of,
    make_map,
    standard_target,
)
from assistant.propose.fields.category_labels import category_label_reason
from assistant.propose.fields.held_values import held_value_reason
from assistant.propose.fields.named_lists import LIST_NAME_CONFIDENCE, list_name_reason
from assistant.propose.fields.nested_keys import own_key_copy
from assistant.propose.fields.nested_names import names_nested_object
from assistant.propose.fields.number_names import number_name
from assistant.propose.fields.own_kind_title import names_own_kind
from assistant.propose.fields.owner_details import owner_detail_reason
from assistant.propose.fields.owner_link_ids import id_in_own_link
from assistant.propose.fields.record_flags import HANDLING_REASON, handling_flag
from assistant.propose.fields.record_numbers import record_numbers
from assistant.propose.fields.system_stamps import (
    STAMP_SKIP_CONFIDENCE,
    active_flag,
    creation_stamp,
    last_modified_stamp,
)
from assistant.propose.fields.typed_entries import routing_reason
from assistant.propose.normalize import concepts, singular, tokens
from assistant.propose.other_names import header_names_other, names_a_tag, other_name_reason
from assistant.propose.signals import is_path_twin, lead_concept, visible_columns
from assistant.transforms.names import SPANISH_REGIONS

S = SemanticType
T = TargetObject
_PERSONISH = (T.CONTACT, T.USER)
EMPTY_CONTAINERS = frozenset({"[]", "{}"})
MOSTLY_BLANK = 0.5
_DOCUMENTS = (T.INVOICE, T.ESTIMATE, T.CUSTOM_OBJECT)


def skip_reason(ctx: TableContext, column: ColumnProfile) -> tuple[str, float] | None:
    """Why a column is not migrated, with the confidence of that call, or None."""
    if column.semantic_type == S.EMPTY or (column.row_count and column.null_count >= column.row_count):
        return "every value is blank", 0.92
    if column.top_values and all(v.value.strip() in EMPTY_CONTAINERS for v in column.top_values):
        return "every value is an empty list or object (a nested list's rows are its own table)", 0.9
    held = held_value_reason(column) or category_label_reason(ctx, column)  # 'NotSet', 'SyncToken'
    if held:
        return held
    named = list_name_reason(ctx.table, column) or routing_reason(ctx, column)
    if named:
        return named, LIST_NAME_CONFIDENCE
    twin = is_path_twin(column, ctx.table)
    if twin:
        return f"a path that repeats the id in '{twin}'", 0.9
    copied = own_key_copy(ctx, column)  # 'financials.jobId' = the job's own 'id' on every row
    if copied:
        return f"holds the row's own key '{copied}' on every row: a copy of the record's id", 0.8
    nested_user = owner_detail_reason(column, ctx.table, ctx.primary)
    if nested_user and not id_in_own_link(ctx, column):  # the user's key, which its own link holds
        return nested_user, 0.8
    if lead_concept(column) == "deleted":
        return "a record-state flag: it decides which rows migrate, it is not stored", 0.72
    if active_flag(column):
        return (
            "a record-state flag (active or archived): it decides which rows migrate",
            STAMP_SKIP_CONFIDENCE,
        )
    if last_modified_stamp(column):
        return "a last-modified time of the old system: HighLevel stamps its own", STAMP_SKIP_CONFIDENCE
    if handling_flag(column):  # 'EXPORT', 'Public', 'Synced': the old system's settings for the row
        return HANDLING_REASON, STAMP_SKIP_CONFIDENCE
    if creation_stamp(column) and (ctx.merged_nested_row or _dated_otherwise(ctx, column)):
        return "when the old system saved this row: bookkeeping, not the record's own", STAMP_SKIP_CONFIDENCE
    if ctx.decision.kind in ("no_equivalent", "lookup", "schema"):
        role = ctx.decision.object_map.targets[0].role or "reference"
        return f"the table is exported as {role.replace('_', ' ')}, not migrated as records", 0.85
    if ctx.decision.kind in ("pipeline", "tag"):
        return f"read to build the {ctx.decision.kind} value maps, not stored as a field", 0.85
    return None


def _dated_otherwise(ctx: TableContext, stamp: ColumnProfile) -> bool:
    """A task or note with a date of its own ('due_date'): its creation time is no fallback it needs.
    A document or custom record with its own date likewise, when the stamp holds a time of day: an
    invoice's plain 'create_date' is the day it was issued, a 'created_at' time when it was saved."""
    saved = ctx.primary in (T.TASK, T.NOTE) or (
        ctx.primary in _DOCUMENTS and stamp.semantic_type == S.DATETIME
    )
    return saved and any(
        c is not stamp and not creation_stamp(c) and bool({"due_date", "date"} & set(concepts(c.column)))
        for c in ctx.table.columns
    )


def skip_map(ctx: TableContext, column: ColumnProfile, reason: str, confidence: float) -> FieldMap:
    return make_map(
        ctx,
        [column.column],
        SKIP_TARGET,
        Transform(),
        confidence,
        f"skipped: {reason}",
        evidence_of(column),
        [Alternative(target="custom field", score=0.2, value={"kind": "custom_new"})],
    )


def name_split_maps(
    ctx: TableContext, columns: list[ColumnProfile], people_below: str | None = None
) -> list[FieldMap]:
    """A full-name column on a person-like object -> firstName + lastName (compound surnames kept whole).

    Not when a nested list of the row holds its people's first and last names ('customers__contacts'):
    the row's name is then the account's display name, often a business's, never a person to split.
    """
    # an owner's or a category's name, or a nested tags list's 'name': each value is a tag, no person
    columns = [
        c
        for c in columns
        if other_name_reason(c) is None and not names_a_tag(c) and not names_nested_object(ctx.table, c)
    ]
    if ctx.primary not in _PERSONISH or any(lead_concept(c) in ("first_name", "last_name") for c in columns):
        return []
    if people_below is not None:
        return []
    for col in columns:
        lead = lead_concept(col)
        if lead not in ("full_name", "name") or col.semantic_type in (S.EMAIL, S.IDENTIFIER, S.EMPTY):
            continue
        if col.semantic_type == S.COMPANY_NAME and col.type_share > 0.6:
            continue
        if not (ctx.claim(ctx.primary, "firstName") and ctx.claim(ctx.primary, "lastName")):
            return []
        # The regions whose names the executor splits the Spanish way (two surnames).
        locale = "es" if (col.country or ctx.default_country or "").upper() in SPANISH_REGIONS else None
        params = {"compound_surnames": True, **({"locale": locale} if locale else {})}
        why = (
            f"'{col.column}' holds full names ({col.semantic_type.value}); "
            "HighLevel stores first and last apart"
        )
        evidence = [*evidence_of(col), Evidence(source="vocabulary", detail=f"concept '{lead}'")]
        alt = [
            Alternative(
                target=f"{ctx.primary.value}.name",
                score=0.6,
                value={"kind": "standard", "object": ctx.primary.value, "field": "name"},
            )
        ]
        conf = 0.9 if col.semantic_type == S.PERSON_NAME else 0.74
        halves = [
            ("firstName", K.NAME_FIRST, "", ""),
            ("lastName", K.NAME_LAST, " (the rest is the surname)", "@lastName"),
        ]
        return [
            make_map(
                ctx,
                [col.column],
                standard_target(ctx.primary, field),
                Transform(kind=kind, params=params),
                conf,
                why + more,
                evidence,
                alt,
                suffix=suffix,
            )
            for field, kind, more, suffix in halves
        ]
    return []


def name_complement_map(ctx: TableContext, columns: list[ColumnProfile]) -> FieldMap | None:
    """A bare 'name' beside only a first or only a last name is the other half.

    French 'Nom' beside 'Prénom' is the surname; Italian 'Nome' beside 'Cognome' the given name.
    """
    if ctx.primary not in _PERSONISH:
        return None
    columns = [c for c in columns if other_name_reason(c) is None]  # 'owner.first_name' is no half
    leads = {lead_concept(c) for c in columns}
    has_first, has_last = "first_name" in leads, "last_name" in leads
    bare = [
        c
        for c in columns
        if lead_concept(c) == "name"
        and c.column != ctx.table.primary_key
        and c.semantic_type not in (S.EMAIL, S.EMPTY, S.COMPANY_NAME)
    ]
    if has_first == has_last or len(bare) != 1:
        return None
    field = "lastName" if has_first else "firstName"
    if not ctx.claim(ctx.primary, field):
        return None
    other = "first" if has_first else "last"
    why = f"'{bare[0].column}' sits beside a {other} name and no other name part: it is the other half"
    evidence = [*evidence_of(bare[0]), Evidence(source="vocabulary", detail=f"{other} name column beside it")]
    alt = [
        Alternative(
            target=f"{ctx.primary.value}.name",
            score=0.5,
            value={"kind": "standard", "object": ctx.primary.value, "field": "name"},
        )
    ]
    return make_map(
        ctx, [bare[0].column], standard_target(ctx.primary, field), Transform(), 0.85, why, evidence, alt
    )


_NAME_FIELD = {T.OPPORTUNITY: "name", T.TASK: "title", T.APPOINTMENT: "title"}


SHORT_TEXT = 80  # longer texts are notes, not a record's name
# a header naming a description of the work (a memo or a comment is no name)
_DESCRIBES = frozenset({"description", "descripcion", "beschreibung", "descrizione", "descricao"})


def concat_name_map(ctx: TableContext, columns: list[ColumnProfile]) -> tuple[FieldMap, str] | None:
    """Document number + title -> the record's name, when the object has both (returns the title column)."""
    field = _NAME_FIELD.get(ctx.primary)
    if field is None or ctx.is_claimed(ctx.primary, field):
        return None
    key = ctx.table.primary_key
    # a number filled on a few rows only ('refNumber' of some jobs) is no record's own number
    refs = [
        c
        for c in columns
        if lead_concept(c) == "reference"
        and c.semantic_type != S.EMPTY
        and c.foreign_key is None
        and c.null_share < MOSTLY_BLANK
    ]
    titles = [c for c in columns if names_own_kind(ctx, c)]
    titles += [
        c
        for c in columns
        if lead_concept(c) in ("title", "name")
        and c.semantic_type != S.EMPTY
        and header_names_other(c) is None  # 'type.name' names the job's type, not the job
        and not names_nested_object(ctx.table, c)  # 'site.name' beside 'site.id' names the site
    ]
    if not titles:
        # Without a title, the key and the customer's name tell records apart: '{number} {client}'.
        refs = refs or record_numbers(ctx, columns)  # not an opaque UUID key nobody quotes
        titles = [c for c in columns if lead_concept(c) in ("full_name", "company") and c.foreign_key is None]
    if not titles and ctx.primary not in BODY_FIELD:  # a short description names the work ('AC tune-up')
        described = [c for c in columns if _DESCRIBES & set(tokens(c.column))]
        titles = [c for c in described if (c.max_length or 0) <= SHORT_TEXT]
    blank = [c for c in titles if c.null_share >= MOSTLY_BLANK]  # blank on most rows: it names nothing
    titles = [c for c in titles if c not in blank]
    if refs and blank and not titles:
        return number_name(ctx, refs, field, blank[0])
    if not refs or not titles:
        return None
    nouns = {singular(w) for w in tokens(ctx.name)}
    # The document's own number: a 'reference' column, the key, named after the table, unique, most telling.
    ref = max(
        refs,
        key=lambda c: (
            lead_concept(c) == "reference",
            c.column == key,
            bool(nouns & {singular(w) for w in tokens(c.column)}),
            c.unique_share,
            c.avg_length or 0.0,
            -c.position,
        ),
    )
    title = titles[0]
    ctx.claim(ctx.primary, field)
    template = f"{{{ref.column}}} {{{title.column}}}"
    why = (
        f"'{ref.column}' + '{title.column}' keep the document number visible in the {ctx.primary.value} name"
    )
    evidence = [*evidence_of(ref), Evidence(source="vocabulary", detail=f"reference + {lead_concept(title)}")]
    alt = [
        Alternative(
            target=f"{ctx.primary.value}.{field} <- {title.column}",
            score=0.6,
            value={
                "kind": "standard",
                "object": ctx.primary.value,
                "field": field,
                "source_columns": [title.column],
            },
        )
    ]
    fmap = make_map(
        ctx,
        [ref.column, title.column],
        standard_target(ctx.primary, field),
        Transform(kind=K.CONCAT, params={"template": template}),
        0.85,
        why,
        evidence,
        alt,
    )
    return fmap, title.column


def ordered_columns(ctx: TableContext) -> list[ColumnProfile]:
    """Owner-like references first, so the assignee wins the owner field over a creator."""
    cols = visible_columns(ctx.table)
    return sorted(cols, key=lambda c: (0 if "owner" in concepts(c.column)[:1] else 1, c.position))
