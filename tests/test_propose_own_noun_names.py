"""A header joining the table's noun to 'name' ('taskname' in 'tasks') names each record, even when a
small export repeats the values; coordinates written as one compound header are bookkeeping."""

from __future__ import annotations

from assistant.mapping.items import FieldMap
from assistant.mapping.models import FieldKind, TargetObject
from assistant.profile.models import TableProfile
from assistant.propose.engine import ProposeInputs, propose_offline
from tests.propose_factory import S, destination, table

TITLES = {"Gas heater service": 8, "Blocked drain": 6, "Burst pipe": 6}


def _fields(tables: list[TableProfile]) -> dict[str, FieldMap]:
    doc = propose_offline(ProposeInputs(tables, destination()))
    return {c: f for f in doc.fields for c in f.source_columns}


def _quotes(header: str) -> TableProfile:
    columns = [("quoteid", S.IDENTIFIER, {"unique_share": 1.0}),
               (header, S.PICKLIST, {"values": TITLES, "unique_share": 0.15}),
               ("amount", S.MONEY, {}),
               ("status", S.PICKLIST, {"values": {"Won": 7, "Lost": 6, "Open": 7}})]  # fmt: skip
    return table("quotes", columns, key="quoteid")


def test_the_tables_noun_and_name_in_one_header_is_the_deals_name() -> None:
    name = _fields([_quotes("quotename")])["quotename"]
    assert name.target.object == TargetObject.OPPORTUNITY and name.target.field == "name"


def test_another_headers_repeated_values_stay_a_pick_list() -> None:
    other = _fields([_quotes("worktype")])["worktype"]
    assert other.target.kind == FieldKind.CUSTOM_NEW


def test_a_nested_objects_name_and_another_tables_name_are_not_the_rows() -> None:
    quotes = _quotes("task.taskname")  # the linked task's name, on a quote
    named = [f for f in _fields([quotes]).values() if f.target.field == "name"]
    assert all("task.taskname" not in f.source_columns for f in named)
    assert _fields([_quotes("clientname")])["clientname"].target.field != "name"


def test_gps_coordinates_in_compound_headers_are_skipped_in_doubt() -> None:
    jobs = table(
        "jobs",
        [("id", S.IDENTIFIER, {"unique_share": 1.0}), ("title", S.FREE_TEXT, {"unique_share": 1.0}),
         ("amount", S.MONEY, {}), ("status", S.PICKLIST, {"values": {"Won": 10, "Lost": 10}}),
         ("gpslatitude", S.FREE_TEXT, {"values": {"-37.932623": 1, "-37.804739": 1}, "unique_share": 1.0}),
         ("gpslongitude", S.FREE_TEXT, {"values": {"145.094424": 1, "145.006158": 1}, "unique_share": 1.0})],
        key="id",
    )  # fmt: skip
    fields = _fields([jobs])
    for column in ("gpslatitude", "gpslongitude"):
        assert fields[column].target.kind == FieldKind.SKIP, column
        assert fields[column].confidence < 0.7, column
