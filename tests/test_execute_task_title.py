"""A task table with nothing mapped to the title: HighLevel refuses a task without one (the stand-in
answers 422 'title should not be empty'), so its rows are held at plan time, each with the reason."""

from __future__ import annotations

from pathlib import Path

from assistant.execute.prepare import prepare
from tests.test_execute_support import document, load_raw, tiny_workspace


def test_tasks_without_a_title_map_are_held_with_the_reason(tmp_path: Path) -> None:
    doc = document()
    doc.fields = [f for f in doc.fields if f.id != "field:jobs.title"]
    ws = tiny_workspace(tmp_path / "ws", doc)
    load_raw(ws)
    prepare(ws)
    con = ws.connect()
    made = con.execute("SELECT count(*) FROM exec.records WHERE target = 'task'").fetchone()
    held = con.execute(
        "SELECT error FROM exec.transform_errors "
        "WHERE target = 'task' AND field_id = 'required:title' AND held"
    ).fetchall()
    assert made == (0,)
    assert len(held) == 3 and all("HighLevel requires title for a task" in m for (m,) in held)
