"""Orphans: child rows whose link names a parent no row of the export holds (a client deleted before the
export). When the link resolves for most rows, a few misses are the classic deleted-parent mess, and
the established practice is to park them on one holding contact per location, named so someone can
reassign them later. A large share of misses rather says the link itself is read wrong: the same
proposal then stays under the threshold, for a human.
"""

from __future__ import annotations

from collections.abc import Callable

from assistant.mapping.items import FieldMap, HoldingParent
from assistant.mapping.models import Evidence, TargetObject, TransformKind
from assistant.propose.holdings_companyless import companies_with_contacts, with_companyless
from assistant.propose.sourcedata import SourceValues

# Record kinds that carry text, so a parked row can say which parent it named.
PARKABLE = frozenset({TargetObject.NOTE, TargetObject.TASK, TargetObject.MESSAGE, TargetObject.FILE})
SMALL_SHARE = 0.10  # at most this share of orphans reads as deleted parents
CONFIDENT, PER_SHARE = 0.92, 2.0  # 0.92 with one orphan in many, 0.72 at a tenth of the rows
DOUBTFUL, WRONG_LINK = 0.5, 0.3  # up to a quarter of the rows, and beyond: the link may be read wrong
EXAMPLES = 5
ROW = "_row"
MAX_ROWS = 10_000_000


def propose_holdings(fields: list[FieldMap], values: SourceValues) -> list[HoldingParent]:
    """One proposal per child table whose contact link misses for some of its rows."""
    out: dict[str, HoldingParent] = {}
    for fm in fields:
        if fm.source_object in out or not _is_contact_link(fm):
            continue
        found = _orphans(fm, values, lambda table: companies_with_contacts(fields, values, table))
        if found is not None:
            out[fm.source_object] = found
    return list(out.values())


def _is_contact_link(fm: FieldMap) -> bool:
    return (
        fm.transform.kind == TransformKind.LOOKUP
        and fm.target.field == "contactId"
        and fm.target.object in PARKABLE
        and bool(fm.source_columns)
    )


def _keys(values: SourceValues, table: str, column: str) -> set[str]:
    return {v.value.strip() for v in values.distinct(table, column, limit=MAX_ROWS)}


def _orphans(fm: FieldMap, values: SourceValues, reached: Callable[[str], set[str]]) -> HoldingParent | None:
    params = fm.transform.params
    kind_column = str(params.get("object_column") or "")
    tables, keys = params.get("tables"), params.get("keys")
    companyless: list[dict[str, str | None]] = []
    if kind_column and isinstance(tables, dict) and isinstance(keys, dict):
        link = next((c for c in fm.source_columns if c != kind_column), fm.source_columns[-1])
        parent_keys = {
            str(kind): _keys(values, str(table), str(keys[table]))
            for kind, table in tables.items()
            if table in keys
        }
        rows = values.rows(fm.source_object, [ROW, kind_column, link], limit=MAX_ROWS)
        linked = [(r, (r.get(kind_column) or "").strip()) for r in rows if (r.get(link) or "").strip()]
        checked = [(r, kind, parent_keys[kind]) for r, kind in linked if kind in parent_keys]
        misses = [r for r, _, known in checked if (r.get(link) or "").strip() not in known]
        companies = {
            str(k): reached(str(tables[k]))
            for k, o in dict(params.get("objects") or {}).items()
            if o == "company"
        }
        companyless = [
            r
            for r, kind, known in checked
            if kind in companies
            and (key := (r.get(link) or "").strip()) in known
            and key not in companies[kind]
        ]
    elif params.get("table") and params.get("key"):
        link = fm.source_columns[0]
        known = _keys(values, str(params["table"]), str(params["key"]))
        rows = values.rows(fm.source_object, [ROW, link], limit=MAX_ROWS)
        linked = [(r, "") for r in rows if (r.get(link) or "").strip()]
        misses = [r for r, _ in linked if (r.get(link) or "").strip() not in known]
    else:
        return None  # no key to check the link against
    if not (misses or companyless) or len(misses) * 2 >= len(linked):
        return None  # every link resolves, or most do not: nothing a holding record fixes
    parked = [_row(r) for r in misses + companyless]
    proposal = _proposal(fm.source_object, link, len(misses), len(linked), parked)
    if companyless:
        with_companyless(proposal, len(misses), len(companyless), fm.target.object)
    return proposal


def _row(row: dict[str, str | None]) -> int:
    try:
        return int(row.get(ROW) or 0)
    except ValueError:
        return 0


def _proposal(table: str, link: str, orphans: int, linked: int, rows: list[int]) -> HoldingParent:
    share = orphans / linked  # the link's misses alone say whether it is read right
    examples = sorted(r for r in rows if r)[:EXAMPLES]
    shown = ", ".join(str(r) for r in examples) + (", …" if len(rows) > len(examples) else "")
    if share <= SMALL_SHARE:
        confidence = round(CONFIDENT - PER_SHARE * share, 2)
        reading = "a small share: parents deleted before the export"
    else:
        confidence = DOUBTFUL if share <= 2.5 * SMALL_SHARE else WRONG_LINK
        reading = "too many to be deleted parents: check that the link column is read right"
    return HoldingParent(
        id=f"holding:{table}",
        source_object=table,
        link_column=link,
        orphan_rows=orphans,
        row_count=linked,
        example_rows=examples,
        confidence=confidence,
        rationale=(
            f"{orphans} of {linked} '{table}' rows name a {link} no row of the export holds ({reading}); "
            "park them on one holding contact per location ('Unmatched source records'), each starting "
            "with the parent it named so someone can reassign it; rejected, they stay held back"
        ),
        evidence=[
            Evidence(source="link", detail=f"{orphans} of {linked} rows ({share:.1%}) name a missing parent"),
            Evidence(source="link", detail=f"link column {link}; rows {shown}"),
        ],
    )
