"""A document's contact reached through another record: an estimate merged into its job names no
contact, its job does.

The document's column that names the parent row (profiling's foreign key) picks the parent's compiled
record, and that record's own contact key becomes the document's. Parents compile in an earlier pass
(an opportunity before an estimate), so their records are there when the document compiles.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from assistant.execute.specs import RecordSpec, Ref
from assistant.transforms.kinds import Output
from assistant.transforms.sqltext import cleaned, lit

if TYPE_CHECKING:
    from assistant.profile.models import ColumnProfile

_CONTACT = """json_extract_string(p."values", '$."ref:contactId"')"""


def link_column(
    spec: RecordSpec, through: str, profiles: dict[tuple[str, str], ColumnProfile], columns: set[str]
) -> str | None:
    """The document's column holding the key of a ``through`` row, as profiling found the link."""
    for (table, column), profile in sorted(profiles.items()):
        fk = profile.foreign_key
        if table == spec.source_object and fk is not None and fk.target_table == through:
            return column if column in columns else None
    return None


def contact_through(
    spec: RecordSpec, ref: Ref, profiles: dict[tuple[str, str], ColumnProfile], columns: set[str]
) -> tuple[Output, str | None]:
    """The contact key read off the parent row's record, and the column naming that row."""
    through = str(ref.through)
    column = link_column(spec, through, profiles, columns)
    if column is None:
        return Output(ref.key, "NULL"), None
    parent = cleaned(column)
    found = f"""(SELECT {_CONTACT} FROM exec.records p WHERE p.source_object = {lit(through)}
        AND p.source_key = {parent} AND {_CONTACT} IS NOT NULL ORDER BY p.pass LIMIT 1)"""
    why = (
        f"CASE WHEN {parent} IS NOT NULL AND {found} IS NULL THEN {lit(through)} || ' row ' || {parent} "
        f"|| ' made no record with a contact' END"
    )
    return Output(ref.key, found, error=why), column
