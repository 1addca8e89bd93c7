"""The ledger's journal: a run's status changes land in ``exec.ledger`` exactly as single statements
would have put them, and a process killed between two folds loses none of them."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from assistant.errors import HlmapError
from assistant.execute import ledger
from assistant.ledger_fold import fold_entries
from assistant.ledger_journal import JOURNAL_NAME, Journal, journaled
from assistant.workspace import Workspace

RUN = "20260101T000000-abcdef"


def op(n: int) -> ledger.Op:
    return ledger.Op(f"contact:clients:{n}", 2, "create", "contact", "clients", str(n), f"hash{n}")


def changes(con: Any) -> None:
    """Every kind of change, a resumed operation and an update of a row that is not there."""
    ledger.start(con, RUN, op(1), {"firstName": "Ana", "tags": ["vip"]})
    ledger.done(con, RUN, op(1).op_id, "HL1", "created", parent_id="P1")
    ledger.start(con, RUN, op(2), {"firstName": "Bo"}, hl_id="HL2", previous={"city": "Lugo"})
    ledger.failed(con, RUN, op(2).op_id, "x" * 2500)
    ledger.start(con, RUN, op(2), {"firstName": "Bob"}, hl_id="OTHER", previous={"city": "Vigo"})
    ledger.mark(con, RUN, op(2).op_id, "failed")  # no error given: the last one stays
    ledger.start(con, RUN, op(3), None)
    ledger.done(con, RUN, "contact:clients:never-started", "HLX", "created")
    ledger.mark(con, RUN, op(1).op_id, "rolled_back", "asked for")


def rows(con: Any) -> list[tuple[Any, ...]]:
    ledger.ensure(con)
    return con.execute("SELECT * EXCLUDE (updated_at) FROM exec.ledger ORDER BY op_id").fetchall()  # type: ignore[no-any-return]


def test_a_journaled_run_leaves_the_rows_single_statements_leave(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    direct = Workspace(tmp_path / "direct").ensure().connect()
    ledger.ensure(direct)
    changes(direct)

    monkeypatch.setattr(Journal, "BATCH", 3)  # folds in the middle of an operation's changes too
    journal_ws = Workspace(tmp_path / "journaled").ensure()
    con = journal_ws.connect()
    with journaled(con, journal_ws.root / JOURNAL_NAME):
        changes(con)
        resumed = ledger.latest(con, op(2).op_id)  # a read sees lines not folded yet
        assert resumed is not None and resumed.status == "failed"
    assert rows(con) == rows(direct)
    assert [r[10] for r in rows(con)] == ["rolled_back", "failed", "started"]
    assert not (journal_ws.root / JOURNAL_NAME).exists()


KILLED_RUN = """
    import os, signal, sys
    from pathlib import Path
    from assistant.ledger_journal import JOURNAL_NAME, journal_change, journaled
    from assistant.workspace import Workspace

    run, (one, two) = sys.argv[2], sys.argv[3:5]
    started = {"pass": 2, "action": "create", "object": "contact", "source_object": "clients"}
    started |= {"source_key": "1", "payload_hash": "h", "hl_id": None, "sent": "{}", "previous": None}
    ws = Workspace(Path(sys.argv[1])).ensure()
    con = ws.connect()
    with journaled(con, ws.root / JOURNAL_NAME):  # what ledger.start / ledger.done journal in a run
        journal_change(con, "start", run, one, started)
        journal_change(con, "done", run, one, {"hl_id": "HL1", "outcome": "created", "parent_id": None})
        journal_change(con, "start", run, two, started)  # sent, answer never ledgered
        os.kill(os.getpid(), signal.SIGKILL)
"""


def test_a_killed_run_s_journal_is_folded_when_the_workspace_opens(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    script = textwrap.dedent(KILLED_RUN)
    killed = subprocess.run(
        [sys.executable, "-c", script, str(root), RUN, op(1).op_id, op(2).op_id],
        cwd=Path(__file__).parent.parent,
    )
    assert killed.returncode == -signal.SIGKILL
    journal = root / JOURNAL_NAME
    assert journal.exists()
    with journal.open("a", encoding="utf-8") as handle:  # a line the kill cut short: never synced
        handle.write('{"seq": 4, "kind": "done", "run_id": "' + RUN)
    con = Workspace(root).connect()  # opening folds it
    statuses = con.execute("SELECT op_id, status, hl_id FROM exec.ledger ORDER BY op_id").fetchall()
    assert statuses == [(op(1).op_id, "done", "HL1"), (op(2).op_id, "started", None)]
    assert not journal.exists()
    assert ledger.current(con)[op(2).op_id].status == "started"  # the next apply looks it up first


def test_a_journal_folded_twice_counts_each_attempt_once(tmp_path: Path) -> None:
    con = Workspace(tmp_path / "ws").ensure().connect()
    ledger.ensure(con)
    at = "2026-01-01T00:00:00+00:00"
    line = {"kind": "start", "run_id": RUN, "op_id": op(1).op_id, "updated_at": at, "pass": 2}
    line |= {"action": "create", "object": "contact", "source_object": "clients", "source_key": "1"}
    line |= {"payload_hash": "h", "hl_id": None, "sent": "{}", "previous": None, "seq": 1}
    fold_entries(con, "journal-1", [line])
    fold_entries(con, "journal-1", [line])  # killed after the fold's commit, before the truncate
    assert con.execute("SELECT attempts, status FROM exec.ledger").fetchall() == [(1, "started")]


def test_a_journal_mangled_before_its_last_line_is_refused_in_one_line(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    Workspace(root).ensure().close()
    (root / JOURNAL_NAME).write_text('{"journal": "j1"}\nnot a change\n{"journal": "j1"}\n', encoding="utf-8")
    with pytest.raises(HlmapError) as refused:
        Workspace(root).connect()
    assert str(refused.value).startswith(f"{root / JOURNAL_NAME}: line 2 is not a ledger change")
    assert "\n" not in str(refused.value)


def test_opening_the_workspace_again_during_a_run_leaves_the_run_s_journal_alone(tmp_path: Path) -> None:
    workspace = Workspace(tmp_path / "ws").ensure()
    con = workspace.connect()
    journal = workspace.root / JOURNAL_NAME
    with journaled(con, journal):
        ledger.start(con, RUN, op(1), {"firstName": "Ana"})
        again = Workspace(workspace.root)
        again.connect()  # a second look at the same workspace in this process
        assert journal.exists()  # still synced to by the run, not folded and removed under it
        ledger.done(con, RUN, op(1).op_id, "HL1", "created")
        again.close()
    assert ledger.current(con)[op(1).op_id].status == "done"
