"""Country values travel as ISO 3166 alpha-2 codes; a name nobody can read is reported per record."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.mapping.models import TargetObject
from assistant.transforms.countries import country_code
from tests.sandbox_process import SandboxHandle, start_sandbox
from tests.test_execute_flow import hlmap, records
from tests.test_execute_support import document, field_map, tiny_workspace

COUNTRIES = {
    "C1": "España",
    "C2": "Deutschland",
    "C3": "Royaume-Uni",
    "C4": "Narnia",
    "C5": "Itália",
    "C6": "usa",
}


@pytest.fixture()
def sandbox() -> Iterator[SandboxHandle]:
    with start_sandbox(rate_limit=1000, rate_window=1.0) as handle:
        yield handle


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Estados Unidos", "US"), ("Allemagne", "DE"), ("Svizzera", "CH"), ("Schweiz", "CH"),
        ("Países Baixos", "NL"), ("Reino Unido", "GB"), ("FR", "FR"), ("méxico", "MX"), ("U.S.A.", "US"),
    ],
)  # fmt: skip
def test_names_in_each_vocabulary_language_become_codes(name: str, code: str) -> None:
    assert country_code(name) == (code, None)


def test_unknown_name_is_an_error_not_a_guess() -> None:
    value, error = country_code("Narnia")
    assert value is None and error and "Narnia" in error


def test_contacts_carry_codes_and_failures_are_listed_per_record(
    tmp_path: Path, sandbox: SandboxHandle, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HIGHLEVEL_TOKEN", sandbox.token)
    doc = document()
    doc.fields.append(field_map("clients", ["country"], TargetObject.CONTACT, "country"))
    ws = tiny_workspace(tmp_path / "ws", doc)
    con = ws.connect()
    con.execute("ALTER TABLE raw.clients ADD COLUMN country VARCHAR")
    for key, name in COUNTRIES.items():
        con.execute("UPDATE raw.clients SET country = ? WHERE id = ?", [name, key])
    ws.close()
    plan = hlmap(ws.root, "plan")
    assert plan.exit_code == 0, plan.output
    printed = " ".join(plan.output.split())  # the line may wrap: the examples make it long
    # the contact goes without it; the value rides on a note on the contact (``refused_values``)
    assert "clients: 4 values HighLevel would refuse in their field (country 1, " in printed
    errors = (
        ws.connect()
        .execute("SELECT source_key, error FROM exec.carried_errors WHERE field = 'country'")
        .fetchall()
    )
    assert [(k, "Narnia" in e) for k, e in errors] == [("C4", True)]
    ws.close()
    assert (
        hlmap(ws.root, "apply", "--skip-sample", "--preflight-ok", "--quiet", sandbox=sandbox).exit_code == 0
    )
    got = {c.get("email"): c.get("country") for c in records(sandbox, "contacts")}
    assert got["mj.garcia@example.com"] == "ES" and got["jl@example.com"] == "DE"
    assert got["lucia@example.com"] == "IT" and got["carlos@example.com"] == "US"
    assert got["pedro@example.com"] is None


def test_stand_in_drops_a_country_name_silently(sandbox: SandboxHandle) -> None:
    with sandbox.client(timeout=10) as api:
        body = {"locationId": sandbox.location_id, "email": "n@example.com", "country": "Spain"}
        created = api.post("/contacts/", json=body)
        assert created.status_code < 300 and "country" not in created.json()["contact"]
