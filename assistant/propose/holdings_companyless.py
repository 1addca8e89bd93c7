"""Rows on a company no contact belongs to: HighLevel attaches a task or a note to a contact, and a
company the export holds with no contact of its own (the same business exported twice aside) reaches
none. Nothing is wrong with the link; the row simply has nowhere to land. The holding proposal of
the table counts them beside its orphans and says so: accepted, they are parked on the holding
contact too, each starting with the company it named; rejected, they stay held back.
"""

from __future__ import annotations

from assistant.mapping.items import FieldMap, HoldingParent
from assistant.mapping.models import Evidence, TargetObject, TransformKind
from assistant.propose.sourcedata import SourceValues

MAX_ROWS = 10_000_000


def companies_with_contacts(fields: list[FieldMap], values: SourceValues, companies: str) -> set[str]:
    """Keys of ``companies`` rows that some contact row links to (through a contact's company link)."""
    out: set[str] = set()
    for fm in fields:
        params = fm.transform.params
        if (
            fm.target.object == TargetObject.CONTACT
            and fm.target.field == "companyId"
            and fm.transform.kind == TransformKind.LOOKUP
            and params.get("table") == companies
        ):
            found = values.distinct(fm.source_object, fm.source_columns[0], limit=MAX_ROWS)
            out |= {v.value.strip() for v in found}
    return out


def with_companyless(
    proposal: HoldingParent, orphans: int, companyless: int, target: TargetObject | None
) -> None:
    """Say in the proposal which of its rows name a company without contacts, and how many."""
    proposal.companyless_rows = companyless
    what = target.value if target is not None else "record"
    rows = "1 row names" if companyless == 1 else f"{companyless} rows name"
    said = (
        f"{rows} a company the export holds but no contact belongs to (HighLevel attaches a {what} to a "
        "contact): parked too when accepted, each starting with the company it named"
    )
    if orphans:
        proposal.rationale += f"; besides, {said}"
    else:  # no missing parent: the rows on contactless companies are the whole proposal
        table = proposal.source_object
        proposal.rationale = (
            f"{companyless} of {proposal.row_count} '{table}' rows name a company the export holds but "
            f"no contact belongs to, and HighLevel attaches a {what} to a contact: park them on "
            "one holding contact per location ('Unmatched source records'), each starting with the "
            "company it named so someone can reassign it; rejected, they stay held back"
        )
        proposal.evidence = proposal.evidence[1:]
    proposal.evidence.append(
        Evidence(
            source="link", detail=f"{companyless} rows name a company no contact of the export belongs to"
        )
    )
