"""Money in minor units: amounts in cents are divided by 100, and a guess from magnitudes is flagged."""

from __future__ import annotations

import duckdb

from assistant.mapping.items import Transform
from assistant.mapping.models import Evidence, TransformKind
from assistant.profile.models import ColumnProfile, ValueCount
from assistant.propose.minor_units import GUESS_CONFIDENCE, in_minor_units, minor_units
from assistant.transforms import kinds
from assistant.transforms.sqltext import SOURCE_ALIAS
from tests.propose_factory import S, col


def _amounts(name: str, values: list[str]) -> ColumnProfile:
    column = col("deals", name, S.INTEGER)
    column.top_values = [ValueCount(value=v, count=1) for v in values]
    column.min_value, column.max_value = min(values, key=int), max(values, key=int)
    return column


def test_round_integer_amounts_read_as_cents_but_only_as_a_flagged_guess() -> None:
    column = _amounts("value", ["1060000", "710000", "830000", "2810000"])
    transform, evidence = Transform(kind=TransformKind.MONEY), list[Evidence]()
    why, confidence = in_minor_units(column, transform, evidence, "value", 0.9)
    assert transform.params["minor_units"] == 2 and confidence == GUESS_CONFIDENCE < 0.7
    assert "multiple of 100" in why and evidence


def test_a_name_that_says_cents_is_certain_and_keeps_its_confidence() -> None:
    column = _amounts("amount_cents", ["1999", "2500", "12050"])
    transform = Transform(kind=TransformKind.MONEY)
    _, confidence = in_minor_units(column, transform, [], "amount", 0.9)
    assert transform.params["minor_units"] == 2 and confidence == 0.9


def test_whole_pounds_that_are_not_all_round_hundreds_stay_as_they_are() -> None:
    assert minor_units(_amounts("Value", ["10750", "8500", "2750"])) is None


def test_the_plan_divides_minor_units_by_100() -> None:
    con = duckdb.connect()
    con.execute("CREATE TABLE d (v VARCHAR)")
    con.execute("INSERT INTO d VALUES ('1060000'), ('1999'), (NULL)")
    ctx = kinds.Context(key="monetaryValue", columns=["v"], params={"locale": "en", "minor_units": 2})
    out = kinds.number(ctx)[0]
    rows = con.execute(f"SELECT {out.value} FROM d AS {SOURCE_ALIAS}").fetchall()
    assert [r[0] for r in rows] == [10600.0, 19.99, None]
