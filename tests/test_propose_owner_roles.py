"""A deal naming its seller and its technician: the seller owns it, the technician stays a detail."""

from __future__ import annotations

from assistant.mapping.items import FieldMap
from assistant.mapping.models import FieldKind
from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.propose.sourcedata import MemoryValues
from tests.propose_factory import S, destination, table

LAURA, PEDRO = ("Laura", "laura@demo.es"), ("Pedro", "pedro@demo.es")
# the technician on the schedule is not the salesperson who sold the job on most rows
ROWS = [(LAURA[0], PEDRO[1]), (PEDRO[0], LAURA[1]), (LAURA[0], LAURA[1]), (PEDRO[0], LAURA[1])] * 2


def _job_maps(worker: str, seller: str) -> list[FieldMap]:
    names = sorted({a for a, _ in ROWS})
    emails = sorted({b for _, b in ROWS})
    jobs = table(
        "jobs",
        [
            ("Job Title", S.FREE_TEXT, {}),
            (worker, S.PICKLIST, {"values": dict.fromkeys(names, 1), "distinct_count": len(names)}),
            (seller, S.EMAIL, {"values": dict.fromkeys(emails, 1), "distinct_count": len(emails)}),
        ],
        rows=len(ROWS),
    )
    values = [{"Job Title": f"Job {i}", worker: a, seller: b} for i, (a, b) in enumerate(ROWS)]
    doc = propose_offline(ProposeInputs([jobs], destination(), MemoryValues({"jobs": values})))
    return [f for f in doc.fields if f.source_object == "jobs"]


def test_the_seller_owns_the_job_and_the_technician_is_kept_beside_it() -> None:
    maps = {f.source_columns[0]: f for f in _job_maps("Assign To", "Sold By")}
    owner, worker = maps["Sold By"], maps["Assign To"]
    assert owner.target.field == "assignedTo"
    assert any("who sold it ('Sold By')" in e.detail for e in owner.evidence)
    assert not any("engineer's call" in e.detail for e in owner.evidence)
    assert worker.target.field != "assignedTo" and worker.target.kind != FieldKind.SKIP
    assert any("users doing the work" in e.detail for e in worker.evidence)


def test_a_sales_rep_beside_the_crew_owns_it_whatever_the_order() -> None:
    maps = {f.source_columns[0]: f for f in _job_maps("Technician", "Sales Rep")}
    assert maps["Sales Rep"].target.field == "assignedTo"
    assert maps["Technician"].target.field != "assignedTo"


def test_a_job_owner_beside_a_salesperson_is_no_technician_to_pass_over() -> None:
    # 'Job Owner' already says who owns the job: the seller takes nothing from it
    maps = {f.source_columns[0]: f for f in _job_maps("Job Owner", "Salesperson")}
    owner = next(f for f in maps.values() if f.target.field == "assignedTo")
    assert not any("who sold it" in e.detail for e in owner.evidence)
    assert not any("users doing the work" in e.detail for f in maps.values() for e in f.evidence)
