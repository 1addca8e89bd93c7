"""A journal a killed review left (decisions not yet in mapping.yaml): ``decide`` saves it first,
``status`` counts from it, ``plan`` refuses in one line saying what to do; an open review is named."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.mapping import journal
from assistant.mapping.items import MappingDocument
from assistant.mapping.models import Status
from assistant.workspace import Workspace
from tests.cli_support import error_lines, hlmap
from tests.review_data import saved, small_document, write_workspace


def killed_review(root: Path) -> Workspace:
    """mapping.yaml as proposed; the journal holds two decisions the review showed, then was killed."""
    workspace = write_workspace(root, small_document())
    document = small_document()
    document.find("field:clients.email").decide(Status.ACCEPTED, "ana")
    document.find("field:clients.legacy-code").decide(Status.REJECTED, "ana")
    journal.write(workspace, document.model_dump(mode="json"), "ana")
    return workspace


def with_pid(workspace: Workspace, pid: int) -> None:
    path = journal.journal_path(workspace)
    entry = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps({**entry, "pid": pid}), encoding="utf-8")


@pytest.fixture
def live_process() -> Iterator[int]:
    process = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    yield process.pid
    process.kill()
    process.wait()


def test_decide_saves_the_journal_before_its_own_decisions(tmp_path: Path) -> None:
    killed_review(tmp_path)
    result = hlmap("decide", "-w", tmp_path, "--reject", "id=field:clients.phone", "--who", "luis")
    assert result.exit_code == 0, result.output
    doc: MappingDocument = saved(tmp_path)
    assert doc.find("field:clients.email").status is Status.ACCEPTED  # from the journal
    assert doc.find("field:clients.email").decided_by == "ana"
    assert doc.find("field:clients.legacy-code").status is Status.REJECTED
    assert doc.find("field:clients.phone").status is Status.REJECTED
    assert not (tmp_path / journal.JOURNAL_NAME).exists()


def test_status_counts_from_the_journal_and_names_the_step(tmp_path: Path) -> None:
    killed_review(tmp_path)
    result = hlmap("status", "-w", tmp_path)
    assert result.exit_code == 0, result.output
    assert "unsaved:     2 decisions a stopped review left in mapping.journal.json" in result.output
    assert "pending:     14 (" in result.output  # 16 proposals, 2 decided in the journal
    assert result.output.splitlines()[-1].startswith(f"next: hlmap review -w {tmp_path}  (saves the")
    assert (tmp_path / journal.JOURNAL_NAME).exists()  # status changes nothing


def test_plan_refuses_a_leftover_journal_in_one_line(tmp_path: Path) -> None:
    killed_review(tmp_path)
    result = hlmap("plan", "-w", tmp_path)
    assert result.exit_code == 2
    assert error_lines(result) == [
        f"error: {tmp_path / journal.JOURNAL_NAME} holds 2 decisions a stopped review did not save: "
        f"`hlmap review -w {tmp_path}` saves them as it opens, or `hlmap decide -w {tmp_path} --confirm`; "
        "delete the file to drop them"
    ]


def test_a_review_still_open_is_named_not_overwritten(tmp_path: Path, live_process: int) -> None:
    workspace = killed_review(tmp_path)
    with_pid(workspace, live_process)
    result = hlmap("decide", "-w", tmp_path, "--reject", "id=field:clients.phone")
    assert result.exit_code == 2
    assert error_lines(result) == [
        f"error: a review (process {live_process}) is still saving decisions in {tmp_path}: "
        "quit it with q, then run this again"
    ]
    assert saved(tmp_path).find("field:clients.phone").status is Status.PROPOSED
    status = hlmap("status", "-w", tmp_path)
    assert f"review {live_process} is still saving" in status.output
