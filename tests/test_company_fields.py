"""Company custom fields against the stand-in: the folder HighLevel files them in, their values on the
company's record, and what a run says when a field cannot be created or an opportunity has no name."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from assistant.cli import app
from assistant.mapping.items import CustomFieldSpec, MappingDocument
from assistant.mapping.models import DataType, FieldModel, TargetObject
from tests.sandbox_process import SandboxHandle, start_sandbox
from tests.test_execute_support import document, field_map, tiny_workspace

runner = CliRunner()
COMPANY_VAT = "vat"  # the clients' column: C2 and C4 hold a company, with VAT numbers B2 and B4


@pytest.fixture()
def sandbox(monkeypatch: pytest.MonkeyPatch) -> Iterator[SandboxHandle]:
    with start_sandbox(rate_limit=1000, rate_window=1.0) as handle:
        monkeypatch.setenv("HIGHLEVEL_TOKEN", handle.token)
        yield handle


def hlmap(ws: Path, sandbox: SandboxHandle | None, *args: str) -> Any:
    extra = ["--location-id", sandbox.location_id, "--base-url", sandbox.url] if sandbox else []
    return runner.invoke(app, [args[0], "-w", str(ws), *args[1:], *extra], catch_exceptions=False)


def records(sandbox: SandboxHandle, table: str) -> list[dict[str, Any]]:
    return list(sandbox.admin("GET", f"records/{table}")["records"])


def with_company_vat(field_key: str) -> MappingDocument:
    """The tiny map, its clients' VAT number also on their company, in a new company custom field."""
    doc = document()
    spec = CustomFieldSpec(
        name="VAT number",
        field_key=field_key,
        data_type=DataType.TEXT,
        model=FieldModel.COMPANY,
        model_reason="the VAT number is the company's",
    )
    doc.fields.append(
        field_map("clients", [COMPANY_VAT], TargetObject.COMPANY, custom=spec, suffix="@company")
    )
    return doc


def test_company_fields_get_a_folder_and_their_values_land_on_the_company(
    tmp_path: Path, sandbox: SandboxHandle
) -> None:
    """The location has no company custom field, so no folder for one: the run makes the folder, the
    field in it, writes each company's value on its record, reads it back; a rollback removes all three."""
    assert not [f for f in records(sandbox, "fieldFolders") if f["objectKey"] == "business"]
    ws = tiny_workspace(tmp_path / "ws", with_company_vat("business.vat_number"))
    result = hlmap(ws.root, sandbox, "apply", "--skip-sample", "--preflight-ok", "--quiet")
    assert result.exit_code == 0, result.output
    assert "no field folder" not in result.output
    folders = [f for f in records(sandbox, "fieldFolders") if f["objectKey"] == "business"]
    assert [f["name"] for f in folders] == ["Imported fields"]
    fields = [f for f in records(sandbox, "objectFields") if f["fieldKey"] == "business.vat_number"]
    assert [f["parentId"] for f in fields] == [folders[0]["id"]]
    companies = {b["id"]: b["name"] for b in records(sandbox, "businesses")}
    values = {
        companies[r["id"]]: r["properties"]["vat_number"]
        for r in records(sandbox, "records")
        if r["schemaKey"] == "business"
    }
    assert values == {"Reformas Rodríguez SL": "B2", "Construcciones Sánchez": "B4"}, values
    verify = hlmap(ws.root, sandbox, "verify")
    assert verify.exit_code == 0, verify.output
    assert "properties.vat_number" not in verify.output  # no value of it differs or is missing
    assert hlmap(ws.root, sandbox, "rollback", "--yes").exit_code == 0
    assert not [f for f in records(sandbox, "fieldFolders") if f["objectKey"] == "business"]
    assert not [f for f in records(sandbox, "objectFields") if f["fieldKey"] == "business.vat_number"]
    assert not [r for r in records(sandbox, "records") if r["schemaKey"] == "business"]


def test_a_company_field_highlevel_refuses_counts_its_values_lost_and_the_plan_names_it(
    tmp_path: Path, sandbox: SandboxHandle
) -> None:
    """A field key outside its object's namespace is refused by HighLevel: the company lands without the
    value, which reconcile counts lost (never clean) and the plan's checklist names."""
    ws = tiny_workspace(tmp_path / "ws", with_company_vat("vat_number"))
    result = hlmap(ws.root, sandbox, "apply", "--skip-sample", "--preflight-ok", "--quiet")
    assert "custom field vat_number:" in " ".join(result.output.split())
    reconcile = hlmap(ws.root, sandbox, "reconcile")
    assert reconcile.exit_code == 1, reconcile.output
    assert "NOT clean" in reconcile.output
    with (ws.root / "reports" / "values-lost.csv").open(encoding="utf-8") as handle:
        lost = [row for row in csv.DictReader(handle) if row["field"] == "vat_number"]
    assert sorted((r["source_table"], r["record"], r["row"]) for r in lost) == [
        ("clients", "company", "2"),
        ("clients", "company", "4"),
    ], lost
    assert "custom field vat_number is not in HighLevel" in lost[0]["why"]
    plan = hlmap(ws.root, None, "plan")
    assert "the last apply could not create vat_number" in " ".join(plan.output.split())


def test_an_opportunity_with_nothing_mapped_to_its_name_is_held_with_the_reason(
    tmp_path: Path, sandbox: SandboxHandle
) -> None:
    """HighLevel refuses an opportunity without a name (422); the plan says so and holds the rows
    instead of sending creates that fail."""
    with sandbox.client() as http:
        answer = http.post(
            "/opportunities/",
            json={"locationId": sandbox.location_id, "pipelineId": "Pip0Sales00000000001", "status": "open"},
        )
    assert answer.status_code == 422 and "name should not be empty" in answer.text, answer.text
    doc = document()
    doc.fields = [f for f in doc.fields if not (f.source_object == "quotes" and f.target.field == "name")]
    ws = tiny_workspace(tmp_path / "ws", doc)
    plan = hlmap(ws.root, None, "plan")
    reason = "HighLevel requires name for an opportunity and nothing is mapped to it"
    assert reason in " ".join(plan.output.split()), plan.output
    result = hlmap(ws.root, sandbox, "apply", "--skip-sample", "--preflight-ok", "--quiet")
    assert "422" not in result.output
    assert not records(sandbox, "opportunities")
    reconcile = hlmap(ws.root, sandbox, "reconcile")
    assert reconcile.exit_code == 1 and "NOT clean" in reconcile.output
    with (ws.root / "reports" / "accounting.csv").open(encoding="utf-8") as handle:
        held = [r for r in csv.DictReader(handle) if r["source_table"] == "quotes"]
    assert held and all(reason in str(r) for r in held), held
