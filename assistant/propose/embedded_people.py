"""Deal and job exports that carry their person (and organisation) on every row.

A flat deal export repeats the primary contact's name, e-mail and phone and the organisation's
name on each deal; a job list from an API embeds the client. With no reference to a people table,
those columns describe a person who must exist as a contact (and a company) beside the deal:
they split off instead of becoming custom fields of the opportunity.
"""

from __future__ import annotations

from assistant.mapping.items import ObjectTarget
from assistant.mapping.models import TargetObject
from assistant.profile.models import SemanticType, TableProfile
from assistant.propose.linked_objects import linked_object_key
from assistant.propose.normalize import concepts
from assistant.propose.signals import TableSignals

T = TargetObject
S = SemanticType
CARRIERS = ("opportunity", "task", "appointment")  # records HighLevel ties to a contact
PERSON_TYPES = (S.EMAIL, S.PHONE, S.PERSON_NAME)
MIN_FILLED = 0.5  # the person's details are there on most rows
MIN_PERSON_COLUMNS = 2  # one lone e-mail (a site contact's) is not yet a person
_USER_ROLES = frozenset({"owner", "creator"})


def person_columns(table: TableProfile) -> list[str]:
    return [
        c.column
        for c in table.columns
        if c.semantic_type in PERSON_TYPES
        and c.null_share <= 1 - MIN_FILLED
        and c.foreign_key is None
        # the record's owner or author is a user, not the embedded person ('creator.email', 'owner.name')
        and not _USER_ROLES & set(concepts(c.column))
        and linked_object_key(c, table) is None  # 'account.name' beside a linked 'account.id'
    ]


def _types(table: TableProfile, columns: list[str]) -> set[SemanticType]:
    return {c.semantic_type for c in table.columns if c.column in columns}


def embedded_targets(
    kind: str, table: TableProfile, sig: TableSignals, fk_kinds: dict[str, str], company_cols: list[str]
) -> tuple[list[ObjectTarget], str]:
    """Extra targets (contact, company) for a record table that embeds its person, and why."""
    if kind not in CARRIERS or "contact" in fk_kinds.values() or sig.parent is not None:
        return [], ""
    people = person_columns(table)
    if len(people) < MIN_PERSON_COLUMNS or not {S.EMAIL, S.PHONE} & _types(table, people):
        return [], ""
    extra = [ObjectTarget(object=T.CONTACT, condition=f"'{people[0]}' is present", role="contact_of_record")]
    note = f"each row embeds its person ('{', '.join(people)}'): a contact is created or matched per row"
    if company_cols and "company" not in fk_kinds.values():
        col = company_cols[0]
        extra.append(
            ObjectTarget(object=T.COMPANY, condition=f"'{col}' is present", role="company_of_record")
        )
        note += f", and '{col}' names its company"
    return extra, note


def embedded_objects(extra: list[ObjectTarget]) -> list[TargetObject]:
    """The objects a record table's embedded person columns may land in (candidates beside its own)."""
    if not any(t.role == "contact_of_record" for t in extra):
        return []
    return [t.object for t in extra if t.role in ("contact_of_record", "company_of_record")]


# What the embedded columns may say about the person and the organisation; everything else on the
# row (owner, notes, amounts) stays with the record itself.
PERSON_FIELDS: dict[TargetObject, frozenset[str]] = {
    T.CONTACT: frozenset({"name", "firstName", "lastName", "email", "phone", "address1", "city", "state",
                          "postalCode", "country", "companyName", "tags", "source"}),
    T.COMPANY: frozenset({"name"}),
}  # fmt: skip


def offered(obj: TargetObject, field: str, primary: TargetObject) -> bool:
    """May a candidate on ``obj`` be proposed for a column of a table whose main object is ``primary``?"""
    return obj == primary or obj not in PERSON_FIELDS or field in PERSON_FIELDS[obj]
