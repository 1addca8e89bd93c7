"""Columns the old system keeps for itself, not business data a migration carries.

Three shapes recur in any export, whatever the platform:

- map coordinates beside an address ('latitude', 'lng'): the old system geocoded the address; the
  address itself migrates, and a pair of bare numbers in text fields helps nobody;
- links into the old system's own pages (a 'pay online' or 'view' link): every value sits on one
  host and each record has its own, and all of them stop working when the old account closes (a
  header naming a social network puts them on that network's pages: the record's profile there);
- display colours ('#1f77b4') the old system paints its labels with: HighLevel has its own;
- yes/no flags of a nested list's entries ('is_primary' of a customer's contacts, 'is_mobile' of
  their phones): the entries fold into one record, so a flag about one entry says nothing about it.

Each is a skip with a doubtful confidence: a reviewer who wants the values back picks the custom
field offered as the alternative.
"""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import urlsplit

from assistant.profile.models import ColumnProfile, SemanticType
from assistant.propose.fields.build import TableContext
from assistant.propose.fields.joined_columns import joined_reason
from assistant.propose.fields.nested_labels import dangling_reference
from assistant.propose.fields.own_record_links import own_record_reason
from assistant.propose.fields.owner_claims import entered_by_reason
from assistant.propose.fields.owner_name_parts import owner_surname_reason
from assistant.propose.fields.record_keepers import record_keeper_reason
from assistant.propose.fields.social_profiles import names_social_network
from assistant.propose.fields.system_flags import system_flag_reason
from assistant.propose.normalize import concepts, tokens

S = SemanticType
BOOKKEEPING_CONFIDENCE = 0.6
_COORDINATE_WORDS = frozenset({"latitude", "longitude", "lat", "lng", "lon", "long", "geo"})
_MAX_DEGREES = 180.0
ONE_HOST = 0.9  # share of links on the most common host
ONE_PER_RECORD = 0.9  # distinct links per filled row
MIN_LINKS = 5
_HEX_COLOUR = re.compile(r"#?(?:[0-9a-f]{3}|[0-9a-f]{6})", re.IGNORECASE)


def _values(col: ColumnProfile) -> list[str]:
    listed = [v.value for v in col.top_values] + list(col.samples)
    return [v.strip() for v in listed if v and v.strip()]


def _degrees(text: str) -> bool:
    try:
        return abs(float(text)) <= _MAX_DEGREES
    except ValueError:
        return False


def _names_coordinate(word: str) -> bool:
    """'lat', 'longitude', or one written into a compound ('gpslatitude', 'geolng', 'sitelatitude')."""
    if word in _COORDINATE_WORDS:
        return True
    geo = word.startswith(("gps", "geo")) and word.endswith(tuple(_COORDINATE_WORDS))
    return geo or word.endswith(("latitude", "longitude"))


def is_coordinate(col: ColumnProfile) -> bool:
    """A header naming a latitude or longitude over numbers that fit one."""
    words = tokens(col.column.rsplit(".", 1)[-1])
    values = _values(col)
    return any(_names_coordinate(w) for w in words) and bool(values) and all(_degrees(v) for v in values)


def is_display_colour(col: ColumnProfile) -> bool:
    """Every value a colour code; '#'-less ones only under a header naming a colour ('123' is a number)."""
    values = _values(col)
    if not values or not all(_HEX_COLOUR.fullmatch(v) for v in values):
        return False
    return all(v.startswith("#") for v in values) or "color" in concepts(col.column)


def system_link_host(col: ColumnProfile) -> str | None:
    """The host every link of the column points into, when each record has a link of its own."""
    if col.semantic_type != S.URL or col.unique_share < ONE_PER_RECORD or names_social_network(col):
        return None
    hosts = [urlsplit(v).hostname or "" for v in _values(col)]
    if len(hosts) < MIN_LINKS:
        return None
    host, count = Counter(hosts).most_common(1)[0]
    return host if host and count >= ONE_HOST * len(hosts) else None


def bookkeeping_reason(ctx: TableContext, col: ColumnProfile) -> str | None:
    """Why a column without a standard home is the old system's own bookkeeping, or None."""
    if is_coordinate(col):
        return "a map coordinate the old system worked out from the address, which migrates itself"
    if is_display_colour(col):
        return "a display colour the old system paints a label with, not business data"
    flag = system_flag_reason(ctx.name, col)
    if flag is not None:
        return flag
    host = system_link_host(col)
    if host is not None:
        return f"a link into the old system's own pages (each record's, all on {host}): it dies with it"
    own = own_record_reason(ctx, col) or dangling_reference(ctx, col)
    if own is not None:
        return own
    if ctx.merged_nested_row and col.semantic_type == S.BOOLEAN:
        return (
            f"a flag of one entry of the nested list '{ctx.name}': the entries fold into one record, "
            "so it says nothing about the record"
        )
    return (
        record_keeper_reason(col)
        or joined_reason(ctx.table, col, ctx.values)
        or owner_surname_reason(ctx, col)
        or entered_by_reason(ctx, col)
    )
