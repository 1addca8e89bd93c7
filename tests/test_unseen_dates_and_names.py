"""What unseen US exports write: month-name dates, a date column whose day/month order only its
neighbours prove, and a "Client name" column that names another table's rows."""

from __future__ import annotations

from pathlib import Path

import duckdb

from assistant.profile import profile_workspace
from assistant.profile.models import ColumnProfile, SemanticType
from assistant.propose.name_references import name_reference
from assistant.propose.normalize import readable
from assistant.propose.sourcedata import MemoryValues
from assistant.transforms import kinds
from assistant.transforms.sqltext import SOURCE_ALIAS
from assistant.workspace import Workspace
from tests.propose_factory import S, table
from tests.test_profile_data import _varchar_table

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _profile(tmp_path: Path, rows: list[dict[str, str | None]]) -> dict[str, ColumnProfile]:
    ws = Workspace(tmp_path / "ws").ensure()
    _varchar_table(ws.connect(), "jobs", rows)
    try:
        return {c.column: c for p in profile_workspace(ws) for c in p.columns}
    finally:
        ws.close()


def test_month_name_dates_are_dates_with_their_exact_format(tmp_path: Path) -> None:
    rows: list[dict[str, str | None]] = [
        {
            "Created": f"{MONTHS[k % 12]} {k % 28 + 1}, 2025",
            "Visit": f"{k % 28 + 1} {MONTHS[k % 12]} 2024",
            "Booked": f"{MONTHS[k % 12]} {k % 28 + 1}, 2025 {k % 12 + 1}:05 {'AM' if k % 2 else 'PM'}",
        }
        for k in range(40)
    ]
    columns = _profile(tmp_path, rows)
    created, visit, booked = columns["Created"], columns["Visit"], columns["Booked"]
    assert (created.semantic_type, created.format) == (SemanticType.DATE, "%b %d, %Y")
    assert (visit.semantic_type, visit.format) == (SemanticType.DATE, "%d %b %Y")
    assert (booked.semantic_type, booked.format) == (SemanticType.DATETIME, "%b %d, %Y %I:%M %p")


def test_the_date_transform_reads_short_and_full_month_names() -> None:
    (out,) = kinds.date(kinds.Context(key="cf:x", columns=["v"], params={"format": "%b %d, %Y"}))
    got = (
        duckdb.connect()
        .execute(
            f"SELECT {out.value} FROM (VALUES ('Jan 7, 2025'), ('June 30, 2024'), ('soon')) {SOURCE_ALIAS}(v)"
        )
        .fetchall()
    )
    assert [g[0] for g in got] == ["2025-01-07", "2024-06-30", None]


def test_an_ambiguous_column_takes_the_order_its_neighbours_prove(tmp_path: Path) -> None:
    rows: list[dict[str, str | None]] = [
        {"Issued": f"03/{k % 15 + 13}/2025", "Paid": f"04/0{k % 9 + 1}/2025"} for k in range(30)
    ]
    columns = _profile(tmp_path, rows)
    paid = columns["Paid"]
    assert paid.format == "%m/%d/%Y"
    assert any("as the other dates of this table prove" in e for e in paid.evidence)


def test_an_ambiguous_column_alone_keeps_its_assumption_said(tmp_path: Path) -> None:
    columns = _profile(tmp_path, [{"Paid": f"04/0{k % 9 + 1}/2025"} for k in range(30)])
    paid = columns["Paid"]
    assert paid.format == "%d/%m/%Y"
    assert any("assumed" in e for e in paid.evidence)


CLIENTS: list[dict[str, str | None]] = [
    {"J-ID": str(100 + i), "Display Name": name, "Email": f"c{i}@x.test"}
    for i, name in enumerate(["Ava Nguyen", "Reed Property Mgmt", "Liam Patel", "Sunrise HOA", "Mia Kim"])
]


def test_a_client_name_column_links_to_the_clients_table_by_display_name() -> None:
    clients = table(
        "clients",
        [("J-ID", S.IDENTIFIER, {}), ("Display Name", S.FREE_TEXT, {}), ("Email", S.EMAIL, {})],
        rows=5,
        key="J-ID",
    )
    people = table(
        "technicians",
        [("ID", S.IDENTIFIER, {}), ("Display Name", S.FREE_TEXT, {})],
        rows=5,
        key="ID",
    )
    jobs = table(
        "jobs", [("Job #", S.IDENTIFIER, {}), ("Client name", S.FREE_TEXT, {"distinct_count": 4})], rows=6
    )
    named = ["Ava Nguyen", "Reed Property Mgmt", "Liam Patel", "Sunrise HOA", "Ava Nguyen", "Mia Kim"]
    values = MemoryValues(
        {
            "clients": CLIENTS,
            "technicians": [{"ID": str(i), "Display Name": c["Display Name"]} for i, c in enumerate(CLIENTS)],
            "jobs": [{"Job #": str(k), "Client name": n} for k, n in enumerate(named)],
        }
    )
    column = next(c for c in jobs.columns if c.column == "Client name")
    fk = name_reference(jobs, column, [(people, "ID"), (clients, "J-ID")], values)
    assert fk is not None and (fk.target_table, fk.target_column) == ("clients", "J-ID")
    assert fk.resolved_share == 1.0


def test_a_tables_own_name_column_is_still_no_link() -> None:
    clients = table(
        "clients", [("J-ID", S.IDENTIFIER, {}), ("Display Name", S.FREE_TEXT, {})], rows=5, key="J-ID"
    )
    jobs = table(
        "jobs", [("Job #", S.IDENTIFIER, {}), ("Job name", S.FREE_TEXT, {"distinct_count": 5})], rows=5
    )
    values = MemoryValues(
        {
            "clients": CLIENTS,
            "jobs": [{"Job #": str(k), "Job name": c["Display Name"]} for k, c in enumerate(CLIENTS)],
        }
    )
    column = next(c for c in jobs.columns if c.column == "Job name")
    assert name_reference(jobs, column, [(clients, "J-ID")], values) is None


def test_a_client_name_beside_the_parent_job_is_a_copy_not_a_link() -> None:
    clients = table(
        "clients", [("J-ID", S.IDENTIFIER, {}), ("Display Name", S.FREE_TEXT, {})], rows=5, key="J-ID"
    )
    jobs = table(
        "jobs",
        [("Job #", S.IDENTIFIER, {}), ("Client", S.IDENTIFIER, {"fk": ("clients", "J-ID")})],
        key="Job #",
    )
    quotes = table(
        "quotes",
        [
            ("Quote #", S.IDENTIFIER, {}),
            ("Job #", S.IDENTIFIER, {"fk": ("jobs", "Job #")}),
            ("Client name", S.FREE_TEXT, {}),
        ],
        rows=5,
    )
    values = MemoryValues(
        {
            "clients": CLIENTS,
            "quotes": [
                {"Quote #": str(k), "Job #": str(k), "Client name": c["Display Name"]}
                for k, c in enumerate(CLIENTS)
            ],
        }
    )
    column = next(c for c in quotes.columns if c.column == "Client name")
    others = [(clients, "J-ID"), (jobs, "Job #")]
    assert name_reference(quotes, column, others, values) is None


def test_a_plural_ids_column_links_to_the_table_whose_key_it_holds(tmp_path: Path) -> None:
    ws = Workspace(tmp_path / "ws").ensure()
    con = ws.connect()
    _varchar_table(
        con, "contacts", [{"Record ID": str(51000 + 3 * i), "Email": f"p{i}@x.test"} for i in range(20)]
    )
    _varchar_table(
        con,
        "deals",
        [
            {"Record ID": str(7700 + k), "Associated Contact IDs": str(51000 + 3 * (k % 20))}
            for k in range(30)
        ],
    )
    try:
        deals = next(p for p in profile_workspace(ws) if p.table == "deals")
    finally:
        ws.close()
    link = next(c for c in deals.columns if c.column == "Associated Contact IDs").foreign_key
    assert link is not None and (link.target_table, link.target_column) == ("contacts", "Record ID")


def test_a_plural_abbreviation_stays_one_word_in_a_label() -> None:
    assert readable("Associated Company IDs") == "Associated Company IDs"
    assert readable("HTMLBody") == "HTML Body"
