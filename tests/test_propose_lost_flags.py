"""A deals export that closes a lost deal by archiving it ('Is Active' = no, a 'Lost Reason' filled).

No status column says lost: the stage stays where the deal stood. The proposer reads the flag beside
the reason as the deal's status (a proposal the engineer sees, with its counts), and the compiled
opportunities carry status lost on exactly those rows, while a won stage stays won.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import duckdb
import yaml

from assistant.cli import app
from assistant.mapping.models import FieldKind
from tests.test_execute_flow import hlmap, runner

STAGES = ["Prospect", "Proposal", "Closed Won"]


def _export(
    folder: Path, reasons_on_active: bool = False, lost_rows: int = 4, with_reason: bool = True
) -> None:
    """18 deals of 6 people; every third of the first ``3 * lost_rows`` archived with a reason, and the
    last one archived with a reason at the won stage."""
    folder.mkdir(parents=True)
    people = ["Ana Ruiz", "Bo Chen", "Cy Dahl", "Di Evans", "Ed Fox", "Flo Gray"]
    with (folder / "people.csv").open("w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["Person ID", "Full Name", "Email"])
        for i, name in enumerate(people):
            w.writerow([f"P{i + 1}", name, f"{name.split()[0].lower()}@example.com"])
    header = ["Deal ID", "Deal Title", "Person ID", "Stage", "Amount", "Is Active", "Lost Reason"]
    rows = [header]
    for i in range(18):
        lost = (i % 3 == 1 and i < 3 * lost_rows) or i == 17
        reason = "Too expensive" if lost or (reasons_on_active and i % 2 == 0) else ""
        stage = "Closed Won" if i == 17 else STAGES[i % 3]
        person = f"P{i % 6 + 1}"
        rows.append(
            [f"D{i + 1}", f"Deal {i + 1}", person, stage, str(100 * (i + 1)), "no" if lost else "yes", reason]
        )
    with (folder / "deals.csv").open("w", newline="") as f:
        csv.writer(f).writerows(r if with_reason else r[:-1] for r in rows)


def _destination(path: Path) -> Path:
    stages = [{"id": f"st{i}", "name": n, "position": i} for i, n in enumerate([*STAGES, "Lost"])]
    location = {
        "id": "loc1",
        "name": "Shop",
        "country": "US",
        "settings": {"allowDuplicateOpportunity": True},
    }
    state = {"location": location, "pipelines": [{"id": "pl1", "name": "Sales", "stages": stages}]}
    path.write_text(json.dumps(state))
    return path


def _proposed(tmp_path: Path, **shape: bool | int) -> tuple[Path, dict[str, dict[str, object]]]:
    ws = tmp_path / "ws"
    _export(tmp_path / "src", **shape)  # type: ignore[arg-type]
    for args in (
        ["ingest", "-w", str(ws), str(tmp_path / "src")],
        ["profile", "-w", str(ws)],
        ["target", "load", "-w", str(ws), str(_destination(tmp_path / "dest.json"))],
        ["propose", "-w", str(ws)],
    ):
        result = runner.invoke(app, args, catch_exceptions=False)
        assert result.exit_code == 0, result.output
    doc = yaml.safe_load((ws / "mapping.yaml").read_text())
    return ws, {f["id"]: f for f in doc["fields"]}


def test_archived_deals_with_a_lost_reason_are_proposed_lost_and_compile_lost(tmp_path: Path) -> None:
    ws, fields = _proposed(tmp_path)
    flag = fields["field:deals.Is Active"]
    assert flag["target"]["kind"] == FieldKind.STANDARD.value
    assert (flag["target"]["object"], flag["target"]["field"]) == ("opportunity", "status")
    assert flag["transform"]["params"] == {"map": {"no": "lost"}, "when_filled": "Lost Reason"}
    assert flag["status"] == "proposed" and flag["confidence"] >= 0.7
    assert any("5 of 5 archived rows" in e["detail"] for e in flag["evidence"])
    reason = fields["field:deals.Lost Reason"]
    assert reason["target"]["kind"] != FieldKind.SKIP.value  # the reason itself is still carried
    doc = yaml.safe_load((ws / "mapping.yaml").read_text())
    every = [a for kind in ("objects", "fields", "tags", "stages") for i in doc.get(kind) or []
             for a in ("--accept", "id=" + i["id"])]  # fmt: skip
    decided = hlmap(ws, "decide", *every, "--confirm-models", "--confirm")
    assert decided.exit_code == 0, decided.output
    planned = hlmap(ws, "plan")
    assert planned.exit_code == 0, planned.output
    con = duckdb.connect(str(ws / "workspace.duckdb"), read_only=True)
    status = dict(
        con.execute(
            """SELECT source_key, json_extract_string("values", '$.status') FROM exec.records
            WHERE target = 'opportunity'"""
        ).fetchall()
    )
    con.close()
    lost = {k for k, s in status.items() if s == "lost"}
    assert lost == {"D2", "D5", "D8", "D11"}
    won = {k for k, s in status.items() if s == "won"}
    assert len(won) == 6 and any(k.endswith("D18") for k in won)  # archived at a won stage: still won
    assert len(status) == 18 and set(status.values()) == {"open", "lost", "won"}


def test_too_few_archived_rows_or_reasons_on_active_rows_stay_below_the_threshold(tmp_path: Path) -> None:
    _, few = _proposed(tmp_path / "few", lost_rows=1)
    assert few["field:deals.Is Active"]["target"]["field"] == "status"
    assert few["field:deals.Is Active"]["confidence"] < 0.7
    _, mixed = _proposed(tmp_path / "mixed", reasons_on_active=True)
    assert mixed["field:deals.Is Active"]["confidence"] < 0.7
    assert any("active rows hold one" in e["detail"] for e in mixed["field:deals.Is Active"]["evidence"])


def test_without_a_lost_reason_the_active_flag_is_skipped_as_before(tmp_path: Path) -> None:
    _, fields = _proposed(tmp_path, with_reason=False)
    assert fields["field:deals.Is Active"]["target"]["kind"] == FieldKind.SKIP.value
