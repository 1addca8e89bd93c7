"""Links into the old system's own record of a row: 'uri' = host + '/company/' + the row's own id.

API exports often give every record (and every record they point at) the address of its own page
in the old system: each value is one host plus a path ending in the row's key ('…/company/3100' on
the row whose id is 3100) or in the key of the thing it points at ('location.uri' ending in
'location.id'). Such a link is not the company's website, nor anything worth a field: it names the
old system's page and stops working when the old account closes. Holding the row's own id is what
tells it from a real website, and it holds however often the rows repeat a linked record.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from assistant.profile.models import ColumnProfile, SemanticType
from assistant.propose.fields.build import TableContext
from assistant.propose.normalize import reads_as_key
from assistant.propose.sourcedata import SourceValues

MIN_LINKS = 5
EMBEDS_ID = 0.9  # share of filled links whose path holds the row's key


def _keys_beside(ctx: TableContext, col: ColumnProfile) -> list[str]:
    """Key columns the link may embed: its own prefix's id ('location.id'), else the row's key."""
    prefix = col.column.rpartition(".")[0]
    named = [
        c.column
        for c in ctx.table.columns
        if c is not col
        and c.column.rpartition(".")[0] == prefix
        and reads_as_key(c.column.rpartition(".")[2])
    ]
    own = [ctx.table.primary_key] if not prefix and ctx.table.primary_key else []
    return list(dict.fromkeys([*named, *own]))


def path_parts(link: str) -> set[str]:
    parts = urlsplit(link.strip())
    pieces = [*parts.path.split("/"), *(q.partition("=")[2] for q in parts.query.split("&"))]
    return {p for p in pieces if p}


def _share_embedding(values: SourceValues, table: str, column: str, keys: tuple[str, ...]) -> float:
    rows = [r for r in values.rows(table, [column, *keys]) if (r.get(column) or "").strip()]
    if len(rows) < MIN_LINKS:
        return 0.0
    held = sum(any((r.get(k) or "").strip() in path_parts(r[column] or "") for k in keys) for r in rows)
    return held / len(rows)


def own_record_link(ctx: TableContext, col: ColumnProfile) -> str | None:
    """The key column a link column embeds on (nearly) every row, or None when it is no such link."""
    if col.semantic_type != SemanticType.URL or ctx.values is None:
        return None
    keys = tuple(_keys_beside(ctx, col))
    if not keys:
        return None
    share = _share_embedding(ctx.values, ctx.name, col.column, keys)
    return ", ".join(keys) if share >= EMBEDS_ID else None


def own_record_reason(ctx: TableContext, col: ColumnProfile) -> str | None:
    key = own_record_link(ctx, col)
    if key is None:
        return None
    return (
        f"a link to the old system's own page of the record ('{key}' is in every link): "
        "no website, and it dies with the old account"
    )
