"""Long text is never cut: long notes go in numbered parts, over-long field values move to a note."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.execute.long_text import split_note
from assistant.highlevel.limits import TEXT_FIELD_MAX, note_body_max
from tests.sandbox_process import SandboxHandle, start_sandbox
from tests.test_execute_flow import hlmap, records
from tests.test_execute_support import tiny_workspace

WORDS = " ".join(f"palabra{i}" for i in range(1500))  # about 15,000 characters of words
VAT = "B" + "0123456789 " * 30  # 331 characters: past a single-line text field


@pytest.fixture(scope="module")
def sandbox() -> Iterator[SandboxHandle]:
    with start_sandbox(rate_limit=1000, rate_window=1.0) as handle:
        yield handle


@pytest.fixture()
def fresh(sandbox: SandboxHandle) -> SandboxHandle:
    sandbox.admin("POST", "reset")
    return sandbox


def _unheaded(part: str) -> str:
    return re.sub(r"^\(part \d+ of \d+\)\n", "", part)


def test_split_keeps_every_character_within_the_bound() -> None:
    parts = split_note(WORDS, 5000)
    assert len(parts) == 4 and all(len(p) <= 5000 for p in parts)
    assert parts[0].startswith("(part 1 of 4)\n") and parts[-1].startswith("(part 4 of 4)\n")
    assert "".join(_unheaded(p) for p in parts) == WORDS
    assert all(not _unheaded(p).startswith("alabra") for p in parts)  # breaks fall between words
    assert split_note("short") == ["short"]


def test_stand_in_refuses_what_highlevel_would_not_keep(fresh: SandboxHandle) -> None:
    with fresh.client() as http:
        made = http.post("/contacts/", json={"locationId": fresh.location_id, "firstName": "Ana"})
        cid = made.json()["contact"]["id"]
        long_note = http.post(f"/contacts/{cid}/notes", json={"body": "x" * (note_body_max() + 1)})
        assert long_note.status_code == 422
        assert f"shorter than or equal to {note_body_max()}" in str(long_note.json()["message"])
        assert http.post(f"/contacts/{cid}/notes", json={"body": "x" * note_body_max()}).status_code == 201
        field = {"id": "Fld0Source0000000001", "field_value": "y" * (TEXT_FIELD_MAX + 1)}
        body = {"locationId": fresh.location_id, "name": "Roof", "status": "open", "contactId": cid,
                "pipelineId": "Pip0Sales00000000001", "customFields": [field]}  # fmt: skip
        refused = http.post("/opportunities/", json=body)
        assert refused.status_code == 422 and f"{TEXT_FIELD_MAX} characters" in str(refused.json())


def _workspace(root: Path) -> Path:
    ws = tiny_workspace(root)
    con = ws.connect()
    con.execute("UPDATE raw.jobs SET notes = ? WHERE id = 'J1'", [WORDS])
    con.execute("UPDATE raw.clients SET vat = ? WHERE id = 'C1'", [VAT])
    ws.close()
    return ws.root


def test_plan_counts_the_values_too_long_for_highlevel(tmp_path: Path) -> None:
    plan = hlmap(_workspace(tmp_path / "ws"), "plan")
    assert plan.exit_code == 0, plan.output
    flat = " ".join(plan.output.split())
    assert "note:jobs: 1 note bodies longer than HighLevel's 5000 characters go in numbered parts" in flat
    assert "3 continuation notes" in flat
    assert "field contact.vat_number: 1 values longer than the field's 255 characters move" in flat


def test_apply_carries_long_text_whole_and_once(
    tmp_path: Path, fresh: SandboxHandle, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HIGHLEVEL_TOKEN", fresh.token)
    ws = _workspace(tmp_path / "ws")
    result = hlmap(ws, "apply", "--skip-sample", "--preflight-ok", "--quiet", sandbox=fresh)
    assert result.exit_code == 0, result.output
    contact = next(c for c in records(fresh, "contacts") if c.get("email") == "mj.garcia@example.com")
    notes = [str(n["body"]) for n in records(fresh, "notes") if n["contactId"] == contact["id"]]
    parts = sorted(n for n in notes if n.startswith("(part "))
    assert len(parts) == 4 and "".join(_unheaded(p) for p in parts) == WORDS
    moved = [n for n in notes if n.startswith("contact.vat_number (longer than")]
    assert len(moved) == 1 and moved[0].endswith(VAT.strip())
    vat = next(f["id"] for f in records(fresh, "customFields") if f.get("fieldKey") == "contact.vat_number")
    assert vat not in {v["id"] for v in contact.get("customFields", [])}  # the field stays empty, not cut
    held = len(records(fresh, "notes"))
    again = hlmap(ws, "apply", "--skip-sample", "--preflight-ok", "--quiet", sandbox=fresh)
    assert again.exit_code == 0, again.output
    assert len(records(fresh, "notes")) == held  # a second run sends no part twice
