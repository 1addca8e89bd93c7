"""Unix times: whole numbers counting the seconds (or milliseconds) since 1970, as APIs export dates.

'1709652600' reads as a number to every other detector. Two things together make it a time: the
values fall where times of a real record fall (2001 to 2100: ten digits for seconds, thirteen for
milliseconds) and the header speaks of a date or a time ('date_created', 'close_date', 'updated_at').
Values alone are not enough, since a US phone number or a ten-digit id fits the same range. A '0'
is how such exports write "not set": those cells are left out of the share and read as empty.
"""

from __future__ import annotations

import re

from assistant.profile.formats import STRONG, Detected, pct
from assistant.profile.models import SemanticType

EPOCH_SECONDS, EPOCH_MILLIS = "epoch", "epoch-ms"  # profile formats the date transform reads

# header words naming a date or a time, in the languages the other header hints cover
_DATE_WORDS = frozenset(
    {
        *("date", "dates", "time", "timestamp", "datetime", "created", "updated", "modified", "changed"),
        *("due", "close", "closed", "closing", "start", "started", "starts", "end", "ended", "ends"),
        *("expires", "expiry", "expiration", "deadline", "birthday", "dob"),
        *("fecha", "hora", "creado", "actualizado", "vencimiento", "inicio", "fin"),
        *("datum", "zeit", "erstellt", "heure", "debut", "criado", "atualizado"),
    }
)
# a header ending in one of these names a key or a count beside a date ('close_reason_id', 'due_days')
_NOT_A_TIME = frozenset({"id", "ids", "key", "ref", "number", "num", "no", "code", "count", "days", "hours"})
# 'due by', 'needed by': the time something must be done by, never a person
_DEADLINE_WORDS = frozenset({"due", "needed"})
_TRAILING = frozenset({"at", "on"})  # 'created_at', 'closed_on': only as the header's last word


def header_words(header: str) -> list[str]:
    spaced = re.sub(r"([a-z])([A-Z])", r"\1 \2", header)  # 'createdTime' -> 'created Time'
    return [w for w in re.split(r"[^a-z]+", spaced.lower()) if w]


def dated_header(header: str) -> bool:
    """Whether the header names a date or a time ('date_created', 'createdTime', 'Date of Loss')."""
    words = header_words(header)
    if not words or words[-1] in _NOT_A_TIME:
        return False
    deadline = "by" in words and bool(set(words) & _DEADLINE_WORDS)
    if "by" in words and not deadline:  # 'created_by' names a person
        return False
    return deadline or bool(set(words) & _DATE_WORDS) or words[-1] in _TRAILING


def detect_epoch(counts: dict[str, int], sampled: int, header: str) -> Detected | None:
    """Unix seconds or milliseconds under a date header; zeros are 'not set' and left out of the share."""
    zeros = counts.get("zero", 0)
    seconds, millis = counts.get("epoch_s", 0), counts.get("epoch_ms", 0)
    set_values = sampled - zeros
    if seconds + millis == 0 or set_values <= 0 or not dated_header(header):
        return None
    share = (seconds + millis) / set_values
    if share < STRONG:
        return None
    unit = "milliseconds" if millis > seconds else "seconds"
    evidence = [
        f"{pct(share)} are unix times in {unit} between 2001 and 2100",
        "column name says date/time",
    ]
    if zeros:
        evidence.append(f"{zeros} zero value(s) read as not set")
    fmt = EPOCH_MILLIS if millis > seconds else EPOCH_SECONDS
    return Detected(SemanticType.DATETIME, share, evidence, format=fmt)
