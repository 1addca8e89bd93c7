"""What profiling learned about each source column, as the transforms need it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from assistant.workspace import Workspace

if TYPE_CHECKING:  # profiling is a sibling stage: only its model's shape is needed here
    from assistant.profile.models import ColumnProfile


def column_profiles(workspace: Workspace) -> dict[tuple[str, str], ColumnProfile]:
    """(table, column) -> profile; empty when the workspace has not been profiled."""
    if not workspace.table_exists("profile", "columns"):
        return {}
    from assistant.profile.store import load_profiles  # the profile stage writes what this reads

    return {(c.table, c.column): c for t in load_profiles(workspace) for c in t.columns}
