"""A line table's Yes/No "taxable" column: whether each line is taxed, mapped to the line's tax rate
as a flag. The executor never sends the flag as a rate: lines marked no go untaxed, lines marked yes
take the rate of a rate column or of ``execute.tax_rate``. Left skipped, every line would go untaxed
while the document's stated total includes its tax.
"""

from __future__ import annotations

from assistant.mapping.items import FieldMap, Transform
from assistant.mapping.models import Evidence
from assistant.profile.models import ColumnProfile, SemanticType
from assistant.propose.document_targets import DOCUMENT_OBJECTS
from assistant.propose.fields.build import TableContext, evidence_of, make_map, standard_target
from assistant.propose.normalize import concepts

RATE_KEY = "taxRate"
CONFIDENCE = 0.8  # the header and the Yes/No values agree; the rate itself is the engineer's setting


def taxable_flag(ctx: TableContext, maps: list[FieldMap], columns: list[ColumnProfile]) -> list[FieldMap]:
    """Re-read a skipped Yes/No column named as a taxable flag on a document's line table."""
    target = ctx.decision.object_map.targets[0]
    if ctx.primary not in DOCUMENT_OBJECTS or target.role != "line_items":
        return maps
    if any(m.target.object == ctx.primary and m.target.field == RATE_KEY for m in maps):
        return maps  # a rate column is mapped: a flag beside it still exempts, read by the executor
    skipped = {m.source_columns[0]: m for m in maps if m.target.field is None and len(m.source_columns) == 1}
    flag = next((c for c in columns if c.column in skipped and _is_flag(c)), None)
    if flag is None:
        return maps
    true = ", ".join(flag.true_values) or "true"
    flagged = make_map(
        ctx,
        [flag.column],
        standard_target(ctx.primary, RATE_KEY),
        Transform(),
        CONFIDENCE,
        f"'{flag.column}' says whether each line is taxed ({true} = taxable), not at what rate: lines "
        "marked taxable take the rate of execute.tax_rate (percent; no rate column is in the export), "
        "the others go without tax; the flag itself is never sent as a rate",
        [*evidence_of(flag), Evidence(source="profile", detail="a Yes/No flag beside the line's amounts")],
        [],
    )
    return [m for m in maps if m is not skipped[flag.column]] + [flagged]


def _is_flag(column: ColumnProfile) -> bool:
    return column.semantic_type == SemanticType.BOOLEAN and "taxable" in concepts(column.column)
