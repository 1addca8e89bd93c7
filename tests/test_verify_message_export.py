"""History messages are read back through the location-wide message export, within the read budget.

The tiny history migration (calls and e-mails of two clients) runs with the default read share: a
handful of writes buys too few reads for one request per conversation, yet the export's two passes
(every message but e-mails, then e-mails) read every message back, and a message HighLevel does not
return is missing, not unread. A pass cut short by the budget leaves what it did not reach unread.
"""

from __future__ import annotations

import asyncio
import math
from pathlib import Path

import pytest

from assistant.execute.verify.messages import location_messages
from assistant.highlevel import api_conversations
from assistant.highlevel.auth import Secret
from assistant.highlevel.client import HighLevelClient
from tests.sandbox_process import SandboxHandle, sandbox_fixture
from tests.test_history_messages import history_workspace, hlmap
from tests.test_sandbox_message_export import _history

sandbox = sandbox_fixture(rate_limit=100_000)
MESSAGE_ROWS = "SELECT field, outcome, count(*) FROM exec.verification WHERE object = 'message' GROUP BY ALL"


def test_every_message_is_compared_for_a_few_reads(
    tmp_path: Path, sandbox: SandboxHandle, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HIGHLEVEL_TOKEN", sandbox.token)
    provider = sandbox.admin("POST", "conversation-providers", {"name": "History", "type": "SMS"})["id"]
    ws = history_workspace(tmp_path / "ws", f'conversation_provider_id = "{provider}"\n')
    settings = ws.root / "hlmap.toml"  # the default share: 5 % of the run's writes
    settings.write_text(settings.read_text().replace("verify_read_share = 1.0", "verify_read_share = 0.05"))
    applied = hlmap(ws.root, sandbox, "apply", "--skip-sample", "--preflight-ok", "--quiet")
    assert applied.exit_code == 0, applied.output
    compared = {(f, o): n for f, o, n in ws.connect().execute(MESSAGE_ROWS).fetchall()}
    ws.close()
    assert compared == {
        ("date", "agreed"): 4, ("type", "agreed"): 4, ("direction", "agreed"): 4, ("body", "agreed"): 3,
        ("callStatus", "agreed"): 2, ("subject", "unread"): 2,  # the export returns no subject either
    }  # fmt: skip

    lose_a1 = "UPDATE exec.ledger SET hl_id = 'NoSuchMessage' WHERE op_id = 'message:activities:A1'"
    ws.connect().execute(lose_a1)  # as if HighLevel had lost A1
    ws.close()
    verified = hlmap(ws.root, sandbox, "verify")
    assert verified.exit_code == 1, verified.output
    lost = ws.connect().execute(
        "SELECT DISTINCT outcome, note FROM exec.verification WHERE object = 'message' AND source_key = 'A1'"
    )
    assert lost.fetchall() == [("missing", "record not found in HighLevel")]
    ws.close()


def test_an_export_cut_by_the_budget_leaves_the_rest_unread(
    sandbox: SandboxHandle, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(api_conversations, "EXPORT_PAGE", 10)  # the spec's smallest page
    with sandbox.client("2021-04-15") as http:
        _history(sandbox, http, "cut@x.es", texts=23, emails=2)
    held = sandbox.admin("GET", "records/messages")["records"]
    emails = sum(1 for m in held if m["messageType"] == "TYPE_EMAIL")
    pages = math.ceil((len(held) - emails) / 10) + math.ceil(emails / 10)

    async def read(spent: bool) -> tuple[int, int, bool]:
        async with HighLevelClient(sandbox.url, sandbox.location_id, Secret(sandbox.token)) as hl:
            found, complete = await location_messages(hl, lambda: spent)
            return len(found), hl.usage().requests_sent, complete

    assert asyncio.run(read(spent=False)) == (len(held), pages, True)
    assert asyncio.run(read(spent=True)) == (10 + emails, 2, False)  # one page of each pass, no more
