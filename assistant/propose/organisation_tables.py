"""Tables that people's records point to as their organisation: companies, whatever they are called.

A table with an e-mail, a phone and one name column reads as contacts by its columns alone, and a
name such as 'tiers' or 'accounts' may say nothing. The other tables can say it: when rows that are
people (first and last names apart, an e-mail) carry a key of this table, this table is what those
people belong to. That alone could be a household or a site, so it counts only beside something a
business has: the key's header or a column beside it names a company ('Identifiant société',
'Account Name'), the names read as businesses (a trade word, a legal form), or the table keeps a
VAT or registration number. A table whose own rows split first and last names stays people, and a
table named as companies ('companies', 'organisations') is left to its name: the evidence is there to
overturn a reading by columns, not to stack on a name that already decides.
"""

from __future__ import annotations

from assistant.profile.business_words import business_share
from assistant.profile.models import ColumnProfile, SemanticType, TableProfile
from assistant.propose.normalize import tokens
from assistant.propose.signals import TableSignals

S = SemanticType
Evidence = tuple[str, float, str]
POINTED_AT = 0.3  # people's records hold its key: the table they belong to
PER_SIGN = 0.12  # each thing only a business has
NOT_PEOPLE = -0.2  # the rows are what people belong to, not people
MIN_BUSINESS_SHARE = 0.5  # most of the names seen read as businesses
_NOT_BELONGING = ("owner", "creator", "parent", "user", "assignee")  # who keeps a person, not where they are
_NAME_CONCEPTS = ("company", "name", "full_name")
_NAME_WORDS = frozenset(
    {"first", "last", "given", "family", "middle", "sur", "fore", "name", "names", "surname", "forename",
     "firstname", "lastname", "prenom", "nom", "nombre", "nome", "apellido", "apellidos", "vorname",
     "nachname", "cognome", "sobrenome", "de", "famille", "full"}
)  # fmt: skip
_NAME_TYPES = (S.PERSON_NAME, S.COMPANY_NAME, S.FREE_TEXT, S.PICKLIST)


def _own(sig: TableSignals, *concepts: str) -> bool:
    """A column of the concept naming the row itself ('Prénom'), not someone else ('Prénom du commercial'):
    its header holds name words only."""
    return any(
        set(tokens(c)) <= _NAME_WORDS for concept in concepts for c in sig.concept_columns.get(concept, [])
    )


def _split_names(sig: TableSignals) -> bool:
    """The row's own first name beside its own last name (or a bare 'Nom' next to 'Prénom')."""
    return _own(sig, "first_name") and _own(sig, "last_name", "name")


def _people(sig: TableSignals) -> bool:
    """Rows that are people: their own first and last names apart, and an e-mail."""
    return _split_names(sig) and sig.has("email")


def _name_column(table: TableProfile, sig: TableSignals) -> ColumnProfile | None:
    names = {c for concept in _NAME_CONCEPTS for c in sig.concept_columns.get(concept, [])}
    named = [c for c in table.columns if c.column in names and c.foreign_key is None]
    return next((c for c in named if c.semantic_type in _NAME_TYPES), None)


def _company_beside(pointing: TableProfile, sig: TableSignals, column: str) -> str | None:
    """The link's own header, or a text column beside it, that names a company ('Raison sociale')."""
    said = sig.concept_columns.get("company", [])
    if column in said:
        return column
    link = next(c for c in pointing.columns if c.column == column)
    return next(
        (
            c.column
            for c in pointing.columns
            if c.column in said and c.foreign_key is None and abs(c.distinct_count - link.distinct_count) <= 1
        ),
        None,
    )


def _business_signs(table: TableProfile, sig: TableSignals) -> list[str]:
    signs = []
    name = _name_column(table, sig)
    if name is not None:
        values = [v.value for v in [*name.top_values, *name.picklist]] or name.samples
        share = business_share(values)
        if share >= MIN_BUSINESS_SHARE:
            signs.append(f"{share:.0%} of the names seen in '{name.column}' carry a trade or legal-form word")
    if sig.has("tax_id"):
        signs.append(f"a tax / VAT number column '{sig.concept_columns['tax_id'][0]}'")
    return signs


def organisation_evidence(
    table: TableProfile, sig: TableSignals, tables: dict[str, TableProfile], signals: dict[str, TableSignals]
) -> list[Evidence]:
    """Company evidence for a table people's records point to, with what a business has beside it."""
    if _split_names(sig) or sig.words[:1] == ("company",):
        return []  # people's own rows; or a table its name already calls companies, which needs no more
    links = [
        (name, column)
        for name, column, concept in sig.referenced_by
        if concept not in _NOT_BELONGING and name in signals and name in tables and _people(signals[name])
    ]
    if not links:
        return []
    name, column = links[0]
    said = [(n, b) for n, c in links if (b := _company_beside(tables[n], signals[n], c)) is not None]
    signs = [f"'{n}.{b}' names a company" for n, b in said[:1]]
    signs += _business_signs(table, sig)
    if not signs:
        return []
    pointed = f"people in '{name}' hold its key in '{column}': the organisation they belong to"
    out: list[Evidence] = [("company", POINTED_AT, pointed), ("contact", NOT_PEOPLE, pointed)]
    out += [("company", PER_SIGN, sign) for sign in signs]
    return out


def read_organisations(tables: list[TableProfile], signals: dict[str, TableSignals]) -> None:
    """Note, on each table's signals, the evidence that people belong to its rows."""
    by_name = {t.table: t for t in tables}
    for table in tables:
        sig = signals[table.table]
        sig.organisation_evidence = organisation_evidence(table, sig, by_name, signals)
