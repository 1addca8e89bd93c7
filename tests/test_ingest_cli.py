"""``hlmap ingest`` through a CLI runner: summary table, notes, exit codes."""

from __future__ import annotations

from pathlib import Path

import typer
from typer.testing import CliRunner

from assistant.cli import _ReportingGroup
from assistant.ingest.commands import register


def make_app() -> typer.Typer:
    # The same group class as the hlmap app (HlmapError -> red line, exit 2) with only this command.
    app = typer.Typer(cls=_ReportingGroup)

    @app.callback()
    def _root() -> None:
        """hlmap"""

    register(app)
    return app


def test_ingest_prints_summary_and_exits_zero_with_rejected_rows(tmp_path: Path) -> None:
    src = tmp_path / "Clientes Export.csv"
    src.write_bytes("Nombre;Importe;Nombre\nSeñora Muñoz;1.234,56;x\nroto\n".encode("cp1252"))
    result = CliRunner(env={"COLUMNS": "250"}).invoke(
        make_app(), ["ingest", str(src), "--workspace", str(tmp_path / "ws")]
    )
    assert result.exit_code == 0, result.output
    assert "clientes_export" in result.output
    assert "cp1252" in result.output and "semicolon" in result.output
    assert "1 row(s) rejected, kept in meta.rejects" in result.output
    assert f"{src.resolve()}, line 3, column Importe: MISSING COLUMNS" in result.output
    assert "'Nombre_2'" in result.output
    again = CliRunner(env={"COLUMNS": "250"}).invoke(
        make_app(), ["ingest", str(src), "-w", str(tmp_path / "ws")]
    )
    assert again.exit_code == 0 and "unchanged" in again.output


def test_whole_file_error_exits_two_after_loading_the_rest(tmp_path: Path) -> None:
    (tmp_path / "good.csv").write_text("a\n1\n")
    (tmp_path / "empty.csv").write_bytes(b"")
    result = CliRunner(env={"COLUMNS": "250"}).invoke(
        make_app(), ["ingest", str(tmp_path), "-w", str(tmp_path / "ws")]
    )
    assert result.exit_code == 2
    assert f"{tmp_path.resolve() / 'empty.csv'}: file is empty" in result.output
    assert "1 file(s) could not be loaded" in result.output
    assert "good" in result.output and "loaded" in result.output


def test_missing_path_exits_two_with_the_path(tmp_path: Path) -> None:
    result = CliRunner(env={"COLUMNS": "250"}).invoke(
        make_app(), ["ingest", str(tmp_path / "nope.csv"), "-w", str(tmp_path / "ws")]
    )
    assert result.exit_code == 2
    assert "nope.csv: path not found" in result.output


def test_name_option_sets_the_table_name(tmp_path: Path) -> None:
    src = tmp_path / "export (3).csv"
    src.write_text("a\n1\n")
    ws = tmp_path / "ws"
    result = CliRunner(env={"COLUMNS": "250"}).invoke(
        make_app(), ["ingest", str(src), "-w", str(ws), "--name", "jobs"]
    )
    assert result.exit_code == 0, result.output
    assert "jobs" in result.output
    (tmp_path / "other.csv").write_text("b\n2\n")
    both = CliRunner(env={"COLUMNS": "250"}).invoke(
        make_app(), ["ingest", str(tmp_path), "-w", str(ws), "--name", "x"]
    )
    assert both.exit_code == 2 and "needs exactly one file" in both.output
