"""`hlmap apply --manifest`: each client's own export and workspace into its own location, two clients on
the same platform sharing one confirmed map (``map = ...``), through the CLI against a stand-in agency."""

from __future__ import annotations

import csv
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant.cli import app
from assistant.errors import HlmapError
from assistant.execute.fanout_manifest import adopt_maps, read_clients
from assistant.mapping import store
from assistant.mapping.models import Status
from assistant.workspace import Workspace
from tests.sandbox_process import SandboxHandle, start_sandbox

runner = CliRunner()
ROWS = 3


def cli(*args: str) -> str:
    result = runner.invoke(app, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module")
def clients(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two Contractor+ clients with different data: acme confirmed its map, bolt is only ingested."""
    root = tmp_path_factory.mktemp("manifest")
    for name, seed in (("acme", "11"), ("bolt", "12")):
        out = root / "exports" / name
        cli(
            "fixtures",
            "--platform",
            "contractor_plus",
            "--rows",
            str(ROWS),
            "--seed",
            seed,
            "--out",
            str(out),
        )
        cli("ingest", "-w", str(root / name), str(out / "contractor_plus" / "source"))
        cli("profile", "-w", str(root / name))
        cli(
            "target",
            "load",
            "-w",
            str(root / name),
            str(root / "exports/acme/contractor_plus/destination.json"),
        )
    cli("propose", "-w", str(root / "acme"))
    ws = Workspace(root / "acme").ensure()
    doc = store.load(ws)
    for item in doc.items():
        if item.status == Status.PROPOSED:
            item.decide(Status.ACCEPTED, "test")
    store.save_confirmed(ws, doc, by="test")
    ws.close()
    return root


@pytest.fixture(scope="module")
def agency(clients: Path) -> Iterator[SandboxHandle]:
    seed = clients / "exports/acme/contractor_plus/destination.json"
    with start_sandbox(seed=seed, locations=2, rate_limit=2000, rate_window=1.0) as handle:
        yield handle


@pytest.fixture
def root(clients: Path, tmp_path: Path, agency: SandboxHandle, monkeypatch: pytest.MonkeyPatch) -> Path:
    agency.admin("POST", "reset")
    for location in agency.tokens:  # the history maps' conversation provider, installed in every location
        agency.admin("POST", "conversation-providers", {"id": "Prv0History000000001"}, location=location)
    monkeypatch.setenv("HLMAP_EXECUTE__CONVERSATION_PROVIDER_ID", "Prv0History000000001")
    monkeypatch.delenv("HIGHLEVEL_TOKEN", raising=False)
    monkeypatch.setenv("HIGHLEVEL_AGENCY_TOKEN", agency.agency_token)
    monkeypatch.setenv("HLMAP_HIGHLEVEL__REQUESTS_PER_WINDOW", "2000")
    monkeypatch.setenv("HLMAP_HIGHLEVEL__WINDOW_SECONDS", "1")
    folder = tmp_path / "agency"
    for name in ("acme", "bolt"):
        shutil.copytree(clients / name, folder / name)
    return folder


def _manifest(root: Path, agency: SandboxHandle) -> Path:
    first, second = agency.tokens
    path = root / "agency.toml"
    path.write_text(
        f'[[client]]\nworkspace = "acme"\nlocation = "{first}"\n'
        f'[[client]]\nworkspace = "bolt"\nlocation = "{second}"\nmap = "acme/mapping.confirmed.yaml"\n',
        encoding="utf-8",
    )
    return path


def _emails(export: Path) -> set[str]:
    with (export / "clients.csv").open(encoding="utf-8-sig", newline="") as handle:
        return {
            row["Email"].strip().lower() for row in csv.DictReader(handle) if row.get("Email", "").strip()
        }


def test_each_client_lands_its_own_export_and_the_second_runs_the_shared_map(
    root: Path, clients: Path, agency: SandboxHandle
) -> None:
    manifest = _manifest(root, agency)
    run = runner.invoke(app, ["apply", "--manifest", str(manifest), "--base-url", agency.url,
                              "--skip-sample", "--preflight-ok", "--no-verify"])  # fmt: skip
    assert run.exit_code == 0, run.output
    assert "all locations: 2 of 2 done, 0 failed" in run.output
    assert f"{root / 'bolt'}: runs the confirmed map {root / 'acme' / 'mapping.confirmed.yaml'}" in run.output
    shared = (root / "acme" / "mapping.confirmed.yaml").read_text(encoding="utf-8")
    assert (root / "bolt" / "mapping.confirmed.yaml").read_text(encoding="utf-8") == shared
    first, second = agency.tokens
    landed: dict[str, set[str]] = {}
    for name, location in (("acme", first), ("bolt", second)):
        contacts = agency.admin("GET", "records/contacts", location=location)["records"]
        landed[name] = {str(c.get("email") or "").lower() for c in contacts} - {""}
        export = clients / "exports" / name / "contractor_plus" / "source"
        assert landed[name] & _emails(export), name
        text = " ".join(p.read_text(encoding="utf-8-sig").lower() for p in export.glob("*.csv"))
        assert all(email in text for email in landed[name]), name  # nothing from the other client
    assert landed["acme"] != landed["bolt"]  # each location got its own client's data
    again = runner.invoke(app, ["apply", "--manifest", str(manifest), "--base-url", agency.url,
                                "--skip-sample", "--preflight-ok", "--no-verify"])  # fmt: skip
    assert again.exit_code == 0 and "runs the confirmed map" not in again.output  # already there


def test_a_workspace_with_another_confirmed_map_is_refused_not_overwritten(
    root: Path, agency: SandboxHandle
) -> None:
    ws = Workspace(root / "acme")
    doc = store.load_confirmed(ws)
    doc.objects[0].decide(Status.REJECTED, "someone else")
    ws.close()
    (root / "bolt" / "mapping.confirmed.yaml").write_text(store.dump_yaml(doc), encoding="utf-8")
    manifest = _manifest(root, agency)
    with pytest.raises(HlmapError, match=r"client 2: map .*is a different confirmed map; remove one"):
        adopt_maps(manifest, read_clients(manifest))
    run = runner.invoke(
        app, ["apply", "--manifest", str(manifest), "--base-url", agency.url, "--skip-sample"]
    )
    assert run.exit_code != 0 and "different confirmed map" in run.output


def test_a_map_that_is_not_confirmed_is_refused(root: Path, agency: SandboxHandle) -> None:
    doc = store.load(Workspace(root / "acme"))
    doc.confirmed_by = None
    (root / "draft.yaml").write_text(store.dump_yaml(doc), encoding="utf-8")
    manifest = root / "agency.toml"
    manifest.write_text(
        '[[client]]\nworkspace = "bolt"\nlocation = "L1"\nmap = "draft.yaml"\n', encoding="utf-8"
    )
    with pytest.raises(HlmapError, match="not a confirmed map"):
        adopt_maps(manifest, read_clients(manifest))
    assert not (root / "bolt" / "mapping.confirmed.yaml").exists()
