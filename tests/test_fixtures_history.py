"""The seed fixtures' activity logs carry the mess their manifests state: times with an offset, in
UTC and with no zone in one column, empty and HTML bodies, threads past 5,000 characters, and rows
whose contact the export does not hold."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path
from typing import Any

import pytest

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
# platform -> (history file, contact file, its key, history's contact column, history's time, body)
LOGS = {
    "stel_order": ("history.json", "clients.json", "id", "account-id", "date", "description"),
    "contractor_plus": ("communications.csv", "clients.csv", "Client ID", "Client ID", "Date", "Message"),
    "perfect_books": ("activities.csv", "contacts.csv", "id", "contact_id", "occurred_at", "body"),
}
OFFSET = re.compile(r"(Z|[+-]\d\d:?\d\d)$")


def records(path: Path) -> list[dict[str, Any]]:
    if path.suffix == ".json":
        return list(json.loads(path.read_text(encoding="utf-8")))
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.parametrize("platform", sorted(LOGS))
def test_activity_log_mess_is_what_the_manifest_states(platform: str) -> None:
    log_file, contact_file, key, link, stamp, body = LOGS[platform]
    manifest = json.loads((FIXTURES / platform / "manifest.json").read_text(encoding="utf-8"))
    stated = manifest["mess"]["history"]
    rows = records(FIXTURES / platform / "source" / log_file)
    contacts = {str(r[key]) for r in records(FIXTURES / platform / "source" / contact_file)}
    bodies = [str(r[body] or "") for r in rows]
    assert len(rows) == stated["rows"] == manifest["record_counts"][log_file]
    assert sum(not b.strip() for b in bodies) == stated["empty_bodies"] > 0
    assert sum(b.lstrip().startswith("<") for b in bodies) == stated["html_bodies"] > 0
    assert sum(len(b) > 5000 for b in bodies) == stated["bodies_over_5000"] > 0
    assert sum(str(r[link]) not in contacts for r in rows) == stated["unresolved_contacts"] > 0
    stamps = [str(r[stamp]) for r in rows]
    with_zone = sum(bool(OFFSET.search(s)) for s in stamps)
    assert 0 < with_zone < len(stamps)  # some times carry their offset, others are wall-clock time only
