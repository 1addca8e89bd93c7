"""A contacts export whose rows are of two kinds: companies and the people who work at them.

Some CRMs keep companies and people in one list, with a column saying which each row is ('Company
Type' = Company / Individual, 'Is a Company' = True / False). Read as contacts alone, every company
would become a contact named like a business. Where such a column exists, the table's object map
sends the rows it marks as companies to HighLevel companies and the others to contacts, each
target with its condition (``'<column>' is '<value>'`` / ``is not``), so the engineer sees the split
and its counts and can reject it. The people are linked to their company by the column naming it
(see ``fields.company_rows``).
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant.mapping.conditions import value_condition_text
from assistant.mapping.items import ObjectTarget
from assistant.mapping.models import TargetObject
from assistant.profile.models import ColumnProfile, SemanticType, TableProfile
from assistant.propose.normalize import tokens

ROLE = "company_rows"  # the rows the condition selects are companies themselves: one record per row
_COMPANY = frozenset(
    {"company", "business", "organization", "organisation", "org", "empresa", "firma", "unternehmen",
     "entreprise", "societe", "azienda", "corporate"}
)  # fmt: skip
_PERSON = frozenset(
    {"individual", "person", "persona", "people", "contact", "private", "particular", "privat",
     "particulier", "privato", "privado", "individuo", "personne"}
)  # fmt: skip


@dataclass(frozen=True)
class RowKinds:
    column: str
    company_value: str  # the exact spelling that marks a company row
    companies: int  # rows marked so
    people: int  # rows marked otherwise (or blank)

    @property
    def split(self) -> tuple[str, str]:
        return self.column, self.company_value

    def targets(self) -> list[ObjectTarget]:
        return [
            ObjectTarget(
                object=TargetObject.CONTACT, condition=value_condition_text(*self.split, negated=True)
            ),
            ObjectTarget(object=TargetObject.COMPANY, condition=value_condition_text(*self.split), role=ROLE),
        ]

    def note(self) -> str:
        return (
            f"'{self.column}' marks {self.companies} rows '{self.company_value}' (companies) and "
            f"{self.people} others (people): the companies become companies, the people contacts"
        )


def _words(value: str) -> set[str]:
    return set(tokens(value))


def _company_value(col: ColumnProfile) -> str | None:
    """The value marking company rows: a company word beside a person word, or a company flag's yes."""
    values = [v for v in (col.picklist or col.top_values) if v.value.strip()]
    if len(values) < 2 or len(values) > 3:
        return None
    companies = [v for v in values if _words(v.value) & _COMPANY]
    people = [v for v in values if _words(v.value) & _PERSON]
    if len(companies) == 1 and people and not _words(companies[0].value) & _PERSON:
        return companies[0].value.strip()
    header = _words(col.column)
    if col.semantic_type is SemanticType.BOOLEAN and header & _COMPANY and not header & _PERSON:
        true = {t.casefold() for t in col.true_values}
        yes = [v for v in values if v.value.strip().casefold() in true]
        return max(yes, key=lambda v: v.count).value.strip() if yes else None
    return None


def row_kinds(table: TableProfile) -> RowKinds | None:
    """The column splitting a contacts table into companies and people, when both kinds are there."""
    for col in table.columns:
        if col.foreign_key is not None or col.semantic_type not in (
            SemanticType.PICKLIST,
            SemanticType.BOOLEAN,
        ):
            continue
        value = _company_value(col)
        if value is None:
            continue
        counts = {v.value.strip().casefold(): v.count for v in (col.picklist or col.top_values)}
        companies = counts.get(value.casefold(), 0)
        people = table.row_count - companies
        if companies and people > 0:
            return RowKinds(col.column, value, companies, people)
    return None


def other_kinds(col: ColumnProfile) -> list[str]:
    """Values of a kind column naming neither a company nor a person ('Estate agent' beside 'Company'
    and 'Private customer'): a label the column carries beyond the split, which the record keeps."""
    values = [v.value.strip() for v in (col.picklist or col.top_values) if v.value.strip()]
    if col.semantic_type is SemanticType.BOOLEAN:
        return []
    return [v for v in values if not _words(v) & (_COMPANY | _PERSON)]
