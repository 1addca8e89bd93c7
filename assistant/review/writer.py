"""A separate process that writes the mapping document, so saving never slows the screen.

Writing a 2,000-proposal document (YAML plus a version row in DuckDB) takes seconds of pure
Python; on a thread it would compete with the UI for the interpreter. The UI process sends each
decision's change here (or a whole document); the writer applies every change in order to its
copy of the document (read from mapping.yaml on the first change), saves once per burst, writes
confirmations in order, and acknowledges by sequence number.
"""

from __future__ import annotations

import os
import queue
import time
from multiprocessing.queues import Queue
from pathlib import Path
from typing import Any

# (kind "save" | "confirm", seq, {"document": data} or {"change": change}, who)
Job = tuple[str, int, dict[str, Any], str] | None
Ack = tuple[int, str | None]  # (highest seq handled, error message)


def writer_main(root: str, jobs: Queue[Job], acks: Queue[Ack], settle: float) -> None:
    """Child process entry: loop until told to stop (None) or the review process is gone."""
    from assistant.mapping import store
    from assistant.mapping.changes import apply_change
    from assistant.mapping.items import MappingDocument
    from assistant.workspace import Workspace

    parent = os.getppid()
    workspace = Workspace(Path(root))
    data: dict[str, Any] | None = None  # the document as the UI has it, as JSON
    while True:
        try:
            first = jobs.get(timeout=1.0)
        except queue.Empty:
            if os.getppid() != parent:
                return
            continue
        time.sleep(settle)  # let the screen repaint first and a burst of keys become one write
        batch = [first, *_drain(jobs)]
        stop = None in batch
        work = [job for job in batch if job is not None]
        for index, (kind, seq, payload, who) in enumerate(work):
            error: str | None = None
            try:
                if "document" in payload:
                    data = payload["document"]
                else:
                    data = data if data is not None else _saved(workspace.mapping_path)
                    apply_change(data, payload["change"])
                newer_save_follows = any(k == "save" for k, *_ in work[index + 1 :])
                if kind == "save" and newer_save_follows:
                    continue  # lands with the save that follows in this burst
                document = MappingDocument.model_validate(data)
                if kind == "confirm":
                    store.save_confirmed(workspace, document, by=who)
                else:
                    store.save(workspace, document, by=who)
            except Exception as exc:  # reported back to the UI; the next job still runs
                error = f"{type(exc).__name__}: {exc}"  # the copy keeps the change: the next save has it
            finally:
                workspace.close()  # release DuckDB's file lock between writes
            acks.put((seq, error))
        if stop:
            return


def _drain(jobs: Queue[Job]) -> list[Job]:
    out: list[Job] = []
    while True:
        try:
            out.append(jobs.get_nowait())
        except queue.Empty:
            return out


def _saved(path: Path) -> dict[str, Any]:
    """mapping.yaml as plain data, parsed with libyaml when present (validated when saved)."""
    import yaml

    loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
    return data if isinstance(data, dict) else {}
