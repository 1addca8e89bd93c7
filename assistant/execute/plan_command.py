"""``hlmap plan``: the ordered plan, request previews and the pre-flight checklist; nothing is sent."""

from __future__ import annotations

from typing import Annotated

import typer

from assistant.cli_common import WorkspaceOption, console, open_workspace, recorded
from assistant.errors import HlmapError
from assistant.execute.loss_report import print_losses, write_losses
from assistant.execute.plan import build_plan
from assistant.execute.plan_preview import call_text, preview
from assistant.execute.plan_shared import print_shared_map
from assistant.execute.preflight import build_checklist
from assistant.execute.prepare import prepare
from assistant.execute.printing import print_checklist, print_plan
from assistant.execute.products import currency_for
from assistant.execute.rebuild_reference import write_rebuild_reference
from assistant.highlevel.state import DestinationState
from assistant.workspace import Workspace


def destination_or_none(ws: Workspace) -> DestinationState | None:
    """The destination snapshot when one was pulled (checks that need it are skipped otherwise)."""
    from assistant.highlevel.snapshot import load_destination  # reads the workspace's snapshot file

    try:
        return load_destination(ws)
    except HlmapError:
        return None


def plan_command(
    workspace: WorkspaceOption = ".",  # type: ignore[assignment]
    show_requests: Annotated[
        int, typer.Option("--show-requests", help="Preview N exact request bodies.")
    ] = 0,
) -> None:
    """Compile the confirmed map into an ordered plan and print it (nothing is sent to HighLevel)."""
    ws = open_workspace(workspace)
    prepared = prepare(ws)
    con = ws.connect()
    dest = destination_or_none(ws)
    currency = currency_for(dest.location.country if dest else None, ws.settings.execute.currency)
    plan = build_plan(con, prepared, dest, currency)
    with recorded(ws.reports_dir / "plan.md", "Plan"):
        print_plan(ws, plan)
        print_shared_map(prepared.doc)
        print_losses(plan.losses, write_losses(plan.losses, ws.reports_dir))
    write_rebuild_reference(con, prepared.doc, ws.reports_dir)
    for call in preview(con, prepared, ws.settings.highlevel.location_id or "<location id>", show_requests):
        console.print(call_text(call), highlight=False, markup=False)
    print_checklist(build_checklist(con, prepared, destination_or_none(ws)))
