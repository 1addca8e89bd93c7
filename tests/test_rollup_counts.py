"""A whole number named after another kind of record the export holds is a roll-up count: skipped."""

from __future__ import annotations

from assistant.mapping.items import FieldMap
from assistant.mapping.models import FieldKind
from assistant.propose.engine import ProposeInputs, propose_offline
from tests.propose_factory import S, destination, table

DEALS = table(
    "deals",
    [("Deal - Title", S.FREE_TEXT, {}), ("Deal - Value", S.MONEY, {}), ("Deal - Close date", S.DATE, {})],
)


def _export(with_deals: bool) -> ProposeInputs:
    orgs = table(
        "organizations",
        [("Organization - Name", S.COMPANY_NAME, {"unique_share": 1.0}), ("Website", S.URL, {}),
         ("Phone", S.PHONE, {}), ("Organization - Open deals", S.INTEGER, {"distinct_count": 4})],
    )  # fmt: skip
    return ProposeInputs([orgs, DEALS] if with_deals else [orgs], destination(), None)


def _count_map(with_deals: bool) -> FieldMap:
    doc = propose_offline(_export(with_deals))
    return next(f for f in doc.fields if f.source_columns == ["Organization - Open deals"])


def test_a_count_of_the_exports_own_deals_is_skipped_below_the_threshold() -> None:
    count = _count_map(with_deals=True)
    assert count.target.kind == FieldKind.SKIP
    assert count.confidence < 0.7
    assert "deals" in count.rationale


def test_a_number_naming_records_the_export_lacks_is_kept() -> None:
    assert _count_map(with_deals=False).target.kind != FieldKind.SKIP
