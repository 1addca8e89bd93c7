"""Load records and re-ingest: unchanged files are skipped, changed ones replace atomically."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest

from assistant.ingest import ingest_paths
from assistant.workspace import Workspace


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    return Workspace(tmp_path / "ws").ensure()


def rows(ws: Workspace, sql: str) -> list[tuple[Any, ...]]:
    return ws.connect().execute(sql).fetchall()


def test_load_record_holds_hash_size_rows_and_format(ws: Workspace, tmp_path: Path) -> None:
    src = tmp_path / "jobs.csv"
    src.write_text("id;status\n1;New\n2;On Hold\n3\n", encoding="utf-8")
    result = ingest_paths(ws, [src]).by_object("jobs")
    data = src.read_bytes()
    record = rows(
        ws,
        "SELECT load_id, object, path, size_bytes, sha256, row_count, rejected_count, format, encoding,"
        " delimiter, loaded_at IS NOT NULL FROM meta.loads",
    )
    assert record == [
        (result.load_id, "jobs", str(src.resolve()), len(data), hashlib.sha256(data).hexdigest(), 2, 1, "csv",
         "utf-8", ";", True),
    ]  # fmt: skip
    assert rows(ws, "SELECT DISTINCT _load_id FROM raw.jobs") == [(result.load_id,)]


def test_unchanged_file_is_reported_and_not_reloaded(ws: Workspace, tmp_path: Path) -> None:
    src = tmp_path / "jobs.csv"
    src.write_text("id,status\n1,New\n2,x,y\n", encoding="utf-8")
    first = ingest_paths(ws, [src]).by_object("jobs")
    second = ingest_paths(ws, [src]).by_object("jobs")
    assert second.status == "unchanged"
    assert (second.load_id, second.rows, second.rejected) == (first.load_id, 1, 1)
    assert rows(ws, "SELECT count(*) FROM meta.loads") == [(1,)]
    assert rows(ws, "SELECT count(*) FROM meta.rejects") == [(1,)]


def test_changed_file_replaces_table_and_rejects(ws: Workspace, tmp_path: Path) -> None:
    src = tmp_path / "jobs.csv"
    src.write_text("id,status\n1,New\n2,x,y\n", encoding="utf-8")
    ingest_paths(ws, [src])
    src.write_text("id,status,owner\n1,Completed,ana@example.com\n2,New,bob@example.com\n", encoding="utf-8")
    result = ingest_paths(ws, [src]).by_object("jobs")
    assert (result.status, result.rows, result.rejected) == ("loaded", 2, 0)
    assert rows(ws, "SELECT id, status, owner FROM raw.jobs ORDER BY _row") == [
        ("1", "Completed", "ana@example.com"),
        ("2", "New", "bob@example.com"),
    ]
    assert rows(ws, "SELECT count(*) FROM meta.rejects") == [(0,)]
    assert rows(ws, "SELECT count(*) FROM meta.loads WHERE object = 'jobs'") == [(2,)]


def test_failed_reload_keeps_the_previous_table(ws: Workspace, tmp_path: Path) -> None:
    src = tmp_path / "clients.json"
    src.write_text('[{"id": 1, "lines": [{"sku": "A"}]}]', encoding="utf-8")
    ingest_paths(ws, [src])
    src.write_text('[{"id": 1}, {"id": ]', encoding="utf-8")
    result = ingest_paths(ws, [src]).by_object("clients")
    assert result.status == "failed"
    assert rows(ws, "SELECT id FROM raw.clients") == [("1",)]
    assert rows(ws, "SELECT sku FROM raw.clients__lines") == [("A",)]


def test_child_tables_of_the_previous_load_are_dropped(ws: Workspace, tmp_path: Path) -> None:
    src = tmp_path / "orders.json"
    src.write_text('[{"id": 1, "lines": [{"sku": "A"}]}]', encoding="utf-8")
    ingest_paths(ws, [src])
    src.write_text('[{"id": 1, "items": [{"sku": "B"}]}]', encoding="utf-8")
    ingest_paths(ws, [src])
    assert not ws.table_exists("raw", "orders__lines")
    assert rows(ws, "SELECT sku, _parent_key FROM raw.orders__items") == [("B", "1")]
    unchanged = ingest_paths(ws, [src]).by_object("orders")
    assert unchanged.status == "unchanged"
    assert [(t.table, t.rows) for t in unchanged.tables] == [("orders", 1), ("orders__items", 1)]


def test_forcing_another_encoding_reloads_an_unchanged_file(tmp_path: Path) -> None:
    src = tmp_path / "names.csv"
    src.write_bytes("name\nPeña\n".encode("cp1252"))
    first = Workspace(tmp_path / "ws").ensure()
    assert ingest_paths(first, [src]).by_object("names").encoding == "cp1252"
    first.close()
    forced = Workspace(tmp_path / "ws", {"ingest": {"encoding": "latin-1"}}).ensure()
    result = ingest_paths(forced, [src]).by_object("names")
    assert (result.status, result.encoding) == ("loaded", "iso8859-1")
    assert rows(forced, "SELECT name FROM raw.names") == [("Peña",)]
