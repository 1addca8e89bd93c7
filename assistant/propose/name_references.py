"""References by display name: a deals table whose 'Contact' column holds the person's name.

Exports often name the related record instead of giving its id. A text column whose values are
found among another table's names (its name column, first and last name joined by a space, a
company and its person as 'Company, Person', or its organisation name) links to that table's rows,
as an id column would; the share of values that resolve is the evidence, and the link is kept only
when most of them do. Names compare without case, commas or repeated spaces.
"""

from __future__ import annotations

from assistant.profile.models import ColumnProfile, ForeignKey, SemanticType, TableProfile
from assistant.propose.normalize import concepts, object_words
from assistant.propose.signals import lead_concept, visible_columns
from assistant.propose.sourcedata import SourceValues

S = SemanticType
MIN_RESOLVED = 0.8  # most names must be found: a shared word list (cities, labels) is no link
MIN_DISTINCT = 3  # a column of two repeated values proves nothing
# 'Reyes, Hazel' (a name written last name first) profiles as a list: its whole cell is still a name
_NAMED_BY = (S.PERSON_NAME, S.COMPANY_NAME, S.FREE_TEXT, S.PICKLIST, S.MULTI_VALUE)
_NAME_CONCEPTS = ("name", "full_name", "company", "title")
# columns whose names are someone else's: the owner is a user, the stage a pipeline's
_NOT_LINKS = ("owner", "status", "stage", "pipeline", "tags", "city", "state", "country", "source", "type",
              "reference", "identifier", "amount")  # fmt: skip
MIN_WORDLIKE = 0.8  # names are words: codes and amounts that happen to match are no link


def name_key(name: str) -> str:
    """The compared form of a name; the plan's SQL (execute/transforms/name_links.py) mirrors it."""
    return " ".join(name.replace(",", " ").split()).casefold()


def spellings(table: TableProfile) -> list[list[str]]:
    """The ways a table's rows are named, in the order a name is tried: the row's own name columns,
    first + last name, a company with its person ('Summit Consulting, Nora Nguyen'), and last the
    company alone (a company's name matches every person working there, so it only decides when
    no row is named so itself)."""
    cols = visible_columns(table)
    own = [
        c
        for c in cols
        if lead_concept(c) in _NAME_CONCEPTS and lead_concept(c) != "company" and not _owners_name(c, table)
    ]
    companies = [c.column for c in cols if lead_concept(c) == "company"]
    out = [[c.column] for c in own]
    # a job's 'contact_first_name' names the job's contact, not the job: only the row's own parts
    own_words = set(object_words(table.table))
    parts = [c for c in cols if set(object_words(c.column)) <= own_words]
    first = next((c.column for c in parts if lead_concept(c) == "first_name"), None)
    last = next((c.column for c in parts if lead_concept(c) == "last_name"), None)
    if first and last:
        out.append([first, last])
    persons = [[c.column] for c in own if lead_concept(c) != "title"] + out[len(own) :]
    out += [[company, *person] for company in companies for person in persons]
    return out + [[c] for c in companies]


def _owners_name(col: ColumnProfile, table: TableProfile) -> bool:
    """'AccountManager.Name', 'Owner Name' on a companies table: the name of the user who owns the row,
    shared by many rows, not the row's own (a users table's own 'User Name' still is)."""
    return "owner" in concepts(col.column) and "user" not in object_words(table.table)


def _names(values: SourceValues, table: str, spelling: list[str]) -> set[str]:
    """Names by this spelling; a spelling of several columns counts only rows that fill them all."""
    rows = values.rows(table, spelling, limit=50000)
    parts = ([(r.get(c) or "").strip() for c in spelling] for r in rows)
    return {name_key(" ".join(p)) for p in parts if all(p)}


def name_reference(
    table: TableProfile,
    col: ColumnProfile,
    others: list[tuple[TableProfile, str]],
    values: SourceValues,
) -> ForeignKey | None:
    """The table (with a key) whose rows the column names, when most of its values resolve.

    A table the row already reaches by key (itself or through its parent) is left alone: a name
    beside the id is a copy.
    """
    linked = _reached(table, [o for o, _ in others])
    if col.foreign_key is not None or col.semantic_type not in _NAMED_BY or col.column.startswith("_"):
        return None
    named = other_record_named(table, col)
    if lead_concept(col) in (*_NOT_LINKS, *_NAME_CONCEPTS, "first_name", "last_name") and not named:
        return None  # the row's own name (or a copy of its parent's beside the key) is no link
    mine = {name_key(v.value) for v in values.distinct(table.table, col.column, limit=5000)}
    mine.discard("")
    wordlike = sum(any(ch.isalpha() for ch in v) and not any(ch.isdigit() for ch in v) for v in mine)
    if len(mine) < MIN_DISTINCT or wordlike < MIN_WORDLIKE * len(mine):
        return None
    best: ForeignKey | None = None
    for other, key in others:
        if other.table == table.table or other.parent_table == table.table or other.table in linked:
            continue
        if named and not named & set(object_words(other.table)):
            continue  # "Client name" names a row of the clients table, not of any table with names
        known: set[str] = set()
        used: list[list[str]] = []
        for spelling in spellings(other):
            names = _names(values, other.table, spelling)
            if names & mine:
                known |= names
                used.append(spelling)
        share = len(mine & known) / len(mine)
        if share >= MIN_RESOLVED and (best is None or share > best.resolved_share):
            best = ForeignKey(
                table=table.table,
                column=col.column,
                target_table=other.table,
                target_column=key,
                resolved_share=round(share, 3),
                by_names=used,
            )
    return best


def spelled_names(values: SourceValues, table: TableProfile) -> set[str]:
    """Every name the table's rows go by, in any of its spellings."""
    return {n for spelling in spellings(table) for n in _names(values, table.table, spelling)}


def _reached(table: TableProfile, others: list[TableProfile]) -> set[str]:
    """Tables the row reaches by key, directly or through its parent (an estimate's job's client)."""
    by_name = {o.table: o for o in others}
    direct = {c.foreign_key.target_table for c in table.columns if c.foreign_key is not None}
    through = {
        c.foreign_key.target_table
        for name in direct
        if name in by_name
        for c in by_name[name].columns
        if c.foreign_key is not None
    }
    return direct | through


def other_record_named(table: TableProfile, col: ColumnProfile) -> set[str]:
    """The record a name column's header names when it is not the row's own ("Client name" on jobs,
    "Company" on people or deals: the name of a company record, when the export holds a table of them)."""
    lead = lead_concept(col)
    if lead == "company" and "company" not in object_words(table.table):
        return {"company"}
    if lead not in ("name", "full_name"):
        return set()
    return set(object_words(col.column)) - set(object_words(table.table))


def describe(fk: ForeignKey) -> str:
    ways = " or ".join("'" + " ".join(s) + "'" for s in fk.by_names or [])
    return f"{fk.resolved_share:.0%} of values name a row of {fk.target_table} by {ways}"
