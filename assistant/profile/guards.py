"""Cheap necessary conditions in front of costly detectors.

A value without an '@' is no email, one without ';' no ';'-list: checked first in a CASE, the
regex runs only on values that could match (an AND inside an aggregate's FILTER does not spare
it). Each guard must hold for every value its detector matches, so the counts stay the same.
"""

from __future__ import annotations

from assistant.profile.prefilters import PREFILTERS

# ASCII whitespace, all that RE2's \s matches
_SPACE = " OR ".join(f"contains({{v}}, chr({code}))" for code in (32, 9, 10, 12, 13))

GUARDS: dict[str, str] = {
    "email": "contains({v}, '@')",
    "email_list": "contains({v}, '@')",
    "path": "starts_with({v}, '/')",
    "iso_offset": "contains({v}, 'T')",
    "iso_t": "contains({v}, 'T')",
    "ymd_hm": "contains({v}, ':')",
    "ymd_hms": "contains({v}, ':')",
    "ymd_slash": "contains({v}, '/')",
    "ymd_slash_hms": "contains({v}, '/')",
    "ymd_slash_offset": "contains({v}, '/')",
    "ymd_hms_offset": "contains({v}, ':')",
    "zip4": "contains({v}, '-')",
    "json_array": "starts_with({v}, '[')",
    "country_code": "strlen({v}) = 2",
    "list_star_slash": "contains({v}, '*/*')",
    "list_semicolon": "contains({v}, ';')",
    "list_pipe": "contains({v}, '|')",
    "list_slash": "contains({v}, ' / ')",
    "list_comma": "contains({v}, ',')",
    "person": f"({_SPACE})",
    "sentence": f"({_SPACE})",
    "many_words": f"({_SPACE})",
}


def _conditions(name: str) -> str | None:
    # the prefilter, a comparison or two, goes first
    found = [c for c in (PREFILTERS.get(name), GUARDS.get(name)) if c]
    return " AND ".join(found) if found else None


def guarded(name: str, predicate: str) -> str:
    """``predicate`` run only where the detector's prefilter and guard hold (false elsewhere)."""
    conditions = _conditions(name)
    return f"CASE WHEN {conditions} THEN {predicate} ELSE false END" if conditions else predicate


def weighted(name: str, predicate: str, weight: str) -> str:
    """``weight`` where the guarded detector matches, else 0. Summed, it counts what
    ``sum(weight) FILTER (WHERE guarded(…))`` counts: DuckDB spends more on sixty FILTER clauses
    than on sixty CASEs."""
    matched = f"CASE WHEN {predicate} THEN {weight} ELSE 0 END"
    conditions = _conditions(name)
    return f"CASE WHEN {conditions} THEN {matched} ELSE 0 END" if conditions else matched
