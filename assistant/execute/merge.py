"""Child rows whose values belong on their parent's record (addresses of a client, say).

They compile like any record, then their values fill the keys the parent's record leaves empty
(the first child row per parent wins; a typed entry's routed key, the first row that has it) and
they are removed as records of their own: a contact with its address costs one request, not two. A
link the child row holds (a person's company) fills the parent's too, when the parent's record reads
that link the same way (``carried_links``). Later rows of a contact's parent become notes on it
(``later_children``), their links named there.
"""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING, Any

import duckdb

from assistant.execute.later_children import LaterRow, carries, write_notes
from assistant.execute.specs import RecordSpec, field_key, merge_parent
from assistant.transforms.routed import is_routed
from assistant.transforms.sqltext import lit

if TYPE_CHECKING:
    from assistant.profile.models import ColumnProfile

PARENT_KEY = "_merge_parent"


def parent_column(
    spec: RecordSpec, profiles: dict[tuple[str, str], ColumnProfile], columns: set[str]
) -> str | None:
    """The child column that holds its parent's key: profiling's foreign key, else the nested-array link."""
    for (table, column), profile in sorted(profiles.items()):
        fk = profile.foreign_key
        if table == spec.source_object and fk is not None and fk.target_table == spec.merge_into:
            return column
    return "_parent_key" if "_parent_key" in columns else None


def carried_links(spec: RecordSpec, specs: list[RecordSpec]) -> frozenset[str]:
    """The ``ref:`` keys of a merged child its parent's record sends: those the parent's spec resolves
    against the same table (``record_specs`` gives the parent a link it lacks)."""
    parent = merge_parent(spec, specs)
    if parent is None:
        return frozenset()
    theirs = {(r.key, r.target, r.source_object) for r in parent.refs}
    return frozenset(f"ref:{r.key}" for r in spec.refs if (r.key, r.target, r.source_object) in theirs)


def merge_children(
    con: duckdb.DuckDBPyConnection, spec: RecordSpec, links: frozenset[str] = frozenset()
) -> int:
    """Fold the spec's compiled rows into its parent's; answers how many parents received values.
    ``links``: the child's ``ref:`` keys the parent carries (any other would name a wrong record)."""
    routed = routed_keys(spec)
    children = con.execute(
        """SELECT "values", "row", source_key FROM exec.records WHERE target = ? AND source_object = ?
        ORDER BY "row" """,
        [spec.target, spec.source_object],
    ).fetchall()
    first: dict[str, dict[str, Any]] = {}
    first_at: dict[str, tuple[str, int]] = {}  # parent key -> (source key, row) of the child filling it
    placed: list[tuple[int, str | None, bool]] = []  # (row, parent key, fills the parent) per child
    later: list[LaterRow] = []
    for raw, row, key in children:
        values = json.loads(raw)
        parent = values.pop(PARENT_KEY, None)
        if parent is not None:
            placed.append((int(row), str(parent), str(parent) not in first))
            if str(parent) in first:
                later.append(LaterRow(str(key), int(row), str(parent), values))
                fill_routed(first[str(parent)], values, routed)
            first.setdefault(str(parent), values)
            first_at.setdefault(str(parent), (str(key), int(row)))
        else:
            placed.append((int(row), None, False))
    if placed:
        con.executemany(
            "INSERT INTO exec.merged_rows VALUES (?, ?, ?, ?, ?, ?)",
            [
                (spec.target, spec.source_object, row, spec.merge_into, key, filled)
                for row, key, filled in placed
            ],
        )
    con.execute(
        "DELETE FROM exec.records WHERE target = ? AND source_object = ?", [spec.target, spec.source_object]
    )
    parents = con.execute(
        """SELECT source_key, "values" FROM exec.records WHERE target = ? AND source_object = ?""",
        [spec.target, spec.merge_into],
    ).fetchall()
    if carries(spec):  # only rows whose parent contact is compiled: the others are held with it
        known = {str(key) for key, _ in parents}
        write_notes(con, spec, [r for r in later if r.parent_key in known])
    updates, dropped = [], []
    for key, raw in parents:
        extra = first.get(key)
        if not extra:
            continue
        values = json.loads(raw)
        for name, value in extra.items():
            if values.get(name) is None and (not name.startswith("ref:") or name in links):
                values[name] = value
            elif name.startswith("ref:") and value is not None and values.get(name) != value:
                dropped.append(
                    (*first_at[key], _field_id(spec, name), name[4:], _not_linked(spec, name, value))
                )
        text = json.dumps(values, ensure_ascii=False, separators=(",", ":"))
        updates.append((text, hashlib.md5(text.encode()).hexdigest(), key))
    if updates:
        con.executemany(
            f"""UPDATE exec.records SET "values" = ?, payload_hash = ?
            WHERE target = '{spec.target}' AND source_object = '{spec.merge_into}' AND source_key = ?""",
            updates,
        )
    if dropped:  # a value lost on a merged row: the run does not read clean
        con.executemany(
            f"""INSERT INTO exec.transform_errors VALUES ({lit(spec.source_object)}, {lit(spec.target)},
            ?, ?, ?, ?, ?, false)""",
            dropped,
        )
    return len(updates)


def routed_keys(spec: RecordSpec) -> frozenset[str]:
    """The keys a typed entry fills (``routed``): from the first child row that has them, not the first."""
    return frozenset(field_key(fm) for fm in spec.fields if is_routed(fm))


def fill_routed(parent: dict[str, Any], later: dict[str, Any], routed: frozenset[str]) -> None:
    for name in routed:
        if parent.get(name) is None and later.get(name) is not None:
            parent[name] = later[name]


def _not_linked(spec: RecordSpec, ref_key: str, value: object) -> str:
    field = ref_key[4:]
    return (
        f"{field} {value} not linked: the {spec.merge_into} record it merges into links its {field} otherwise"
    )


def _field_id(spec: RecordSpec, ref_key: str) -> str:
    """The field map feeding a ``ref:`` key of the spec's records (the key itself when none does)."""
    return next((fm.id for fm in spec.fields if f"ref:{field_key(fm)}" == ref_key), ref_key)
