"""Work done and waiting for its bill reads as one stage however it is worded."""

from __future__ import annotations

from assistant.highlevel.state import Pipeline, Stage
from assistant.mapping.models import OpportunityStatus
from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.propose.sourcedata import MemoryValues
from tests.propose_factory import S, destination, table

STAGES = ["Scheduled", "In Progress", "Needs Invoice", "Invoiced"]
VALUES = {"Scheduled": 5, "In progress": 5, "Requires invoicing": 4, "Invoiced": 6}


def test_requires_invoicing_lands_on_needs_invoice_open_and_above_the_threshold() -> None:
    dest = destination()
    dest.pipelines = [Pipeline(id="p9", name="Jobs", stages=[Stage(id=f"j{i}", name=n, position=i)
                                                          for i, n in enumerate(STAGES)])]  # fmt: skip
    jobs = table(
        "jobs",
        [("Job", S.FREE_TEXT, {}), ("Total", S.MONEY, {}),
         ("Status", S.PICKLIST, {"values": VALUES, "distinct_count": len(VALUES)})],
    )  # fmt: skip
    rows: list[dict[str, str | None]] = [{"Status": v} for v, n in VALUES.items() for _ in range(n)]
    doc = propose_offline(ProposeInputs([jobs], dest, MemoryValues({"jobs": rows})))
    found = {s.source_value: s for s in doc.stages}
    needs = found["Requires invoicing"]
    assert (needs.stage_name, needs.opportunity_status, needs.flagged) == (
        "Needs Invoice", OpportunityStatus.OPEN, False,
    )  # fmt: skip
    assert needs.confidence >= 0.7
    assert found["Invoiced"].stage_name == "Invoiced"
