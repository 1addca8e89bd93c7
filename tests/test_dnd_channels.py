"""Per-channel do-not-disturb values land in HighLevel's dndSettings, one status per channel."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.highlevel.catalog import load_catalog
from assistant.mapping.models import TargetObject, TransformKind
from tests.sandbox_process import SandboxHandle, start_sandbox
from tests.test_execute_flow import hlmap, records
from tests.test_execute_support import document, field_map, tiny_workspace

OPT_OUTS = {"C1": ("sí", "no"), "C2": ("no", "sí")}  # (no SMS, no email)


@pytest.fixture()
def sandbox() -> Iterator[SandboxHandle]:
    with start_sandbox(rate_limit=1000, rate_window=1.0) as handle:
        yield handle


def test_catalog_offers_each_channel_of_the_spec() -> None:
    names = {f.name for f in load_catalog().fields("contact")}
    assert {"dndSettings.SMS", "dndSettings.Email", "dndSettings.Call", "dndSettings.WhatsApp"} <= names


def test_channel_opt_outs_become_dnd_settings(
    tmp_path: Path, sandbox: SandboxHandle, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HIGHLEVEL_TOKEN", sandbox.token)
    doc = document()
    c, yes_no = TargetObject.CONTACT, TransformKind.BOOLEAN
    doc.fields += [
        field_map("clients", ["no_sms"], c, "dndSettings.SMS", kind=yes_no),
        field_map("clients", ["no_email"], c, "dndSettings.Email", kind=yes_no),
    ]
    ws = tiny_workspace(tmp_path / "ws", doc)
    con = ws.connect()
    con.execute("ALTER TABLE raw.clients ADD COLUMN no_sms VARCHAR")
    con.execute("ALTER TABLE raw.clients ADD COLUMN no_email VARCHAR")
    for key, (sms, email) in OPT_OUTS.items():
        con.execute("UPDATE raw.clients SET no_sms = ?, no_email = ? WHERE id = ?", [sms, email, key])
    ws.close()
    result = hlmap(ws.root, "apply", "--skip-sample", "--preflight-ok", "--quiet", sandbox=sandbox)
    assert result.exit_code == 0, result.output
    got = {c.get("email"): c.get("dndSettings") for c in records(sandbox, "contacts")}
    assert got["mj.garcia@example.com"] == {"SMS": {"status": "active"}, "Email": {"status": "inactive"}}
    assert got["jl@example.com"] == {"SMS": {"status": "inactive"}, "Email": {"status": "active"}}
    assert got["lucia@example.com"] is None  # no opt-out recorded: nothing sent
