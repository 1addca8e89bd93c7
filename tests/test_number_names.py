"""Without a title, a record is named by its number alone when the customer column is mostly blank."""

from __future__ import annotations

from assistant.mapping.items import MappingDocument
from assistant.mapping.models import TargetObject
from assistant.propose.engine import ProposeInputs, propose_offline
from tests.propose_factory import S, destination, table


def _jobs(company_blank: float) -> MappingDocument:
    jobs = table(
        "jobs",
        [
            ("Job #", S.IDENTIFIER, {"unique_share": 1.0}),
            ("Company", S.PICKLIST, {"values": {"Oak Property Mgmt": 4, "Sunset HOA": 1},
                                     "null_share": company_blank}),
            ("Total", S.MONEY, {}),
            ("Stage", S.PICKLIST, {"values": {"Nuevo": 8, "Ganado": 6, "Negociación": 6}}),
        ],
        key="Job #",
    )  # fmt: skip
    return propose_offline(ProposeInputs([jobs], destination(), calibrate=False))


def _name_columns(doc: MappingDocument) -> list[list[str]]:
    return [f.source_columns for f in doc.fields if f.target.object == TargetObject.OPPORTUNITY
            and f.target.field == "name"]  # fmt: skip


def test_a_mostly_blank_customer_column_leaves_the_number_alone_to_name_the_record_held_for_review() -> None:
    doc = _jobs(company_blank=0.9)
    assert _name_columns(doc) == [["Job #"]]
    name = next(f for f in doc.fields if f.target.field == "name")
    assert name.confidence < 0.7 and "blank on 90% of rows" in name.rationale
    assert all(f.target.field != "name" for f in doc.fields if f.source_columns == ["Company"])


def test_a_filled_customer_column_still_completes_the_number() -> None:
    assert _name_columns(_jobs(company_blank=0.1)) == [["Job #", "Company"]]
