"""A report export names the table a reference points at ('Parent Job') instead of writing 'id'."""

from __future__ import annotations

from pathlib import Path

from assistant.profile import profile_workspace
from assistant.workspace import Workspace
from tests.test_profile_data import _varchar_table


def _links(tmp_path: Path, parents: list[str]) -> dict[tuple[str, str], tuple[str, str]]:
    ws = Workspace(tmp_path / "ws").ensure()
    con = ws.connect()
    _varchar_table(con, "jobs", [{"#ID": str(2001 + i), "Title": f"Job {i}"} for i in range(12)])
    _varchar_table(
        con,
        "invoices",
        [
            {"#ID": str(3001 + i), "Parent Job": parent, "Job Count": str(2001 + i % 3), "Customer": f"C {i}"}
            for i, parent in enumerate(parents)
        ],
    )
    try:
        profiles = profile_workspace(ws)
    finally:
        ws.close()
    return {
        (p.table, c.column): (c.foreign_key.target_table, c.foreign_key.target_column)
        for p in profiles
        for c in p.columns
        if c.foreign_key is not None
    }


def test_a_column_of_codes_named_after_another_table_links_to_its_key(tmp_path: Path) -> None:
    links = _links(tmp_path, [str(2001 + (i * 5) % 12) for i in range(10)])
    assert links[("invoices", "Parent Job")] == ("jobs", "#ID")
    # a count named after the table holds measurements, never references, whatever its values
    assert ("invoices", "Job Count") not in links


def test_without_an_id_word_most_values_must_resolve(tmp_path: Path) -> None:
    parents = [str(2001 + i) for i in range(8)] + ["9001", "9002"]  # 80 %: no link on the header alone
    links = _links(tmp_path, parents)
    assert ("invoices", "Parent Job") not in links
