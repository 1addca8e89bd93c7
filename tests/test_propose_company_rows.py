"""A contacts export holding companies and people in one list ('Is a Company' = True / False).

Each row marked a company becomes a HighLevel company (with its own e-mail, phone and address), each
other row a contact, linked to the company its 'Company' column names. Every value on a
company row that no company field holds (its tags) is counted in the plan, never dropped silently.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import duckdb
import pytest
import yaml

from assistant.cli import app
from tests.test_execute_flow import hlmap, runner

COMPANIES = [("Northwind Traders", "hello@northwind.test"), ("Blue Harbor Labs", "office@blueharbor.test")]
PEOPLE = [
    ("Ana Ruiz", "Northwind Traders"),
    ("Bo Chen", "Northwind Traders"),
    ("Cy Dahl", "Blue Harbor Labs"),
    ("Di Evans", ""),
    ("Ed Fox", "Blue Harbor Labs"),
    ("Flo Gray", ""),
]


def _export(folder: Path, kind_column: str, company: str, person: str) -> None:
    folder.mkdir(parents=True)
    with (folder / "partners.csv").open("w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["Partner ID", "Name", kind_column, "Company", "Email", "Phone", "City", "Tags"])
        for i, (name, mail) in enumerate(COMPANIES):
            w.writerow([f"C{i}", name, company, "", mail, f"+1 415 555 01{i}0", "Seattle", "Key account"])
        for i, (name, parent) in enumerate(PEOPLE):
            mail = name.split()[0].lower() + "@example.com"
            w.writerow([f"P{i}", name, person, parent, mail, f"+1 415 555 02{i}1", "Tacoma", ""])


def _planned(tmp_path: Path, kind_column: str, company: str, person: str) -> tuple[Path, dict, str]:
    ws = tmp_path / "ws"
    _export(tmp_path / "src", kind_column, company, person)
    dest = tmp_path / "dest.json"
    dest.write_text(json.dumps({"location": {"id": "loc1", "name": "Shop", "country": "US"}}))
    for args in (
        ["ingest", "-w", str(ws), str(tmp_path / "src")],
        ["profile", "-w", str(ws)],
        ["target", "load", "-w", str(ws), str(dest)],
        ["propose", "-w", str(ws)],
    ):
        result = runner.invoke(app, args, catch_exceptions=False)
        assert result.exit_code == 0, result.output
    doc = yaml.safe_load((ws / "mapping.yaml").read_text())
    every = [
        a
        for kind in ("objects", "fields", "tags")
        for i in doc.get(kind) or []
        for a in ("--accept", "id=" + i["id"])
    ]
    decided = hlmap(ws, "decide", *every, "--confirm-models", "--confirm")
    assert decided.exit_code == 0, decided.output
    planned = hlmap(ws, "plan")
    assert planned.exit_code == 0, planned.output
    return ws, doc, str(planned.output)


@pytest.mark.parametrize(
    ("kind_column", "company", "person"),
    [("Is a Company", "True", "False"), ("Company Type", "company", "person")],
)
def test_company_rows_become_companies_and_people_contacts_linked_to_them(
    tmp_path: Path, kind_column: str, company: str, person: str
) -> None:
    ws, doc, plan = _planned(tmp_path, kind_column, company, person)
    targets = doc["objects"][0]["targets"]
    assert [(t["object"], t["condition"]) for t in targets[:2]] == [
        ("contact", f"'{kind_column}' is not '{company}'"),
        ("company", f"'{kind_column}' is '{company}'"),
    ]
    assert (
        f"'{kind_column}' marks 2 rows '{company}' (companies) and 6 others" in doc["objects"][0]["rationale"]
    )
    fields = {f["id"]: f for f in doc["fields"]}
    named = fields["field:partners.Company"]  # each person's company: its contact's link to it
    assert (named["target"]["object"], named["target"]["field"]) == ("contact", "companyName")
    assert any("2 of 2 names people hold in 'Company'" in e["detail"] for e in named["evidence"])
    assert fields["field:partners.Name@company"]["target"]["field"] == "name"
    assert fields[f"field:partners.{kind_column}"]["target"]["kind"] == "skip"
    con = duckdb.connect(str(ws / "workspace.duckdb"), read_only=True)
    made = con.execute(
        """SELECT target, source_key, json_extract_string("values", '$.name'),
        json_extract_string("values", '$.email'), json_extract_string("values", '$."ref:companyId"')
        FROM exec.records WHERE source_object = 'partners' AND target IN ('company', 'contact')
        ORDER BY ALL"""
    ).fetchall()
    con.close()
    companies = {key: (name, mail) for target, key, name, mail, _ in made if target == "company"}
    assert companies == {
        "C0": ("Northwind Traders", "hello@northwind.test"),
        "C1": ("Blue Harbor Labs", "office@blueharbor.test"),
    }
    contacts = {key: company for target, key, _, _, company in made if target == "contact"}
    assert contacts == {"P0": "C0", "P1": "C0", "P2": "C1", "P3": None, "P4": "C1", "P5": None}
    assert "field:partners.Tags — 2 values: 2 values sit on rows that contact:partners leave out" in plan


def test_a_contacts_list_without_a_kind_column_stays_contacts(tmp_path: Path) -> None:
    _, doc, _ = _planned(tmp_path, "Segment", "Retail", "Retail")
    assert [t["object"] for t in doc["objects"][0]["targets"]][:1] == ["contact"]
    assert not any(
        t["object"] == "company" and t.get("role") == "company_rows" for t in doc["objects"][0]["targets"]
    )


def test_a_business_row_filling_its_person_and_its_company_name_is_named_by_the_company(
    tmp_path: Path,
) -> None:
    src, ws = tmp_path / "src", tmp_path / "ws"
    src.mkdir()
    with (src / "customers.csv").open("w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "first-name", "last-name", "company-name", "company", "email-address"])
        businesses = ["Oakridge Apartments", "Summit Property Group", "Pinecrest Laundromat", "Maple Dental"]
        for i, business in enumerate(businesses):
            w.writerow([f"B{i}", f"Liam{i}", f"Shaw{i}", business, "true", f"office{i}@biz.test"])
        for i in range(8):
            w.writerow([f"P{i}", f"Ana{i}", f"Ruiz{i}", "", "false", f"ana{i}@example.com"])
    dest = tmp_path / "dest.json"
    dest.write_text(json.dumps({"location": {"id": "loc1", "name": "Shop", "country": "US"}}))
    steps = (
        ["ingest", "-w", str(ws), str(src)],
        ["profile", "-w", str(ws)],
        ["target", "load", "-w", str(ws), str(dest)],
    )
    for args in (*steps, ["propose", "-w", str(ws)]):
        result = runner.invoke(app, args, catch_exceptions=False)
        assert result.exit_code == 0, result.output
    doc = yaml.safe_load((ws / "mapping.yaml").read_text())
    named = [
        f
        for f in doc["fields"]
        if f["target"].get("object") == "company" and f["target"].get("field") == "name"
    ]
    # the person on site keeps the first name; the business's own name names its company record
    assert [f["source_columns"] for f in named] == [["company-name"]]
    # the rows name the person reached there: the e-mail stays the contact's, not copied to the company
    targets = [f["target"] for f in doc["fields"]]
    company_fields = {t.get("field") for t in targets if t.get("object") == "company"}
    assert company_fields == {"name"}
    assert "whose e-mail, phone and address stay the contact's" in named[0]["rationale"]
