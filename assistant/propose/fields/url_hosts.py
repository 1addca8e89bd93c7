"""A bare host name beside the full web address it is the host of ('domain' beside 'website').

Company exports often give the web address twice: 'domain' (northstarfitness.com) and 'website'
(https://northstarfitness.com). Either alone reads as the website, yet a record keeps one website
and the full address holds the host as well: a column whose every value is the host of the address
beside it on the same row adds nothing, whichever of the two headers comes first. A handful of rows
proves nothing, and one row where the host differs, or where only the bare column is filled, keeps
both.
"""

from __future__ import annotations

import re

from assistant.profile.models import ColumnProfile, SemanticType, TableProfile
from assistant.propose.sourcedata import SourceValues

MIN_ROWS = 5
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://")


def host(value: str) -> str:
    """The host a web address names, casefolded and without 'www.' ('https://www.x.com/a' -> 'x.com')."""
    text = _SCHEME.sub("", value.strip().casefold())
    text = re.split(r"[/?#]", text, maxsplit=1)[0].rsplit("@", 1)[-1].split(":", 1)[0]
    return text.removeprefix("www.")


def _bare(value: str) -> bool:
    """Only a host name: nothing a full address adds (scheme, path, 'www.')."""
    return value.strip().casefold() == host(value)


def _host_of(values: SourceValues, table: str, bare: ColumnProfile, full: ColumnProfile) -> bool:
    rows = values.rows(table, [bare.column, full.column])
    pairs = [((r[bare.column] or "").strip(), (r[full.column] or "").strip()) for r in rows]
    filled = [(b, f) for b, f in pairs if b]
    return (
        len(filled) >= MIN_ROWS
        and all(f and _bare(b) and host(f) == host(b) for b, f in filled)
        and any(not _bare(f) for _, f in filled)  # the other column says more on some row
    )


def host_columns(table: TableProfile, values: SourceValues | None) -> dict[str, str]:
    """Column of bare host names -> the column of full web addresses whose hosts they are."""
    if values is None:
        return {}
    urls = [c for c in table.columns if c.semantic_type == SemanticType.URL and not c.column.startswith("_")]
    out: dict[str, str] = {}
    for bare in urls:
        full = next((f for f in urls if f is not bare and _host_of(values, table.table, bare, f)), None)
        if full is not None:
            out[bare.column] = full.column
    return out
