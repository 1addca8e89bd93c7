"""`hlmap demo --agency N --yes`: an agency's client book rehearsed end to end from one command.

Two small clients on the same platform: the second reuses the first one's confirmed map, each gets its
own sub-account of one stand-in agency, one fan-out writes both, and each is reconciled and read back.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from assistant.mapping.shared import addition_items, extends
from assistant.mapping.store import parse_yaml


@pytest.mark.slow
def test_an_agency_of_two_clients_is_applied_reconciled_and_verified_per_client(tmp_path: Path) -> None:
    root = tmp_path / "agency"
    args = ["demo", "--agency", "2", "--yes", "--rows", "2", "--rate-limit", "2000", "-w", str(root)]
    result = subprocess.run(
        [sys.executable, "-m", "assistant", *args],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=600,
    )
    output = result.stdout + result.stderr
    assert result.returncode in (0, 1), output[-4000:]
    clients = tomllib.loads((root / "agency.toml").read_text(encoding="utf-8"))["client"]
    assert [c["workspace"] for c in clients] == ["clients/client-01", "clients/client-02"]
    assert len({c["location"] for c in clients}) == 2  # a sub-account each
    first, second = (root / c["workspace"] for c in clients)
    shared_path = first / "mapping.confirmed.yaml"
    shared = parse_yaml(shared_path.read_text(encoding="utf-8"))
    own = parse_yaml((second / "mapping.confirmed.yaml").read_text(encoding="utf-8"))
    assert extends(own, shared, shared_path)  # the first client's decisions, pinned by their digest
    # every shared decision is kept; what this client's export alone holds is added (new items, or new
    # entries of a shared value map such as a history type), each listed as an addition
    assert {item.id for item in shared.items()} <= {item.id for item in own.items()}
    assert all(item.status.value in ("accepted", "edited", "rejected") for item in addition_items(own))
    assert "all locations: 2 of 2 done, 0 failed" in output  # one fan-out wrote both
    for workspace, client in zip((first, second), clients, strict=True):
        reconciliation = json.loads(
            (workspace / "reports" / "reconciliation.json").read_text(encoding="utf-8")
        )
        totals = reconciliation["accounting"]["totals"]
        assert totals["landed"] > 0 and sum(totals.values()) > totals["landed"]
        verification = (workspace / "reports" / "verification.md").read_text(encoding="utf-8")
        assert "written values agree" in verification
        ledger = json.loads((workspace / "highlevel" / "destination.json").read_text(encoding="utf-8"))
        assert ledger["location"]["id"] == client["location"]
    rollup = (root / "reports" / "agency-rollup.md").read_text(encoding="utf-8")
    assert "| client-02 | stel_order | shared with client-01 |" in rollup
    assert "fan-out:" in rollup and "requests in" in rollup
    # the exit status says what the roll-up says, and a client is clean only if its reconciliation is
    lines = {
        line.split(" | ")[0].strip("| "): line for line in rollup.splitlines() if line.startswith("| client-")
    }
    for workspace, name in ((first, "client-01"), (second, "client-02")):
        reconciled = json.loads((workspace / "reports" / "reconciliation.json").read_text(encoding="utf-8"))
        if lines[name].endswith("| yes |"):
            assert reconciled["clean"] and "| 100.00% |" in lines[name]
    everyone = all(line.endswith("| yes |") for line in lines.values())
    assert (result.returncode == 0) is everyone
    assert ("Agency rehearsal: clean" in output) is everyone
