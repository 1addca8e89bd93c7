"""Rows shaped like jobs, whatever the table is called: a job is a deal, not a to-do.

A HighLevel task is a to-do: a title, maybe a body, a due date, done or not, an assignee, a
contact. Field-service platforms call their jobs many things, 'tasks' among them. A row that also
carries money (several totals), a status with more states than done / not done, a client it is
done for, and the marks of work in the field (a site where it happens, nested lists of the people
working or selling it) is a job: an opportunity moving through a pipeline's stages, with a value.
A work order holding totals but no site and no crew keeps its name's reading, as a to-do would.
"""

from __future__ import annotations

from assistant.profile.models import ColumnProfile, SemanticType, TableProfile
from assistant.propose.normalize import tokens
from assistant.propose.signals import TableSignals, visible_columns

S = SemanticType
MIN_MONEY = 2  # one amount may be a task's cost estimate; several totals are a job's books
MIN_STATES = 3  # done / not done is a to-do's; more states are a pipeline's stages
OPPORTUNITY_WEIGHT = 0.5  # with the status-and-amount evidence, outweighs a name read as task (0.55)
TASK_PENALTY = 0.3
_CLIENT_KINDS = ("contact", "company")
_SITE_CONCEPTS = ("location", "address", "city", "postal_code")


def _states(column: ColumnProfile) -> int:
    return len(column.picklist) or column.distinct_count


def _status_columns(table: TableProfile) -> list[ColumnProfile]:
    """Pick-lists whose header names a status ('status', 'substatus.substatus', 'work_status')."""
    return [
        c
        for c in visible_columns(table)
        if c.semantic_type is S.PICKLIST and any(t.endswith("status") for t in tokens(c.column))
    ]


def _job_number(table: TableProfile) -> str | None:
    """A second unique key beside the row's id, filled on every row: a job or reference number."""
    for c in visible_columns(table):
        numbered = c.semantic_type in (S.INTEGER, S.IDENTIFIER) and c.foreign_key is None
        own = c.column != table.primary_key and c.null_share == 0
        if numbered and own and table.row_count > 1 and c.distinct_count == table.row_count:
            return c.column
    return None


def _names_clients(target: TableSignals) -> bool:
    return target.parent is None and bool(target.words) and target.words[0] in _CLIENT_KINDS


def _crew_lists(name: str, signals: dict[str, TableSignals]) -> list[str]:
    """Nested lists of the table whose rows point at people through an owner column: who works it."""
    return [
        s.table
        for s in signals.values()
        if s.parent == name and any(c in s.fk_targets for c in s.concept_columns.get("owner", []))
    ]


def job_shape_reason(table: TableProfile, sig: TableSignals, signals: dict[str, TableSignals]) -> str | None:
    """Why the rows are jobs (deals), or None when they read as well as to-dos."""
    if sig.parent is not None:
        return None
    money = sorted(set(sig.typed(S.MONEY)) | set(sig.concept_columns.get("amount", [])))
    clients = [t for t in sig.fk_targets.values() if t in signals and _names_clients(signals[t])]
    statuses = _status_columns(table)
    staged = [c for c in statuses if _states(c) >= MIN_STATES] or sig.step_columns
    site = sig.has(*_SITE_CONCEPTS) or bool(sig.typed(S.ADDRESS))
    crews = _crew_lists(table.table, signals)
    if len(money) < MIN_MONEY or not clients or not staged or not (site or crews):
        return None
    marks = [f"{len(money)} money columns"]
    if (number := _job_number(table)) is not None:
        marks.append(f"a job number ('{number}')")
    main = staged[0] if isinstance(staged[0], ColumnProfile) else None
    marks.append(f"a {_states(main)}-state status" if main else f"a status among steps ('{staged[0]}')")
    if len(statuses) > 1:
        marks.append("a sub-status")
    marks.append(f"a client ('{clients[0]}')")
    if site:
        marks.append("a site")
    if crews:
        marks.append(f"nested lists of the people working it ({', '.join(crews)})")
    named = f"'{sig.table}' reads as {sig.words[0]}, but its rows" if sig.words else "its rows"
    return f"{named} carry {', '.join(marks)}: jobs (deals in a pipeline), not to-dos"


def read_job_shapes(tables: list[TableProfile], signals: dict[str, TableSignals]) -> None:
    """Mark, on the tables' signals, the tables whose rows are jobs."""
    for table in tables:
        signals[table.table].job_shape = job_shape_reason(table, signals[table.table], signals)


def job_shape_evidence(sig: TableSignals) -> list[tuple[str, float, str]]:
    """(object key, score, reason) to add for a table whose rows are jobs."""
    if sig.job_shape is None:
        return []
    return [("opportunity", OPPORTUNITY_WEIGHT, sig.job_shape), ("task", -TASK_PENALTY, sig.job_shape)]
