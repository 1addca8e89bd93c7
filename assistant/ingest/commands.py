"""``hlmap ingest PATH...``: load export files into the workspace and print what was loaded."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from assistant.cli_common import WorkspaceOption, console, err_console, open_workspace
from assistant.errors import HlmapError

if TYPE_CHECKING:
    from assistant.ingest.models import IngestSummary

_DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe"}


def register(app: typer.Typer) -> None:
    app.command()(ingest)


def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders (one file per endpoint/object).")],
    workspace: WorkspaceOption = Path("."),
    encoding: Annotated[str | None, typer.Option(help="Force the text encoding of CSV/TSV files.")] = None,
    delimiter: Annotated[
        str | None, typer.Option(help="Force the CSV delimiter (use 'tab' for TSV).")
    ] = None,
    name: Annotated[
        str | None, typer.Option(help="Raw table name for a single file (default: its stem).")
    ] = None,
) -> None:
    """Load CSV/TSV, XLSX, JSON and NDJSON exports into raw tables, every value kept as text."""
    # imported here, not at module level: every hlmap command imports this module to register it
    from assistant.ingest.loader import ingest_paths
    from assistant.ingest.meta import first_rejects, first_repairs

    if delimiter == "tab":
        delimiter = "\t"
    ws = open_workspace(workspace, {"ingest": {"encoding": encoding, "delimiter": delimiter}}, create=True)
    try:
        summary = ingest_paths(ws, paths, name)
        examples = {r.object: first_rejects(ws.connect(), r.object) for r in summary.results if r.rejected}
        repairs = {r.object: first_repairs(ws.connect(), r.object) for r in summary.results if r.repaired}
    finally:
        ws.close()
    print_summary(summary, examples, repairs)
    if summary.failed:
        raise HlmapError(f"{len(summary.failed)} file(s) could not be loaded (see above)")


def print_summary(
    summary: IngestSummary,
    reject_examples: dict[str, list[str]] | None = None,
    repair_examples: dict[str, list[str]] | None = None,
) -> None:
    from rich.table import Table

    table = Table(title="Ingested", show_lines=False)
    for column in ("table", "status", "rows", "rejected", "columns", "encoding", "delimiter"):
        table.add_column(
            column,
            justify="right" if column in ("rows", "rejected", "columns") else "left",
            no_wrap=column == "table",
        )
    for result in summary.results:
        rejected = f"[yellow]{result.rejected}[/]" if result.rejected else "0"
        delimiter = _DELIMITER_NAMES.get(result.delimiter or "", result.delimiter or "")
        status = {"loaded": "[green]loaded[/]", "unchanged": "unchanged", "failed": "[red]failed[/]"}[
            result.status
        ]
        table.add_row(
            result.object,
            status,
            str(result.rows),
            rejected,
            str(result.columns),
            result.encoding or "",
            delimiter,
        )
        for child in result.tables[1:]:
            table.add_row(f"  └ {child.table}", "", str(child.rows), "", str(child.columns), "", "")
    console.print(table)
    for result in summary.results:
        for note in result.notes:
            console.print(f"[dim]{result.object}:[/] {note}", highlight=False)
        if result.repaired:
            _print_repairs(result.object, result.repaired, (repair_examples or {}).get(result.object, []))
        if result.rejected:
            console.print(
                f"[yellow]{result.object}: {result.rejected} row(s) rejected, kept in meta.rejects[/]"
            )
            examples = (reject_examples or {}).get(result.object, [])
            for example in examples:
                console.print(f"  {example}", style="yellow", highlight=False, markup=False)
            if result.rejected > len(examples):
                console.print(f"  … all of them: SELECT * FROM meta.rejects WHERE object = '{result.object}'")
        if result.error:
            err_console.print(f"[bold red]error:[/] {result.error}", highlight=False)


def _print_repairs(obj: str, count: int, examples: list[str]) -> None:
    console.print(
        f"[cyan]{obj}: {count} row(s) repaired (a wrong field count read back), listed in meta.repairs[/]"
    )
    for example in examples:
        console.print(f"  {example}", style="cyan", highlight=False, markup=False)
    if count > len(examples):
        console.print(f"  … all of them: SELECT * FROM meta.repairs WHERE object = '{obj}'")
