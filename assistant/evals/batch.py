"""``hlmap batch``: proposals for every source export in a folder, in parallel and resumable.

Each subfolder of SOURCES_DIR is one platform nobody configured. Each gets its own workspace
(DuckDB allows one writer per file) under ``OUT/<source>/workspace``; its mapping document is
copied to ``OUT/<source>/mapping.yaml`` and ``OUT/<source>/done.json`` is written last, so a source
with a done marker is finished and is not redone; anything else starts over cleanly.
"""

from __future__ import annotations

import json
import shutil
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

from assistant.errors import HlmapError
from assistant.evals.batch_summary import BatchRow, summarize, summary_markdown
from assistant.evals.pipeline import run_pipeline
from assistant.highlevel.state import DestinationState, Location, save_state
from assistant.mapping.store import dump_yaml, write_atomic
from assistant.settings import Settings

DONE_FILE = "done.json"
MAPPING_FILE = "mapping.yaml"


def source_dirs(sources_dir: Path) -> list[Path]:
    if not sources_dir.is_dir():
        raise HlmapError(f"{sources_dir}: no such folder of source exports")
    found = sorted(p for p in sources_dir.iterdir() if p.is_dir() and not p.name.startswith("."))
    if not found:
        raise HlmapError(f"{sources_dir}: no subfolders; put each source export in its own folder")
    return found


def is_done(target: Path) -> bool:
    return (target / DONE_FILE).exists() and (target / MAPPING_FILE).exists()


def _empty_destination(target: Path) -> Path:
    """Without --destination a source is proposed against an empty sub-account."""
    path = target / "destination.json"
    save_state(DestinationState(location=Location(id="unconfigured", name="empty sub-account")), path)
    return path


def propose_source(
    source: Path, out_dir: Path, backend: str, model: str | None, destination: Path | None, threshold: float
) -> BatchRow:
    """One source, start to finish; runs in a worker process, so it never raises."""
    target = out_dir / source.name
    if is_done(target):
        row = BatchRow.from_json(json.loads((target / DONE_FILE).read_text(encoding="utf-8")))
        row.status = "resumed"
        return row
    try:
        shutil.rmtree(target / "workspace", ignore_errors=True)  # a half-finished earlier run
        target.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        result = run_pipeline(
            source, destination or _empty_destination(target), target / "workspace", backend, model
        )
        write_atomic(target / MAPPING_FILE, dump_yaml(result.document))
        row = summarize(source.name, result.document, threshold, result.cost, time.perf_counter() - started)
        write_atomic(target / DONE_FILE, json.dumps(row.to_json(), indent=2) + "\n")
        return row
    except Exception as exc:  # one bad export must not stop the batch; it is reported and retried next run
        return BatchRow(source=source.name, status="failed", error=f"{type(exc).__name__}: {exc}")


def run_batch(
    sources_dir: Path,
    out_dir: Path,
    *,
    backend: str = "offline",
    jobs: int = 1,
    destination: Path | None = None,
    model: str | None = None,
    threshold: float | None = None,
    on_done: Callable[[BatchRow], None] | None = None,
) -> list[BatchRow]:
    sources = source_dirs(sources_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    limit = threshold if threshold is not None else Settings().propose.confidence_threshold
    dest = destination.resolve() if destination else None
    rows: list[BatchRow] = []
    if jobs <= 1:
        for source in sources:
            rows.append(propose_source(source, out_dir, backend, model, dest, limit))
            if on_done:
                on_done(rows[-1])
    else:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            futures = [pool.submit(propose_source, s, out_dir, backend, model, dest, limit) for s in sources]
            for future in as_completed(futures):
                rows.append(future.result())
                if on_done:
                    on_done(rows[-1])
    rows.sort(key=lambda r: r.source)
    write_atomic(out_dir / "summary.md", "# Batch proposals\n\n" + summary_markdown(rows))
    write_atomic(out_dir / "summary.json", json.dumps([r.to_json() for r in rows], indent=2) + "\n")
    return rows
