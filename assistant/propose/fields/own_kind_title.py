"""A column named for the table's own kind of record ('Opportunity' on a table of deals) is each
record's title: the header names the record, the values tell the records apart."""

from __future__ import annotations

from assistant.mapping.models import FieldKind, TargetObject
from assistant.profile.models import ColumnProfile, SemanticType
from assistant.propose.candidates import Candidate
from assistant.propose.fields.build import TableContext
from assistant.propose.fields.own_noun_names import names_own_noun
from assistant.propose.normalize import concepts, object_words

_TITLE_FIELD = {TargetObject.OPPORTUNITY: "name", TargetObject.TASK: "title"}
_TEXT = (SemanticType.FREE_TEXT, SemanticType.PICKLIST)
OWN_KIND_TITLE = 0.8  # a name-like header of another wording would score about this
MIN_DISTINCT_SHARE = 0.3  # titles tell records apart; a few repeated labels are a category instead


def names_own_kind(ctx: TableContext, col: ColumnProfile) -> bool:
    if ctx.primary not in _TITLE_FIELD or col.foreign_key is not None or col.semantic_type not in _TEXT:
        return False
    if names_own_noun(ctx.name, col):  # 'taskname' in 'tasks': the header says it names the record
        return True
    return object_words(col.column) == (ctx.primary.value,) and col.unique_share >= MIN_DISTINCT_SHARE


def with_own_kind_title(ctx: TableContext, col: ColumnProfile, cands: list[Candidate]) -> None:
    field = _TITLE_FIELD.get(ctx.primary)
    if field is None or not names_own_kind(ctx, col):
        return
    why = f"the header names the table's own kind of record ({ctx.primary.value}): its title"
    found = next((c for c in cands if c.object == ctx.primary and c.field == field), None)
    if found is None:
        found = Candidate(
            kind=FieldKind.STANDARD, object=ctx.primary, field=field, label=field, score=0.0, name_score=0.0
        )
        cands.append(found)
    found.score = max(found.score, OWN_KIND_TITLE)
    found.evidence.append(why)


# A record's 'title' is its display name: on a table of companies, the company's name.
_NAMED_BY_TITLE = {TargetObject.COMPANY: "name"}
_NAMES = (SemanticType.FREE_TEXT, SemanticType.COMPANY_NAME, SemanticType.PERSON_NAME)
MIN_TITLE_UNIQUE = 0.9  # names tell every record apart


def with_title_as_name(ctx: TableContext, col: ColumnProfile, cands: list[Candidate]) -> None:
    """Offer the company's name to a 'Title' column whose values are unique organisation names."""
    field = _NAMED_BY_TITLE.get(ctx.primary)
    if field is None or concepts(col.column)[:1] != ("title",) or col.semantic_type not in _NAMES:
        return
    if col.foreign_key is not None or col.unique_share < MIN_TITLE_UNIQUE:
        return
    found = next((c for c in cands if c.object == ctx.primary and c.field == field), None)
    if found is None:
        found = Candidate(
            kind=FieldKind.STANDARD, object=ctx.primary, field=field, label=field, score=0.0, name_score=0.0
        )
        cands.append(found)
    found.score = max(found.score, 0.9)
    found.evidence.append("a title that tells every company apart: the company's name")
