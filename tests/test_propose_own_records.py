"""Tables that link a record of the same kind now and then hold records of their own, not merged parts."""

from __future__ import annotations

from assistant.mapping.models import TargetObject
from assistant.propose.objects import classify_tables
from tests.propose_factory import S, table

T = TargetObject


def _quotes() -> object:
    return table(
        "quotes",
        [("Quote #", S.IDENTIFIER, {}), ("Status", S.PICKLIST, {"values": {"Draft": 8, "Approved": 12}}),
         ("Total", S.MONEY, {})],
        key="Quote #",
    )  # fmt: skip


def _jobs(link_empty: float) -> object:
    return table(
        "jobs",
        [("Job #", S.IDENTIFIER, {}), ("Status", S.PICKLIST, {"values": {"Active": 9, "Late": 11}}),
         ("Total revenue", S.MONEY, {}),
         ("Quote #", S.FOREIGN_KEY, {"fk": ("quotes", "Quote #"), "null_share": link_empty})],
        key="Job #",
    )  # fmt: skip


def test_jobs_that_name_a_quote_on_a_few_rows_stay_opportunities_of_their_own() -> None:
    decided = classify_tables([_quotes(), _jobs(link_empty=0.7)])  # type: ignore[list-item]
    target = decided["jobs"].object_map.targets[0]
    assert (target.object, target.role) == (T.OPPORTUNITY, None)
    assert decided["jobs"].object_map.parent_object is None


def test_documents_that_name_their_parent_on_most_rows_still_merge_into_it() -> None:
    decided = classify_tables([_quotes(), _jobs(link_empty=0.1)])  # type: ignore[list-item]
    target = decided["jobs"].object_map.targets[0]
    assert (target.object, target.role) == (T.OPPORTUNITY, "merge_into_parent")
    assert decided["jobs"].object_map.parent_object == "quotes"
