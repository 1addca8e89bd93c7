"""Dates as APIs and their databases write them, which no spreadsheet format describes.

- .NET JSON dates ('/Date(1712102400000+0000)/'): milliseconds since 1970 in UTC, with the offset of
  the zone the record was entered in (Microsoft's serialiser, kept by accounting APIs). Every value on
  a midnight of its own zone makes the column a date; any other time of day, a date-time.
- A time of day with a fraction of a second ('2022-07-13 00:00:00.0', as a Java timestamp prints and
  database dumps keep): the same date-time as without it, which the format must say so it parses.
"""

from __future__ import annotations

import re

from assistant.profile.models import SemanticType

DOTNET_FORMAT = "dotnet"  # the profile format the date transform and the typed ranges read
DOTNET_PATTERN = r"/Date\(-?[0-9]{1,15}([+-][0-9]{4})?\)/"
_DOTNET = re.compile(r"\s*/Date\((-?\d{1,15})([+-]\d{2})?(\d{2})?\)/\s*")
_DAY_MS = 86_400_000
_FRACTION = re.compile(r"\d{2}:\d{2}:\d{2}\.\d+$")


def _local_ms(value: str) -> int | None:
    """The value's milliseconds on its own zone's clock, or None when it is no .NET date."""
    found = _DOTNET.fullmatch(value)
    if found is None:
        return None
    hours, minutes = found.group(2), found.group(3)
    offset = 0
    if hours is not None:
        sign = -1 if hours.startswith("-") else 1
        offset = sign * (abs(int(hours)) * 60 + int(minutes or 0)) * 60_000
    return int(found.group(1)) + offset


def api_date_format(
    detector: str, kind: SemanticType, fmt: str, values: list[str]
) -> tuple[SemanticType, str, str | None]:
    """The type and format of a date column matched by ``detector``, with a line of evidence when the
    values changed them (None when they did not)."""
    if detector == "dotnet_date":
        times = [ms for ms in map(_local_ms, values) if ms is not None]
        if times and all(ms % _DAY_MS == 0 for ms in times):
            return SemanticType.DATE, DOTNET_FORMAT, "every .NET date falls on a midnight: dates"
        return SemanticType.DATETIME, DOTNET_FORMAT, None
    if detector == "ymd_hms" and any(_FRACTION.search(v.strip()) for v in values):
        return kind, fmt + ".%f", "the times carry a fraction of a second"
    return kind, fmt, None


def dotnet_instant_sql(value: str) -> str:
    """SQL of the instant (UTC) a .NET date holds, NULL for any other text: the typed range's reading."""
    millis = rf"try_cast(regexp_extract({value}, '^/Date\((-?[0-9]+)[-+0-9]*\)/$', 1) AS BIGINT)"
    return f"make_timestamp({millis} * 1000)"
