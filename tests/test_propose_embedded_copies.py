"""A field of a linked record embedded in the row ('task.jobnumber') that repeats the row's own column."""

from __future__ import annotations

from assistant.mapping.models import FieldKind
from assistant.profile.models import TableProfile
from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.propose.fields import embedded_copies
from assistant.propose.sourcedata import MemoryValues
from tests.propose_factory import S, table

NAMES = ["Blocked drain", "Burst pipe", "Leaking tap", "Gas heater service", "Burst pipe", "Leaking tap"]
Row = dict[str, str | None]


def _quotes(prefix: str) -> tuple[dict[str, TableProfile], MemoryValues]:
    quotes = table(
        "quotes",
        [("quoteid", S.IDENTIFIER, {"unique_share": 1.0, "distinct_count": 6}),
         ("jobnumber", S.INTEGER, {"distinct_count": 6}), ("quotename", S.PICKLIST, {"distinct_count": 4}),
         (f"{prefix}.jobnumber", S.INTEGER, {"distinct_count": 6}),
         (f"{prefix}.taskname", S.PICKLIST, {"distinct_count": 4}),
         (f"{prefix}.tasktype", S.PICKLIST, {"distinct_count": 2})],
        rows=6, key="quoteid",
    )  # fmt: skip
    tasks = table(
        "tasks", [("taskid", S.IDENTIFIER, {}), ("taskname", S.FREE_TEXT, {})], rows=6, key="taskid"
    )
    rows: list[Row] = [
        {"quoteid": f"q{i}", "jobnumber": str(1200 + i), "quotename": n, f"{prefix}.jobnumber": str(1200 + i),
         f"{prefix}.taskname": f" {n.upper()}", f"{prefix}.tasktype": "Maintenance" if i % 2 else "Install"}
        for i, n in enumerate(NAMES)
    ]  # fmt: skip
    return {"quotes": quotes, "tasks": tasks}, MemoryValues({"quotes": rows, "tasks": []})


def test_an_embedded_records_field_holding_the_rows_own_value_is_a_copy() -> None:
    tables, values = _quotes("task")
    found = embedded_copies(tables["quotes"], tables, values)
    assert found == {"task.jobnumber": ("task", "jobnumber"), "task.taskname": ("task", "quotename")}
    assert embedded_copies(tables["quotes"], tables, None) == {}


def test_an_object_naming_no_table_of_the_export_is_part_of_the_record() -> None:
    tables, values = _quotes("detail")  # 'detail.jobnumber': no 'details' table, so no linked record
    assert embedded_copies(tables["quotes"], tables, values) == {}


def test_the_proposal_skips_the_copies_and_keeps_the_embedded_records_own_values() -> None:
    tables, values = _quotes("task")
    doc = propose_offline(ProposeInputs(list(tables.values()), None, values))
    fields = {f.source_columns[0]: f for f in doc.fields if f.source_object == "quotes"}
    assert fields["task.jobnumber"].target.kind is FieldKind.SKIP
    assert "this row's own 'jobnumber'" in fields["task.jobnumber"].rationale
    assert fields["task.tasktype"].target.kind is not FieldKind.SKIP
