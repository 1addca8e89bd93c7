"""A list cell splits on its whole separator: ' / ' and '*/*' are separators, a space or a star is not."""

from __future__ import annotations

import duckdb

from assistant.transforms import kinds
from tests.test_execute_transforms import ctx


def _split(separator: str, cells: list[str]) -> list[list[str]]:
    con = duckdb.connect()
    sql = f"SELECT {kinds.split_list(ctx('tags', separator=separator), 'v')} FROM (SELECT unnest(?) AS v) src"
    return [row[0] for row in con.execute(sql, [cells]).fetchall()]


def test_multi_character_separators_split_whole() -> None:
    assert _split("*/*", ["Customer*/*Webinar lead", "VIP"]) == [["Customer", "Webinar lead"], ["VIP"]]
    # before, ' / ' was read as a set of characters and 'Channel Partner' split on its space
    assert _split(" / ", ["Channel Partner / Reseller Lead"]) == [["Channel Partner", "Reseller Lead"]]


def test_pipes_and_semicolons_still_split_beside_the_columns_separator() -> None:
    assert _split(",", ["a, b;c", "x|y"]) == [["a", "b", "c"], ["x", "y"]]
