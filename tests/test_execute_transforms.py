"""Transforms as SQL over whole tables: names, phones, emails, dates, money, booleans, lists, options."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import duckdb
import pytest

from assistant.execute.transforms import maps
from assistant.transforms import kinds, udfs
from assistant.transforms.kinds import Context
from assistant.transforms.names import split_name


@pytest.fixture()
def con() -> Iterator[duckdb.DuckDBPyConnection]:
    connection = duckdb.connect()
    connection.execute("SET TimeZone = 'UTC'")
    udfs.register(connection)
    yield connection
    connection.close()


def run(
    con: duckdb.DuckDBPyConnection, outs: list[kinds.Output], cells: Sequence[str | None]
) -> list[tuple[Any, Any]]:
    con.execute("CREATE OR REPLACE TABLE src (c VARCHAR, n INTEGER)")
    con.executemany("INSERT INTO src VALUES (?, ?)", [(c, i) for i, c in enumerate(cells)])
    out = outs[0]
    return con.execute(f"SELECT {out.value}, {out.error or 'NULL'} FROM src ORDER BY n").fetchall()


def ctx(key: str = "x", **params: Any) -> Context:
    return Context(key=key, columns=["c"], params=params)


@pytest.mark.parametrize(
    ("full", "spanish", "expected"),
    [
        ("María José García López", True, ("María José", "García López")),
        ("Ana de la Fuente Gómez", True, ("Ana", "de la Fuente Gómez")),
        ("José Luis Rodríguez", True, ("José Luis", "Rodríguez")),
        ("Juan García López", True, ("Juan", "García López")),
        ("García López, María José", True, ("María José", "García López")),
        ("Dr. John Paul Smith Jr.", False, ("John Paul", "Smith Jr.")),
        ("Reformas Torres Gil S.L.", True, ("Reformas Torres Gil S.L.", None)),
        ("Cher", False, ("Cher", None)),
    ],
)
def test_name_split(full: str, spanish: bool, expected: tuple[str | None, str | None]) -> None:
    assert split_name(full, spanish) == expected


def test_phones_to_e164_with_errors_reported(con: duckdb.DuckDBPyConnection) -> None:
    rows = run(con, kinds.phone(ctx(region="ES")), ["612 345 678", "0034 91 123 45 67", "12", None])
    assert [r[0] for r in rows] == ["+34612345678", "+34911234567", None, None]
    assert rows[2][1] is not None and "not a valid phone" in rows[2][1]
    assert rows[3][1] is None  # blank is no error


def test_emails_normalised_and_validated(con: duckdb.DuckDBPyConnection) -> None:
    rows = run(con, kinds.email(ctx()), [" Ana.Ruiz@Example.COM ", "a@b.com; c@d.com", "not-an-email"])
    assert [r[0] for r in rows] == ["ana.ruiz@example.com", "a@b.com", None]
    assert rows[2][1].startswith("not a valid email")


def test_dates_for_date_fields_and_datetimes(con: duckdb.DuckDBPyConnection) -> None:
    assert run(con, kinds.date(ctx(format="%d/%m/%Y")), ["05/03/2021", "31/02/2021"]) == [
        ("2021-03-05", None),
        (None, "not a date: 31/02/2021"),
    ]
    due = run(con, kinds.date(ctx("dueDate", format="iso-offset")), ["2024-04-10T09:30:00+02:00"])
    assert due == [("2024-04-10T07:30:00Z", None)]


def test_money_by_locale(con: duckdb.DuckDBPyConnection) -> None:
    assert [r[0] for r in run(con, kinds.number(ctx(locale="es")), ["1.234,56 €", "-7,5"])] == [1234.56, -7.5]
    assert [r[0] for r in run(con, kinds.number(ctx(locale="en")), ["$1,234.56"])] == [1234.56]
    assert [r[0] for r in run(con, kinds.number(ctx()), ["1.234,56", "1,234.56", "abc"])][:2] == [
        1234.56,
        1234.56,
    ]
    assert run(con, kinds.number(ctx()), ["abc"])[0][1] == "not a number: abc"


def test_abbreviated_amounts_read_at_their_magnitude(con: duckdb.DuckDBPyConnection) -> None:
    """'41.6k' is 41,600, never 41.6; a currency code ending in K is no magnitude."""
    values = ["41.6k", "1.2M", "$3 K", "1,200 DKK", "14982"]
    assert [r[0] for r in run(con, kinds.number(ctx(locale="en")), values)] == [
        41600,
        1200000,
        3000,
        1200,
        14982,
    ]


def test_a_value_map_default_takes_every_other_filled_value(con: duckdb.DuckDBPyConnection) -> None:
    """A zero balance is paid, any other is owed, also one the map never listed; blank stays blank."""
    params = {"map": {"0.00": "paid"}, "default": "unpaid"}
    rows = run(con, kinds.value_map(ctx(**params)), ["0.00", "12.50", "99999.99", ""])
    assert [r[0] for r in rows] == ["paid", "unpaid", "unpaid", None]
    assert all(r[1] is None for r in rows)


def test_booleans_and_unknown_words(con: duckdb.DuckDBPyConnection) -> None:
    rows = run(con, kinds.boolean(ctx()), ["Sí", "no", "quizás"])
    assert [r[0] for r in rows] == [True, False, None]
    assert rows[2][1] == "not a yes/no value: quizás"


def test_tags_split_mapped_and_json_arrays(con: duckdb.DuckDBPyConnection) -> None:
    mapping: dict[str, str | None] = {"VIP": "vip", "vip": "vip", "Spam": None}
    outs = maps.tags(kinds.split_list(ctx(separator=";"), "c"), mapping)
    rows = run(con, outs, ["VIP; vip ;Nuevo", '["VIP", "Spam"]', "Spam", None])
    assert [r[0] for r in rows] == [["Nuevo", "vip"], ["vip"], None, None]


def test_concat_template_and_value_map(con: duckdb.DuckDBPyConnection) -> None:
    concat = kinds.concat(Context(key="name", columns=["c", "d"], params={"template": "{c} - {d}"}))
    con.execute(
        "CREATE OR REPLACE TABLE src AS SELECT * FROM (VALUES ('P-1', 'Baño', 1), (NULL, NULL, 2)) t(c, d, n)"
    )
    assert con.execute(f"SELECT {concat[0].value} FROM src ORDER BY n").fetchall() == [
        ("P-1 - Baño",),
        (None,),
    ]
    mapped = kinds.value_map(ctx(map={"COMPLETED": "showed"}))
    assert run(con, mapped, ["COMPLETED", "OTHER"]) == [
        ("showed", None),
        (None, "no mapped value for: OTHER"),
    ]


def test_pick_list_values_outside_the_options_are_reported(con: duckdb.DuckDBPyConnection) -> None:
    out = kinds.within_options(kinds.copy(ctx())[0], ["Pagada", "Pendiente"])
    assert run(con, [out], ["pagada", "Cobrada"]) == [
        ("Pagada", None),
        (None, "not among the field options: Cobrada"),
    ]


def test_sql_fast_paths_agree_with_the_libraries(con: duckdb.DuckDBPyConnection) -> None:
    phones = [
        "612345678",
        "612 34 56 78",
        "(91) 123-45-67",
        "512345678",
        "012345678",
        "6123456789",
        "+34612345678",
    ]
    got = run(con, kinds.phone(ctx(region="ES")), phones)
    assert [g[0] for g in got] == [udfs.phone_e164(p, "ES")[0] for p in phones]
    emails = [
        "A.B@Example.com",
        "a..b@example.com",
        "x@y",
        "ñ@example.es",
        "first+tag@sub.example.org",
        ".a@b.co",
    ]
    got = run(con, kinds.email(ctx()), emails)
    assert [g[0] for g in got] == [udfs.email_normalised(e)[0] for e in emails]
    assert [g[1] is None for g in got] == [udfs.email_normalised(e)[1] is None for e in emails]
