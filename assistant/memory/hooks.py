"""Where memory meets the commands: recorded when a map is confirmed, read when one is proposed."""

from __future__ import annotations

from assistant.errors import HlmapError
from assistant.highlevel.state import DestinationState
from assistant.mapping import store
from assistant.mapping.items import MappingDocument
from assistant.memory.apply import MemoryUse, apply_memory
from assistant.memory.record import remember, remembered_tables
from assistant.memory.store import load_memory, memory_path, save_memory
from assistant.profile.models import TableProfile
from assistant.profile.store import load_profiles
from assistant.workspace import Workspace


def migration_name(workspace: Workspace) -> str:
    """The ``project`` setting when it was given a name, else the workspace folder's name."""
    project = workspace.settings.project
    return project if project != "migration" else workspace.root.name


def remember_confirmed(workspace: Workspace, *, force: bool = False) -> str | None:
    """Record the workspace's confirmed map in the memory file; returns the line to print (None when
    memory is off and not ``force``d)."""
    settings = workspace.settings.memory
    if not (settings.enabled or force):
        return None
    path = memory_path(settings, workspace.root)
    document = store.load_confirmed(workspace)
    migration = migration_name(workspace)
    tables = remembered_tables(document, load_profiles(workspace), migration)
    memory = load_memory(path)
    remember(memory, tables, migration)
    save_memory(path, memory)
    decisions = sum(len(t.decisions) for t in tables)
    return f"memory: {decisions} decisions of migration {migration} remembered in {path}"


def remember_after_confirm(workspace: Workspace) -> str | None:
    """``remember_confirmed`` for the confirm paths: the map is confirmed whatever memory says, so a
    memory file that cannot be written is reported in one line instead of failing the command."""
    try:
        return remember_confirmed(workspace)
    except (HlmapError, OSError) as exc:
        return f"memory not updated: {exc}"


def propose_with_memory(
    workspace: Workspace,
    document: MappingDocument,
    profiles: list[TableProfile],
    destination: DestinationState | None,
) -> MemoryUse | None:
    """Put remembered decisions on top of ``document`` in place (None when memory is off)."""
    settings = workspace.settings.memory
    if not settings.enabled:
        return None
    memory = load_memory(memory_path(settings, workspace.root))
    return apply_memory(document, profiles, memory, destination)
