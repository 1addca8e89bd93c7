"""``python -m evals.first_seen CASE... [--commit REV]``: keep a case's first-seen proposal.

A case's first-seen proposal is what the offline proposer wrote on it before anyone had read its
errors: the honest sample of how the proposer behaves on a platform nobody configured. Rules are
later written from a case's errors, so only this snapshot keeps measuring that. Run it right after
a new case's gold is committed and before any proposer change (``--commit`` takes the code of an
earlier commit, through ``git archive``). It writes ``evals/cases/<case>/first_seen.json.gz``: the
raw document (scores before calibration) and the commit whose code proposed it. The calibration fit
(``python -m assistant.evals.calibration_fit``) learns from these snapshots and reports them held out.
"""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from assistant.evals.first_seen import SNAPSHOT_FILE

CASES_DIR = Path(__file__).resolve().parent / "cases"

# Runs in a child process on the code being measured; only uses calls every version has had.
_PROPOSE = """
import sys, tempfile
from pathlib import Path
from assistant.ingest import ingest_paths
from assistant.profile import profile_workspace
from assistant.propose.engine import propose_offline
from assistant.propose.service import build_inputs
from assistant.workspace import Workspace
source, destination = Path(sys.argv[1]), Path(sys.argv[2])
with tempfile.TemporaryDirectory(prefix="hlmap-first-seen-") as tmp:
    ws = Workspace(Path(tmp) / "ws").ensure()
    ingest_paths(ws, [source])
    profile_workspace(ws)
    inputs = build_inputs(ws, destination, None)
    if hasattr(inputs, "calibrate"):
        inputs.calibrate = False
    document = propose_offline(inputs).model_dump_json(exclude_defaults=True)
    getattr(ws, "close", lambda: None)()
sys.stdout.write(document)
"""


def propose_with(code: Path, case_dir: Path) -> dict[str, object]:
    """The raw document the code under ``code`` proposes for the case (sources as they are now)."""
    destination = case_dir / "destination.json"
    done = subprocess.run(
        [sys.executable, "-c", _PROPOSE, str(case_dir / "source"), str(destination)],
        cwd=code,
        env={**os.environ, "PYTHONPATH": str(code)},
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode:
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        raise SystemExit(f"first_seen: {case_dir.name}: the proposer failed: {last}")
    document: dict[str, object] = json.loads(done.stdout)
    for stamp in ("created_at", "updated_at"):  # the hour it ran says nothing, and churns the file
        document.pop(stamp, None)
    return document


def commit_code(rev: str, into: Path) -> str:
    """Unpack the ``assistant`` package of a commit into ``into``; return the commit's full hash."""
    full = subprocess.run(["git", "rev-parse", rev], capture_output=True, text=True, check=True).stdout
    archive = subprocess.run(["git", "archive", rev, "assistant"], capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    return full.strip()


def write_snapshot(case_dir: Path, commit: str, document: dict[str, object]) -> Path:
    path = case_dir / SNAPSHOT_FILE
    data = json.dumps({"commit": commit, "document": document}, sort_keys=True).encode()
    path.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    return path


def main(names: list[str], rev: str) -> None:
    with tempfile.TemporaryDirectory(prefix="hlmap-first-seen-code-") as tmp:
        commit = commit_code(rev, Path(tmp))
        for name in names:
            case_dir = CASES_DIR / name
            if not (case_dir / "source").is_dir():
                raise SystemExit(f"first_seen: {case_dir}: no source/ folder")
            path = write_snapshot(case_dir, commit, propose_with(Path(tmp), case_dir))
            print(f"{name}: first-seen proposal of {commit[:7]} written to {path}")


if __name__ == "__main__":
    args = sys.argv[1:]
    rev = "HEAD"
    if "--commit" in args:
        at = args.index("--commit")
        rev = args[at + 1] if at + 1 < len(args) else ""
        del args[at : at + 2]
    if not args or not rev or {"-h", "--help"} & set(args):
        sys.exit(__doc__.split("\n")[0] if __doc__ else "usage: python -m evals.first_seen CASE...")
    main(args, rev)
