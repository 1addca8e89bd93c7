"""Reading which workspace goes to which location, and the fan-out's combined progress line."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.errors import HlmapError
from assistant.execute.fanout import LocationResult, progress_line
from assistant.execute.fanout_targets import parse_locations, read_manifest


def test_manifest_lines_resolve_folders_next_to_the_manifest(tmp_path: Path) -> None:
    manifest = tmp_path / "agency.toml"
    manifest.write_text(
        '[[client]]\nworkspace = "acme"\nlocation = "L1"\n[[client]]\nworkspace = "acme"\nlocation = "L2"\n'
    )
    assert read_manifest(manifest) == [(tmp_path / "acme", "L1"), (tmp_path / "acme", "L2")]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[[client]]\nworkspace = 'a'\n", "client 1: needs workspace"),
        ("title = 'x'\n", "no [[client]] entries"),
        ("[[client]\n", "not a readable TOML manifest"),
        ("[[client]]\nworkspace='a'\nlocation='L'\n[[client]]\nworkspace='b'\nlocation='L'\n", "two clients"),
    ],
)
def test_a_bad_manifest_is_one_line_naming_the_file(tmp_path: Path, text: str, message: str) -> None:
    manifest = tmp_path / "agency.toml"
    manifest.write_text(text)
    with pytest.raises(HlmapError) as refused:
        read_manifest(manifest)
    assert str(refused.value).startswith(f"{manifest}: ") and message in str(refused.value)
    assert "\n" not in str(refused.value)


def test_locations_flag_is_a_comma_list_without_repeats() -> None:
    assert parse_locations(" L1, L2 ,L3") == ["L1", "L2", "L3"]
    with pytest.raises(HlmapError, match="named twice"):
        parse_locations("L1,L1")
    with pytest.raises(HlmapError, match="separated by commas"):
        parse_locations(" , ")


def test_progress_line_sums_every_location() -> None:
    results = [
        LocationResult("L1", "w", status="done", requests=120),
        LocationResult("L2", "w", status="running", requests=30),
        LocationResult("L3", "w", status="failed", requests=15, error="refused"),
    ]
    line = progress_line(results, 15.0)
    assert line == (
        "apply: 3 locations · 1 running, 1 done, 1 failed, 0 interrupted · 165 requests · 11.0/s · 15 s"
    )
