"""``hlmap status`` and prerequisite errors: each names the first step that has not been done."""

from __future__ import annotations

from pathlib import Path

from tests.cli_support import error_lines, hlmap, reviewed_workspace


def _export(root: Path) -> Path:
    root.mkdir()
    (root / "clients.csv").write_text(
        "id,name,email\n1,Ana Ruiz,ana@example.com\n2,Luis Gil,luis@example.com\n"
        "3,Eva Sanz,eva@example.com\n",
        encoding="utf-8",
    )
    return root


def test_status_follows_the_migration_and_names_the_next_command(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    assert hlmap("ingest", _export(tmp_path / "export"), "-w", ws).exit_code == 0
    status = hlmap("status", "-w", ws)
    assert status.exit_code == 0, status.output
    assert "ingested:    1 source tables" in status.output
    assert status.output.splitlines()[-1] == f"next: hlmap profile -w {ws}"

    propose = hlmap("propose", "-w", ws)  # profile skipped: propose says which step comes first
    assert error_lines(propose) == [f"error: workspace {ws} has no profiles: run `hlmap profile` first"]
    plan = hlmap("plan", "-w", ws)
    assert error_lines(plan) == [f"error: workspace {ws} has no profiles: run `hlmap profile -w {ws}` first"]

    assert hlmap("profile", "-w", ws).exit_code == 0
    status = hlmap("status", "-w", ws)
    assert "profiled:    1 tables" in status.output
    assert status.output.splitlines()[-1].startswith(
        f"next: hlmap target pull --location-id LOCATION -w {ws}"
    )


def test_prerequisites_name_ingest_before_profile_before_propose(tmp_path: Path) -> None:
    (tmp_path / "hlmap.toml").write_text('project = "x"\n', encoding="utf-8")
    first = (
        f"error: workspace {tmp_path} has no raw tables: run `hlmap ingest EXPORT_FILES -w {tmp_path}` first"
    )
    for command in (["propose"], ["plan"], ["status"]):
        result = hlmap(*command, "-w", tmp_path)
        if command == ["status"]:
            assert result.output.splitlines()[-1] == f"next: hlmap ingest EXPORT_FILES -w {tmp_path}"
        else:
            assert (result.exit_code, error_lines(result)) == (2, [first])


def test_status_counts_pending_proposals_per_kind(tmp_path: Path) -> None:
    reviewed_workspace(tmp_path)
    hlmap("decide", "-w", tmp_path, "--accept-above", "0.9")
    out = hlmap("status", "-w", tmp_path).output
    assert "destination: loc1 (pulled " in out
    assert "proposals:   4 accepted, 12 proposed" in out
    assert "pending:     12 (object 1, field 6, tag 3, stage 1, owner 1)" in out
    assert "confirmed:   no" in out and "runs:        none" in out and "reconciled:  never" in out


def test_commands_do_not_create_a_mistyped_workspace(tmp_path: Path) -> None:
    missing = tmp_path / "acme-typo"
    for command in (["status"], ["profile"], ["propose"], ["plan"], ["review"], ["target", "show"]):
        result = hlmap(*command, "-w", missing)
        assert (result.exit_code, error_lines(result)) == (
            2,
            [f"error: no workspace at {missing}: start one with `hlmap ingest EXPORT_FILES -w {missing}`"],
        ), command
    assert not missing.exists()
