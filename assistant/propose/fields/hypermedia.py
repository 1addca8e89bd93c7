"""Hypermedia links of the old system's API ('links': [{href, rel, type}]), not the record's data.

REST APIs that follow HATEOAS (HAL's '_links', JSON:API's 'links', RFC 8288 web links) send with each
record the addresses of what a client may do with it: 'href' is the record's own API path
('/customers/9778200'), 'rel' a fixed vocabulary (self, edit) and 'type' or 'method' the HTTP verb
(GET, PUT). They describe the old API's navigation: every record holds the same few words, and the
path names the record in a system that stops answering once the account closes. What tells them
from a real address or a document link is the path holding the key of the record it sits on (the
row's own key, or the parent's for a nested list of links), so nothing else is ever read this way.
"""

from __future__ import annotations

from assistant.profile.models import ColumnProfile
from assistant.propose.fields.build import TableContext
from assistant.propose.fields.own_record_links import path_parts

# a web link's own attributes (RFC 8288 and HAL): only these sit beside the 'href' they describe
_LINK_ATTRIBUTES = frozenset(
    {"href", "rel", "type", "method", "verb", "title", "templated", "hreflang", "media", "name", "profile"}
)
_PARENT_KEY = "_parent_key"  # the parent row's key every nested list's row carries
MIN_LINKS = 5
OWN_PATH = 0.9  # share of filled hrefs whose path holds the record's key


def _split(column: str) -> tuple[str, str]:
    prefix, _, leaf = column.rpartition(".")
    return prefix, leaf.casefold()


def _href(ctx: TableContext, col: ColumnProfile) -> ColumnProfile | None:
    """The 'href' beside a link attribute (the same nested object, or the same list entry)."""
    prefix, leaf = _split(col.column)
    if leaf not in _LINK_ATTRIBUTES or (not prefix and ctx.table.parent_table is None):
        return None
    return next((c for c in ctx.table.columns if _split(c.column) == (prefix, "href")), None)


def _holds_record_key(ctx: TableContext, href: ColumnProfile) -> bool:
    if ctx.values is None:
        return False
    keys = [k for k in (ctx.table.primary_key, _PARENT_KEY) if k and k != href.column]
    rows = [r for r in ctx.values.rows(ctx.name, [href.column, *keys]) if (r.get(href.column) or "").strip()]
    if len(rows) < MIN_LINKS:
        return False
    held = sum(any((r.get(k) or "").strip() in path_parts(r[href.column] or "") for k in keys) for r in rows)
    return held >= OWN_PATH * len(rows)


def hypermedia_reason(ctx: TableContext, col: ColumnProfile) -> str | None:
    """Why a column is part of an API link to the record itself ('href', 'rel', 'type'), or None."""
    href = _href(ctx, col)
    if href is None or not _holds_record_key(ctx, href):
        return None
    return (
        f"part of the old API's link to the record itself ('{href.column}' holds its key): "
        "navigation of a system that stops answering, not the record's data"
    )
