"""The record's main fields come from the right column: a filled name over a blank summary, the amount
held on most rows, a task's own completion flag, a street beside the jobs that repeat it."""

from __future__ import annotations

from assistant.mapping.items import FieldMap
from assistant.mapping.models import FieldKind, TargetObject
from assistant.profile.models import TableProfile
from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.propose.fields import copied_through_links
from assistant.propose.sourcedata import MemoryValues
from tests.propose_factory import S, destination, table

T = TargetObject
Row = dict[str, str | None]


def _fields(tables: list[TableProfile], values: MemoryValues | None = None) -> dict[str, FieldMap]:
    doc = propose_offline(ProposeInputs(tables, destination(), values or MemoryValues({})))
    return {f"{f.source_object}.{f.source_columns[0]}": f for f in doc.fields}


def _target(field: FieldMap) -> tuple[FieldKind, TargetObject | None, str | None]:
    return field.target.kind, field.target.object, field.target.field


def test_a_mostly_blank_constant_summary_leaves_the_deal_name_to_the_filled_name() -> None:
    deals = table(
        "deals",
        [("id", S.IDENTIFIER, {"unique_share": 1.0}),
         ("summary", S.PICKLIST, {"null_share": 0.67, "null_count": 20, "distinct_count": 1,
                                  "values": {"Renewal": 10}}),
         ("name", S.FREE_TEXT, {"distinct_count": 30, "unique_share": 1.0}),
         ("value", S.MONEY, {})],
        rows=30, key="id",
    )  # fmt: skip
    fields = _fields([deals])
    assert _target(fields["deals.name"]) == (FieldKind.STANDARD, T.OPPORTUNITY, "name")
    assert fields["deals.summary"].target.field != "name"


def test_of_two_alike_totals_the_one_held_on_most_rows_is_the_deal_value() -> None:
    deals = table(
        "jobs",
        [("id", S.IDENTIFIER, {"unique_share": 1.0}), ("name", S.FREE_TEXT, {"unique_share": 1.0}),
         ("status", S.PICKLIST, {"values": {"Lead": 15, "Sold": 15}}),
         ("approved_estimate_total", S.MONEY, {"values": {"0.0": 10, "4450.0": 2}}),
         ("approved_invoice_total", S.MONEY, {"values": {"0.0": 24, "8400.0": 1}})],
        rows=30, key="id",
    )  # fmt: skip
    fields = _fields([deals])
    estimate, invoice = fields["jobs.approved_estimate_total"], fields["jobs.approved_invoice_total"]
    assert _target(estimate) == (FieldKind.STANDARD, T.OPPORTUNITY, "monetaryValue")
    assert invoice.target.kind == FieldKind.CUSTOM_NEW


def test_equally_filled_alike_totals_still_leave_the_value_to_the_reviewer() -> None:
    deals = table(
        "deals",
        [("id", S.IDENTIFIER, {"unique_share": 1.0}), ("name", S.FREE_TEXT, {"unique_share": 1.0}),
         ("Projected Revenue Low", S.MONEY, {}), ("Projected Revenue High", S.MONEY, {})],
        rows=30, key="id",
    )  # fmt: skip
    fields = _fields([deals])
    assert all(f.target.field != "monetaryValue" for k, f in fields.items() if "Projected" in k)


def test_a_task_flag_that_says_complete_is_the_completion_over_its_status() -> None:
    statuses = ["YET_TO_START", "IN_PROGRESS", "COMPLETED"]
    tasks = table(
        "tasks",
        [("subject", S.FREE_TEXT, {}), ("due", S.DATE, {}),
         ("status", S.PICKLIST, {"values": {s: 8 for s in statuses}}), ("is_complete", S.BOOLEAN, {})],
        rows=24,
    )  # fmt: skip
    rows: list[Row] = [
        {"subject": f"Call {i}", "due": "2025-01-02", "status": statuses[i % 3],
         "is_complete": "true" if statuses[i % 3] == "COMPLETED" else "false"}
        for i in range(24)
    ]  # fmt: skip
    fields = _fields([tasks], MemoryValues({"tasks": rows}))
    assert _target(fields["tasks.is_complete"]) == (FieldKind.STANDARD, T.TASK, "completed")
    assert fields["tasks.status"].target.field != "completed"


def test_instructions_written_on_a_few_customers_are_a_note_not_options() -> None:
    customers = table(
        "customers",
        [("id", S.IDENTIFIER, {"unique_share": 1.0}), ("first-name", S.PERSON_NAME, {}),
         ("last-name", S.PERSON_NAME, {}), ("email", S.EMAIL, {}),
         ("special-instructions", S.PICKLIST, {"null_share": 0.62, "distinct_count": 4,
          "values": {"Use side door": 6, "Dog in back yard": 4, "Gate code 4417": 3}})],
        rows=40, key="id",
    )  # fmt: skip
    field = _fields([customers])["customers.special-instructions"]
    assert _target(field) == (FieldKind.STANDARD, T.NOTE, "body")


def _customers_and_jobs(streets: list[str]) -> tuple[dict[str, TableProfile], MemoryValues]:
    customers = table("customers", [("id", S.IDENTIFIER, {"unique_share": 1.0})], rows=6, key="id")
    locations = table(
        "customers__locations",
        [("street_1", S.ADDRESS, {}), ("city", S.CITY, {}),
         ("job", S.IDENTIFIER, {"fk": ("jobs", "id")})],
        rows=6, parent="customers",
    )  # fmt: skip
    jobs = table(
        "jobs",
        [("id", S.IDENTIFIER, {"unique_share": 1.0}), ("street_1", S.ADDRESS, {}),
         ("customer_id", S.IDENTIFIER, {"fk": ("customers", "id")})],
        rows=6, key="id",
    )  # fmt: skip
    values = MemoryValues(
        {
            "customers__locations": [
                {"street_1": s, "city": "Denver", "job": f"J{i}"} for i, s in enumerate(streets)
            ],
            "jobs": [{"id": f"J{i}", "street_1": s, "customer_id": f"C{i}"} for i, s in enumerate(streets)],
        }
    )
    return {t.table: t for t in (customers, locations, jobs)}, values


def test_a_street_the_linked_jobs_repeat_is_the_locations_own_not_a_copy() -> None:
    tables, values = _customers_and_jobs([f"{100 + i} Oak St" for i in range(6)])
    assert copied_through_links(tables["customers__locations"], tables, values) == {}


def test_a_street_of_a_parent_record_the_row_depends_on_is_still_a_copy() -> None:
    tables, values = _customers_and_jobs([f"{100 + i} Oak St" for i in range(6)])
    jobs = tables["jobs"]
    jobs.columns = [c for c in jobs.columns if c.column != "customer_id"]  # the jobs no longer point back
    copies = copied_through_links(tables["customers__locations"], tables, values)
    assert copies == {"street_1": "job"}
