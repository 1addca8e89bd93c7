"""The demo's closing line says what the read-back found: values HighLevel did not keep as written."""

from __future__ import annotations

from pathlib import Path

from assistant.demo.readback import readback_summary

HEADER = "object,source_object,source_key,hl_id,field,outcome,written,held,note\n"
KEPT = "HighLevel matched an existing record (duplicate rule): this value was not written"


def test_values_not_kept_as_written_are_counted_by_cause(tmp_path: Path) -> None:
    rows = [
        f'contact,clients,1,h1,phone,differs,+34600000001,+34600000009,"{KEPT}"',
        f'contact,clients,2,h2,email,missing,a@b.es,,"{KEPT}"',
        "price,products,9,h3,amount,unread,48.9,,no location-wide listing of price records to read it from",
    ]
    (tmp_path / "verification-differences.csv").write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    line = readback_summary(tmp_path)
    assert line.startswith("2 written values not read back as written")
    assert "2: HighLevel matched an existing record (duplicate rule)" in line
    assert "verification-differences.csv" in line


def test_nothing_differing_reads_as_written(tmp_path: Path) -> None:
    (tmp_path / "verification-differences.csv").write_text(HEADER, encoding="utf-8")
    assert readback_summary(tmp_path).startswith("every written value read back as written")
