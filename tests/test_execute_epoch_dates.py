"""Dates written as unix times or with their own offset reach the ISO dates and times HighLevel takes:
'0' is 'not set' (no 1970 date, no error), a time's offset gives its UTC instant, and a date field
keeps the day the source shows."""

from __future__ import annotations

from collections.abc import Iterator

import duckdb
import pytest

from assistant.transforms import kinds
from tests.test_execute_transforms import ctx, run


@pytest.fixture()
def con() -> Iterator[duckdb.DuckDBPyConnection]:
    connection = duckdb.connect()
    connection.execute("SET TimeZone = 'UTC'")
    yield connection
    connection.close()


def test_unix_seconds_and_millis_become_dates_and_zero_is_empty(con: duckdb.DuckDBPyConnection) -> None:
    cells = ["1709652600", "1709652600000", "0", None, "12.5"]
    assert run(con, kinds.date(ctx("cf:opportunity.date_start", format="epoch")), cells) == [
        ("2024-03-05", None),
        ("2024-03-05", None),
        (None, None),
        (None, None),
        (None, "not a date: 12.5"),
    ]
    due = run(con, kinds.date(ctx("dueDate", format="epoch-ms")), ["1709652600123", "0"])
    assert due == [("2024-03-05T15:30:00Z", None), (None, None)]


def test_times_with_an_offset_after_a_space_are_read_with_it(con: duckdb.DuckDBPyConnection) -> None:
    fmt = "%Y/%m/%d %H:%M:%S %z"
    cells = ["2025/12/05 22:33:59 -0500", "2025/07/03", "not yet"]
    assert run(con, kinds.date(ctx("dueDate", format=fmt)), cells) == [
        ("2025-12-06T03:33:59Z", None),
        ("2025-07-03T00:00:00Z", None),  # a plain date beside them still reads
        (None, "not a date: not yet"),
    ]
    # a date field keeps the source's own day: late evening in New York is not the next day
    assert run(con, kinds.date(ctx("cf:opportunity.closed_time", format=fmt)), cells[:1]) == [
        ("2025-12-05", None)
    ]
    dashed = kinds.date(ctx("dueDate", format="%Y-%m-%d %H:%M:%S %z"))
    assert run(con, dashed, ["2025-05-03 14:02:11 +01:00"]) == [("2025-05-03T13:02:11Z", None)]


def test_an_iso_time_with_an_offset_keeps_the_source_day_in_a_date_field(
    con: duckdb.DuckDBPyConnection,
) -> None:
    # the same rule as the space-offset form above: a date field takes the day the source shows
    cells = ["2025-12-05T22:33:59-05:00", "2025-12-05T22:33:59.120+0530", "2025-12-05T23:10:00Z"]
    cells.append("2025-12-05")
    assert run(con, kinds.date(ctx("cf:opportunity.closed_time")), cells) == [
        ("2025-12-05", None),
        ("2025-12-05", None),
        ("2025-12-05", None),
        ("2025-12-05", None),
    ]
    # a date-time field still takes the instant in UTC
    assert run(con, kinds.date(ctx("dueDate")), cells[:1]) == [("2025-12-06T03:33:59Z", None)]
