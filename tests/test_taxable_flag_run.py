"""A Contractor-style "Taxable" Yes/No line column, end to end: proposed as the line's tax flag,
never sent as a rate; with ``execute.tax_rate`` set, HighLevel's estimate totals are the source's.

Each estimate has two lines, one marked Yes and one No; its Tax is 8.25 % of the taxable line and its
Total adds both. Before, the column was skipped (every line went untaxed, each total short of its
tax); read as a number it would have been no rate at all, and as a boolean 1 a 1 % tax.
"""

from __future__ import annotations

import csv
import json
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from assistant.cli import app
from tests.sandbox_process import SandboxHandle, sandbox_fixture

REPO_ROOT = Path(__file__).resolve().parent.parent
DESTINATION = REPO_ROOT / "fixtures" / "contractor_plus" / "destination.json"
runner = CliRunner()
sandbox = sandbox_fixture(seed=DESTINATION, rate_limit=100_000)
CLIENTS = [
    (f"CL-{100 + i}", f"Client{i} Person", f"client{i}@example.com", f"(512) 555-01{i:02d}") for i in range(6)
]
PRICES = [(Decimal(f"{10 + 7 * i}.15"), Decimal(f"{40 + 3 * i}.00")) for i in range(6)]  # (taxable, not)


def _write(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as out:
        csv.writer(out).writerows([header, *rows])


def _export(root: Path) -> Path:
    src = root / "export"
    src.mkdir()
    _write(src / "clients.csv", ["Client ID", "Client Name", "Email", "Phone"], [list(c) for c in CLIENTS])
    estimates, lines = [], []
    for i, ((client, *_), (taxed, free)) in enumerate(zip(CLIENTS, PRICES, strict=True)):
        number = f"E-{500 + i}"
        tax = (taxed * Decimal("0.0825")).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        row = [
            number,
            client,
            f"05/{10 + i:02d}/2024",
            "Sent",
            f"${taxed + free}",
            f"${tax}",
            f"${taxed + free + tax}",
        ]
        estimates.append(row)
        lines += [[number, "Labor", "1", f"${taxed}", "Yes"], [number, "Permit Fee", "1", f"${free}", "No"]]
    header = ["Estimate #", "Client ID", "Estimate Date", "Status", "Subtotal", "Tax", "Total"]
    _write(src / "estimates.csv", header, estimates)
    _write(
        src / "estimate_line_items.csv",
        ["Estimate #", "Item Name", "Quantity", "Unit Price", "Taxable"],
        lines,
    )
    return src


def hlmap(*args: str, env: dict[str, str] | None = None) -> Any:
    return runner.invoke(app, list(args), catch_exceptions=False, env=env)


@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("taxable")
    src, ws = _export(root), str(root / "ws")
    for step in (["ingest", str(src)], ["profile"], ["target", "load", str(DESTINATION)], ["propose"]):
        result = hlmap(*step, "-w", ws)
        assert result.exit_code == 0, result.output
    assert hlmap("decide", "--accept-above", "0.7", "-w", ws).exit_code == 0
    rejected = [
        a for k in ("field", "object", "tag", "stage", "owner", "billing") for a in ("--reject", f"kind={k}")
    ]
    decided = hlmap("decide", *rejected, "--confirm", "-w", ws)
    assert decided.exit_code == 0, decided.output
    return root / "ws"


def test_the_taxable_column_is_proposed_as_the_lines_tax_flag(ws: Path) -> None:
    doc = yaml.safe_load((ws / "mapping.yaml").read_text(encoding="utf-8"))
    [flag] = [f for f in doc["fields"] if f["id"] == "field:estimate_line_items.Taxable"]
    assert (flag["target"]["object"], flag["target"]["field"], flag["status"]) == (
        "estimate",
        "taxRate",
        "accepted",
    )
    assert "never sent as a rate" in flag["rationale"] and "execute.tax_rate" in flag["rationale"]


def test_without_a_rate_the_plan_says_what_to_set(ws: Path) -> None:
    planned = hlmap("plan", "-w", str(ws), env={"COLUMNS": "400"})
    said = " ".join(planned.output.split())
    assert (
        "6 taxable have no rate (no rate column is mapped) and go without tax: set execute.tax_rate" in said
    )
    offered = (
        "the documents' own totals imply 8.25 %: it gives the stated tax of 6 of 6; execute.tax_rate = 8.25"
    )
    assert offered in said  # offered from the documents' own totals, never applied


def test_with_the_rate_set_highlevel_totals_are_the_sources(
    ws: Path, sandbox: SandboxHandle, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HIGHLEVEL_TOKEN", sandbox.token)
    monkeypatch.setenv("HLMAP_EXECUTE__TAX_RATE", "8.25")
    at = ["--location-id", sandbox.location_id, "--base-url", sandbox.url]
    applied = hlmap("apply", "-w", str(ws), *at, "--skip-sample", "--preflight-ok", "--quiet", "--no-verify")
    assert "estimate:estimates" in applied.output, applied.output
    made = {e["name"].split(" ")[1]: e for e in sandbox.admin("GET", "records/estimates")["records"]}
    first = made["E-500"]
    assert [[t["rate"] for t in i.get("taxes") or []] for i in first["items"]] == [[8.25], []]
    with (ws.parent / "export" / "estimates.csv").open(encoding="utf-8") as f:
        stated = {r["Estimate #"]: float(r["Total"].strip("$")) for r in csv.DictReader(f)}
    assert {n: e["total"] for n, e in made.items()} == stated
    verified = hlmap("verify", "-w", str(ws), *at, "--json")
    totals = json.loads(verified.output[verified.output.index("{") :])["document_totals"]
    assert [(t["status"], t["native_n"], t["differs"]) for t in totals] == [("sent", 6, False)]
    assert sandbox.admin("GET", "state")["counts"]["customerMessages"] == 0
