"""The command line's own manners: version, -h, flags without a type, output not folded in a pipe."""

from __future__ import annotations

from importlib import metadata
from pathlib import Path

from tests.cli_support import hlmap, reviewed_workspace


def test_version_and_short_help() -> None:
    assert hlmap("--version").output.strip() == f"hlmap {metadata.version('hlmap')}"
    short, long = hlmap("decide", "-h"), hlmap("decide", "--help")
    assert short.exit_code == 0 and short.output == long.output


def test_flags_show_no_bool_type() -> None:
    out = hlmap("apply", "--help").output
    assert "--skip-sample" in out and "<bool>" not in out
    assert "<int>" in out  # options that take a value still show it


def test_long_lines_are_not_folded_without_a_terminal(tmp_path: Path) -> None:
    reviewed_workspace(tmp_path)
    lines = hlmap("decide", "-w", tmp_path, "--reject", "object=quotes").output.splitlines()
    assert lines[0] == (
        "rejected 7 (object=quotes): object:quotes, field:quotes.title, field:quotes.total, "
        "stage:quotes.status=sent, stage:quotes.status=limbo, owner:quotes.u7, owner:quotes.u9"
    )
