"""Memory of confirmed maps: edits a second export of the same platform still needs, with and without it.

Run: ``python -m tests.benchmarks.bench_memory [--platforms stel_order,contractor_plus,perfect_books]``

Per seed platform: generate its export (seed A), ingest, profile, propose, then confirm it with
``hlmap decide`` and a scripted set of edits (each low-confidence field proposal set to its first
alternative or rejected, low stage values set to their first alternative, low owners and tags
rejected, one in five confident new custom fields rejected, everything else accepted). Then
generate a second export (seed B: other rows) with a few columns renamed, propose on it without
memory and with it, and count the proposals that differ from the confirmed decisions. Prints
the counts; asserts nothing. Everything lives in a temporary folder (the memory file too).
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from pathlib import Path

from typer.testing import CliRunner

from assistant.fixturegen.generate import DEFAULT_SEED, generate_platform
from assistant.mapping import store
from assistant.mapping.items import FieldMap, MappingDocument, OwnerMatch, StageValueMap, TagCluster
from assistant.mapping.models import FieldKind, Proposal, Status
from assistant.memory.agreement import EditCount, Renames, edits_needed
from assistant.review.errors import ReviewError
from assistant.review.session import ReviewSession, open_session
from assistant.workspace import Workspace

SECOND_SEED = 4242
# A few columns each platform's second export names differently (same place, same values' shape).
RENAMES: dict[str, dict[str, dict[str, str]]] = {
    "stel_order": {
        "clients.json": {"phone2": "mobile-phone", "website": "web", "comments": "observations"},
        "salesEstimates.json": {"title": "subject", "total-amount": "grand-total"},
    },
    "contractor_plus": {
        "clients.csv": {"Email": "Email Address", "Zip Code": "Postal", "Gate Code": "Access Code"},
        "jobs.csv": {"Job Total": "Amount", "Permit Number": "Permit No"},
    },
    "perfect_books": {
        "contacts.csv": {"mobile": "cell", "title": "job_title", "lifecycle_stage": "stage"},
        "deals.csv": {"amount": "value", "close_date": "expected_close"},
    },
}


def _hlmap(*args: str) -> str:
    from assistant.cli import app

    result = CliRunner().invoke(app, list(args))
    if result.exit_code != 0:
        raise SystemExit(f"hlmap {' '.join(args[:3])} … failed: {result.output}")
    return result.output


def _rename(source: Path, renames: dict[str, dict[str, str]]) -> None:
    for name, columns in renames.items():
        path = source / name
        if path.suffix == ".json":
            rows = json.loads(path.read_text(encoding="utf-8"))
            renamed = [{columns.get(k, k): v for k, v in row.items()} for row in rows]
            path.write_text(json.dumps(renamed, ensure_ascii=False), encoding="utf-8")
        else:
            text = path.read_text(encoding="utf-8-sig")
            header, rest = text.split("\n", 1)
            cells = [columns.get(c, c) for c in header.rstrip("\r").split(",")]
            path.write_text(",".join(cells) + "\n" + rest, encoding="utf-8")


def _prepare(platform: str, seed: int, root: Path, renames: dict[str, dict[str, str]]) -> tuple[Path, Path]:
    generate_platform(platform, root / "fixtures", seed=seed)
    folder = root / "fixtures" / platform
    _rename(folder / "source", renames)
    ws = root / "ws"
    _hlmap("ingest", str(folder / "source"), "-w", str(ws))
    _hlmap("profile", "-w", str(ws))
    _hlmap("target", "load", str(folder / "destination.json"), "-w", str(ws))
    return ws, folder / "destination.json"


def _label(item: Proposal, session: ReviewSession) -> str | None:
    """The picker label of the proposal's first alternative, when ``--set`` can name it."""
    try:
        label = session.alternative_label(item.id, 0)
    except ReviewError:
        return None
    if label == "skip":
        return label
    return label if label in {c.label for c in session.choices(item.id)} else None


def scripted_edits(document: MappingDocument, ws: Path, threshold: float) -> list[str]:
    """``hlmap decide`` arguments of a reviewer who fixes what the proposer was unsure of."""
    args: list[str] = []
    session = open_session(Workspace(ws), "bench")
    confident_new = [
        f for f in document.fields if f.confidence >= threshold and f.target.kind == FieldKind.CUSTOM_NEW
    ]
    for index, item in enumerate(sorted(confident_new, key=lambda f: f.id)):
        if index % 5 == 0:
            args += ["--reject", f"id={item.id}"]
    for item in document.items():
        if item.confidence >= threshold:
            continue
        label = _label(item, session) if isinstance(item, FieldMap) and item.alternatives else None
        if isinstance(item, FieldMap) and label and label != "skip" and "=" not in item.id:
            args += ["--set", f"{item.id}={label}"]
        elif isinstance(item, StageValueMap) and item.alternatives and not set(":=") & set(item.source_value):
            alt = item.alternatives[0].value
            where = f"{item.source_object}.{item.source_column}:{item.source_value}"
            args += ["--stage", f"{where}={alt['pipeline_id']}/{alt['stage_id']}"]
        elif isinstance(item, (OwnerMatch, TagCluster, StageValueMap)) or (
            isinstance(item, FieldMap) and label == "skip"
        ):
            args += ["--reject", f"id={item.id}"]
        else:
            args += ["--accept", f"id={item.id}"]
    return args


def _propose(ws: Path, destination: Path, memory: bool) -> MappingDocument:
    os.environ["HLMAP_MEMORY__ENABLED"] = "true" if memory else "false"
    Workspace(ws).mapping_path.unlink(missing_ok=True)
    _hlmap("propose", "-w", str(ws), "--destination", str(destination))
    return store.load(Workspace(ws))


def run(platform: str, root: Path) -> tuple[EditCount, EditCount, int, tuple[int, int], float]:
    started = time.perf_counter()
    os.environ["HLMAP_MEMORY__PATH"] = str(root / "team-memory.yaml")  # one platform's memory alone
    first, destination = _prepare(platform, DEFAULT_SEED, root / "first", {})
    proposed = _propose(first, destination, memory=False)
    threshold = Workspace(first).settings.propose.confidence_threshold
    edits = scripted_edits(proposed, first, threshold)
    os.environ["HLMAP_MEMORY__ENABLED"] = "true"  # confirming records the map, as it does for a user
    _hlmap("decide", "-w", str(first), *edits, "--accept-above", str(threshold), "--confirm-models")
    _hlmap("decide", "-w", str(first), "--confirm", "--who", "ana")
    confirmed = store.load_confirmed(Workspace(first))
    renames = RENAMES[platform]
    second, destination = _prepare(platform, SECOND_SEED, root / "second", renames)
    columns: Renames = {
        (Path(name).stem, old): new for name, cols in renames.items() for old, new in cols.items()
    }
    plain = _propose(second, destination, memory=False)
    without = edits_needed(confirmed, plain, columns)
    remembered = _propose(second, destination, memory=True)
    with_memory = edits_needed(confirmed, remembered, columns)
    flagged = (_flagged(plain, threshold), _flagged(remembered, threshold))
    return without, with_memory, len(edits) // 2, flagged, time.perf_counter() - started


def _flagged(document: MappingDocument, threshold: float) -> int:
    """Pending proposals under the review threshold: the ones a reviewer must look at one by one."""
    return sum(1 for i in document.items() if i.status == Status.PROPOSED and i.confidence < threshold)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--platforms", default="stel_order,contractor_plus,perfect_books")
    parser.add_argument("--verbose", action="store_true", help="List the edits still needed with memory.")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-memory-") as tmp:
        print(
            "| platform | scripted edits | confirmed items compared "
            "| edits needed without memory | with memory | under the threshold without / with | seconds |"
        )
        print("|---|---|---|---|---|---|---|")
        for platform in options.platforms.split(","):
            without, with_memory, scripted, flagged, seconds = run(platform, Path(tmp) / platform)
            figures = [
                platform,
                str(scripted),
                str(with_memory.compared),
                f"{without.edits} {dict(without.by_kind)}",
                f"{with_memory.edits} {dict(with_memory.by_kind)}",
                f"{flagged[0]} / {flagged[1]}",
                f"{seconds:.0f}",
            ]
            print("| " + " | ".join(figures) + " |", flush=True)
            if options.verbose:
                for line in with_memory.examples:
                    print(f"    {line}")


if __name__ == "__main__":
    main()
