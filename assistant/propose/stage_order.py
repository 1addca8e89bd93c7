"""The source's own order of its status values, read from the export.

A states table may number its stages ('STAGE_ORDER', 'position', 'sort') or give each its win
probability; a deal's win probability rises as it moves along ('Probability' 10, 20, 50, 75...);
a states table with neither still lists its states, most often in order. The surest of these
gives each value a rank. Without any, a value naming a known step ranks by where that step
usually comes (a lead is qualified before it gets a proposal); any other value gets no rank.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Sequence

from assistant.mapping.items import FieldMap
from assistant.profile.models import ColumnProfile, SemanticType, TableProfile
from assistant.propose.normalize import tokens
from assistant.propose.sourcedata import SourceValues
from assistant.propose.stage_match import lead_stage_concept
from assistant.propose.stage_order_evidence import follows_status
from assistant.propose.stage_sources import state_names
from assistant.propose.vocabulary_status import LIFECYCLE, ORDER_HEADER_WORDS, PROBABILITY_HEADER_WORDS

NUMERIC = (SemanticType.INTEGER, SemanticType.DECIMAL)
Ranks = dict[str, float]


def _number(text: str | None) -> float | None:
    try:
        return float(str(text).strip().rstrip("%").replace(",", "."))
    except ValueError:
        return None


def _column(profile: TableProfile | None, words: frozenset[str]) -> ColumnProfile | None:
    """The numeric column whose header holds one of the words."""
    if profile is None:
        return None
    return next(
        (c for c in profile.columns if c.semantic_type in NUMERIC and set(tokens(c.column)) & words), None
    )


def _states_table_order(
    fmap: FieldMap, values: SourceValues, profiles: dict[str, TableProfile], by_rows: bool
) -> Ranks:
    """Each state's number in its states table's order column, else its win probability there;
    with ``by_rows``, its row in a table that has neither."""
    params = fmap.transform.params
    table, display = params.get("table"), params.get("display")
    if not (table and display):
        return {}
    states = profiles.get(str(table))
    order = _column(states, ORDER_HEADER_WORDS) or _column(states, PROBABILITY_HEADER_WORDS)
    if order is None and not by_rows:
        return {}
    ranks: Ranks = {}
    for i, row in enumerate(values.rows(str(table), [str(display), order.column if order else str(display)])):
        name, number = row.get(str(display)), _number(row.get(order.column)) if order else float(i)
        if name and number is not None:
            ranks.setdefault(name.strip(), number)
    return ranks


def _probability_order(fmap: FieldMap, values: SourceValues, profiles: dict[str, TableProfile]) -> Ranks:
    """Each value's median win probability over the records that carry it."""
    column = _column(profiles.get(fmap.source_object), PROBABILITY_HEADER_WORDS)
    if column is None:
        return {}
    status, names = fmap.source_columns[0], state_names(fmap, values)
    seen: dict[str, list[float]] = defaultdict(list)
    for row in values.rows(fmap.source_object, [status, column.column], limit=100_000):
        value, number = row.get(status), _number(row.get(column.column))
        if value and value.strip() and number is not None:
            seen[(names.get(value) or value).strip()].append(number)
    if not follows_status(seen):  # a probability set by hand on each deal orders no stage
        return {}
    return {value: statistics.median(numbers) for value, numbers in seen.items()}


def source_ranks(
    fmap: FieldMap, values: SourceValues, profiles: Sequence[TableProfile], found: Sequence[str]
) -> tuple[Ranks, str]:
    """Each status value's rank in the source's own order, and where that order comes from."""
    by_name = {p.table: p for p in profiles}
    states = f"the order of the states table '{fmap.transform.params.get('table')}'"
    # the surest order the export gives first: numbers beside the states, then on the records
    if ranks := _states_table_order(fmap, values, by_name, by_rows=False):
        return ranks, states
    if ranks := _probability_order(fmap, values, by_name):
        return ranks, "the win probability the records carry at each value"
    if ranks := _states_table_order(fmap, values, by_name, by_rows=True):
        return ranks, f"{states} (its rows)"
    return lifecycle_order(found), "the usual order of the steps the values name"


def lifecycle_order(found: Sequence[str]) -> Ranks:
    """Each value whose words name an open step, ranked by where that step usually comes."""
    steps = {v.strip(): lead_stage_concept(v) for v in found}
    return {v: float(LIFECYCLE.index(c)) for v, c in steps.items() if c in LIFECYCLE}
