"""A table named for a place ('job_sites', 'service_locations') is a list of places, not deals or jobs.

The head noun of a table's name says what one row is; a word before it only says what the place is
for. 'job_sites' holds the sites where jobs happen: address columns, a site type, maybe a person to
ask for on site, and no status, amount or date, so nothing a deal needs. Each row belongs to the
customer it names, and a customer may have several sites: a note on that customer keeps every site
where the contact's single address could keep one. A place table that does carry a status, an
amount or dates is left to the other evidence (a 'project_sites' list with values may be deals).
"""

from __future__ import annotations

from assistant.profile.models import ColumnProfile, SemanticType
from assistant.propose.normalize import singular, tokens
from assistant.propose.signals import TableSignals

S = SemanticType
# Head nouns naming a place (English, Spanish); 'address' / 'location' tables already read as addresses.
PLACE_NOUNS = frozenset(
    {"site", "location", "address", "property", "premise", "premises", "building", "sede", "ubicacion"}
)
NOTE_WEIGHT = 0.6  # outweighs a modifier read as a record kind (0.55) with its link to a contact
MODIFIER_PENALTY = 0.3


def place_noun(table: str) -> str | None:
    """The table name's head noun when it names a place."""
    words = tokens(table)
    head = singular(words[-1]) if words else ""
    return head if head in PLACE_NOUNS or (words and words[-1] in PLACE_NOUNS) else None


def carries_deal_values(sig: TableSignals) -> bool:
    """A status, an amount or a date: what a deal, a job or a visit would hold."""
    dated = sig.typed(S.DATE, S.DATETIME)
    return sig.has("status", "stage", "amount") or bool(sig.typed(S.MONEY)) or bool(dated)


def place_evidence(sig: TableSignals, fk_heads: set[str]) -> list[tuple[str, float, str]]:
    """(object key, score, reason) for a top-level table named for a place, with address columns and
    no deal values, that links to a contact-like table: a note on that record, not the modifier's kind."""
    noun = place_noun(sig.table)
    first = sig.words[0] if sig.words else ""
    if noun is None or sig.parent is not None or first in ("address", "note", ""):
        return []
    if not sig.has("address", "city", "postal_code") or carries_deal_values(sig):
        return []
    if not fk_heads & {"contact", "company"}:
        return []
    why = (
        f"'{sig.table}' names places ('{noun}'): address columns, no status, amount or date; "
        "each place is kept as a note on the record it belongs to"
    )
    return [("note", NOTE_WEIGHT, why), (first, -MODIFIER_PENALTY, why)]


def keyed_by_place(column: ColumnProfile, primary_key: str | None) -> bool:
    """A table's unique column that holds street lines: the key the profile picked is the place
    itself (every site has its own address), information to keep, not a source id to drop."""
    return column.column == primary_key and column.semantic_type is S.ADDRESS
