"""A private customer's 'Name' / 'Surname' beside a business's 'Contact first name' / 'Contact surname'.

Each pair is filled on the rows the other leaves blank: the bare 'Name' is the first name, and each
name part is one field over its two columns. A kind column with a third kind ('Estate agent') beside
the company / person split carries a label the contact keeps.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import yaml

from assistant.cli import app
from tests.test_execute_flow import runner

HEADER = ["Type", "Name", "Surname", "Company name", "Contact first name", "Contact surname", "Email"]
FIRST = ["Grace", "Liam", "Ethan", "Chloe", "Noah", "Ava", "Mia", "Leo"]
LAST = ["Price", "Brooks", "Patel", "Hughes", "Reed", "Stone", "Lane", "Moss"]


def _rows(third_kind: bool) -> list[list[str]]:
    rows = []
    for i, (first, last) in enumerate(zip(FIRST, LAST, strict=True)):
        if i % 2:
            kind = "Estate agent" if third_kind and i % 4 == 1 else "Company"
            firm = f"{last} Holdings"
            rows.append([kind, "", "", firm, first, last, f"{first.lower()}@{last.lower()}.co.uk"])
        else:
            rows.append(
                ["Private customer", first, last, "", "", "", f"{first.lower()}.{last.lower()}@mail.test"]
            )
    return rows


def _fields(tmp_path: Path, third_kind: bool) -> list[dict[str, Any]]:
    src, ws = tmp_path / "src", tmp_path / "ws"
    src.mkdir()
    with (src / "customers.csv").open("w", newline="") as f:
        csv.writer(f).writerows([HEADER, *_rows(third_kind)])
    dest = tmp_path / "dest.json"
    dest.write_text(json.dumps({"location": {"id": "loc1", "name": "Shop", "country": "GB"}}))
    for args in (["ingest", str(src)], ["profile"], ["target", "load", str(dest)], ["propose"]):
        result = runner.invoke(app, [*args, "-w", str(ws)], catch_exceptions=False)
        assert result.exit_code == 0, result.output
    doc = yaml.safe_load((ws / "mapping.yaml").read_text())
    return [f for f in doc["fields"] if f["source_object"] == "customers"]


def _target(fields: list[dict[str, Any]], column: str) -> dict[str, Any]:
    return next(
        f["target"]
        for f in fields
        if column in f["source_columns"] and f["target"].get("object") != "company"
    )


def test_each_name_part_is_one_field_over_the_columns_filled_on_other_rows(tmp_path: Path) -> None:
    fields = _fields(tmp_path, third_kind=False)
    first = next(f for f in fields if f["target"].get("field") == "firstName")
    last = next(f for f in fields if f["target"].get("field") == "lastName")
    assert first["source_columns"] == ["Name", "Contact first name"]
    assert last["source_columns"] == ["Surname", "Contact surname"]
    assert first["transform"]["kind"] == "concat"  # one of the two holds a value on any row
    # the person at a business keeps the business's e-mail: no company copy of it
    assert not any(
        f["target"].get("object") == "company" and f["target"].get("field") == "email" for f in fields
    )


def test_a_kind_column_with_only_companies_and_people_decides_the_record(tmp_path: Path) -> None:
    assert _target(_fields(tmp_path, third_kind=False), "Type")["kind"] == "skip"


def test_a_third_kind_beside_companies_and_people_is_kept_as_a_label(tmp_path: Path) -> None:
    target = _target(_fields(tmp_path, third_kind=True), "Type")
    assert target["kind"] == "custom_new"
    assert target["custom_field"]["data_type"] in ("SINGLE_OPTIONS", "RADIO", "TEXT")
