"""``hlmap eval`` (score backends and baselines on gold cases), ``hlmap batch`` (propose for many sources)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from assistant.cli_common import err_console
from assistant.errors import HlmapError
from assistant.evals.batch import run_batch, source_dirs
from assistant.evals.batch_summary import BatchRow, summary_markdown
from assistant.evals.cases import DEFAULT_CASES_DIR, discover_cases
from assistant.evals.report import markdown, write_reports
from assistant.evals.runner import run_eval


def _split(values: list[str] | None) -> list[str]:
    return [v.strip() for value in values or [] for v in value.split(",") if v.strip()]


def register(app: typer.Typer) -> None:
    @app.command("eval")
    def eval_command(
        backend: Annotated[
            list[str] | None,
            typer.Option(
                "--backend", help="offline and/or llm; repeat (or comma-separate) to compare side by side."
            ),
        ] = None,
        cases: Annotated[
            list[str] | None, typer.Option("--cases", help="Only these case names (repeatable).")
        ] = None,
        cases_dir: Annotated[
            Path, typer.Option("--cases-dir", help="Folder of cases.", file_okay=False)
        ] = DEFAULT_CASES_DIR,
        model: Annotated[str | None, typer.Option(help="Model name for the llm backend.")] = None,
        no_baselines: Annotated[
            bool, typer.Option("--no-baselines", help="Skip Valentine and fingerprint.")
        ] = False,
        as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of Markdown.")] = False,
        out: Annotated[
            Path | None, typer.Option("--out", help="Also write eval.md and eval.json here.", file_okay=False)
        ] = None,
    ) -> None:
        """Score proposals against each case's gold map, per kind, beside the peer baselines."""
        backends = list(dict.fromkeys(_split(backend))) or ["offline"]
        selected = discover_cases(cases_dir, _split(cases) or None)
        run = run_eval(
            selected,
            backends,
            model=model,
            baselines=not no_baselines,
            progress=lambda msg: err_console.print(f"[dim]eval: {msg}[/]", highlight=False),
        )
        if as_json:
            typer.echo(json.dumps(run.to_json(), indent=2, ensure_ascii=False))
        else:
            typer.echo(markdown(run))
        if out is not None:
            md, js = write_reports(run, out)
            err_console.print(f"wrote {md} and {js}", highlight=False)

    @app.command("batch")
    def batch_command(
        sources_dir: Annotated[
            Path, typer.Argument(help="A folder with one subfolder per source export.", file_okay=False)
        ],
        out: Annotated[
            Path, typer.Option("--out", help="Where mapping documents and the summary go.", file_okay=False)
        ],
        backend: Annotated[str, typer.Option(help="offline or llm.")] = "offline",
        jobs: Annotated[
            int, typer.Option("--jobs", min=1, help="Sources proposed in parallel (processes).")
        ] = 1,
        destination: Annotated[
            Path | None,
            typer.Option(
                "--destination",
                help="Destination state JSON for every source (default: an empty sub-account).",
                dir_okay=False,
                exists=True,
            ),
        ] = None,
        model: Annotated[str | None, typer.Option(help="Model name for the llm backend.")] = None,
    ) -> None:
        """Propose a mapping for every source export in SOURCES_DIR; finished sources are not redone."""
        total = len(source_dirs(sources_dir))
        with Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=err_console,
        ) as progress:
            task = progress.add_task("proposing", total=total)

            def done(row: BatchRow) -> None:
                progress.update(task, advance=1, description=f"{row.source}: {row.status}")

            rows = run_batch(
                sources_dir,
                out,
                backend=backend,
                jobs=jobs,
                destination=destination,
                model=model,
                on_done=done,
            )
        typer.echo(summary_markdown(rows))
        err_console.print(f"wrote {out / 'summary.md'} and {out / 'summary.json'}", highlight=False)
        failed = [r.source for r in rows if r.status == "failed"]
        if failed:
            raise HlmapError(f"{len(failed)} source(s) failed: {', '.join(failed)}; run again to retry them")
