"""Every case's gold map parses and names only what exists: columns in the ingested and profiled
export, custom fields, stages and users in the destination, owner keys in the source."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.evals.cases import discover_cases, load_case
from assistant.evals.gold_models import Gold
from assistant.evals.validate import gold_problems
from assistant.highlevel.state import load_state
from assistant.ingest import ingest_paths
from assistant.profile import profile_workspace
from assistant.workspace import Workspace

CASES_DIR = Path(__file__).resolve().parent.parent / "evals" / "cases"
SEED_CASES = ["contractor_plus", "perfect_books", "stel_order"]
NEW_CASES = [
    "acculynx",
    "activecampaign",
    "agile_crm",
    "arborgold",
    "aroflo",
    "capsule",
    "close",
    "commusoft",
    "copper",
    "dolibarr",
    "espocrm",
    "fergus",
    "fieldpulse",
    "freshbooks",
    "freshsales",
    "gorilladesk",
    "highrise",
    "holded",
    "housecall_pro",
    "hubspot",
    "insightly",
    "invoice_ninja",
    "jobber",
    "jobnimbus",
    "keap",
    "monday_crm",
    "nimble",
    "nutshell",
    "odoo",
    "ontraport",
    "pipedrive",
    "pipeliner",
    "quickbooks_online",
    "salesflare",
    "salesforce",
    "sellsy",
    "service_fusion",
    "servicetitan",
    "servicetrade",
    "simpro",
    "streak",
    "suitecrm",
    "synchroteam",
    "teamleader_focus",
    "tradify",
    "twenty",
    "vtiger_crm",
    "workiz",
    "xero",
    "zendesk_sell",
    "zoho_crm",
    "zoho_invoice",
    "zuper",
]
# every case in the folder is checked, also one a list above forgot (it would otherwise score silently)
ALL_CASES = sorted({*SEED_CASES, *NEW_CASES, "tiny_example", *(c.name for c in discover_cases(CASES_DIR))})


def owner_keys(ws: Workspace, gold: Gold) -> dict[str, set[str]]:
    keys: dict[str, set[str]] = {}
    for table in {obj for obj, _ in gold.owners}:
        if ws.table_exists("raw", table):
            rows = ws.connect().execute(f'SELECT * FROM raw."{table}"').fetchall()
            keys[table] = {str(v) for row in rows for v in row if v is not None}
    return keys


def test_every_case_is_discovered_and_the_seed_cases_use_the_fixtures() -> None:
    names = [c.name for c in discover_cases(CASES_DIR)]
    assert set(SEED_CASES) | {"tiny_example"} <= set(names)
    for name in SEED_CASES:
        case = load_case(CASES_DIR / name)
        assert case.source == (CASES_DIR.parent.parent / "fixtures" / name / "source").resolve()
        assert case.destination.name == "destination.json"


@pytest.mark.parametrize("name", ALL_CASES)
def test_gold_names_only_what_exists(name: str, tmp_path: Path) -> None:
    case = load_case(CASES_DIR / name)
    gold = case.gold()
    ws = Workspace(tmp_path / "ws").ensure()
    try:
        ingest_paths(ws, [case.source])
        profiles = profile_workspace(ws)
        problems = gold_problems(gold, profiles, load_state(case.destination), owner_keys(ws, gold))
    finally:
        ws.close()
    assert problems == []
    assert gold.fields and gold.objects and gold.owners and gold.stages
    assert gold.tags or name not in SEED_CASES


def test_validation_reports_names_that_do_not_exist(tmp_path: Path) -> None:
    case = load_case(CASES_DIR / "tiny_example")
    gold = case.gold()
    gold.fields["customers"]["Nickname"] = gold.fields["customers"]["E-mail"]
    del gold.fields["customers"]["Fax"]
    gold.owners[("staff", "S9")] = ("nobody@example.com",)
    del gold.objects["deals"]
    ws = Workspace(tmp_path / "ws").ensure()
    try:
        ingest_paths(ws, [case.source])
        problems = gold_problems(
            gold, profile_workspace(ws), load_state(case.destination), owner_keys(ws, gold)
        )
    finally:
        ws.close()
    assert "fields.customers.Nickname: no such column" in problems
    assert "fields.customers: column 'Fax' is not covered" in problems
    assert "owners.staff.S9: no such value in staff" in problems
    assert "owners.staff.S9: 'nobody@example.com' is no destination user" in problems
    assert "objects.deals: source object has no object map" in problems
