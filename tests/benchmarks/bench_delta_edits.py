"""A delta after HighLevel-side edits: are the staff's edits and tags left alone, and every clash reported?

    python -m tests.benchmarks.bench_delta_edits [--contacts 300]

After a full run into the stand-in, a third of the contacts get a tag added in HighLevel and a sixth
get their first name edited there. Then the source changes: every fourth contact's tags, every
fifth's last name, and the first name of some contacts that were edited in HighLevel too (clashes).
The delta runs; the figures compare HighLevel with what each side asked for.
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from assistant.cli import app
from tests.benchmarks.bench_execute_throughput import contacts_only
from tests.sandbox_process import SandboxHandle, start_sandbox


def _hlmap(ws: Path, sandbox: SandboxHandle, *args: str) -> str:
    where = ["--location-id", sandbox.location_id, "--base-url", sandbox.url, "--quiet"]
    result = CliRunner().invoke(app, ["apply", "-w", str(ws), *args, *where])
    if result.exit_code != 0:
        raise SystemExit(result.output)
    return str(result.output)


def _contacts(sandbox: SandboxHandle) -> dict[str, dict[str, Any]]:
    rows = sandbox.admin("GET", "records/contacts")["records"]
    return {str(c["email"]).split("@")[0][1:]: c for c in rows}  # c12@example.com -> "12"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--contacts", type=int, default=300)
    count = parser.parse_args().contacts
    with start_sandbox(rate_limit=10_000, rate_window=1.0) as sandbox:
        os.environ["HIGHLEVEL_TOKEN"] = sandbox.token
        ws = contacts_only(Path(tempfile.mkdtemp(prefix="bench-delta-")) / "ws", count)
        ws.close()
        _hlmap(ws.root, sandbox, "--skip-sample", "--preflight-ok")
        tagged = [i for i in range(1, count + 1) if i % 3 == 1]
        renamed = [i for i in range(1, count + 1) if i % 6 == 2]
        contacts = _contacts(sandbox)
        with sandbox.client(timeout=30) as api:
            for i in tagged:
                api.post(f"/contacts/{contacts[str(i)]['id']}/tags", json={"tags": ["staff-tag"]})
            for i in renamed:
                api.put(f"/contacts/{contacts[str(i)]['id']}", json={"firstName": f"Staff{i}"})
        clashes = [i for i in renamed if i % 4 == 2]  # the source renames these too
        con = ws.connect()
        con.execute("UPDATE raw.clients SET tags = 'Prioritario' WHERE CAST(substr(id, 2) AS INT) % 4 = 0")
        con.execute(
            "UPDATE raw.clients SET name = 'Cliente ' || substr(id, 2) || ' Nuevo Apellido' "
            "WHERE CAST(substr(id, 2) AS INT) % 5 = 0"
        )
        for i in clashes:
            con.execute(f"UPDATE raw.clients SET name = 'Nombre{i} García López' WHERE id = 'C{i}'")
        ws.close()
        _hlmap(ws.root, sandbox, "--delta")
        after = _contacts(sandbox)
        kept_names = sum(1 for i in renamed if after[str(i)]["firstName"] == f"Staff{i}")
        kept_tags = sum(1 for i in tagged if "staff-tag" in after[str(i)].get("tags", []))
        row = ws.connect().execute("SELECT count(DISTINCT op_id) FROM exec.conflicts").fetchone()
        reported = int(row[0]) if row else 0
        changed = [i for i in range(1, count + 1) if i % 5 == 0 and i not in renamed]
        new_last = sum(1 for i in changed if after[str(i)]["lastName"] == "Nuevo Apellido")
    print(f"contacts: {count}; edited in HighLevel: {len(renamed)} first names, {len(tagged)} tags")
    print(f"HighLevel edits kept: {kept_names}/{len(renamed)} ({kept_names / max(1, len(renamed)):.3f})")
    print(f"user tags kept: {kept_tags}/{len(tagged)} ({kept_tags / max(1, len(tagged)):.3f})")
    print(f"conflicts reported: {reported} of {len(clashes)} clashes")
    print(f"source changes applied where nobody edited: {new_last}/{len(changed)}")


if __name__ == "__main__":
    main()
