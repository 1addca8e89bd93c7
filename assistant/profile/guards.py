"""Cheap necessary conditions in front of costly detectors.

A value without an '@' is no email, one without ';' no ';'-list: checked first in a CASE, the
regex runs only on values that could match (an AND inside an aggregate's FILTER does not spare
it). Each guard must hold for every value its detector matches, so the counts stay the same.
"""

from __future__ import annotations

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
    "zip4": "contains({v}, '-')",
    "json_array": "starts_with({v}, '[')",
    "country_code": "strlen({v}) = 2",
    "list_semicolon": "contains({v}, ';')",
    "list_pipe": "contains({v}, '|')",
    "list_slash": "contains({v}, ' / ')",
    "list_comma": "contains({v}, ',')",
    "person": f"({_SPACE})",
    "sentence": f"({_SPACE})",
    "many_words": f"({_SPACE})",
}


def guarded(name: str, predicate: str) -> str:
    """``predicate`` run only where the detector's guard holds (false elsewhere)."""
    guard = GUARDS.get(name)
    return f"CASE WHEN {guard} THEN {predicate} ELSE false END" if guard else predicate
