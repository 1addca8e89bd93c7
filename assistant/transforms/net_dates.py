""".NET JSON dates ('/Date(1712102400000+0000)/'), as accounting APIs serialise them.

The number is the instant in milliseconds since 1970 (UTC); the offset after it is the zone the date
was entered in. A date-time field takes the instant; a date field takes the day the source's own
clock showed, as with any other time written with its offset (late evening is not the next day).
"""

from __future__ import annotations

DOTNET_FORMAT = "dotnet"  # the profile's format for such columns
_PARTS = r"'^/Date\((-?[0-9]+)([+-][0-9]{2})?([0-9]{2})?\)/$'"


def dotnet_timestamp(raw: str, local: bool) -> str:
    """SQL of the timestamp a .NET date holds: the UTC instant, or (``local``) its own zone's clock.
    NULL for any other text."""

    def part(group: int, cast: str) -> str:
        return f"try_cast(regexp_extract({raw}, {_PARTS}, {group}) AS {cast})"

    instant = f"make_timestamp({part(1, 'BIGINT')} * 1000)"
    if not local:
        return instant
    hours = f"coalesce({part(2, 'INTEGER')}, 0)"
    sign = f"(CASE WHEN regexp_extract({raw}, {_PARTS}, 2) LIKE '-%' THEN -1 ELSE 1 END)"
    minutes = f"{hours} * 60 + {sign} * coalesce({part(3, 'INTEGER')}, 0)"
    return f"({instant} + to_minutes(CAST({minutes} AS BIGINT)))"
