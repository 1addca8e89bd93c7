"""`hlmap review` in a real terminal: tmux types the keys, the mapping document changes as typed."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from assistant.mapping.items import MappingDocument
from assistant.mapping.models import Status
from tests.review_data import saved, small_document, write_workspace

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed (CI installs it)")

HLMAP = Path(sys.executable).parent / "hlmap"


@pytest.fixture
def tmux_session() -> Iterator[str]:
    name = f"hlmap-review-{uuid.uuid4().hex[:8]}"
    yield name
    subprocess.run(["tmux", "kill-session", "-t", name], capture_output=True, check=False)


def screen(name: str) -> str:
    return subprocess.run(["tmux", "capture-pane", "-t", name, "-p"], capture_output=True, text=True).stdout


def keys(name: str, *pressed: str) -> None:
    for key in pressed:  # one at a time, as a person types
        subprocess.run(["tmux", "send-keys", "-t", name, key], check=True)
        time.sleep(0.3)


def wait_for(check: Callable[[], bool], what: str, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.25)
    raise AssertionError(f"timed out waiting for {what}")


def document_has(root: Path, check: Callable[[MappingDocument], bool]) -> bool:
    try:
        return check(saved(root))
    except Exception:  # the file is being replaced right now; look again
        return False


def test_keys_typed_in_a_real_terminal_change_the_mapping_document(tmp_path: Path, tmux_session: str) -> None:
    write_workspace(tmp_path, small_document())
    command = f"{HLMAP} review -w {tmp_path} --who smoke"
    subprocess.run(
        ["tmux", "new-session", "-d", "-s", tmux_session, "-x", "120", "-y", "40", command], check=True
    )
    wait_for(lambda: "Objects" in screen(tmux_session) and "pending 16" in screen(tmux_session), "overview")
    keys(tmux_session, "Down", "Enter")
    wait_for(lambda: "Object · clients" in screen(tmux_session), "the clients screen")
    keys(tmux_session, "Down", "a", "Down", "r")  # accept email, reject name

    def decided(doc: MappingDocument) -> bool:
        email, name = doc.find("field:clients.email"), doc.find("field:clients.name")
        return email.status is Status.ACCEPTED and name.status is Status.REJECTED

    wait_for(lambda: document_has(tmp_path, decided), "the two decisions on disk")
    wait_for(lambda: "accepted 1" in screen(tmux_session), "the counts bar to show the decision")
    keys(tmux_session, "q")
    wait_for(lambda: "decisions saved in" in screen(tmux_session) or not screen(tmux_session), "exit", 30)
    doc = saved(tmp_path)
    assert doc.find("field:clients.email").decided_by == "smoke"
    assert doc.find("field:clients.phone").status is Status.PROPOSED  # nothing else was touched


def test_a_tag_merge_in_a_real_terminal_shows_its_marks_and_asks(tmp_path: Path, tmux_session: str) -> None:
    write_workspace(tmp_path, small_document())
    command = f"{HLMAP} review -w {tmp_path} --who smoke"
    subprocess.run(
        ["tmux", "new-session", "-d", "-s", tmux_session, "-x", "120", "-y", "40", command], check=True
    )
    wait_for(lambda: "Objects" in screen(tmux_session), "overview")
    keys(tmux_session, "t")
    wait_for(lambda: "Tag clusters" in screen(tmux_session), "the tags screen")
    keys(tmux_session, "Down", "Space", "Down", "Space")  # mark Priority and Boiler
    wait_for(lambda: screen(tmux_session).count("◆") >= 3, "two visible marks beside the header")
    keys(tmux_session, "Up", "Up", "m")  # merge into VIP
    wait_for(lambda: "Merge 2 clusters?" in screen(tmux_session), "the merge question")
    keys(tmux_session, "y")
    wait_for(lambda: document_has(tmp_path, lambda doc: len(doc.tags) == 1), "the merge on disk")
    keys(tmux_session, "q")
    assert set(saved(tmp_path).tags[0].members) >= {"vip", "boiler"}
