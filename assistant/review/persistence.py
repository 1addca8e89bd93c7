"""Where decisions go: the workspace's mapping document, saved the moment a decision is made.

``WorkspacePersistence`` saves synchronously (headless use, ``--yes``). ``BackgroundPersistence``
keeps the UI responsive on big documents: each decision's snapshot goes to a writer process
that saves the newest one, and ``flush`` waits until everything sent is on disk.
"""

from __future__ import annotations

import atexit
import multiprocessing
import queue
import threading
import time
from multiprocessing.queues import Queue
from pathlib import Path
from typing import Any, Protocol

import yaml
from pydantic import ValidationError

from assistant.errors import HlmapError
from assistant.mapping import journal, store
from assistant.mapping.changes import Change
from assistant.mapping.items import MappingDocument
from assistant.review.writer import Ack, Job, writer_main
from assistant.workspace import Workspace

# libyaml parses a 2,000-proposal document several times faster than the pure-Python loader.
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_document(workspace: Workspace) -> MappingDocument:
    """The workspace's mapping document, as ``store.load`` reads it, parsed with libyaml when present."""
    path = workspace.mapping_path
    if not path.exists():
        return store.load(workspace)  # its error names the file and the command to run first
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
        return MappingDocument.model_validate(data or {})
    except (yaml.YAMLError, ValidationError) as exc:
        raise HlmapError(f"{path}: {exc}") from exc


class Persistence(Protocol):
    def save(self, document: MappingDocument, who: str, change: Change | None = None) -> None:
        """Save ``document``; ``change`` says what the last decision touched, when it is known."""

    def save_confirmed(self, document: MappingDocument, who: str) -> Path: ...


class WorkspacePersistence:
    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace

    def save(self, document: MappingDocument, who: str, change: Change | None = None) -> None:
        store.save(self.workspace, document, by=who)

    def save_confirmed(self, document: MappingDocument, who: str) -> Path:
        return store.save_confirmed(self.workspace, document, by=who)


class DeferredPersistence:
    """Holds decisions until ``commit``: a batch of decisions lands whole or not at all."""

    def __init__(self, workspace: Workspace) -> None:
        self.target = WorkspacePersistence(workspace)
        self.dirty: tuple[MappingDocument, str] | None = None

    def save(self, document: MappingDocument, who: str, change: Change | None = None) -> None:
        self.dirty = (document, who)

    def save_confirmed(self, document: MappingDocument, who: str) -> Path:
        self.dirty = None  # saving the confirmed map saves the document too
        return self.target.save_confirmed(document, who)

    def commit(self) -> bool:
        """Save the held document; False when there was nothing to save."""
        if self.dirty is None:
            return False
        document, who = self.dirty
        self.target.save(document, who)
        self.dirty = None
        return True


class BackgroundPersistence:
    """Saves in a writer process (see ``writer``); ``flush`` waits until everything sent is on disk.

    Each save is journalled synchronously first (see ``journal``), so a decision the screen has
    acknowledged survives a kill before the writer lands it.
    """

    def __init__(self, workspace: Workspace, settle: float = 0.3) -> None:
        context = multiprocessing.get_context("spawn")  # no fork: the UI process has threads
        self.workspace = workspace
        self._jobs: Queue[Job] = context.Queue()
        self._acks: Queue[Ack] = context.Queue()
        self._process = context.Process(
            target=writer_main,
            args=(str(workspace.root), self._jobs, self._acks, settle),
            name="hlmap-mapping-writer",
        )
        self._process.start()
        self._sent = 0
        self._done = 0
        self._errors: list[str] = []
        self._lock = threading.Lock()  # the UI thread saves while a worker thread may flush
        atexit.register(self.close)  # even after a crash, the writer finishes what it was sent

    def save(self, document: MappingDocument, who: str, change: Change | None = None) -> None:
        """Journal and send only ``change`` when given: a decision costs the size of what it touched."""
        with self._lock:
            self._sent += 1
            if change is None:
                data = document.model_dump(mode="json")
                journal.write(self.workspace, data, who)
                self._jobs.put(("save", self._sent, {"document": data}, who))
            else:
                journal.append(self.workspace, change, who)
                self._jobs.put(("save", self._sent, {"change": change}, who))

    def save_confirmed(self, document: MappingDocument, who: str) -> Path:
        with self._lock:
            self._sent += 1
            self._jobs.put(("confirm", self._sent, {"document": document.model_dump(mode="json")}, who))
        self.flush()
        return self.workspace.confirmed_mapping_path

    @property
    def pending(self) -> int:
        return self._sent - self._done

    def flush(self, timeout: float | None = None) -> None:
        """Block until every job sent is written; raise the first write error since the last flush."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while self._done < self._sent:
            if deadline is not None and time.monotonic() > deadline:
                raise HlmapError(f"the mapping writer has not finished after {timeout} s")
            if not self._take_ack(wait=0.5) and not self._process.is_alive():
                raise HlmapError(f"the mapping writer stopped; {self.pending} saves did not land")
        self.raise_errors()

    def poll(self) -> None:
        """Collect acknowledgements without waiting (the UI calls this on a timer)."""
        while self._take_ack(wait=None):
            pass

    def raise_errors(self) -> None:
        if self._errors:
            errors, self._errors = self._errors, []
            raise HlmapError(f"saving {self.workspace.mapping_path} failed: {errors[0]}")

    def _take_ack(self, wait: float | None) -> bool:
        try:
            seq, error = self._acks.get(timeout=wait) if wait else self._acks.get_nowait()
        except queue.Empty:
            return False
        self._done = max(self._done, seq)
        if error:
            self._errors.append(error)
        else:
            with self._lock:  # no decision may be journalled between the check and the removal
                if self._done == self._sent:
                    journal.clear(self.workspace)  # everything sent is in mapping.yaml now
        return True

    def close(self) -> None:
        if self._process.is_alive():
            self._jobs.put(None)
            self._process.join(timeout=120)
        self.poll()
        atexit.unregister(self.close)
