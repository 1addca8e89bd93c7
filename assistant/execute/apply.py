"""``hlmap apply``: compile, then run schema and record passes into one HighLevel location.

A run that was interrupted (Ctrl-C, kill -9, crash) is continued by the next ``apply`` of the same
mode: its ledger rows tell what is done, what failed and what has an unknown outcome.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
from dataclasses import dataclass, field

import duckdb
from rich.console import Console

from assistant.errors import HlmapError
from assistant.execute import ledger
from assistant.execute.audit import AuditLog, audit_path
from assistant.execute.calls import Ids
from assistant.execute.context import PassResult, RunContext
from assistant.execute.identity import Ownership, migration_start
from assistant.execute.links import link_companies
from assistant.execute.prepare import Prepared
from assistant.execute.products import currency_for
from assistant.execute.progress import PassProgress
from assistant.execute.relations import relate
from assistant.execute.runner import run_spec
from assistant.execute.schema import apply_schema, schema_work
from assistant.execute.unmade_fields import keep_unmade
from assistant.highlevel.agency import AgencyClient
from assistant.highlevel.client import HighLevelClient
from assistant.highlevel.errors import HighLevelError
from assistant.ledger_journal import JOURNAL_NAME, journaled
from assistant.mapping.models import DuplicateChoice
from assistant.workspace import Workspace


@dataclass
class RunSummary:
    run_id: str
    mode: str
    status: str
    passes: list[PassResult] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # set-up steps the schema pass could not do
    stopped_by: str = ""  # what HighLevel answered when the run had to stop (token refused, budget spent)
    requests: int = 0
    field_ids: dict[str, str] = field(default_factory=dict)  # custom field key -> HighLevel id


def resumable_run(con: duckdb.DuckDBPyConnection, mode: str, location_id: str) -> str | None:
    ledger.ensure(con)
    row = con.execute(
        """SELECT run_id FROM exec.runs WHERE mode = ? AND location_id = ?
        AND status IN ('running', 'interrupted')
        ORDER BY started_at DESC LIMIT 1""",
        [mode, location_id],
    ).fetchone()
    return str(row[0]) if row else None


async def run_apply(
    workspace: Workspace,
    prepared: Prepared,
    client: HighLevelClient,
    mode: str,
    *,
    selection: set[str] | None = None,
    console: Console | None = None,
    sample_size: int = 0,
    on_duplicate: dict[str, DuplicateChoice] | None = None,
    agency: AgencyClient | None = None,
    stop: asyncio.Event | None = None,
) -> RunSummary:
    con = workspace.connect()
    settings = workspace.settings
    run_id = resumable_run(con, mode, client.location_id) or ledger.new_run(
        con, mode, client.location_id, client.base_url, sample_size
    )
    con.execute("UPDATE exec.runs SET status = 'running' WHERE run_id = ?", [run_id])
    audit = AuditLog(con, audit_path(workspace.root), run_id, settings.execute.audit_payloads)
    stop = stop or asyncio.Event()  # a fan-out sets it from its own loop; alone, Ctrl-C does
    _stop_on_sigint(stop)
    ids = Ids(records=ledger.created_ids(con))
    ids.field_types = {
        f.field_key: (f.data_type.value, list(f.options)) for f in prepared.doc.custom_fields()
    }
    ids.contact_of = ledger.opportunity_contacts(con)
    ctx = RunContext(
        client, con, run_id, ids, audit, stop, delta=mode == "delta", max_file_mb=settings.execute.max_file_mb
    )
    ctx.on_duplicate = on_duplicate or {}
    ctx.conversation_provider = settings.execute.conversation_provider_id
    ctx.currency = currency_for(_country(workspace), settings.execute.currency)
    ctx.ownership = Ownership(ids.owns, migration_start(con, client.location_id))
    summary = RunSummary(run_id, mode, "running")
    per_second = settings.highlevel.requests_per_window / settings.highlevel.window_seconds
    with journaled(con, workspace.root / JOURNAL_NAME):  # the ledger's changes, synced line by line
        await _passes(ctx, summary, prepared, selection, (console, per_second), agency)
    audit.flush()
    ledger.finish_run(con, run_id, summary.status)
    summary.passes = ctx.results
    summary.field_ids = dict(ids.fields)
    summary.requests = client.usage().requests_sent
    return summary


async def _passes(
    ctx: RunContext,
    summary: RunSummary,
    prepared: Prepared,
    selection: set[str] | None,
    display: tuple[Console | None, float],
    agency: AgencyClient | None,
) -> None:
    """Schema, then every record pass in dependency order; the summary says how it ended."""
    client, con, ids, stop = ctx.hl, ctx.con, ctx.ids, ctx.stop
    console, per_second = display
    try:
        work = schema_work(con, prepared.doc)
        summary.problems = await apply_schema(client, con, ctx.run_id, work, ids, ctx.audit, agency)
        keep_unmade(con, [s.field_key for s in work.fields], ids.fields, summary.problems)
        if any(s.target == "appointment" for s in prepared.specs):
            calendars = await client.location.calendars()
            ids.calendar_id = str(calendars[0]["id"]) if calendars else None
            ids.calendars = {
                str(c.get("name", "")).strip().lower(): str(c["id"]) for c in calendars if c.get("id")
            }
        with PassProgress(console or Console(stderr=True), per_second, enabled=console is not None) as bars:
            kinds = [s.target for s in prepared.specs]
            last_contact = len(kinds) - 1 - kinds[::-1].index("contact") if "contact" in kinds else -1
            for index, spec in enumerate(prepared.specs):
                if stop.is_set():
                    break
                total = sum(c.records for c in prepared.compiled if c.spec is spec)
                prefix = f"{spec.name}:"
                bars.add(spec.name, sum(1 for o in selection if o.startswith(prefix)) if selection else total)
                await run_spec(ctx, spec, selection, bars.update)
                if not stop.is_set():
                    bars.finish(spec.name)
                if spec is prepared.specs[-1] and not stop.is_set():
                    await relate(ctx, prepared.specs, selection)
                if index == last_contact:  # every contact exists: attach them to their companies
                    await link_companies(ctx, prepared.specs, selection)
    except HighLevelError as exc:
        summary.stopped_by = str(exc)
        summary.status = "failed"
    if summary.status == "running":
        summary.status = "interrupted" if stop.is_set() else "done"


def _country(workspace: Workspace) -> str | None:
    """The destination location's country, from its snapshot when one was pulled."""
    from assistant.highlevel.snapshot import load_destination

    try:
        return load_destination(workspace).location.country
    except HlmapError:
        return None


def _stop_on_sigint(stop: asyncio.Event) -> None:
    """Ctrl-C sets ``stop``: the request in flight finishes and is ledgered, then the run ends."""
    with contextlib.suppress(NotImplementedError, RuntimeError):  # no loop signals on this platform
        asyncio.get_running_loop().add_signal_handler(signal.SIGINT, stop.set)
