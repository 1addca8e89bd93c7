"""An address exported whole as JSON text: ``{"street": ..., "city": ..., "zip": ..., "country": ...}``.

``json_columns`` gives each key of a JSON column a custom field of its own. When the column is an
address, its keys are the parts HighLevel has standard fields for: each part whose key names one
(street -> the street line, zip -> the postal code) fills it, read through the transform's
``json_key``; a key naming no part keeps the custom field.
"""

from __future__ import annotations

from assistant.mapping.items import FieldMap
from assistant.profile.models import ColumnProfile
from assistant.propose.candidates import retrieve_candidates
from assistant.propose.fields.build import TableContext
from assistant.propose.fields.standard_fields import standard_maps
from assistant.propose.normalize import concepts

ADDRESS_PARTS = frozenset({"address1", "city", "state", "postalCode", "country"})
MIN_SCORE = 0.55  # as a column's standard candidate must reach


def is_address(col: ColumnProfile) -> bool:
    found = concepts(col.column)
    return bool(found) and found[0] == "address"


def address_part_maps(ctx: TableContext, col: ColumnProfile, key: ColumnProfile) -> list[FieldMap]:
    """The standard address part a key of an address's JSON fills (empty: none, or already filled)."""
    if not is_address(col):
        return []
    cands = retrieve_candidates(key, [ctx.primary], ctx.catalog, ctx.destination, ctx.k)
    for cand in cands:
        if cand.field in ADDRESS_PARTS and cand.score >= MIN_SCORE and ctx.claim(cand.object, cand.field):
            return standard_maps(ctx, key, cand, cands)
    return []
