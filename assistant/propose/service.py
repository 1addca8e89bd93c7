"""``hlmap propose`` without the terminal: load inputs, run a backend, keep decisions, save.

The LLM backend plugs in as the package ``assistant.propose.llm`` exposing
``refine_with_llm(workspace, document, tables, destination, *, model, send_values) -> stats``:
it refines the offline document in place (choosing among ``retrieve_candidates``) and leaves
the offline proposal, marked as a fallback, wherever the model's answer fails validation.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

from assistant.errors import HlmapError
from assistant.highlevel.state import DestinationState, load_state
from assistant.mapping import store
from assistant.mapping.items import MappingDocument
from assistant.memory.hooks import propose_with_memory
from assistant.profile.models import TableProfile
from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.propose.merge import merge_documents
from assistant.propose.sourcedata import DuckDBValues
from assistant.workspace import Workspace

LLM_MODULE = "assistant.propose.llm"


def load_profiles(workspace: Workspace) -> list[TableProfile]:
    try:
        reader: Any = importlib.import_module("assistant.profile.store")
    except ImportError as exc:
        raise HlmapError("profiles cannot be read: the profile store is not installed") from exc
    profiles: list[TableProfile] = reader.load_profiles(workspace)
    if not profiles:
        raise HlmapError(f"workspace {workspace.root} has no profiles: run `hlmap profile` first")
    return profiles


def load_destination(workspace: Workspace, destination_file: Path | None) -> DestinationState:
    """The destination state: the file given on the command line, else the workspace snapshot."""
    if destination_file is not None:
        return load_state(destination_file)
    snapshot: Any = importlib.import_module("assistant.highlevel.snapshot")
    state: DestinationState = snapshot.load_destination(workspace)
    return state


def build_inputs(
    workspace: Workspace, destination_file: Path | None, objects: list[str] | None
) -> ProposeInputs:
    settings = workspace.settings
    profiles = load_profiles(workspace)
    known = {p.table for p in profiles}
    unknown = sorted(set(objects or []) - known)
    if unknown:
        raise HlmapError(
            f"--objects: no source object named {', '.join(unknown)}; known: {', '.join(sorted(known))}"
        )
    return ProposeInputs(
        profiles=profiles,
        destination=load_destination(workspace, destination_file),
        values=DuckDBValues(workspace.connect()),
        objects=objects or None,
        confidence_threshold=settings.propose.confidence_threshold,
        fallback_owner_email=settings.propose.fallback_owner_email,
        default_country=settings.profile.default_country,
        top_k=settings.propose.top_k,
        project=settings.project,
    )


def run_backend(
    workspace: Workspace, inputs: ProposeInputs, backend: str, model: str | None, send_values: bool
) -> tuple[MappingDocument, Any]:
    """The document of the chosen backend, and the LLM backend's call statistics (None offline)."""
    offline = propose_offline(inputs)
    if backend == "offline":
        return offline, None
    if backend != "llm":
        raise HlmapError(f"--backend {backend!r}: choose offline or llm")
    try:
        llm: Any = importlib.import_module(LLM_MODULE)
    except ModuleNotFoundError as exc:
        if exc.name != LLM_MODULE:
            raise
        raise HlmapError(
            f"--backend llm: the LLM backend ({LLM_MODULE}) is not part of this installation; "
            "use --backend offline"
        ) from exc
    refine = getattr(llm, "refine_with_llm", None)
    if refine is None:
        raise HlmapError(f"--backend llm: {LLM_MODULE} has no refine_with_llm(); use --backend offline")
    stats = refine(
        workspace, offline, inputs.profiles, inputs.destination, model=model, send_values=send_values
    )
    return offline, stats


def propose(
    workspace: Workspace,
    *,
    backend: str,
    model: str | None = None,
    send_values: bool = True,
    objects: list[str] | None = None,
    destination_file: Path | None = None,
) -> tuple[MappingDocument, int, Any]:
    """Run a backend and save the merged document; returns it, how many decisions were kept, LLM stats."""
    inputs = build_inputs(workspace, destination_file, objects)
    proposed, stats = run_backend(workspace, inputs, backend, model, send_values)
    # After the backend, so nothing remembered (values included) ever reaches an LLM.
    propose_with_memory(workspace, proposed, inputs.profiles, inputs.destination)
    previous = store.load(workspace) if workspace.mapping_path.exists() else None
    if previous is not None and objects:
        proposed = _keep_other_objects(previous, proposed, set(objects))
    merged, kept = merge_documents(previous, proposed)
    store.save(workspace, merged, by=f"propose:{backend}")
    return merged, kept, stats


def _keep_other_objects(
    previous: MappingDocument, proposed: MappingDocument, wanted: set[str]
) -> MappingDocument:
    """With --objects, the other source objects' proposals stay as they were, in their places."""
    return proposed.model_copy(
        update={
            "objects": _splice(previous.objects, proposed.objects, wanted),
            "fields": _splice(previous.fields, proposed.fields, wanted),
            "stages": _splice(previous.stages, proposed.stages, wanted),
            "owners": _splice(previous.owners, proposed.owners, wanted),
            "holdings": _splice(previous.holdings, proposed.holdings, wanted),
            "billings": _splice(previous.billings, proposed.billings, wanted),
            "tags": proposed.tags or previous.tags,
        }
    )


def _splice(old: list[Any], new: list[Any], wanted: set[str]) -> list[Any]:
    """``old`` with each wanted source object's items replaced by the new ones, at its first position."""
    fresh: dict[str, list[Any]] = {}
    for item in new:
        fresh.setdefault(item.source_object, []).append(item)
    out: list[Any] = []
    for item in old:
        name = item.source_object
        if name not in wanted:
            out.append(item)
        elif name in fresh:
            out += fresh.pop(name)
    return out + [item for items in fresh.values() for item in items]
