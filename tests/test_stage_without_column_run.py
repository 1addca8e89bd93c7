"""A deals export with no stage or status column, run end to end against the stand-in process.

HighLevel files every opportunity in a pipeline at a stage. The export's 4 deals say nothing of where
they stand, and the stand-in's location has two pipelines (Sales, Service), neither named for deals:
``propose`` leaves the table's stage for the engineer to pick (``stage:deals``, flagged), ``hlmap
decide --stage deals=Sales/New`` picks it, the plan says where every deal starts, and every deal lands
in that pipeline at that stage, read back by the run's verification.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from assistant.cli import app
from tests.sandbox_process import TEST_DESTINATION, start_sandbox
from tests.test_execute_flow import hlmap, records, runner

CONTACTS = """id,first name,last name,email
1,Nora,Nguyen,nora@example.com
2,Omar,Haddad,omar@example.com
3,Lena,Park,lena@example.com
4,Ravi,Shah,ravi@example.com
"""
DEALS = """id,deal name,contact id,amount
D1,Kitchen remodel,1,12500.00
D2,Roof repair,2,4300.50
D3,Deck build,3,8900.00
D4,Window replacement,4,2100.00
"""
SALES = TEST_DESTINATION["pipelines"][0]


def _pending_accepted(ws: Path, but: str) -> list[str]:
    doc = yaml.safe_load((ws / "mapping.yaml").read_text(encoding="utf-8"))
    sections = ("objects", "fields", "tags", "stages", "owners", "holdings", "billings")
    items = [i for kind in sections for i in doc.get(kind) or [] if i["status"] == "proposed"]
    return [arg for i in items if i["id"] != but for arg in ("--accept", f"id={i['id']}")]


def test_every_deal_of_a_table_without_a_stage_column_lands_at_the_decided_stage(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source, ws = tmp_path / "export", tmp_path / "ws"
    source.mkdir()
    (source / "contacts.csv").write_text(CONTACTS, encoding="utf-8")
    (source / "deals.csv").write_text(DEALS, encoding="utf-8")
    with start_sandbox(rate_limit=5000, rate_window=1.0) as sb:
        monkeypatch.setenv("HIGHLEVEL_TOKEN", sb.token)
        monkeypatch.setenv("HLMAP_HIGHLEVEL__REQUESTS_PER_WINDOW", "5000")
        for step in (("ingest", str(source)), ("profile",)):
            assert hlmap(ws, *step).exit_code == 0
        where = ["--location-id", sb.location_id, "--base-url", sb.url]
        pulled = runner.invoke(app, ["target", "pull", "-w", str(ws), *where], catch_exceptions=False)
        assert pulled.exit_code == 0, pulled.output
        assert hlmap(ws, "propose").exit_code == 0
        proposed = {s["id"]: s for s in yaml.safe_load((ws / "mapping.yaml").read_text())["stages"]}
        assert proposed["stage:deals"]["flagged"] and proposed["stage:deals"]["confidence"] < 0.7
        assert [a["target"] for a in proposed["stage:deals"]["alternatives"]] == [
            "Sales / New",
            "Service / Booked",
        ]

        accepted = _pending_accepted(ws, but="stage:deals")
        decided = hlmap(ws, "decide", "--who", "ana", "--stage", "deals=Sales/New", *accepted,
                        "--confirm-models", "--confirm")  # fmt: skip
        assert decided.exit_code == 0, decided.output
        assert "stage: stage:deals → Sales › New (open)" in decided.output
        plan = hlmap(ws, "plan")
        assert plan.exit_code == 0, plan.output
        assert (
            "deals: 4 opportunities start at Sales / New (open), as decided by ana in stage:deals"
            in " ".join(plan.output.split())
        )
        assert "HighLevel requires pipelineId" not in plan.output

        applied = hlmap(ws, "apply", "--skip-sample", "--preflight-ok", "--quiet", sandbox=sb)
        assert applied.exit_code == 0, applied.output  # clean: every row landed and was read back
        made = records(sb, "opportunities")
    placed = sorted((o["name"], o["pipelineId"], o["pipelineStageId"], o["status"]) for o in made)
    new = SALES["stages"][0]["id"]
    assert placed == [
        ("Deck build", SALES["id"], new, "open"),
        ("Kitchen remodel", SALES["id"], new, "open"),
        ("Roof repair", SALES["id"], new, "open"),
        ("Window replacement", SALES["id"], new, "open"),
    ]
