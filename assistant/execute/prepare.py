"""Load the confirmed map and compile it: the first step of ``plan`` and of every ``apply``."""

from __future__ import annotations

from dataclasses import dataclass

from assistant.errors import HlmapError
from assistant.execute.compile import Compiled, compile_all
from assistant.execute.profiles import column_profiles
from assistant.execute.specs import RecordSpec, record_specs
from assistant.mapping import store
from assistant.mapping.items import MappingDocument
from assistant.workspace import Workspace


@dataclass
class Prepared:
    doc: MappingDocument
    specs: list[RecordSpec]
    compiled: list[Compiled]


def confirmed_document(workspace: Workspace) -> MappingDocument:
    """The confirmed document; refused while any item still waits for a decision."""
    doc = store.load_confirmed(workspace)
    pending = doc.pending()
    if pending:
        listed = "\n  ".join(f"{item.id} ({item.rationale or 'no rationale'})"[:160] for item in pending[:50])
        more = f"\n  … and {len(pending) - 50} more" if len(pending) > 50 else ""
        raise HlmapError(f"{len(pending)} mapping items still need a decision:\n  {listed}{more}")
    return doc


def fallback_user(workspace: Workspace) -> str | None:
    """The destination user named as ``propose.fallback_owner_email``, when set and found."""
    email = workspace.settings.propose.fallback_owner_email
    if not email:
        return None
    from assistant.highlevel.snapshot import load_destination

    try:
        user = load_destination(workspace).user_by_email(email)
    except HlmapError:
        return None
    if user is None:
        raise HlmapError(
            f"fallback owner {email} is no user of the destination; fix propose.fallback_owner_email"
        )
    return user.id


def prepare(workspace: Workspace) -> Prepared:
    doc = confirmed_document(workspace)
    specs = record_specs(doc)
    missing = sorted({s.source_object for s in specs if not workspace.table_exists("raw", s.source_object)})
    if missing:
        raise HlmapError(f"source tables not ingested: {', '.join(missing)}; run `hlmap ingest` first")
    con = workspace.connect()
    compiled = compile_all(
        con,
        doc,
        specs,
        column_profiles(workspace),
        workspace.settings.profile.default_country,
        fallback_user(workspace),
    )
    return Prepared(doc, specs, compiled)
