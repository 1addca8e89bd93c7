"""Values as real exports write them reach HighLevel clean: a phone behind a spreadsheet's formula guard
(an apostrophe, an invisible joiner) lands without it, a .NET JSON date lands on the day its own zone
showed (the instant in a date-time field), a timestamp with a fraction of a second reads, and a JSON
list written into one text field keeps its items without brackets."""

from __future__ import annotations

from collections.abc import Iterator

import duckdb
import pytest

from assistant.transforms import kinds, udfs
from tests.test_execute_transforms import ctx, run


@pytest.fixture()
def con() -> Iterator[duckdb.DuckDBPyConnection]:
    connection = duckdb.connect()
    connection.execute("SET TimeZone = 'UTC'")
    udfs.register(connection)
    yield connection
    connection.close()


def test_a_guarded_phone_is_written_without_its_guard(con: duckdb.DuckDBPyConnection) -> None:
    cells = ["'+15125550143", "\u200d+1 512 555 0144", "'12"]
    rows = run(con, kinds.phone(ctx("phone", region="US")), cells)
    assert [r[0] for r in rows] == ["+15125550143", "+15125550144", None]
    assert rows[2][1] is not None and "not a valid phone" in rows[2][1]


def test_dotnet_dates_land_on_their_own_day_or_instant(con: duckdb.DuckDBPyConnection) -> None:
    # 2024-04-02 22:00 UTC written in a +0530 zone: 2024-04-03 03:30 on the clock it was entered by
    cells = ["/Date(1712102400000+0000)/", "/Date(1712095200000+0530)/", "/Date(1712102400000)/", "soon"]
    assert run(con, kinds.date(ctx("cf:opportunity.date", format="dotnet")), cells) == [
        ("2024-04-03", None),
        ("2024-04-03", None),
        ("2024-04-03", None),
        (None, "not a date: soon"),
    ]
    due = run(con, kinds.date(ctx("dueDate", format="dotnet")), cells[:2])
    assert due == [("2024-04-03T00:00:00Z", None), ("2024-04-02T22:00:00Z", None)]
    dated = kinds.date(ctx("cf:opportunity.date", format="dotnet"))
    western = run(con, dated, ["/Date(1712102400000-0330)/"])
    assert western == [("2024-04-02", None)]  # 20:30 the evening before, in a -03:30 zone


def test_a_timestamp_with_a_fraction_of_a_second_reads(con: duckdb.DuckDBPyConnection) -> None:
    fmt = "%Y-%m-%d %H:%M:%S.%f"
    cells = ["2022-07-13 00:00:00.0", "2022-07-13 09:00:01.8"]
    assert run(con, kinds.date(ctx("cf:contact.date_created", format=fmt)), cells) == [
        ("2022-07-13", None),
        ("2022-07-13", None),
    ]
    assert run(con, kinds.date(ctx("dueDate", format=fmt)), cells[1:]) == [("2022-07-13T09:00:01Z", None)]


def test_a_json_list_in_a_text_field_keeps_its_items_and_an_empty_list_is_no_value(
    con: duckdb.DuckDBPyConnection,
) -> None:
    cells = ['["ana@x.io", "ana.ruiz@gmail.com"]', "[]", '[{"number":"5918136291","callingCode":"+1"}]']
    joined = kinds.multi_value(ctx("cf:contact.additional_emails", separator="json", joined=True))
    rows = run(con, joined, cells)
    assert [r[0] for r in rows] == [
        "ana@x.io, ana.ruiz@gmail.com",
        None,
        '{"number":"5918136291","callingCode":"+1"}',
    ]
