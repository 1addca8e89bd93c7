"""SQL fast paths for the common, unambiguous cases, so the slow Python checks see only the rest.

A phone already written as a valid national number of the default region (libphonenumber's own
number-type patterns for that region, matched in SQL) becomes ``+<country code><digits>`` without a
Python call; an email made only of plain ASCII parts is lower-cased in SQL. Anything else — other
formats, national prefixes, unicode, doubtful syntax — still goes through phonenumbers and
email-validator, which stay the judges.
"""

from __future__ import annotations

from functools import cache

from phonenumbers import PhoneMetadata

_TYPES = (
    "fixed_line", "mobile", "toll_free", "premium_rate", "shared_cost", "voip",
    "personal_number", "pager", "uan", "voicemail",
)  # fmt: skip

# local@domain.tld with dot-separated ASCII atoms: a subset of what email-validator accepts
PLAIN_EMAIL = (
    r"^[a-z0-9_%+-]+(\.[a-z0-9_%+-]+)*@[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*"
    r"\.[a-z]{2,63}$"
)


@cache
def national_pattern(region: str) -> tuple[int, str] | None:
    """(country code, regex of every valid national number) of ``region``, or None when unknown."""
    metadata = PhoneMetadata.metadata_for_region(region.upper()) if region else None
    if metadata is None or metadata.national_prefix_for_parsing:
        return None  # regions whose national numbers can carry a prefix to strip stay with the library
    patterns = [
        desc.national_number_pattern
        for desc in (getattr(metadata, name) for name in _TYPES)
        if desc is not None and desc.national_number_pattern
    ]
    if not patterns or any("(?<" in p or "(?=" in p or "(?!" in p for p in patterns):
        return None
    if not metadata.country_code:
        return None
    return int(metadata.country_code), "^(?:" + "|".join(patterns) + ")$"


def fast_or_udf(fast: str, fast_value: str, call: str, call_error: str, others: str) -> tuple[str, str]:
    """(value, error) SQL: ``fast_value`` where the ``fast`` pattern holds, else the UDF ``call``'s answer;
    the error is the UDF's (``call_error``), else the note on the cell's other values."""
    value = f"CASE WHEN {fast} THEN {fast_value} ELSE {call}.value END"
    error = f"CASE WHEN {fast} THEN {others} ELSE coalesce({call_error}, {others}) END"
    return value, error
