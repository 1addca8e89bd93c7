"""Typed ranges of number columns: every cell reads as the rule says (drop all but digits, signs,
points and commas, then the group separator), whichever path the query takes for it."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from assistant.profile import profile_workspace
from assistant.profile.models import ColumnProfile, SemanticType
from assistant.profile.sql import SAMPLE_ROWS
from assistant.profile.typed import typed_expression
from assistant.workspace import Workspace

_ODD_CELLS = [
    "1e3", "1E3", "1e-2", "9e9", "1_000", " 12.5 ", "+5", ".5", "5.", "inf", "nan", "1 000", "\t7\n",
    "0x10", "--5", "1.2.3", "12,5", "€12", "12.34567", "+-3", "99999999999999999999", "1d", "٣",
    "+ 5", "5-", "-5", "1.234,50", "€ 1.234,50", "$1,234.50", "1,234.5e", "USD 3", "",
]  # fmt: skip


def _by_the_rule(comma_decimal: bool) -> str:
    """The reading every cell must get: the regex first, then the cast."""
    digits = "regexp_replace(x, '[^0-9,.+-]', '', 'g')"
    plain = f"replace({digits}, ',', '')"
    if comma_decimal:
        plain = f"replace(replace({digits}, '.', ''), ',', '.')"
    return f"try_cast({plain} AS DECIMAL(18, 4))"


@pytest.mark.parametrize("currency", [None, "USD"])
@pytest.mark.parametrize("locale", ["en", "es"])
def test_every_cell_reads_as_the_rule_says(locale: str, currency: str | None) -> None:
    column = ColumnProfile(
        table="t", column="x", position=0, semantic_type=SemanticType.MONEY, locale=locale, currency=currency
    )
    typed = typed_expression(column, "x")
    assert typed is not None
    con = duckdb.connect()
    for cell in _ODD_CELLS:
        got, expected = con.execute(
            f"SELECT {typed}, {_by_the_rule(locale == 'es')} FROM (SELECT ?::VARCHAR AS x)", [cell]
        ).fetchone() or (None, None)
        assert got == expected, cell


def test_big_money_column_range_counts_odd_cells_by_the_rule(tmp_path: Path) -> None:
    """'9e9' reads as 99 (the regex keeps 9 and 9), not nine billion; '€ 0.25' is the smallest."""
    plain = [f"{100 + i % 900},{i % 10}00.50" for i in range(SAMPLE_ROWS + 1_000)]
    values = ["9e9", "€ 0.25", *plain[2:]]
    workspace = Workspace(tmp_path).ensure()
    con = workspace.connect()
    con.execute(
        "CREATE TABLE raw.invoices AS "
        "SELECT unnest($1::VARCHAR[]) AS total, unnest(range(1, $2 + 1)) AS _row",
        [values, len(values)],
    )
    (profile,) = profile_workspace(workspace)
    workspace.close()
    (total,) = profile.columns
    assert total.semantic_type in {SemanticType.MONEY, SemanticType.DECIMAL}
    readings = [Decimal(v.replace("9e9", "99").replace("€ ", "").replace(",", "")) for v in values]
    assert Decimal(total.min_value or "") == min(readings) == Decimal("0.25")
    assert Decimal(total.max_value or "") == max(readings)
    assert total.extra["typed_share"] == 1.0
