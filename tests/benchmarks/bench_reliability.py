"""Reliability figures of the executor against the stand-in process (printed, never asserted).

    python -m tests.benchmarks.bench_reliability [--records 2000] [--kills 20] [--seed 7] [--part faults]

1. kill -9: ``hlmap apply`` is killed at ``--kills`` random moments of one run (chosen as random
   record counts reached in the stand-in) and resumed each time; then finished. Prints duplicates
   (records beyond one per source record) and missing records.
2. faults: one run with the stand-in at 20 % 429, 5 % 5xx, 2 % answers dropped after commit and
   2 % creates answered with an error after commit. Prints records landed once, duplicates, missing.
3. rollback: the location already holds contacts matching a tenth of the source (some fields set,
   others empty); a full run, a delta that edits those rows, then ``rollback --all``. Prints how many
   records differ from the snapshot taken before the run, field for field (dateUpdated aside).

Every client row is a contact; every 10th also names one of 40 companies (so companies look alike).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from assistant.highlevel.auth import Secret
from assistant.highlevel.client import HighLevelClient
from assistant.mapping import store
from assistant.workspace import Workspace
from tests.sandbox_process import SandboxHandle, start_sandbox
from tests.test_execute_support import document, load_raw

RATE = 5000  # the stand-in's burst limit per second here: the figures are about faults, not pacing
FAULTS = {"rate429": 0.2, "rate5xx": 0.05, "dropAfterCommit": 0.02, "errorAfterCreate": 0.02}


def clients(count: int, edited: bool = False) -> list[tuple[str, ...]]:
    rows = []
    for i in range(1, count + 1):
        company = f"Empresa {i % 40:02d} SL" if i % 10 == 0 else ""
        tags = "VIP" if i % 3 == 0 or edited else ""
        since = "01/02/2023" if edited else "05/03/2021"
        rows.append((f"C{i}", f"Cliente {i} García", f"c{i}@example.com", f"6{10000000 + i * 37:08d}",
                     company, tags, "Bob", since, f"B{i}" if edited else ""))  # fmt: skip
    return rows


def workspace(root: Path, count: int) -> Workspace:
    ws = Workspace(root).ensure()
    load_raw(ws, clients(count))
    store.save_confirmed(ws, document(), by="bench")
    ws.close()
    return ws


def hlmap(ws: Path, sandbox: SandboxHandle, *args: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "HIGHLEVEL_TOKEN": sandbox.token, "HLMAP_HIGHLEVEL__REQUESTS_PER_WINDOW": str(RATE),
           "HLMAP_HIGHLEVEL__WINDOW_SECONDS": "1"}  # fmt: skip
    where = ["--location-id", sandbox.location_id, "--base-url", sandbox.url]
    if args[0] == "apply":  # full and delta runs wait for the plan's checklist to be acknowledged
        where.append("--preflight-ok")
    command = [sys.executable, "-m", "assistant", args[0], "-w", str(ws), *args[1:], *where]
    return subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def table(sandbox: SandboxHandle, name: str) -> list[dict[str, Any]]:
    return list(sandbox.admin("GET", f"records/{name}")["records"])


def landed(sandbox: SandboxHandle, count: int) -> dict[str, int]:
    """Duplicates and missing records, contacts by email and companies by (name, count expected)."""
    contacts = Counter(str(c.get("email")) for c in table(sandbox, "contacts"))
    wanted = {f"c{i}@example.com" for i in range(1, count + 1)}
    companies = len(table(sandbox, "businesses"))
    expected_companies = count // 10
    return {
        "contacts": sum(contacts.values()),
        "duplicates": sum(n - 1 for n in contacts.values() if n > 1) + max(0, companies - expected_companies),
        "missing": len(wanted - set(contacts)) + max(0, expected_companies - companies),
        "companies": companies,
    }


def kill_run(tmp: Path, count: int, kills: int, rng: random.Random) -> dict[str, int]:
    ws = workspace(tmp / "kill", count)
    moments = sorted(rng.sample(range(1, count), kills))
    with start_sandbox(rate_limit=RATE, rate_window=1.0) as sandbox:
        killed = 0
        for moment in moments:
            process = hlmap(ws.root, sandbox, "apply", "--skip-sample", "--quiet")
            while process.poll() is None and sandbox.admin("GET", "state")["counts"]["contacts"] < moment:
                time.sleep(0.02)
            if process.poll() is None:
                process.send_signal(signal.SIGKILL)
                killed += 1
            process.wait()
        final = hlmap(ws.root, sandbox, "apply", "--skip-sample", "--quiet")
        final.wait()
        return {"kills": killed, "final exit": final.returncode, **landed(sandbox, count)}


def fault_run(tmp: Path, count: int, seed: int) -> dict[str, int]:
    ws = workspace(tmp / "faults", count)
    with start_sandbox(rate_limit=RATE, rate_window=1.0, faults={**FAULTS, "seed": seed}) as sandbox:
        process = hlmap(ws.root, sandbox, "apply", "--skip-sample", "--quiet")
        process.wait()
        con = ws.connect()
        failed = con.execute("SELECT count(*) FROM exec.ledger WHERE status = 'failed'").fetchone()
        ws.close()
        figures = landed(sandbox, count)
        once = figures["contacts"] - figures["duplicates"]
        return {"exit": process.returncode, "failed ops": int(failed[0]) if failed else 0,
                "landed once": once, **figures}  # fmt: skip


async def seed_matching(sandbox: SandboxHandle, count: int) -> None:
    async with HighLevelClient(sandbox.url, sandbox.location_id, Secret(sandbox.token),
                               requests_per_window=RATE, window_seconds=1) as hl:  # fmt: skip
        for i in range(1, count + 1, 10):
            fields: dict[str, Any] = {
                "firstName": "Cliente",
                "lastName": f"{i} García",
                "email": f"c{i}@example.com",
            }
            if i % 20 == 1:
                fields["city"] = "Madrid"
                fields["tags"] = ["cliente-antiguo"]
            await hl.contacts.create(fields, {"Fld0Budget0000000001": i} if i % 30 == 1 else None)


def snapshot(sandbox: SandboxHandle) -> dict[str, dict[str, str]]:
    names = ("contacts", "businesses", "opportunities", "tasks", "notes", "customFields", "tags")
    return {
        name: {r["id"]: json.dumps({k: v for k, v in r.items() if k != "dateUpdated"}, sort_keys=True)
               for r in table(sandbox, name)}
        for name in names
    }  # fmt: skip


def rollback_run(tmp: Path, count: int) -> dict[str, int]:
    ws = workspace(tmp / "rollback", count)
    with start_sandbox(rate_limit=RATE, rate_window=1.0) as sandbox:
        asyncio.run(seed_matching(sandbox, count))
        before = snapshot(sandbox)
        hlmap(ws.root, sandbox, "apply", "--skip-sample", "--quiet").wait()
        con = ws.connect()
        con.execute("DELETE FROM raw.clients")
        edited = [row if int(row[0][1:]) % 10 == 1 else base
                  for row, base in zip(clients(count, edited=True), clients(count), strict=True)]  # fmt: skip
        con.executemany("INSERT INTO raw.clients VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'load-2')",
                        [(*row, n + 1) for n, row in enumerate(edited)])  # fmt: skip
        ws.close()
        hlmap(ws.root, sandbox, "apply", "--delta", "--quiet").wait()
        during = snapshot(sandbox)["contacts"]
        written = sum(1 for i, text in before["contacts"].items() if during.get(i) != text)
        undo = hlmap(ws.root, sandbox, "rollback", "--all", "--yes")
        undo.wait()
        after = snapshot(sandbox)
    differ = sum(_differing(before[t], after[t]) for t in before)
    return {"pre-existing contacts": len(before["contacts"]), "of them changed by the run": written,
            "rollback exit": undo.returncode, "records unlike the pre-run snapshot": differ}  # fmt: skip


def _differing(before: dict[str, str], after: dict[str, str]) -> int:
    """Records added, removed, or different in any field."""
    return len(set(before) ^ set(after)) + sum(1 for i in before if i in after and before[i] != after[i])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=2000)
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--part", action="append", choices=("kill", "faults", "rollback"),
                        help="run only this part (repeatable; default: all three)")  # fmt: skip
    args = parser.parse_args()
    parts = set(args.part or ("kill", "faults", "rollback"))
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory(prefix="hlmap-reliability-") as tmp:
        for part, title, run in (
            ("kill",
             f"kill -9 at {args.kills} random moments of a {args.records}-client run, resumed each time",
             lambda: kill_run(Path(tmp), args.records, args.kills, rng)),
            ("faults", f"{args.records} clients under 20 % 429, 5 % 5xx, 2 % dropped, 2 % error after create",
             lambda: fault_run(Path(tmp), args.records, args.seed)),
            ("rollback", "rollback after a full run and a delta into a location holding matching contacts",
             lambda: rollback_run(Path(tmp), args.records)),
        ):  # fmt: skip
            if part not in parts:
                continue
            started = time.perf_counter()
            figures = run()
            print(f"{title} ({time.perf_counter() - started:.0f} s)")
            for name, value in figures.items():
                print(f"  {name}: {value}")


if __name__ == "__main__":
    main()
