"""``hlmap propose --shared-map FILE``: run another client's confirmed map, plus what this export needs.

The working map becomes the shared map's decisions (kept as they are) with pending additions for the
values only this client's export holds; ``review`` or ``decide`` decides them and ``--confirm``
writes this client's confirmed map, which ``apply --manifest`` runs in place of the shared one.
"""

from __future__ import annotations

from pathlib import Path

from assistant.errors import HlmapError
from assistant.mapping import store
from assistant.mapping.items import MappingDocument, SharedMapSource
from assistant.mapping.models import Proposal, Status
from assistant.mapping.shared import shared_digest
from assistant.memory.hooks import propose_with_memory
from assistant.propose.service import build_inputs, run_backend
from assistant.propose.shared_additions import add_to_shared
from assistant.propose.shared_locations import resolve_in_location
from assistant.workspace import Workspace


def read_shared(path: Path) -> MappingDocument:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise HlmapError(f"--shared-map {path}: cannot be read ({exc.strerror or exc})") from None
    shared = store.parse_yaml(text, str(path))
    if shared.confirmed_by is None:
        raise HlmapError(
            f"--shared-map {path}: not a confirmed map (confirm it with `hlmap decide --confirm`)"
        )
    return shared


def propose_on_shared_map(
    workspace: Workspace, shared_path: Path
) -> tuple[MappingDocument, list[Proposal], list[str]]:
    """Save the shared decisions plus this export's additions as the working map; returns it, the
    additions and the pipelines this location lacks."""
    shared = read_shared(shared_path)
    inputs = build_inputs(workspace, None, None)
    fresh, _ = run_backend(workspace, inputs, "offline", None, send_values=False)
    propose_with_memory(workspace, fresh, inputs.profiles, inputs.destination)
    document, additions = add_to_shared(shared, fresh, inputs.profiles)
    lacking = resolve_in_location(document, inputs.destination, fresh) if inputs.destination else []
    previous = store.load(workspace) if workspace.mapping_path.exists() else None
    if previous is not None and previous.shared_map is not None:
        _keep_decided(previous, document, {a.id for a in additions} & set(previous.shared_map.additions))
        additions = [document.find(a.id) for a in additions]
    document.project = workspace.settings.project
    document.shared_map = SharedMapSource(
        path=str(shared_path.resolve()), digest=shared_digest(shared), additions=[a.id for a in additions]
    )
    store.save(workspace, document, by="propose:shared-map")
    return document, additions, lacking


def _keep_decided(previous: MappingDocument, document: MappingDocument, ids: set[str]) -> None:
    """An addition already decided in this workspace keeps its decision when proposed again."""
    for section in ("fields", "tags", "stages", "owners"):
        items = getattr(document, section)
        for index, item in enumerate(items):
            if item.id not in ids:
                continue
            try:
                before = previous.find(item.id)
            except KeyError:
                continue
            if before.status != Status.PROPOSED and type(before) is type(item):
                items[index] = before
