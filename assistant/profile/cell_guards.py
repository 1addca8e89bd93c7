"""Marks an export puts in front of a value to stop a spreadsheet reading it as a formula.

A cell that starts with '+', '-', '=' or '@' is run as a formula by spreadsheet programs, so CSV
exports guard it: an apostrophe ("'+15125550143") or an invisible character (a zero-width joiner or
space, a byte-order mark) goes first. The mark is no part of the value: detectors read through it,
or a column of phone numbers in E.164 would read as text. An apostrophe is a guard only in front of
what a spreadsheet would take for a formula or a number ("'Tis" keeps its apostrophe); invisible
characters never carry anything, wherever they lead.
"""

from __future__ import annotations

import re

# zero-width space / non-joiner / joiner, left-to-right and right-to-left marks, word joiner, BOM
INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff"
_FORMULA_LEAD = "-+=@0-9("
_GUARD = re.compile(f"^[{INVISIBLE}]*(?:'(?=[{_FORMULA_LEAD}]))?")
# the same in RE2, which has no look-ahead: the character after the apostrophe is put back
_SQL_GUARD = r"^[\x{200B}-\x{200F}\x{2060}\x{FEFF}]*(''([-+=@0-9(]))?"
_SQL_LEADS = ", ".join(["''''", *(f"chr({ord(c)})" for c in INVISIBLE)])


def unguarded(text: str) -> str:
    """``text`` without a leading formula guard: "'+1 512" -> "+1 512", "\u200d+1" -> "+1"."""
    return _GUARD.sub("", text, count=1)


def unguarded_sql(expr: str) -> str:
    """SQL of ``expr`` without a leading guard; the regex runs only on values whose first character
    could be one (a comparison of one character spares it almost every value)."""
    stripped = f"regexp_replace({expr}, '{_SQL_GUARD}', '\\2')"
    return f"CASE WHEN left({expr}, 1) IN ({_SQL_LEADS}) THEN {stripped} ELSE {expr} END"
