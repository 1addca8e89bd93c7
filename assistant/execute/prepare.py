"""Load the confirmed map and compile it: the first step of ``plan`` and of every ``apply``."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import duckdb

from assistant.errors import HlmapError
from assistant.execute.compile import compile_all
from assistant.execute.compile_spec import Compiled
from assistant.execute.document_business import bill_to_business, billed_tables
from assistant.execute.document_contacts import AsNotes, carry_documents_as_notes
from assistant.execute.document_details import fill_contact_details
from assistant.execute.document_sources import keep_document_sources
from assistant.execute.document_tax import apply_tax_flags
from assistant.execute.duplicate_opportunities import keep_as_notes
from assistant.execute.extra_values import Carried, carry_as_notes
from assistant.execute.history_notes import HistoryNotes, carry_history_as_notes
from assistant.execute.history_setup import checklist_item, provider_problem
from assistant.execute.holding import companyless_tables, holding_spec, parked_tables, plan_lines
from assistant.execute.later_children import CarriedChildren, note_specs
from assistant.execute.pipeline_setup import explain_held, missing_pipelines
from assistant.execute.profiles import column_profiles
from assistant.execute.refused_notes import RefusedNotes, carry_refused_notes
from assistant.execute.specs import PASSES, RecordSpec, record_specs
from assistant.execute.unmade_fields import count_unmade
from assistant.highlevel.state import DestinationState
from assistant.mapping import journal, store
from assistant.mapping.items import MappingDocument
from assistant.workspace import Workspace


@dataclass
class Prepared:
    doc: MappingDocument
    specs: list[RecordSpec]
    compiled: list[Compiled]
    duplicates_kept: int | None = (
        None  # later opportunities of a contact+pipeline sent as notes (None: allowed)
    )
    extra_values: list[Carried] = field(default_factory=list)  # phones/emails after a cell's first
    refused_notes: list[RefusedNotes] = field(default_factory=list)  # values a deal's fields refuse
    later_children: list[CarriedChildren] = field(default_factory=list)  # merged rows after the first
    documents_as_notes: list[AsNotes] = field(default_factory=list)  # invoices HighLevel would refuse
    details_found: list[str] = field(default_factory=list)  # documents whose contact details came elsewhere
    billed_to_business: list[str] = field(default_factory=list)  # documents given the location's details
    tax_flags: list[str] = field(default_factory=list)  # lines whose Yes/No taxable column set their tax
    history_as_notes: list[HistoryNotes] = field(default_factory=list)  # history without a provider
    history_item: str | None = None  # the pre-flight checklist's line on history (provider or setup step)
    parked: list[str] = field(default_factory=list)  # per table: rows parked on the holding contact


def confirmed_document(workspace: Workspace) -> MappingDocument:
    """The confirmed document; refused while any item still waits for a decision."""
    journal.refuse_leftover(workspace)  # decisions a killed review never saved: the map is not settled
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


def source_zone(workspace: Workspace) -> str | None:
    """The zone of source times without an offset: the setting, else the location's from the snapshot."""
    if workspace.settings.execute.source_timezone:
        return workspace.settings.execute.source_timezone
    from assistant.highlevel.snapshot import load_destination

    try:
        return load_destination(workspace).location.timezone or None
    except HlmapError:
        return None


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
        source_zone(workspace),
    )
    explain_held(con, missing_pipelines(con, doc))
    prepared = Prepared(doc, specs, compiled)
    prepared.parked = plan_lines(con, parked_tables(doc), companyless_tables(doc))
    if prepared.parked:  # the holding contact they go to, sent with the contacts
        _add_specs(prepared, [holding_spec()], [1])
    prepared.tax_flags = apply_tax_flags(con, workspace.settings.execute.tax_rate)  # before totals are kept
    keep_document_sources(con)  # before some become notes: the verification sums them all
    profiles, region = column_profiles(workspace), workspace.settings.profile.default_country
    prepared.details_found = fill_contact_details(con, prepared.specs, profiles, region)
    if billed_tables(doc):  # accepted billing proposals: the location's own details fill what is left
        dest = _destination(workspace)
        location = dest.location if dest else None
        prepared.billed_to_business = bill_to_business(con, prepared.specs, billed_tables(doc), location)
    prepared.documents_as_notes = carry_documents_as_notes(con, prepared.specs)
    _add_specs(
        prepared,
        [a.spec for a in prepared.documents_as_notes],
        [a.notes for a in prepared.documents_as_notes],
    )
    _recount(con, prepared, {(a.replaces, a.spec.source_object) for a in prepared.documents_as_notes})
    keep_duplicate_opportunities(workspace, prepared)
    _history(workspace, con, prepared)
    prepared.extra_values = carry_as_notes(con, prepared.specs)
    _add_specs(prepared, [c.spec for c in prepared.extra_values], [c.notes for c in prepared.extra_values])
    prepared.refused_notes = refused = carry_refused_notes(con, prepared.specs)
    _add_specs(prepared, [r.spec for r in refused], [r.notes for r in refused])
    prepared.later_children = later = note_specs(con, prepared.specs)
    _add_specs(prepared, [c.spec for c in later], [c.notes for c in later])
    count_unmade(con)  # values of fields the last apply could not create: lost, not silently dropped
    return prepared


def _destination(workspace: Workspace) -> DestinationState | None:
    from assistant.highlevel.snapshot import load_destination

    try:
        return load_destination(workspace)
    except HlmapError:
        return None


def _history(workspace: Workspace, con: duckdb.DuckDBPyConnection, prepared: Prepared) -> None:
    """History rows go as dated notes when the location has no provider and the engineer chose so."""
    dest = _destination(workspace)
    execute = workspace.settings.execute
    if execute.history_as_notes and provider_problem(execute, dest) is not None:
        carried = carry_history_as_notes(con, prepared.specs, source_zone(workspace))
        prepared.history_as_notes = carried
        _add_specs(prepared, [c.spec for c in carried], [c.notes for c in carried])
        _recount(con, prepared, {("message", c.spec.source_object) for c in carried})
    prepared.history_item = checklist_item(con, execute, dest)


def _add_specs(prepared: Prepared, specs: list[RecordSpec], counts: list[int]) -> None:
    """Record kinds the plan adds after compiling (notes carrying what a record could not hold)."""
    prepared.compiled += [Compiled(s, n, n, 0) for s, n in zip(specs, counts, strict=True)]
    prepared.specs[:] = sorted(
        [*prepared.specs, *specs], key=lambda s: (PASSES[s.target], s.merge_into is None)
    )
    order = {id(s): i for i, s in enumerate(prepared.specs)}
    prepared.compiled.sort(key=lambda c: order[id(c.spec)])


def keep_duplicate_opportunities(workspace: Workspace, prepared: Prepared) -> None:
    """When the snapshot says the location allows one opportunity per contact and pipeline, later ones
    become notes on their contact (a record HighLevel would merge away is still carried)."""
    dest = _destination(workspace)
    if dest is None or dest.location.settings.allowDuplicateOpportunity:  # no snapshot: the plan says so
        return
    names = {s.id: f"{p.name} / {s.name}" for p in dest.pipelines for s in p.stages}
    con = workspace.connect()
    notes = keep_as_notes(con, prepared.specs, names)
    counts = []
    for spec in notes:  # the kind's own records: the table's other notes are no duplicates
        row = con.execute(
            "SELECT count(*) FROM exec.records WHERE target = ? AND source_object = ?",
            [spec.target, spec.source_object],
        ).fetchone()
        counts.append(int(row[0]) if row else 0)
    _add_specs(prepared, notes, counts)
    prepared.duplicates_kept = sum(counts)
    _recount(con, prepared, {("opportunity", s.source_object) for s in notes})


def _recount(con: duckdb.DuckDBPyConnection, prepared: Prepared, moved: set[tuple[str, str]]) -> None:
    """The records a kind has left after some went as notes: progress and plan count these."""
    for i, c in enumerate(prepared.compiled):
        if (c.spec.target, c.spec.source_object) in moved and not c.spec.merge_into:
            row = con.execute(
                "SELECT count(*) FROM exec.records WHERE target = ? AND source_object = ?",
                [c.spec.target, c.spec.source_object],
            ).fetchone()
            prepared.compiled[i] = replace(c, records=int(row[0]) if row else 0)
