"""JSON and NDJSON API dumps: flattening, exact number text, child tables, envelopes, bad lines."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from assistant.errors import InputError
from assistant.ingest import ingest_paths
from assistant.ingest.json_stream import JsonRecords
from assistant.workspace import Workspace

ESTIMATES = """{"data": [
  {"id": 7, "full-reference": "PRE00007", "total-amount": 1.50, "settled": false, "deleted": null,
   "comments": "", "tags": ["vip", 2], "main-address": {"city-town": "Madrid", "geo": {"lat": 40.40}},
   "lines": [{"item-name": "Tornillo", "units": 2}, {"item-name": "Mano de obra", "units": 1.0}]},
  {"id": 8, "full-reference": "PRE00008", "total-amount": 3, "lines": []}
], "total": 2, "page": 1}"""


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    return Workspace(tmp_path / "ws").ensure()


def rows(ws: Workspace, sql: str) -> list[tuple[Any, ...]]:
    return ws.connect().execute(sql).fetchall()


def test_wrapped_list_is_flattened_with_exact_text(ws: Workspace, tmp_path: Path) -> None:
    dump = tmp_path / "dump"
    dump.mkdir()
    (dump / "salesEstimates.json").write_text(ESTIMATES, encoding="utf-8")
    result = ingest_paths(ws, [dump]).by_object("salesEstimates")
    assert result.rows == 2
    assert any("envelope" in note and "total" in note and "page" in note for note in result.notes)
    got = rows(
        ws,
        'SELECT id, "total-amount", settled, deleted, comments, tags, "main-address.city-town",'
        ' "main-address.geo.lat", _row FROM raw."salesEstimates" ORDER BY _row',
    )
    assert got[0] == ("7", "1.50", "false", None, "", '["vip", 2]', "Madrid", "40.40", 1)
    assert got[1] == ("8", "3", None, None, None, None, None, None, 2)


def test_arrays_of_objects_become_child_tables_keyed_to_parent(ws: Workspace, tmp_path: Path) -> None:
    src = tmp_path / "salesEstimates.json"
    src.write_text(ESTIMATES, encoding="utf-8")
    result = ingest_paths(ws, [src]).by_object("salesEstimates")
    assert [t.table for t in result.tables] == ["salesEstimates", "salesEstimates__lines"]
    assert rows(
        ws,
        'SELECT "item-name", units, _row, _parent_row, _parent_key, _index FROM raw."salesEstimates__lines"'
        " ORDER BY _row",
    ) == [("Tornillo", "2", 1, 1, "7", 1), ("Mano de obra", "1.0", 2, 1, "7", 2)]
    # an empty array has no child rows but is kept as its text on the parent
    assert rows(ws, "SELECT lines FROM raw.\"salesEstimates\" WHERE id = '8'") == [("[]",)]


def test_top_level_array_and_case_colliding_keys(ws: Workspace, tmp_path: Path) -> None:
    src = tmp_path / "clients.json"
    src.write_text(
        json.dumps([{"id": 1, "Name": "a", "name": "b"}, {"id": 2, "extra": True}]), encoding="utf-8"
    )
    result = ingest_paths(ws, [src]).by_object("clients")
    assert rows(ws, 'SELECT id, "Name", name_2, extra FROM raw.clients ORDER BY _row') == [
        ("1", "a", "b", None),
        ("2", None, None, "true"),
    ]
    assert any("name_2" in note for note in result.notes)


def test_ndjson_bad_lines_are_rejected_with_line_and_column(ws: Workspace, tmp_path: Path) -> None:
    src = tmp_path / "contacts.ndjson"
    src.write_text('{"id": 1, "name": "a"}\n{"id": 2, "name": \n\n{"id": 3}\n[1, 2]\n', encoding="utf-8")
    result = ingest_paths(ws, [src]).by_object("contacts")
    assert (result.rows, result.rejected) == (2, 2)
    assert rows(ws, "SELECT id, _row FROM raw.contacts ORDER BY _row") == [("1", 1), ("3", 4)]
    rejects = rows(ws, 'SELECT line, "column", reason, raw FROM meta.rejects ORDER BY line')
    assert rejects[0][:2] == (2, "18") and "invalid JSON at column 18: Expecting value" in rejects[0][2]
    assert rejects[0][3] == '{"id": 2, "name": '
    assert rejects[1][:2] == (5, "1") and "expected a JSON object" in rejects[1][2]


def test_json_file_holding_one_object_per_line_is_read_as_ndjson(ws: Workspace, tmp_path: Path) -> None:
    src = tmp_path / "events.json"
    src.write_text('{"id": "e1"}\n{"id": "e2"}\n', encoding="utf-8")
    assert ingest_paths(ws, [src]).by_object("events").rows == 2


def test_invalid_json_document_names_line_and_column(ws: Workspace, tmp_path: Path) -> None:
    src = tmp_path / "broken.json"
    src.write_text('[\n  {"id": 1},\n  {"id": 2,, "x": 1}\n]\n', encoding="utf-8")
    result = ingest_paths(ws, [src]).by_object("broken")
    assert result.status == "failed"
    assert result.error is not None and f"{src.resolve()}, line 3, column 12" in result.error
    assert not ws.table_exists("raw", "broken")


def test_stream_reads_items_across_chunk_boundaries(tmp_path: Path) -> None:
    import assistant.ingest.json_stream as stream

    items = [{"id": n, "text": "x" * (n % 50), "amount": f"{n}.10"} for n in range(2000)]
    expected = [{**item, "id": str(item["id"])} for item in items]  # numbers arrive as their text
    src = tmp_path / "big.json"
    src.write_text(json.dumps({"items": items, "count": 2000}), encoding="utf-8")
    original = stream.CHUNK_CHARS
    stream.CHUNK_CHARS = 97  # force many refills in the middle of keys, strings and numbers
    try:
        with src.open(encoding="utf-8") as handle:
            reader = JsonRecords(handle, str(src))
            got = list(reader)
    finally:
        stream.CHUNK_CHARS = original
    assert [r for _, r in got] == expected
    assert reader.envelope_keys == ["count"]


def test_scalar_document_is_a_clear_error(tmp_path: Path) -> None:
    src = tmp_path / "scalar.json"
    src.write_text("42", encoding="utf-8")
    with src.open(encoding="utf-8") as handle, pytest.raises(InputError, match="line 1, column 1"):
        list(JsonRecords(handle, str(src)))


def test_repeated_and_colliding_keys_keep_every_value(ws: Workspace, tmp_path: Path) -> None:
    src = tmp_path / "odd.json"
    src.write_text('[{"a": 1, "a": 2, "b.c": "flat", "b": {"c": "nested"}}]', encoding="utf-8")
    ingest_paths(ws, [src])
    assert rows(ws, 'SELECT a, a_2, "b.c", "b.c_2" FROM raw.odd') == [("1", "2", "flat", "nested")]
