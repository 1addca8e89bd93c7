"""Each client's workspace up to a confirmed map: ingest, profile, snapshot, then propose and decide
(a client sharing the map of another on the same platform is prepared after it: ``hlmap propose
--shared-map`` keeps every shared decision and proposes additions for the values only its export
holds, decided as any proposal; the manifest names the shared map, which apply runs with them).

Every step is the real ``hlmap`` command in a child process, its output in the client's
``prepare.log``; the screen gets one line per client.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from rich.console import Console

from assistant.demo.agency_clients import Client, owner_of
from assistant.demo.costs import print_rejection_costs, rejection_costs
from assistant.demo.flow import WHO, write_settings
from assistant.demo.pipeline_rehearsal import pipelines_to_create, rehearse_pipeline_setup
from assistant.errors import HlmapError
from assistant.mapping import store
from assistant.mapping.shared import addition_items
from assistant.workspace import CONFIRMED_MAPPING_FILE, Workspace

PARALLEL = 2  # clients prepared side by side (each step is CPU work)


class ClientSteps:
    """Runs ``hlmap`` subcommands for one client, appending their output to its log."""

    def __init__(self, client: Client, root: Path, env: dict[str, str]) -> None:
        self.client, self.root, self.env = client, root, env
        self.workspace = client.workspace(root)
        self.log = self.workspace / "prepare.log"

    def run(self, args: Sequence[str]) -> None:
        command = [sys.executable, "-m", "assistant", *args, "-w", str(self.workspace)]
        with self.log.open("a", encoding="utf-8") as sink:
            sink.write(f"$ hlmap {' '.join(args)} -w {self.workspace}\n")
            sink.flush()
            result = subprocess.run(
                command, env=self.env, stdin=subprocess.DEVNULL, stdout=sink, stderr=subprocess.STDOUT
            )
        if result.returncode != 0:
            raise HlmapError(
                f"{self.client.name}: `hlmap {args[0]}` exited with {result.returncode}; see {self.log}"
            )


def prepare_clients(
    root: Path, clients: list[Client], url: str, env: dict[str, str], console: Console
) -> None:
    """Two clients at a time (the first error stops the demo, naming the client and its log)."""
    child_env = {**os.environ, **env}
    child_env.pop("HIGHLEVEL_TOKEN", None)  # every location is reached with the agency token
    with ThreadPoolExecutor(max_workers=PARALLEL) as pool:
        jobs = [
            pool.submit(_prepare_family, root, f, clients, url, child_env, console)
            for f in client_families(clients)
        ]
        for job in jobs:
            job.result()


def client_families(clients: list[Client]) -> list[list[Client]]:
    """Each client with its own map, followed by the clients that share it (they need it confirmed)."""
    owners = [c for c in clients if not c.map_owner]
    return [[o, *(c for c in clients if c.map_owner == o.name)] for o in owners]


def _prepare_family(
    root: Path, family: list[Client], clients: list[Client], url: str, env: dict[str, str], console: Console
) -> None:
    for client in family:
        _prepare(root, client, clients, url, env, console)


def _prepare(
    root: Path, client: Client, clients: list[Client], url: str, env: dict[str, str], console: Console
) -> None:
    started = time.monotonic()
    steps = ClientSteps(client, root, env)
    steps.workspace.mkdir(parents=True, exist_ok=True)
    owner = owner_of(client, clients)
    write_settings(steps.workspace, owner.export(root) / "destination.json", Console(quiet=True))
    steps.run(["ingest", str(client.export(root) / "source")])
    steps.run(["profile"])
    steps.run(["target", "pull", "--location-id", client.location, "--base-url", url])
    propose = ["propose"]
    if client.map_owner:  # the owner's confirmed map, with additions for values only this export holds
        propose += ["--shared-map", str(owner.workspace(root) / CONFIRMED_MAPPING_FILE)]
    steps.run(propose)
    missing = pipelines_to_create(steps.workspace)
    if missing:  # the plan's setup step, done on this client's location as its admin would
        token = env["HIGHLEVEL_AGENCY_TOKEN"]
        rehearse_pipeline_setup(missing, url=url, token=token, location_id=client.location, console=console)
        steps.run(["target", "pull", "--location-id", client.location, "--base-url", url])
        steps.run(propose)
    rejected = _accept_above_threshold(steps.workspace, steps.log)
    additions = _additions(steps.workspace)
    console.print(
        f"  {client.name}  {client.platform:<16} map {client.map_label():<22} → {client.location}  "
        f"{additions}{rejected}ready in {time.monotonic() - started:.0f} s",
        markup=False,
        highlight=False,
    )


def _additions(workspace: Path) -> str:
    """ "N additions (M accepted) · " for a client running a shared map, else nothing."""
    ws = Workspace(workspace)
    try:
        doc = store.load_confirmed(ws)
    finally:
        ws.close()
    if doc.shared_map is None:
        return ""
    accepted = sum(1 for item in addition_items(doc) if item.confirmed)
    return f"{len(doc.shared_map.additions)} additions ({accepted} accepted) · "


def _accept_above_threshold(workspace: Path, log: Path) -> str:
    """What ``hlmap demo --yes`` decides, without its tables (one client among many); returns what the
    rejections below the threshold leave behind ("" when they leave no source value), each rejection
    with its cost written to the client's log."""
    from assistant.review.session import open_session

    ws = Workspace(workspace)
    try:
        session = open_session(ws, WHO)
        session.accept_above(ws.settings.propose.confidence_threshold, custom_field_models_confirmed=True)
        rejected = session.reject_pending()
        session.confirm()
        with log.open("a", encoding="utf-8") as sink:
            print_rejection_costs(ws, rejected, Console(file=sink, width=200))
        costs = rejection_costs(ws, rejected)
    finally:
        ws.close()
    records, values = sum(c.records for c in costs), sum(c.values for c in costs)
    if not records and not values:
        return ""
    return f"{len(rejected)} rejected below the threshold, leaving {records} records and {values} values · "
