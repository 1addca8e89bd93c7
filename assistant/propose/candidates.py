"""Candidate retrieval: the top-k target fields for one source column.

Both backends start here. The offline backend takes the best candidate through its rules; the
LLM backend shows the model these candidates (not the whole HighLevel schema) and asks it to
choose and justify, which is what makes small context windows and grounded answers possible.
"""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict, Field
from rapidfuzz import fuzz

from assistant.highlevel.state import DestinationState
from assistant.mapping.models import FieldKind, TargetObject
from assistant.profile.models import ColumnProfile, SemanticType
from assistant.propose.label_variants import spelled_several_ways
from assistant.propose.normalize import concepts, is_plain, normalise, object_words
from assistant.propose.other_names import names_a_tag, not_own_name
from assistant.propose.targets import TargetField, existing_custom_fields, standard_fields
from assistant.propose.type_fit import type_fit
from assistant.propose.type_slots import NAMES_A_PARENT, NAMES_SOMETHING_ELSE, fill_open_slots
from assistant.propose.value_links import with_value_evidence

S = SemanticType

# A column's values alone suggest these concepts, whatever its name says.
_VALUE_CONCEPT = {
    S.EMAIL: "email",
    S.PHONE: "phone",
    S.URL: "website",
    S.PERSON_NAME: "full_name",
    S.COMPANY_NAME: "company",
    S.ADDRESS: "address",
    S.CITY: "city",
    S.REGION: "region",
    S.POSTAL_CODE: "postal_code",
    S.COUNTRY: "country",
}


class Candidate(BaseModel):
    """A target field a column could land in, with the evidence behind its score."""

    model_config = ConfigDict(extra="forbid")
    kind: FieldKind
    object: TargetObject
    field: str  # standard field name, or fieldKey of an existing custom field
    label: str
    score: float
    name_score: float
    concept: str | None = None
    type_fit: float = 1.0
    value_kind: str = "text"
    custom_field_id: str | None = None
    evidence: list[str] = Field(default_factory=list)


_KEY_WORDS = frozenset({"id", "uuid", "guid", "key", "ref", "number", "no", "nr", "code"})


def _bare_code(column: ColumnProfile) -> bool:
    """A header whose only concept is a key word ('code', 'number') over values of one clear kind."""
    words = set(normalise(column.column).split())
    clear_kind = column.type_share >= 0.95
    return concepts(column.column) == ("reference",) and bool(words & _KEY_WORDS) and clear_kind


# Headers that only say "the value" (a multi-field list's {VALUE_TYPE, VALUE} pair): no kind of their own.
_VALUE_WORDS = frozenset({"value", "valor", "wert", "valeur", "valore"})


def _bare_value(column: ColumnProfile) -> bool:
    """A header that is only the word 'value' over values of one clear kind: the values say which."""
    words = set(normalise(column.column.rsplit(".", 1)[-1]).split())
    return bool(words) and words <= _VALUE_WORDS and column.type_share >= 0.95


def _concept_score(col_concepts: tuple[str, ...], target: TargetField) -> tuple[float, str | None]:
    if "owner" in col_concepts:
        # 'owner_email' is the owner's e-mail, not the record's: it only fits owner fields.
        return (1.0, "owner") if "owner" in target.concepts else (0.0, None)
    for rank, concept in enumerate(col_concepts):
        if concept in target.concepts:
            primary_here = target.concepts.index(concept) == 0
            score = (1.0 if primary_here else 0.9) if rank == 0 else 0.75
            return score, concept
    return 0.0, None


_SAID_OF_EMAILS = {"email": {"address"}}


def _score(column: ColumnProfile, target: TargetField) -> Candidate:
    col_name = normalise(column.column)
    leaf = normalise(column.column.rsplit(".", 1)[-1])
    shared = set(col_name.split()) & set(target.normalised.split())
    # 'ID' inside 'pipeline stage id' is no name evidence: key words alone say nothing about the target
    by_tokens = fuzz.token_set_ratio(col_name, target.normalised) if shared - _KEY_WORDS else 0.0
    name_score = max(by_tokens, fuzz.ratio(leaf, target.normalised)) / 100
    concept_score, concept = _concept_score(concepts(column.column), target)
    evidence = [f"name similarity {name_score:.2f} ('{column.column}' vs '{target.label}')"]
    if concept:
        evidence.append(f"vocabulary concept '{concept}'")
    value_score = 0.0
    value_concept = _VALUE_CONCEPT.get(column.semantic_type)
    owner_ref = "owner" in concepts(column.column)
    if "parent" in concepts(column.column) and "parent" not in target.concepts:
        # 'parent_company_name' names another record of the table: never this record's own field
        return Candidate(
            kind=target.kind, object=target.object, field=target.name, label=target.label,
            score=0.0, name_score=round(name_score, 4), evidence=[*evidence, NAMES_A_PARENT],
            # a parent is a reference whatever its values look like: a link field may hold it (type_slots)
            value_kind=target.value_kind, type_fit=type_fit(S.FOREIGN_KEY, target.value_kind),
        )  # fmt: skip
    if not_own_name(column, target.object, target.concepts, target.value_kind):
        # 'owner.name', 'record_type_name': another thing's name, never this record's own
        return Candidate(
            kind=target.kind, object=target.object, field=target.name, label=target.label,
            score=0.0, name_score=round(name_score, 4), evidence=[*evidence, NAMES_SOMETHING_ELSE],
        )  # fmt: skip
    if value_concept and value_concept in target.concepts and column.type_share >= 0.6 and not owner_ref:
        # 'Billing Code' names no kind beyond "some code": values that are all postal codes say which
        # ('address' of e-mails says no other kind: an e-mail is an address too)
        name_says_other = (
            bool(set(concepts(column.column)) - _SAID_OF_EMAILS.get(value_concept, set()))
            and concept is None
            and not (_bare_code(column) or _bare_value(column))
        )
        # people's names on an organisation's field: only a fallback when the row has no person field
        org_from_person = column.semantic_type == S.PERSON_NAME and target.object == TargetObject.COMPANY
        value_score = 0.5 if name_says_other or org_from_person else 0.55 + 0.35 * column.type_share
        evidence.append(f"{column.type_share:.0%} of values are {column.semantic_type.value}")
        concept = concept or value_concept
    linked = column.foreign_key is not None and target.value_kind in ("lookup", "owner")
    if linked:  # the profile proved the column links to another table's rows: a record's link fields fit
        assert column.foreign_key is not None
        value_score = max(value_score, 0.6)
        evidence.append(f"links to rows of {column.foreign_key.target_table}")
    if "tags" in target.concepts and names_a_tag(column):
        value_score = max(value_score, 0.9)  # a nested tags list's 'name': each row is one tag
        evidence.append("the name of a row of a nested tags list: a tag of the parent record")
        concept = concept or "tags"
    if "tags" in target.concepts and column.semantic_type == S.MULTI_VALUE and spelled_several_ways(column):
        value_score = max(value_score, 0.9)  # freely typed labels in case/space variants: tags
        evidence.append("labels typed in case/space variants of one another: tags, not options")
        concept = concept or "tags"
    # 'TAG_NAME' holds the tag, not a name: a header naming another concept shares only the word
    # 'name' with the target in passing
    passing = (
        bool(concepts(column.column))
        and concept is None
        and shared - _KEY_WORDS == {"name"}
        and target.object.value not in object_words(column.column)  # a file's 'File Name' is its name
    )
    name_part = (
        0.0
        if owner_ref and "owner" not in target.concepts
        else name_score * (0.8 if name_score >= 0.75 and not passing else 0.45)
    )
    # A bare 'total' beats 'tax total' and 'subtotal' for the same concept.
    plain_bonus = 0.02 if concept and concept_score and is_plain(column.column, concept) else 0.0
    base = max(concept_score * 0.95 + plain_bonus, name_part, value_score)
    fit = type_fit(S.FOREIGN_KEY if linked else column.semantic_type, target.value_kind)
    if fit < 1.0:
        evidence.append(f"type fit {fit:.2f} ({column.semantic_type.value} -> {target.value_kind})")
    return Candidate(
        kind=target.kind,
        object=target.object,
        field=target.name,
        label=target.label,
        score=round(base * (0.45 + 0.55 * fit), 4),
        name_score=round(name_score, 4),
        concept=concept,
        type_fit=fit,
        value_kind=target.value_kind,
        custom_field_id=target.custom.id if target.custom else None,
        evidence=evidence,
    )


def retrieve_candidates(
    column_profile: ColumnProfile,
    target_objects: Sequence[TargetObject],
    catalog: Sequence[TargetField] | None,
    destination: DestinationState | None,
    k: int = 5,
) -> list[Candidate]:
    """The ``k`` best standard or existing custom fields for a column on the given target objects.

    ``catalog`` is the list of standard fields (``targets.standard_fields()`` when None); existing
    custom fields come from ``destination`` and only on objects whose model matches, so a
    candidate never crosses the contact/opportunity line.
    """
    pool = list(catalog if catalog is not None else standard_fields())
    pool += existing_custom_fields(destination)
    wanted = set(target_objects)
    scored = [_score(column_profile, target) for target in pool if target.object in wanted]
    with_value_evidence(scored, column_profile, destination)
    kept = [cand for cand in scored if cand.score >= 0.2]
    kept.sort(key=lambda cand: (-cand.score, cand.kind != FieldKind.STANDARD, cand.field))
    return fill_open_slots(kept[:k], [cand for cand in scored if cand.score < 0.2], k)
