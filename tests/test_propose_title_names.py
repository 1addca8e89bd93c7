"""A nested object's name ('type.name') names that object, never the record's title in a composed name."""

from __future__ import annotations

from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.propose.sourcedata import MemoryValues
from tests.propose_factory import S, destination, table


def test_a_jobs_type_name_is_not_composed_into_the_jobs_name() -> None:
    columns = [("num", S.IDENTIFIER, {"unique_share": 1.0}),
               ("type.name", S.PICKLIST, {"values": {"Maintenance": 4, "Repair": 4}}),
               ("title", S.FREE_TEXT, {"unique_share": 1.0})]  # fmt: skip
    jobs = table("jobs", columns, rows=8, key="num")
    rows = [{"num": f"J{i}", "type.name": ["Maintenance", "Repair"][i % 2], "title": f"Boiler visit {i}"}
            for i in range(8)]  # fmt: skip
    doc = propose_offline(ProposeInputs([jobs], destination(), MemoryValues({"jobs": rows})))
    named = [f for f in doc.fields if f.target.field == "name"]
    assert named and all("type.name" not in f.source_columns for f in named)
