"""``hlmap demo --agency N --yes``: an agency's whole client book moved in one rehearsal.

N client exports (the seed platforms in turn, each client its own seed), one stand-in agency with a
sub-account per client, each client's workspace up to a confirmed map, one manifest, one fan-out
apply under the agency token, then per client the source accounting and the full read-back, and
the roll-up. Exits 0 only when every client is clean.
"""

from __future__ import annotations

import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import typer
from rich.console import Console

from assistant.demo.agency_clients import (
    Client,
    client_book,
    destination_seed,
    generate_exports,
    owner_of,
    write_manifest,
)
from assistant.demo.agency_prepare import prepare_clients
from assistant.demo.agency_rollup import ClientOutcome, print_rollup, read_outcome, write_rollup
from assistant.demo.history import set_up_history_in_locations
from assistant.demo.standin import start_standin
from assistant.errors import HlmapError

CHECKS_AT_ONCE = 4  # reconcile + verify of several clients side by side (mostly waiting on HTTP)


def run_agency_demo(root: Path, *, count: int, rows: int, rate_limit: int, console: Console) -> None:
    clients = client_book(count)
    console.rule(f"[bold]1/5 Generate {count} client exports")
    generate_exports(root, clients, rows)
    platforms = ", ".join(sorted({c.platform for c in clients}))
    shared = sum(1 for c in clients if c.map_owner)
    console.print(f"{count} exports ({platforms}); {shared} reuse the map of a client on their platform")
    seeds = [destination_seed(root, c, clients) for c in clients]
    standin = start_standin(
        seeds[0], root / "standin-state.json", root / "standin.log", rate_limit, location_seeds=seeds[1:]
    )
    for client, location in zip(clients, standin.locations, strict=True):
        client.location = location
    console.print(f"Local HighLevel stand-in at {standin.url}: one agency, {count} locations", markup=False)
    env = {**os.environ, "HIGHLEVEL_AGENCY_TOKEN": standin.agency_token}
    env["HLMAP_HIGHLEVEL__REQUESTS_PER_WINDOW"] = str(rate_limit)
    env.pop("HIGHLEVEL_TOKEN", None)  # every location is reached with the agency token
    try:
        console.rule("[bold]2/5 Each client: ingest, profile, snapshot, propose and decide (or shared map)")
        prepare_clients(root, clients, standin.url, env, console)
        workspaces = [owner_of(c, clients).workspace(root) for c in clients]  # a shared map is its owner's
        locations = [c.location for c in clients]
        provider = set_up_history_in_locations(
            workspaces, standin.url, standin.agency_token, locations, console
        )
        if provider:
            env["HLMAP_EXECUTE__CONVERSATION_PROVIDER_ID"] = provider
        manifest = write_manifest(root, clients)
        console.rule(f"[bold]3/5 Apply every client at once, each at its own limit ({manifest.name})")
        _apply(manifest, standin.url, env, console)
        console.rule("[bold]4/5 Per client: account for every source row, read every written value back")
        outcomes = _check_all(root, clients, standin.url, env)
    finally:
        standin.stop()
    console.rule("[bold]5/5 Roll-up")
    print_rollup(outcomes, console)
    figures = _fan_out_figures(root / "reports" / "fan-out.md")
    report = write_rollup(outcomes, root / "reports", figures)
    for figure in figures:
        console.print(f"  {figure}", markup=False, highlight=False)
    console.print(f"Roll-up: {report}; each client's: {root / 'clients'}/CLIENT/reports", markup=False)
    if not all(o.clean for o in outcomes):
        console.print("Agency rehearsal: NOT clean (the clients marked NO)", style="bold red", markup=False)
        raise typer.Exit(1)
    console.print("Agency rehearsal: clean — every client reconciled and verified", markup=False)


def _apply(manifest: Path, url: str, env: dict[str, str], console: Console) -> None:
    args = ["apply", "--manifest", str(manifest), "--base-url", url, "--skip-sample", "--preflight-ok"]
    args += ["--no-verify", "--who", "hlmap demo --agency"]
    console.print(f"$ hlmap {' '.join(args)}", style="dim", markup=False, highlight=False)
    result = subprocess.run([sys.executable, "-m", "assistant", *args], env=env, stdin=subprocess.DEVNULL)
    if result.returncode not in (0, 1):  # 1: some location not clean, which the roll-up shows
        raise HlmapError(f"demo stopped: `hlmap apply --manifest` exited with {result.returncode}")


def _check_all(root: Path, clients: list[Client], url: str, env: dict[str, str]) -> list[ClientOutcome]:
    with ThreadPoolExecutor(max_workers=CHECKS_AT_ONCE) as pool:
        return list(pool.map(lambda c: _check(root, c, url, env), clients))


def _check(root: Path, client: Client, url: str, env: dict[str, str]) -> ClientOutcome:
    """``hlmap reconcile`` (its report read back) and ``hlmap verify --json`` for one client."""
    workspace = client.workspace(root)
    at = ["--location-id", client.location, "--base-url", url, "-w", str(workspace)]
    base = [sys.executable, "-m", "assistant"]
    with (workspace / "checks.log").open("w", encoding="utf-8") as log:
        reconciled = subprocess.run(
            [*base, "reconcile", *at], env=env, stdin=subprocess.DEVNULL, stdout=log, stderr=log
        )
        verified = subprocess.run(
            [*base, "verify", "--json", *at],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=log,
            text=True,
        )
    note = "" if reconciled.returncode in (0, 1) else f"reconcile exited {reconciled.returncode}"
    return read_outcome(client, workspace, verified.stdout, note)


def _fan_out_figures(report: Path) -> list[str]:
    """The fan-out's own roll-up figures (requests, seconds, rate against N × the per-location limit)."""
    if not report.is_file():
        return []
    lines = report.read_text(encoding="utf-8").splitlines()
    figures = dict(line[2:].split(": ", 1) for line in lines if line.startswith("- "))
    try:
        requests, seconds = float(figures["requests"]), float(figures["seconds"])
        share = float(figures["share_of_limit"])
    except (KeyError, ValueError):
        return []
    return [
        f"fan-out: {requests:,.0f} requests in {seconds:.1f} s = {requests / max(seconds, 1e-9):.1f}/s "
        f"({share:.0%} of {figures.get('locations', '?')} locations × the per-location limit)"
    ]
