"""An archived deal that holds a lost reason is a lost deal: the status HighLevel gives it.

CRMs that close a lost deal by archiving it (an 'Active' flag set to no, a lost reason filled) export
no status column: the stage stays where the deal stood when it was lost. Read alone, the stage would
land such a row open. Where the rows themselves show it (the archived rows are the ones holding a
reason), the flag's map gives status lost to each archived row with a reason; every other row keeps
the status its stage gives, so a won stage stays won. The flag stays a proposal the engineer sees,
with the counts as evidence; too few such rows, or reasons on active rows, keep it below the threshold.
"""

from __future__ import annotations

from assistant.mapping.items import FieldMap, Transform
from assistant.mapping.models import Alternative, Evidence, TargetObject
from assistant.mapping.models import TransformKind as K
from assistant.profile.models import ColumnProfile, SemanticType
from assistant.propose.fields.build import TableContext, evidence_of, make_map, standard_target
from assistant.propose.fields.system_stamps import active_flag
from assistant.propose.normalize import tokens

_ARCHIVED = frozenset({"archived", "archive", "inactive", "archivado", "archiviert", "archivee"})
_LOST = frozenset({"lost", "loss", "lose", "perdida", "perdido", "verloren", "perdu", "perso"})
_REASON = frozenset({"reason", "reasons", "why", "motivo", "razon", "grund", "raison", "motif", "causa"})
MIN_ROWS = 3  # fewer archived rows with a reason are an anecdote: still proposed, below the threshold
SURE = 0.82
UNSURE = 0.55


def lost_reason_column(columns: list[ColumnProfile]) -> ColumnProfile | None:
    """A filled column whose header reads as a lost reason ('Lost Reason', 'Motivo de pérdida')."""
    for col in columns:
        words = set(tokens(col.column))
        if words & _LOST and words & _REASON and col.null_share < 1.0:
            return col
    return None


def _inactive_values(col: ColumnProfile) -> list[str] | None:
    """The flag's values that mean archived: false of an 'Active' flag, true of an 'Archived' one."""
    if col.semantic_type is not SemanticType.BOOLEAN:
        return None
    values = [v.value for v in (col.picklist or col.top_values)]
    true = {t.casefold() for t in col.true_values} or {"true", "1", "yes"}
    if active_flag(col):
        return [v for v in values if v.strip().casefold() not in true]
    words = set(tokens(col.column)) - {"is"}
    if words and words <= _ARCHIVED:
        return [v for v in values if v.strip().casefold() in true]
    return None


def lost_status_map(ctx: TableContext, columns: list[ColumnProfile]) -> FieldMap | None:
    """The flag -> opportunity status map (lost where archived with a reason), or None."""
    if ctx.primary != TargetObject.OPPORTUNITY or ctx.values is None:
        return None
    reason = lost_reason_column(columns)
    flag = next((c for c in columns if _inactive_values(c)), None)
    if reason is None or flag is None:
        return None
    inactive = {v.strip().casefold() for v in _inactive_values(flag) or []}
    rows = ctx.values.rows(ctx.name, [flag.column, reason.column])
    archived = [r for r in rows if (r[flag.column] or "").strip().casefold() in inactive]
    with_reason = [r for r in rows if (r[reason.column] or "").strip()]
    both = [r for r in archived if (r[reason.column] or "").strip()]
    if not both:
        return None
    active_with_reason = len(with_reason) - len(both)
    sure = len(both) >= MIN_ROWS and active_with_reason <= len(both) * 0.1
    lost_values = sorted({str(r[flag.column]).strip() for r in both})
    transform = Transform(
        kind=K.VALUE_MAP, params={"map": dict.fromkeys(lost_values, "lost"), "when_filled": reason.column}
    )
    evidence = [
        Evidence(
            source="values",
            detail=f"{len(both)} of {len(archived)} archived rows ('{flag.column}' = "
            f"{'/'.join(lost_values)}) hold a '{reason.column}'; {active_with_reason} active rows hold one"
            + (f" (in the first {len(rows):,} rows read)" if len(rows) < ctx.table.row_count else ""),
        ),
        *evidence_of(flag),
    ]
    return make_map(
        ctx,
        [flag.column],
        standard_target(TargetObject.OPPORTUNITY, "status"),
        transform,
        SURE if sure else UNSURE,
        f"an archived deal with a '{reason.column}' was lost: status lost for those rows; the others "
        "keep the status their stage gives",
        evidence,
        [Alternative(target="skip", score=0.4, value={"kind": "skip"})],
    )
