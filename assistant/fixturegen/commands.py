"""``hlmap fixtures``: write the seed platforms' fixtures (committed small, or scaled for benchmarks)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from assistant.cli_common import console
from assistant.fixturegen.generate import DEFAULT_SEED, PLATFORMS, default_out, generate_platform


def register(app: typer.Typer) -> None:
    @app.command()
    def fixtures(
        platform: Annotated[str, typer.Option(help=f"One of {', '.join(PLATFORMS)}, or all.")] = "all",
        rows: Annotated[
            int | None, typer.Option(min=1, help="Main-object rows (default: the committed size).")
        ] = None,
        out: Annotated[
            Path | None,
            typer.Option(
                file_okay=False, help="Output folder (default: fixtures/, or fixtures/scaled/ with --rows)."
            ),
        ] = None,
        seed: Annotated[
            int, typer.Option(help="Random seed; the same seed writes the same bytes.")
        ] = DEFAULT_SEED,
    ) -> None:
        """Generate realistic source exports and destination states for the seed platforms."""
        chosen = list(PLATFORMS) if platform == "all" else [platform]
        if any(p not in PLATFORMS for p in chosen):
            raise typer.BadParameter(f"unknown platform {platform!r}; choose {', '.join(PLATFORMS)} or all")
        target = out or default_out(scaled=rows is not None)
        for name in chosen:
            manifest = generate_platform(name, target, seed=seed, rows=rows)
            total = sum(manifest["record_counts"].values())
            console.print(f"{name}: {total:,} records → {target / name}")
