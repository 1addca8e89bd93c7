"""Small tables that name the steps other records move through: a pipeline's stage list.

A deal export often comes with the list its status column points at, under any name ('phases',
'states', 'deal_phases' - a name that also says deals): a few named rows, perhaps a win probability
or a sort position, each the current step of many records. Its rows create no records; they give
the status ids their names, so the column becomes the deal's stage. Records never merge into such
a list either: a deal that points at its phase does not hang off it.
"""

from __future__ import annotations

from assistant.profile.models import ColumnProfile, SemanticType, TableProfile
from assistant.propose.signals import TableSignals, visible_columns

S = SemanticType
MAX_STEPS = 40  # a pipeline's stages; a longer list holds records
MIN_SHARED = 2.0  # each step is, on average, where at least this many referencing rows stand
MAX_COLUMNS = 8  # a name, a key, an order or probability, a parent pipeline: no record's details
_STEP_CONCEPTS = ("stage", "status")
_STEP_DETAILS = ("probability", "order")  # what only a step carries: its win odds, its place
_RECORD_CONCEPTS = ("email", "phone", "first_name", "last_name", "full_name", "amount", "address")
_RECORD_TYPES = (S.EMAIL, S.PHONE, S.PERSON_NAME, S.MONEY, S.ADDRESS)
_NAME_TYPES = (S.FREE_TEXT, S.PICKLIST, S.COMPANY_NAME)
_KEEPING_CONCEPTS = ("created_at", "updated_at", "deleted")  # when a row was kept: every table has them


def _telling(columns: list[ColumnProfile], sig: TableSignals) -> list[ColumnProfile]:
    """The columns that say something of a row: no empty column, no stamp of when it was kept."""
    kept = {c for concept in _KEEPING_CONCEPTS for c in sig.concept_columns.get(concept, [])}
    return [c for c in columns if c.null_share < 1 and c.column not in kept]


def _named_steps(table: TableProfile, sig: TableSignals) -> bool:
    """A short list of rows, each with a name of its own, and nothing a record would hold."""
    if table.parent_table or not 0 < table.row_count <= MAX_STEPS:
        return False
    columns = visible_columns(table)
    if len(_telling(columns, sig)) > MAX_COLUMNS or sig.has(*_RECORD_CONCEPTS) or sig.typed(*_RECORD_TYPES):
        return False
    return any(
        c.semantic_type in _NAME_TYPES and c.null_share == 0 and c.distinct_count == table.row_count
        for c in columns
    )


def _shared_by_many(referencing: TableProfile, column: ColumnProfile, steps: TableProfile) -> bool:
    """Many rows stand on each step: the list is far shorter than the table pointing at it."""
    filled = referencing.row_count - column.null_count
    return filled >= MIN_SHARED * steps.row_count and filled >= MIN_SHARED * max(column.distinct_count, 1)


def step_list_reason(sig: TableSignals, tables: dict[str, TableProfile]) -> str | None:
    """Why the table is a stage list, when a status-like column of a bigger table points at it."""
    steps = tables.get(sig.table)
    if steps is None or not _named_steps(steps, sig):
        return None
    detail = next((c for d in _STEP_DETAILS for c in sig.concept_columns.get(d, [])), None)
    for table_name, column_name, concept in sig.referenced_by:
        referencing = tables.get(table_name)
        columns = referencing.columns if referencing is not None else []
        column = next((c for c in columns if c.column == column_name), None)
        if referencing is None or column is None or not _shared_by_many(referencing, column, steps):
            continue
        if concept in _STEP_CONCEPTS or detail is not None:
            said = f"its '{detail}' column" if detail else f"'{column_name}' names a {concept}"
            return (
                f"{steps.row_count} named steps that '{table_name}.{column_name}' points at "
                f"({referencing.row_count} rows), {said}: a stage list, not records"
            )
    return None


def steps_pointed_at(
    table: TableProfile, sig: TableSignals, signals: dict[str, TableSignals], tables: dict[str, TableProfile]
) -> list[str]:
    """Columns of ``table`` pointing at a short list of named steps many of its rows share."""
    out = []
    for column in visible_columns(table):
        target = sig.fk_targets.get(column.column)
        steps = tables.get(target or "")
        named = steps is not None and target in signals and _named_steps(steps, signals[target])
        if named and steps is not None and _shared_by_many(table, column, steps):
            out.append(column.column)
    return out


def read_step_lists(tables: list[TableProfile], signals: dict[str, TableSignals]) -> None:
    """Mark stage lists and the columns pointing at them on the tables' signals."""
    by_name = {t.table: t for t in tables}
    for table in tables:
        sig = signals[table.table]
        sig.step_list = step_list_reason(sig, by_name)
        sig.step_columns = steps_pointed_at(table, sig, signals, by_name)
