"""A field map with ``json_key`` reads one key of the JSON object a source cell holds."""

from __future__ import annotations

import duckdb

from assistant.transforms import kinds
from assistant.transforms.sqltext import SOURCE_ALIAS


def _run(ctx: kinds.Context, output: kinds.Output) -> list[tuple[object, object]]:
    con = duckdb.connect()
    con.execute("CREATE TABLE deals (custom_fields VARCHAR)")
    con.execute(
        """INSERT INTO deals VALUES ('{"deal source": "Referral", "budget": "12,5"}'),
           ('{"budget": "1.200,00"}'), (NULL), ('not json at all')"""
    )
    error = output.error or "NULL"
    return con.execute(f"SELECT {output.value}, {error} FROM deals AS {SOURCE_ALIAS}").fetchall()


def test_copy_reads_one_key_including_keys_with_spaces() -> None:
    ctx = kinds.Context(
        key="cf:opportunity.deal_source", columns=["custom_fields"], params={"json_key": "deal source"}
    )
    rows = _run(ctx, kinds.copy(ctx)[0])
    assert [r[0] for r in rows] == ["Referral", None, None, None]  # a cell that is not JSON holds no key


def test_number_transform_applies_to_the_extracted_value() -> None:
    ctx = kinds.Context(
        key="cf:opportunity.budget",
        columns=["custom_fields"],
        params={"json_key": "budget", "locale": "es"},
        locale="es",
    )
    values = [r[0] for r in _run(ctx, kinds.number(ctx)[0])[:3]]
    assert values[0] is not None and float(str(values[0])) == 12.5
    assert float(str(values[1])) == 1200.0 and values[2] is None
