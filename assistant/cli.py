"""The ``hlmap`` command: one Typer app, each stage registering its own subcommands."""

from __future__ import annotations

import importlib
from typing import Any

import typer
from typer._click.core import Context  # typer vendors click; its Context is the one invoke takes
from typer.core import TyperGroup

from assistant.cli_common import err_console
from assistant.errors import HlmapError


class _ReportingGroup(TyperGroup):
    """Turns an HlmapError into one red line and exit code 2 instead of a traceback."""

    def invoke(self, ctx: Context) -> Any:
        try:
            return super().invoke(ctx)
        except HlmapError as exc:
            err_console.print(f"[bold red]error:[/] {exc}", highlight=False)
            raise typer.Exit(2) from exc


app = typer.Typer(
    name="hlmap",
    cls=_ReportingGroup,
    help="Profile a source platform's export, propose its HighLevel map, confirm it, apply it.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# Each stage adds its commands here; a stage with no working command is not registered.
_COMMAND_MODULES: tuple[str, ...] = ()

for _name in _COMMAND_MODULES:
    importlib.import_module(_name).register(app)


def main() -> None:
    app()
