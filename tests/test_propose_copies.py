"""A column that repeats, row by row, the same-named column of the row its link names is a copy."""

from __future__ import annotations

from assistant.mapping.models import FieldKind
from assistant.profile.models import TableProfile
from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.propose.fields import copied_through_links
from assistant.propose.sourcedata import MemoryValues
from tests.propose_factory import S, destination, table

CLIENTS = ["Ana Torres", "Lewis Bakery", "Ian Moss", "Zoe Wright", "Cedar Fitness", "Pablo Ruiz"]
Row = dict[str, str | None]
JOBS: list[Row] = [
    {"Job #": f"J-{i}", "Job Name": f"Install {i}", "Client Name": c, "Status": "Open",
     "Scheduled Date": f"2024-01-{i + 1:02d}"}
    for i, c in enumerate(CLIENTS)
]  # fmt: skip


def _tables(names: list[str]) -> tuple[dict[str, TableProfile], MemoryValues]:
    jobs = table(
        "jobs",
        [("Job #", S.IDENTIFIER, {}), ("Job Name", S.FREE_TEXT, {}), ("Client Name", S.PERSON_NAME, {}),
         ("Status", S.PICKLIST, {"values": {"Open": 6}}), ("Scheduled Date", S.DATE, {})],
        rows=6, key="Job #",
    )  # fmt: skip
    orders = table(
        "work_orders",
        [("Order #", S.IDENTIFIER, {}), ("Job #", S.IDENTIFIER, {"fk": ("jobs", "Job #")}),
         ("Client Name", S.PERSON_NAME, {}), ("Status", S.PICKLIST, {"values": {"Done": 3, "Open": 3}}),
         ("Scheduled Date", S.DATE, {})],
        rows=6, key="Order #",
    )  # fmt: skip
    rows: list[Row] = [
        {"Order #": f"W-{i}", "Job #": f"J-{i}", "Client Name": n, "Status": "Done" if i % 2 else "Open",
         "Scheduled Date": f"2024-01-{i + 1:02d}"}
        for i, n in enumerate(names)
    ]  # fmt: skip
    return {"jobs": jobs, "work_orders": orders}, MemoryValues({"jobs": JOBS, "work_orders": rows})


def test_a_column_holding_the_linked_rows_value_under_its_name_is_a_copy() -> None:
    tables, values = _tables([n.upper() + " " for n in CLIENTS])  # case and spacing do not matter
    assert copied_through_links(tables["work_orders"], tables, values) == {"Client Name": "Job #"}


def test_the_same_name_with_values_of_its_own_is_no_copy() -> None:
    names = ["Someone Else", *CLIENTS[1:3], "Another One", "Third Person", "Fourth Person"]
    tables, values = _tables(names)  # a third of the names differ; the job's dates are dates of its own
    assert copied_through_links(tables["work_orders"], tables, values) == {}
    assert copied_through_links(tables["work_orders"], tables, None) == {}


def test_the_proposal_skips_the_copy_and_says_which_link_holds_it() -> None:
    tables, values = _tables(CLIENTS)
    doc = propose_offline(ProposeInputs(list(tables.values()), destination(), values))
    orders = {f.source_columns[0]: f for f in doc.fields if f.source_object == "work_orders"}
    copy = orders["Client Name"]
    assert copy.target.kind == FieldKind.SKIP
    assert "'Job #'" in copy.rationale
    assert orders["Scheduled Date"].target.kind != FieldKind.SKIP
