"""The field-level diff of a sample: every field sent, read back from HighLevel by id, compared.

One row per (record, field): source value, the value we expected HighLevel to hold, the value it
holds, and whether they match. Written as Markdown (for people) and CSV (for spreadsheets).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from assistant.execute.deal_tags import contact_holds, tag_key
from assistant.execute.deal_tags_spec import DEAL_TAGS
from assistant.execute.document_readback import DOCUMENT_OBJECTS, document_view, read_document
from assistant.execute.sender import read_back
from assistant.execute.specs import RecordSpec, field_key
from assistant.execute.verify.messages import UNREAD_NOTE, conversation_messages, sent_view
from assistant.execute.verify.values import custom_value, flatten, held_value, same, shown
from assistant.highlevel.client import HighLevelClient
from assistant.highlevel.errors import HighLevelError
from assistant.report_csv import write_report_csv
from assistant.transforms.sqltext import ident

__all__ = ["DiffRow", "compare", "custom_value", "sample_diff", "write_reports"]


@dataclass
class DiffRow:
    object: str
    source_key: str
    hl_id: str
    field: str
    source: str
    expected: str
    actual: str
    match: bool


def compare(
    sent: dict[str, Any], actual: dict[str, Any], names: dict[str, str], country: str | None = None
) -> list[tuple[str, Any, Any, bool]]:
    """(field, expected, held, same) for every field sent; custom fields labelled ``name (fieldKey)``.

    Compared as the read-back verification compares: case kept, normalised only where HighLevel
    normalises (tags, phones, timestamps, numbers).
    """
    rows: list[tuple[str, Any, Any, bool]] = []
    for label, expected in flatten(sent, names).items():
        held = held_value(actual, label, names)
        rows.append((label, expected, held, same(label, expected, held, country)))
    return rows


def field_names(specs: list[RecordSpec], field_ids: dict[str, str]) -> dict[str, str]:
    """Custom field id -> ``name (fieldKey)`` for the custom fields the specs write."""
    out: dict[str, str] = {}
    for spec in specs:
        for fm in spec.fields:
            custom = fm.target.custom_field
            if custom is not None and custom.field_key in field_ids:
                out[field_ids[custom.field_key]] = f"{custom.name} ({custom.field_key})"
    return out


def source_columns(spec: RecordSpec) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for fm in spec.fields:
        out.setdefault(field_key(fm), []).extend(fm.source_columns)
    return out


async def sample_diff(
    hl: HighLevelClient,
    con: duckdb.DuckDBPyConnection,
    run_id: str,
    specs: list[RecordSpec],
    field_ids: dict[str, str],
    country: str | None = None,
    zone: str | None = None,
) -> list[DiffRow]:
    """Read back every record the run wrote; ``field_ids`` is custom field key -> id; date-times are
    also shown in ``zone``'s wall-clock time (the source's)."""
    names = field_names(specs, field_ids)
    key_of = {names[fid]: "cf:" + key for key, fid in field_ids.items() if fid in names}
    by_kind = {(s.hl_object, s.source_object): s for s in specs}
    rows = con.execute(
        """SELECT object, source_object, source_key, hl_id, parent_id, sent, outcome FROM exec.ledger
        WHERE run_id = ? AND status = 'done' AND action IN ('create', 'update')
        ORDER BY pass, source_object, source_key""",
        [run_id],
    ).fetchall()
    out: list[DiffRow] = []
    added = _deal_tags_added(rows)
    for target, source_object, key, hl_id, parent_id, sent_json, outcome in rows:
        spec = by_kind.get((target, source_object))
        if spec is None or not sent_json:
            continue
        if outcome == "existing":  # HighLevel matched it to a record already there: nothing was written
            note = f"duplicate of {hl_id}: values not written"
            out.append(DiffRow(target, key, hl_id, "*", "", "a new record", note, False))
            continue
        sent = json.loads(sent_json)
        try:
            if target == DEAL_TAGS:  # the row's tags among the contact's own: contained, not equal
                src = " | ".join(
                    str(_source_row(con, spec, key).get(c) or "") for c in source_columns(spec)["tags"]
                )
                out.append(DiffRow(target, key, hl_id, "tags", src, *await contact_holds(hl, hl_id, sent)))
                continue
            if target in DOCUMENT_OBJECTS:  # compared as documents: lines, number, dates, contact
                sent = document_view(sent)
                actual = document_view(await read_document(hl, target, hl_id))
            elif target == "message":  # compared as messages, read from their conversation
                sent = sent_view(sent)
                unread = {k: sent.pop(k) for k in UNREAD_NOTE if k in sent}
                out += [
                    DiffRow(target, key, hl_id, k, "", str(v), UNREAD_NOTE[k], True)
                    for k, v in unread.items()
                ]
                actual = (await conversation_messages(hl, parent_id or "")).get(hl_id, {})
            else:
                actual = await read_back(hl, target, hl_id, parent_id, spec.custom_object_key)
                if target == "contact" and hl_id in added:
                    actual = _without_added(actual, sent, added[hl_id])
        except HighLevelError as exc:
            out.append(DiffRow(target, key, hl_id, "*", "", "record", f"not readable: {exc}", False))
            continue
        source = _source_row(con, spec, key)
        columns = source_columns(spec)
        for fname, expected, got, ok in compare(sent, actual, names, country):
            lookup = key_of.get(fname, fname)
            src = " | ".join(str(source.get(c) or "") for c in columns.get(lookup, []))
            out.append(DiffRow(target, key, hl_id, fname, src, shown(expected, zone), shown(got, zone), ok))
    return out


def _deal_tags_added(rows: list[tuple[Any, ...]]) -> dict[str, set[str]]:
    """Contact id -> the tags this run's deal rows added to it (the ledger keeps only the added ones)."""
    out: dict[str, set[str]] = {}
    for target, _, _, hl_id, _, sent_json, _ in rows:
        if target == DEAL_TAGS and sent_json:
            out.setdefault(hl_id, set()).update(tag_key(t) for t in json.loads(sent_json).get("tags") or [])
    return out


def _without_added(actual: dict[str, Any], sent: dict[str, Any], added: set[str]) -> dict[str, Any]:
    """The contact as read, less the tags deal rows added beside its own: its own tags compare as sent."""
    own = {tag_key(str(t)) for t in sent.get("tags") or []}
    tags = [t for t in actual.get("tags") or [] if tag_key(str(t)) in own or tag_key(str(t)) not in added]
    return {**actual, "tags": tags}


def _source_row(con: duckdb.DuckDBPyConnection, spec: RecordSpec, key: str) -> dict[str, Any]:
    from assistant.execute.raw_source import raw_columns, source_key_sql

    if not raw_columns(con, spec.source_object):
        return {}  # a record no source row made (the holding contact)
    cursor = con.execute(
        f"SELECT * FROM raw.{ident(spec.source_object)} WHERE {source_key_sql(con, spec)} = ? LIMIT 1", [key]
    )
    row = cursor.fetchone()
    names = [d[0] for d in cursor.description or []]
    return dict(zip(names, row, strict=True)) if row else {}


def write_reports(
    rows: list[DiffRow],
    folder: Path,
    run_id: str,
    failed: Sequence[str] = (),
    problems: Sequence[str] = (),
) -> tuple[Path, Path]:
    """The sample's field-level diff; ``failed`` (its operations HighLevel refused) and ``problems``
    (setup it could not do: a custom field not created) head it, since neither has a row below."""
    md_path = folder / f"sample-diff-{run_id}.md"
    csv_path = folder / f"sample-diff-{run_id}.csv"
    write_report_csv(
        csv_path,
        ["object", "source_key", "highlevel_id", "field", "source", "expected", "actual", "match"],
        ([r.object, r.source_key, r.hl_id, r.field, r.source, r.expected, r.actual, r.match] for r in rows),
    )
    mismatches = [r for r in rows if not r.match]
    records = len({(r.object, r.source_key) for r in rows})
    lines = [
        f"# Sample diff — run {run_id}",
        "",
        f"{records} records, {len(rows)} fields compared, {len(mismatches)} mismatches.",
        "",
    ]
    if failed:
        head = f"**{len(failed)} operations of this sample failed** (no row below: fix, then sample again)"
        lines += [head, ""]
        lines += [f"- {_md(line)}" for line in failed] + [""]
    if problems:
        lines += [f"**Setup not done** (what depends on it was not sent): {len(problems)}", ""]
        lines += [f"- {_md(line)}" for line in problems] + [""]
    lines += [
        f"Approve with `hlmap apply --approve-sample {run_id} --location-id …` once every row below "
        "is right.",
        "",
        "| object | source key | field | source | expected | actual | match |",
        "|---|---|---|---|---|---|---|",
    ]
    lines += [
        f"| {r.object} | {_md(r.source_key)} | {_md(r.field)} | {_md(r.source)} | {_md(r.expected)} "
        f"| {_md(r.actual)} "
        f"| {'yes' if r.match else '**NO**'} |"
        for r in rows
    ]
    md_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return md_path, csv_path


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")[:120]
