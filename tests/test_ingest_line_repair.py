"""Lines with a wrong field count are read back when the file's good rows single out one reading.

Each test writes a small export shaped like the seeds' (ids, names, companies, emails, phones,
notes, cities, two-letter states, zip codes) with one broken line, and checks the raw table,
``meta.repairs`` and ``meta.rejects``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from assistant.cli import app
from assistant.ingest import ingest_paths
from assistant.workspace import Workspace

HEADER = "id,name,company,email,phone,notes,city,state,zip"
CITIES = [("Austin", "TX", "78701"), ("Portland", "OR", "97201"), ("Denver", "CO", "80202")]
FIRST = ["Ana", "Bob", "Carla", "Dan", "Eve", "Frank", "Gina", "Hugo"]
LAST = ["Miller", "Lopez", "Nguyen", "Brooks", "Cole"]


def good_rows(count: int = 30, commas_in_names: bool = False) -> list[str]:
    """Well-formed rows; a company or a note with a comma is quoted, as an export writes it."""
    out = []
    for i in range(count):
        first, last = FIRST[i % len(FIRST)], LAST[i % len(LAST)]
        city, state, zip_code = CITIES[i % len(CITIES)]
        name = f'"{last}, {first}"' if commas_in_names and i % 4 == 0 else f"{first} {last}"
        company = ["", f"{last} Plumbing", f'"{last} Holdings, LLC"'][i % 3]
        note = ["", "Call before arriving", '"Side gate, code changes monthly"'][i % 3]
        email = f"{first.lower()}.{last.lower()}{i}@example.com"
        phone = f"(512) 555-{1000 + i:04d}"
        out.append(f"{1001 + i},{name},{company},{email},{phone},{note},{city},{state},{zip_code}")
    return out


def write(tmp_path: Path, lines: list[str], name: str = "clients.csv") -> Path:
    path = tmp_path / name
    path.write_text("\n".join([HEADER, *lines]) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    return Workspace(tmp_path / "ws").ensure()


def rows(ws: Workspace, sql: str, params: list[Any] | None = None) -> list[tuple[Any, ...]]:
    return ws.connect().execute(sql, params or []).fetchall()


def test_unquoted_comma_in_a_company_is_rejoined_and_the_row_keeps_its_record_number(
    ws: Workspace, tmp_path: Path
) -> None:
    good = good_rows()
    broken = "2001,Pat Lee,Lee, Sons & Co,pat@leesons.com,(512) 555-0100,Gate code 44,Austin,TX,78701"
    src = write(tmp_path, [*good[:10], broken, *good[10:]])
    result = ingest_paths(ws, [src]).by_object("clients")
    assert (result.rows, result.rejected, result.repaired) == (31, 0, 1)
    assert rows(
        ws, "SELECT id, name, company, email, city, state, zip, _row FROM raw.clients WHERE _row = 11"
    ) == [("2001", "Pat Lee", "Lee, Sons & Co", "pat@leesons.com", "Austin", "TX", "78701", 11)]
    assert [r[0] for r in rows(ws, "SELECT _row FROM raw.clients")] == list(range(1, 32))  # file order
    [(line, row, action, note, missing, raw)] = rows(
        ws, 'SELECT line, "row", action, note, missing, raw FROM meta.repairs'
    )
    assert (line, row, action, json.loads(missing), raw) == (12, 11, "re-joined", [], broken)
    assert note == "re-joined fields 3–4 of line 12: an unquoted ',' in company"


def test_a_line_cut_short_loads_what_it_has_and_its_missing_columns_are_null(
    ws: Workspace, tmp_path: Path
) -> None:
    good = good_rows()
    src = write(tmp_path, [*good[:5], "2002,Sam Taylor,,sam.taylor@example.ca", *good[5:]])
    result = ingest_paths(ws, [src]).by_object("clients")
    assert (result.rows, result.rejected, result.repaired) == (31, 0, 1)
    [row] = rows(
        ws, "SELECT id, name, company, email, phone, notes, city, state, zip FROM raw.clients WHERE _row = 6"
    )
    # an empty field of the line stays '', a column the line never reached is NULL: not in the export
    assert row == ("2002", "Sam Taylor", "", "sam.taylor@example.ca", None, None, None, None, None)
    [(action, note, missing)] = rows(ws, "SELECT action, note, missing FROM meta.repairs")
    assert action == "cut-short" and json.loads(missing) == ["phone", "notes", "city", "state", "zip"]
    assert note.startswith("line 7 ends after field 4 of 9: 5 fields missing from the export")


def test_a_line_broken_by_an_unquoted_line_break_is_joined_with_its_continuation(
    ws: Workspace, tmp_path: Path
) -> None:
    good = good_rows()
    first = "2003,Ann Fox,Fox Ltd,ann@fox.com,(512) 555-0101,Leave parcels"
    second = "at the back door,Denver,CO,80202"
    src = write(tmp_path, [*good[:3], first, second, *good[3:]])
    result = ingest_paths(ws, [src]).by_object("clients")
    assert (result.rows, result.rejected, result.repaired) == (31, 0, 1)
    [row] = rows(ws, "SELECT id, notes, city, state, zip, _row FROM raw.clients WHERE id = '2003'")
    assert row == ("2003", "Leave parcels\nat the back door", "Denver", "CO", "80202", 4)
    [(line, action, note, raw)] = rows(ws, "SELECT line, action, note, raw FROM meta.repairs")
    assert (line, action, raw) == (5, "joined-lines", first + "\n" + second)
    assert note == (
        "line 5 ends inside notes and continues on line 6 (an unquoted line break):"
        " the two lines joined into one row"
    )
    assert [r[0] for r in rows(ws, "SELECT id FROM raw.clients ORDER BY _row")][3:5] == ["2003", "1004"]


def test_a_line_two_readings_fit_stays_rejected_with_its_one_line(ws: Workspace, tmp_path: Path) -> None:
    good = good_rows(commas_in_names=True)  # names and companies both hold commas
    ambiguous = "2004,Lopez,Maria,Lopez Design,maria@lopez.com,(512) 555-0102,,Austin,TX,78701"
    src = write(tmp_path, [*good[:8], ambiguous, *good[8:]])
    result = ingest_paths(ws, [src]).by_object("clients")
    assert (result.rows, result.rejected, result.repaired) == (30, 1, 0)
    [(line, reason, raw)] = rows(ws, "SELECT line, reason, raw FROM meta.rejects")
    assert (line, raw) == (10, ambiguous)
    assert reason.startswith("TOO MANY COLUMNS")
    assert "not repaired: several readings of its fields fit the columns" in reason
    assert rows(ws, "SELECT count(*) FROM meta.repairs") == [(0,)]


def test_a_line_no_reading_fits_stays_rejected(ws: Workspace, tmp_path: Path) -> None:
    good = good_rows()
    shifted = "2005,Joe Cole,joe@cole.com,(512) 555-0103,Austin,TX,78701,extra,more,fields"
    src = write(tmp_path, [*good, shifted])
    result = ingest_paths(ws, [src]).by_object("clients")
    assert (result.rejected, result.repaired) == (1, 0)
    [(reason,)] = rows(ws, "SELECT reason FROM meta.rejects")
    assert "not repaired: no reading of its fields fits the columns" in reason


def test_too_few_good_rows_to_read_the_columns_leaves_the_line_rejected(
    ws: Workspace, tmp_path: Path
) -> None:
    src = write(tmp_path, [*good_rows(5), "2006,Sam Taylor,,sam.taylor@example.ca"])
    result = ingest_paths(ws, [src]).by_object("clients")
    assert (result.rejected, result.repaired) == (1, 0)


def test_the_repair_can_be_turned_off(tmp_path: Path) -> None:
    ws = Workspace(tmp_path / "ws").ensure()
    (ws.root / "hlmap.toml").write_text("[ingest]\nrepair_lines = false\n", encoding="utf-8")
    ws = Workspace(tmp_path / "ws").ensure()
    src = write(tmp_path, [*good_rows(), "2002,Sam Taylor,,sam.taylor@example.ca"])
    result = ingest_paths(ws, [src]).by_object("clients")
    assert (result.rows, result.rejected, result.repaired) == (30, 1, 0)
    [(reason,)] = rows(ws, "SELECT reason FROM meta.rejects")
    assert reason.startswith("MISSING COLUMNS") and "not repaired" not in reason


def test_ingest_summary_names_the_repaired_rows_per_file(tmp_path: Path) -> None:
    good = good_rows()
    src = write(tmp_path, [*good[:5], "2002,Sam Taylor,,sam.taylor@example.ca", *good[5:]])
    argv = ["ingest", str(src), "-w", str(tmp_path / "ws")]
    result = CliRunner(env={"COLUMNS": "250"}).invoke(app, argv)
    assert result.exit_code == 0, result.output
    assert (
        "clients: 1 row(s) repaired (a wrong field count read back), listed in meta.repairs" in result.output
    )
    assert f"{src.resolve()}, line 7: line 7 ends after field 4 of 9" in result.output
    again = CliRunner(env={"COLUMNS": "250"}).invoke(app, argv)
    assert "unchanged" in again.output and "clients: 1 row(s) repaired" in again.output


def test_three_unquoted_commas_in_one_value_of_a_wide_file_are_rejoined(
    ws: Workspace, tmp_path: Path
) -> None:
    shaped = ["id", "email", "date", "phone"] * 15  # 60 columns, one of them free text
    names = [f"{kind}_{i}" for i, kind in enumerate(shaped)]
    names[30] = "notes"

    def value(column: str, row: int) -> str:
        kind = column.split("_")[0]
        return {
            "id": str(5000 + row),
            "email": f"user{row}@example.com",
            "date": f"2024-0{row % 9 + 1}-1{row % 9}",
            "phone": f"(512) 555-{2000 + row:04d}",
            "notes": ["Call first", "Back door", ""][row % 3],
        }[kind]

    lines = [",".join(names)] + [",".join(value(c, r) for c in names) for r in range(25)]
    broken = [value(c, 99) for c in names]
    broken[30] = "Gate code 44, side door, ask for Ana, after 5pm"
    lines.insert(9, ",".join(broken))
    src = tmp_path / "wide.csv"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = ingest_paths(ws, [src]).by_object("wide")
    assert (result.rows, result.rejected, result.repaired) == (26, 0, 1)
    assert rows(ws, "SELECT notes, phone_59 FROM raw.wide WHERE _row = 9") == [
        ("Gate code 44, side door, ask for Ana, after 5pm", "(512) 555-2099")
    ]
    [(note,)] = rows(ws, "SELECT note FROM meta.repairs")
    assert note == "re-joined fields 31–34 of line 10: an unquoted ',' in notes"


def test_a_broken_line_of_a_very_wide_file_is_read_back_without_running_out_of_stack(
    ws: Workspace, tmp_path: Path
) -> None:
    """3,000 columns: the readings are counted column by column, never by a call per column (Python's
    stack stops near 1,000 calls deep), and the broken line (14,000 characters) is read whole from the
    file, not from DuckDB's reject record, which keeps its first 10,000."""
    width = 3000
    header = ",".join(["id", "notes", *(f"amount_{c}" for c in range(width - 2))])
    good = [
        ",".join([str(1001 + i), "Call first", *(str(c + i) for c in range(width - 2))]) for i in range(30)
    ]
    broken = ",".join(["2001", "Side gate, code 44", *(str(c) for c in range(width - 2))])
    path = tmp_path / "wide.csv"
    path.write_text("\n".join([header, *good[:10], broken, *good[10:]]) + "\n", encoding="utf-8")
    result = ingest_paths(ws, [path]).by_object("wide")
    assert (result.rows, result.rejected, result.repaired) == (31, 0, 1)
    [(note, missing)] = rows(ws, "SELECT note, missing FROM meta.repairs")
    assert note == "re-joined fields 2–3 of line 12: an unquoted ',' in notes" and json.loads(missing) == []
    assert rows(ws, "SELECT id, notes, amount_2997 FROM raw.wide WHERE _row = 11") == [
        ("2001", "Side gate, code 44", "2997")
    ]
