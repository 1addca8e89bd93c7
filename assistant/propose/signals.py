"""What a table's columns say about the kind of record it holds.

Each column contributes its leading vocabulary concept and its profiled type; tables also learn
who points at them (a table that ``agent-id`` columns reference holds users, a table that
``state-id`` columns reference holds stages).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from assistant.ingest.table_names import outermost
from assistant.profile.models import ColumnProfile, SemanticType, TableProfile
from assistant.propose.history import HistoryColumns, read_history
from assistant.propose.normalize import concepts, object_words
from assistant.propose.stage_match import outcome_of

MIN_OUTCOME_ROWS = 2  # a won or lost value seen once may be a typo; deals show both repeatedly

S = SemanticType


def visible_columns(table: TableProfile) -> list[ColumnProfile]:
    """Columns readers consider: bookkeeping columns (``_row``, ``_load_id``...) are ignored."""
    return [c for c in table.columns if not c.column.startswith("_")]


def is_path_twin(column: ColumnProfile, table: TableProfile) -> str | None:
    """The id column a ``X-path`` column duplicates (``/clients/12`` beside ``12``), if any."""
    for other in table.columns:
        if other.foreign_key is not None and other.foreign_key.path_column == column.column:
            return other.column
    words = column.column.rsplit("path", 1)
    if len(words) == 2 and not words[1].strip("-_ "):
        stem = words[0].rstrip("-_ ")
        for suffix in ("-id", "_id", "Id", " id", " ID"):
            twin = f"{stem}{suffix}" if stem else "id"
            if any(c.column == twin for c in table.columns):
                return twin
    return None


def lead_concept(column: ColumnProfile) -> str | None:
    found = concepts(column.column)
    return found[0] if found else None


def says_won_and_lost(col: ColumnProfile) -> bool:
    """A pick-list whose values include both won and lost outcomes ('Closed Won', 'Ganado', 'Lost')."""
    if col.semantic_type != SemanticType.PICKLIST:
        return False
    seen = {outcome_of(v.value) for v in (col.picklist or col.top_values) if v.count >= MIN_OUTCOME_ROWS}
    return {"won", "lost"} <= seen


@dataclass
class TableSignals:
    table: str
    words: tuple[str, ...]  # object-vocabulary keys from the table name, head noun first
    child_words: tuple[str, ...]  # for `parent__field` tables: words of the field part
    parent: str | None
    concept_columns: dict[str, list[str]] = field(default_factory=dict)
    types: dict[str, list[str]] = field(default_factory=dict)
    fk_targets: dict[str, str] = field(default_factory=dict)  # column -> referenced table
    referenced_by: list[tuple[str, str, str | None]] = field(default_factory=list)  # (table, column, concept)
    outcome_columns: list[str] = field(default_factory=list)  # values say won and lost: a deal's stage
    people_lists: list[str] = field(default_factory=list)  # nested tables of people (names + e-mails)
    history: HistoryColumns | None = None  # a type column of channel words: calls, e-mails, texts
    step_list: str | None = None  # why the table is a stage list (see step_lists)
    step_columns: list[str] = field(default_factory=list)  # columns pointing at a stage list
    organisation_evidence: list[tuple[str, float, str]] = field(default_factory=list)  # organisation_tables
    job_shape: str | None = None  # why the rows are jobs, whatever the name says (see job_shape)
    further_places: str | None = None  # a nested list of places besides the parent's address

    def has(self, *wanted: str) -> bool:
        return any(self.concept_columns.get(c) for c in wanted)

    def typed(self, *wanted: SemanticType) -> list[str]:
        return [col for t in wanted for col in self.types.get(t.value, [])]

    def referenced_as(self, concept: str) -> list[str]:
        return [f"{t}.{c}" for t, c, con in self.referenced_by if con == concept]


def _split_child(table: TableProfile) -> tuple[str | None, str]:
    root, path = outermost(table.table)
    if table.parent_table:
        return table.parent_table, path or table.table
    return (root, path) if path else (None, table.table)


def build_signals(tables: list[TableProfile]) -> dict[str, TableSignals]:
    out: dict[str, TableSignals] = {}
    refs: dict[str, list[tuple[str, str, str | None]]] = defaultdict(list)
    for table in tables:
        parent, child = _split_child(table)
        sig = TableSignals(
            table.table,
            object_words(table.table if parent is None else parent),
            # the list's own name, not the object holding it: 'contact-data.phone-numbers' is phone numbers
            object_words(child.rsplit(".", 1)[-1]) if parent else (),
            parent,
            history=read_history(table),
        )
        for col in visible_columns(table):
            twin = is_path_twin(col, table)  # repeats the id column beside it: no reference of its own
            concept = None if twin else lead_concept(col)
            if concept:
                sig.concept_columns.setdefault(concept, []).append(col.column)
            sig.types.setdefault(col.semantic_type.value, []).append(col.column)
            if says_won_and_lost(col):
                sig.outcome_columns.append(col.column)
            if col.foreign_key is not None and col.foreign_key.target_table != table.table:
                sig.fk_targets[col.column] = col.foreign_key.target_table
                if not twin:
                    refs[col.foreign_key.target_table].append((table.table, col.column, concept))
        out[table.table] = sig
    for target, pointing in refs.items():
        if target in out:
            out[target].referenced_by = pointing
    for sig in out.values():
        if sig.parent in out and holds_people(sig):
            out[sig.parent].people_lists.append(sig.table)
    return out


def holds_people(sig: TableSignals) -> bool:
    """Rows that are people: a name (split or whole, or values read as names) and an e-mail."""
    named = sig.has("first_name", "last_name", "full_name") or bool(sig.typed(S.PERSON_NAME))
    return named and sig.has("email")
