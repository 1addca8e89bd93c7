"""``hlmap apply --locations L1,L2,...`` / ``--manifest FILE``: many sub-accounts from one command."""

from __future__ import annotations

import asyncio
from pathlib import Path

import typer

from assistant.cli_common import console, open_workspace
from assistant.errors import HlmapError
from assistant.execute.fanout import FanOutOptions, fan_out
from assistant.execute.fanout_manifest import adopt_maps, read_clients
from assistant.execute.fanout_report import print_fan_out, write_summary
from assistant.execute.fanout_targets import parse_locations, targets_for


def fan_out_command(
    workspace: Path,
    locations: str | None,
    manifest: Path | None,
    base_url: str | None,
    options: FanOutOptions,
) -> None:
    if locations and manifest:
        raise HlmapError("give either --locations or --manifest, not both")
    if manifest is not None:
        clients = read_clients(manifest)
        for line in adopt_maps(manifest, clients):
            console.print(line, markup=False, highlight=False)
        pairs = [(client.workspace, client.location) for client in clients]
    else:
        root = open_workspace(workspace).root
        pairs = [(root, location_id) for location_id in parse_locations(locations or "")]
    targets = targets_for(pairs, base_url)
    settings = targets[0].workspace.settings.highlevel
    per_location = settings.requests_per_window / settings.window_seconds

    def say(line: str) -> None:
        console.print(line, markup=False, highlight=False)

    say(f"apply ({options.mode}) into {len(targets)} locations at once, each at its own limit")
    results, elapsed = asyncio.run(fan_out(targets, options, say))
    total = print_fan_out(results, elapsed, per_location, console)
    report = write_summary(results, total, (manifest.parent if manifest else pairs[0][0]) / "reports")
    say(f"summary: {report}")
    if any(r.status != "done" or r.failed for r in results):
        raise typer.Exit(1)
