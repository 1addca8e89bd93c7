"""An export nobody configured, run end to end: a CRM's contacts and leads (the odoo eval case).

Its leads name their customer by display name ('Summit Consulting, Nora Nguyen') and leave it blank
on 10 of 40 rows, which still carry the person's own e-mail; 6 leads are archived with a lost reason
('Active' = False). Its contacts list holds 10 companies and 28 people ('Company Type'); 20 people name
their company ('Related Company'). The run must link each blank-named lead to the contact its e-mail
finds (HighLevel refuses an opportunity without a contact), land the archived leads lost, make each
company row a company with every person naming it linked there, and account for every row.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from pathlib import Path
from typing import Any, NamedTuple

import duckdb
import pytest
import yaml

from assistant.cli import app
from tests.sandbox_process import SandboxHandle, start_sandbox
from tests.test_execute_flow import hlmap, records, runner

CASE = Path(__file__).resolve().parent.parent / "evals" / "cases" / "odoo"


def _decide_all(ws: Path) -> list[str]:
    """What an engineer decides here: every pending proposal accepted, an unmatched owner to a user."""
    doc = yaml.safe_load((ws / "mapping.yaml").read_text())
    args: list[str] = []
    for kind in ("objects", "fields", "owners", "tags", "stages", "holdings", "billings"):
        for item in doc.get(kind) or []:
            if item["status"] != "proposed":
                continue
            if kind == "owners" and not item.get("user_id"):
                args += ["--owner", item["id"].removeprefix("owner:") + "=fallback:sofia@lumenstudio.com"]
            else:
                args += ["--accept", "id=" + item["id"]]
    return args


def _prepare(ws: Path, sandbox: SandboxHandle) -> str:
    for step in (("ingest", str(CASE / "source")), ("profile",)):
        result = hlmap(ws, *step)
        assert result.exit_code == 0, result.output
    where = ["--location-id", sandbox.location_id, "--base-url", sandbox.url]
    pulled = runner.invoke(app, ["target", "pull", "-w", str(ws), *where], catch_exceptions=False)
    assert pulled.exit_code == 0, pulled.output
    proposed = hlmap(ws, "propose")
    assert proposed.exit_code == 0, proposed.output
    decided = hlmap(ws, "decide", *_decide_all(ws), "--confirm-models", "--confirm")
    assert decided.exit_code == 0, decided.output
    plan = hlmap(ws, "plan")
    assert plan.exit_code == 0, plan.output
    return str(plan.output)


class Run(NamedTuple):
    plan: str
    reconciled: str
    ws: Path
    made: dict[str, list[dict[str, Any]]]  # the stand-in's records per table


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Run:
    ws = tmp_path_factory.mktemp("odoo") / "ws"
    with (
        pytest.MonkeyPatch.context() as mp,
        start_sandbox(seed=CASE / "destination.json", rate_limit=5000) as sb,
    ):
        mp.setenv("HIGHLEVEL_TOKEN", sb.token)
        mp.setenv("HLMAP_MEMORY__PATH", str(ws.parent / "memory.yaml"))
        mp.setenv("HLMAP_HIGHLEVEL__REQUESTS_PER_WINDOW", "5000")
        plan = _prepare(ws, sb)
        applied = hlmap(ws, "apply", "--skip-sample", "--preflight-ok", "--no-verify", sandbox=sb)
        assert applied.exit_code == 0, applied.output
        reconciled = hlmap(ws, "reconcile", sandbox=sb)
        made = {t: records(sb, t) for t in ("businesses", "contacts", "opportunities")}
    return Run(plan, str(reconciled.output), ws, made)


def test_leads_with_a_blank_customer_reach_the_contact_their_email_finds(run: Run) -> None:
    plan, _, ws, made = run
    assert "crm_lead: 10 of 10 rows with a blank 'Customer' and an e-mail link to the res_partner row" in plan
    con = duckdb.connect(str(ws / "workspace.duckdb"), read_only=True)
    blank = con.execute(
        """SELECT count(*) FILTER (WHERE e.source_key IS NOT NULL), count(*) FROM raw.crm_lead s
        LEFT JOIN exec.transform_errors e ON e.source_object = 'crm_lead' AND e."row" = s."_row"
        AND e.field = 'contactId' WHERE nullif(trim(s."Customer"), '') IS NULL"""
    ).fetchone()
    # the lead with a blank name whose e-mail is Ruby Ellis's goes to Ruby Ellis's contact
    ruby = con.execute(
        """SELECT DISTINCT json_extract_string(r."values", '$."ref:contactId"') FROM exec.records r
        JOIN raw.crm_lead s ON s."_row" = r."row" WHERE r.source_object = 'crm_lead'
        AND s."Email" = 'ruby.ellis@example.com'"""
    ).fetchall()
    partner = con.execute("""SELECT "ID" FROM raw.res_partner WHERE "Email" = 'ruby.ellis@example.com'""")
    assert ruby == partner.fetchall()
    con.close()
    assert blank == (0, 10)  # none held for want of a contact
    assert all(o.get("contactId") for o in made["opportunities"])
    # the leads kept as notes (one opportunity per contact and pipeline) are not rows carrying nothing
    assert not re.search(r"opportunity:crm_lead: \d+ source rows carry nothing", plan)
    assert "kept as a note on its contact" in plan


def test_company_rows_land_as_companies_and_their_people_link_to_them(run: Run) -> None:
    plan, _, ws, made = run
    con = duckdb.connect(str(ws / "workspace.duckdb"), read_only=True)
    companies = [
        str(r[0])
        for r in con.execute(
            """SELECT "Name" FROM raw.res_partner WHERE "Company Type" = 'Company'"""
        ).fetchall()
    ]
    con.close()
    names = Counter(str(b["name"]) for b in made["businesses"])
    assert len(companies) == 10 and names == Counter(companies), names  # one company per company row
    people = {f"{c.get('firstName', '')} {c.get('lastName', '')}".strip() for c in made["contacts"]}
    assert len(made["contacts"]) == 28 and not people & set(companies)  # no company became a contact
    made_per_pass = re.search(r"company:res_partner\W+(\d+)\W+(\d+)\W+38\b", plan)
    assert made_per_pass is not None and made_per_pass.groups() == ("10", "10")  # records, requests
    assert "rows name 4 companies that several rows share" not in plan  # rows are companies: no folding
    cedar = next(str(b["id"]) for b in made["businesses"] if b["name"] == "Cedar Consulting")
    linked = [c for c in made["contacts"] if c.get("businessId") == cedar]
    assert len(linked) == 5  # every person whose 'Related Company' is Cedar Consulting
    assert sum(1 for c in made["contacts"] if c.get("businessId")) == 20  # each person naming a company


def test_every_row_is_accounted_and_the_run_is_clean(run: Run) -> None:
    _, reconciled, ws, _ = run
    assert "Source accounting (every row of the export): clean" in reconciled
    # six company rows hold phones no numbering plan has ('885-960-4440'): the companies land without
    # them and each rides on a note on the company's first contact, so no value is lost
    with (ws / "reports" / "values-lost.csv").open(encoding="utf-8") as fh:
        assert list(csv.DictReader(fh)) == []
    con = duckdb.connect(str(ws / "workspace.duckdb"), read_only=True)
    carried = con.execute(
        """SELECT count(*), count(DISTINCT "row") FROM exec.carried_errors
        WHERE source_object = 'res_partner' AND target = 'company' AND field = 'phone'"""
    ).fetchone()
    notes = con.execute(
        "SELECT count(*) FROM exec.records WHERE target = 'refused_values' AND source_object = 'res_partner'"
    ).fetchone()
    con.close()
    assert carried == (6, 6) and notes == (6,)
    con = duckdb.connect(str(ws / "workspace.duckdb"), read_only=True)
    outcomes = dict(
        con.execute(
            "SELECT outcome, count(*) FROM exec.accounting WHERE source_table = 'res_partner' GROUP BY 1"
        ).fetchall()
    )
    told = con.execute(  # a person's own outcome is its contact's, not its shared company's
        "SELECT count(*) FROM exec.accounting WHERE source_table = 'res_partner' AND policy IS NOT NULL"
    ).fetchone()
    folded = con.execute(
        """SELECT count(*) FROM exec.accounting_parts WHERE record = 'company:res_partner'
        AND outcome = 'merged' AND policy = 'one-company-per-name'"""
    ).fetchone()
    con.close()
    assert outcomes == {"landed": 38}  # each person as a contact, each company row as a company
    assert folded == (0,) and told == (0,)


def test_archived_leads_with_a_lost_reason_land_lost_and_won_ones_won(run: Run) -> None:
    _, _, ws, made = run
    status_of = {str(o["id"]): str(o["status"]) for o in made["opportunities"]}
    con = duckdb.connect(str(ws / "workspace.duckdb"), read_only=True)
    landed = con.execute(  # each lead that became an opportunity, with what its row says
        """SELECT DISTINCT s."ID", s."Stage", s."Active", s."Lost Reason", l.hl_id FROM exec.ledger l
        JOIN raw.crm_lead s ON s."ID" = l.source_key
        WHERE l.object = 'opportunity' AND l.op_id LIKE 'opportunity:%' AND l.status = 'done'"""
    ).fetchall()
    con.close()
    got = Counter(
        ("archived with a reason" if active == "False" and reason else stage, status_of[hl_id])
        for _, stage, active, reason, hl_id in landed
    )
    lost = {k: n for k, n in got.items() if k[0] == "archived with a reason"}
    assert lost and set(lost) == {("archived with a reason", "lost")}, got
    assert got[("Won", "won")] >= 1 and not [k for k in got if k[0] == "Won" and k[1] != "won"], got
    assert not [k for k in got if k[0] in ("New", "Qualified", "Proposition") and k[1] != "open"], got
