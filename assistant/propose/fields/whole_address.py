"""A whole address on one line beside the parts it is written from: not the street line.

Exports often give the address twice: whole ('664 Oak St, Raleigh, NC 27601, United States') and
in parts ('addressStreet', 'addressCity', 'addressZIP'...). Both the whole and the street read as
addresses, and the whole's header ('address') names HighLevel's street field better, yet written
there it would repeat the city, state and postal code the parts fill. The values say which is which:
the whole holds, row by row, the street of one sibling column and the city or postal code of
another. It then yields the street line to the street column and is kept as text (or skipped by the
reviewer: the evidence says whether it holds anything the parts do not). With no street column
beside it, the whole address is the only street there is and keeps its reading. (``joined_columns``
reads comma pieces each equal to one cell; 'NC 27601' holds two cells in one piece, and some exports
write the address on lines: hence a containment test here.)
"""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.mapping.items import FieldMap
from assistant.mapping.models import Evidence
from assistant.profile.models import ColumnProfile, SemanticType, TableProfile
from assistant.propose.candidates import Candidate
from assistant.propose.signals import lead_concept
from assistant.propose.sourcedata import SourceValues

S = SemanticType
MIN_ROWS = 5
MOST_ROWS = 0.9
_TEXT = (S.ADDRESS, S.FREE_TEXT)
_PLACES = (S.CITY, S.POSTAL_CODE)
_PARTS = (S.ADDRESS, S.CITY, S.POSTAL_CODE, S.REGION, S.COUNTRY)
_PART_WORDS = frozenset({"address", "city", "postal_code", "region", "country"})
_LEFT_WORDS = 1  # a country written short ('USA' for 'United States') may stay over
WHOLE_ADDRESS = 0.05  # a text column yields the street line to one whose values read as streets
HOLDS_ITS_PARTS = 0.2  # the values prove it: it never takes the street line from the street column


def _folded(text: str | None) -> str:
    return " ".join((text or "").split()).casefold()


def _as_words(part: str) -> re.Pattern[str]:
    """The part as whole words: a state 'OR' is not the 'or' of 'Portland'."""
    return re.compile(rf"(?<!\w){re.escape(part)}(?!\w)")


def _holds(whole: str, part: str) -> bool:
    return bool(part) and _as_words(part).search(whole) is not None


def _part(col: ColumnProfile) -> bool:
    """A part of an address: typed as one, or a text under an address header ('addressComplement')."""
    return col.semantic_type in _PARTS or (col.semantic_type in _TEXT and lead_concept(col) in _PART_WORDS)


def _reading(values: SourceValues, table: TableProfile, col: ColumnProfile) -> tuple[list[str], bool] | None:
    """The street and place columns the column holds on most rows, and whether it holds nothing more."""
    streets = [c for c in table.columns if c is not col and c.semantic_type == S.ADDRESS]
    parts = [c for c in table.columns if c is not col and c.foreign_key is None and _part(c)]
    if not streets or not any(c.semantic_type in _PLACES for c in parts):
        return None
    rows = [
        r
        for r in values.rows(table.table, [col.column, *(c.column for c in parts)])
        if _folded(r[col.column])
    ]
    if len(rows) < MIN_ROWS:
        return None
    held: dict[str, int] = {}
    copies = 0
    for row in rows:
        whole, left = _folded(row[col.column]), _folded(row[col.column])
        found = [c for c in parts if _holds(whole, _folded(row[c.column]))]
        for c in found:
            held[c.column] = held.get(c.column, 0) + 1
            left = _as_words(_folded(row[c.column])).sub(" ", left)
        copies += len(re.findall(r"\w+", left)) <= _LEFT_WORDS
    most = [c for c in parts if held.get(c.column, 0) >= MOST_ROWS * len(rows)]
    if not any(c in streets for c in most) or not any(c.semantic_type in _PLACES for c in most):
        return None
    return [c.column for c in most], copies >= MOST_ROWS * len(rows)


def whole_addresses(table: TableProfile, values: SourceValues | None) -> dict[str, tuple[list[str], bool]]:
    """Column -> (the part columns it holds on most rows, whether it holds nothing else)."""
    if values is None:
        return {}
    out: dict[str, tuple[list[str], bool]] = {}
    for col in table.columns:
        if col.semantic_type in _TEXT and col.foreign_key is None and lead_concept(col) == "address":
            found = _reading(values, table, col)
            if found is not None:
                out[col.column] = found
    return out


def address_yield(
    wholes: dict[str, tuple[list[str], bool]], columns: list[ColumnProfile]
) -> Callable[[ColumnProfile, Candidate], float]:
    """How far a column's claim on an address field falls behind a street column's: a text column
    yields it to a column whose values read as street addresses ('address' beside 'address_street'),
    a column that holds the street column's values and the city's yields it further."""
    streets = [c for c in columns if c.semantic_type == S.ADDRESS]

    def penalty(col: ColumnProfile, cand: Candidate) -> float:
        if cand.concept != "address":
            return 0.0
        if col.column in wholes:
            return HOLDS_ITS_PARTS
        beside = any(c is not col for c in streets)
        return WHOLE_ADDRESS if beside and col.semantic_type != S.ADDRESS else 0.0

    return penalty


def note_whole_addresses(maps: list[FieldMap], wholes: dict[str, tuple[list[str], bool]]) -> None:
    """Tell the reviewer why a whole address is not the street line, and whether it adds anything."""
    for fmap in maps:
        found = wholes.get(fmap.source_columns[0]) if len(fmap.source_columns) == 1 else None
        if found is not None and fmap.target.field not in ("address", "address1"):
            parts, copy = found
            more = "nothing else: a copy of them" if copy else "more on some rows"
            named = ", ".join(f"'{p}'" for p in parts)
            detail = f"the whole address: on most rows it holds {named}, and {more}"
            fmap.evidence.append(Evidence(source="values", detail=detail))
