"""The ``hlmap`` command: one Typer app, each stage registering its own subcommands."""

from __future__ import annotations

import functools
import importlib
import sys
from importlib import metadata
from typing import Annotated, Any

import typer
from typer._click.core import Context  # typer vendors click; its Context is the one invoke takes
from typer.core import TyperGroup, TyperOption

from assistant.cli_common import err_console
from assistant.errors import HlmapError


class _ReportingGroup(TyperGroup):
    """Turns an HlmapError into one red line and exit code 2 instead of a traceback."""

    def invoke(self, ctx: Context) -> Any:
        try:
            return super().invoke(ctx)
        except HlmapError as exc:
            err_console.print("[bold red]error:[/]", end=" ")
            err_console.print(str(exc), markup=False, highlight=False, soft_wrap=True)
            raise typer.Exit(2) from exc


# Which module registers each command. Only the invoked command's module is imported, so
# `hlmap ingest` does not pay for the review UI, the executor or the stand-in; `--help` loads all.
COMMANDS: dict[str, str] = {
    "ingest": "assistant.ingest.commands",
    "profile": "assistant.profile.commands",
    "target": "assistant.highlevel.commands",
    "propose": "assistant.propose.commands",
    "review": "assistant.review.commands",
    "decide": "assistant.decide.commands",
    "status": "assistant.status.commands",
    "plan": "assistant.execute.commands",
    "apply": "assistant.execute.commands",
    "rollback": "assistant.execute.commands",
    "reconcile": "assistant.execute.commands",
    "verify": "assistant.execute.verify.command",
    "eval": "assistant.evals.commands",
    "batch": "assistant.evals.commands",
    "sandbox": "assistant.sandbox.commands",
    "fixtures": "assistant.fixturegen.commands",
    "demo": "assistant.demo.commands",
    "memory": "assistant.memory.commands",
}


def build_app(command: str | None = None) -> typer.Typer:
    """The Typer app with every command, or only the module that registers ``command``."""
    app = typer.Typer(
        name="hlmap",
        cls=_ReportingGroup,
        context_settings={"help_option_names": ["-h", "--help"]},
        help="Profile a source platform's export, propose its HighLevel map, confirm it, apply it.",
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
    )

    @app.callback()
    def root(
        version: Annotated[
            bool,
            typer.Option(
                "--version", callback=_print_version, is_eager=True, help="Print the version and exit."
            ),
        ] = False,
    ) -> None:
        """Profile a source platform's export, propose its HighLevel map, confirm it, apply it."""

    # The callback keeps the app a group even when only one command module is loaded.
    modules = [COMMANDS[command]] if command in COMMANDS else list(dict.fromkeys(COMMANDS.values()))
    for module in modules:
        importlib.import_module(module).register(app)
    return app


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"hlmap {_version()}")
        raise typer.Exit()


def _version() -> str:
    try:
        return metadata.version("hlmap")
    except metadata.PackageNotFoundError:  # running from a source tree that was never installed
        return "unknown"


def _flag_type(option: TyperOption, ctx: Context) -> str | None:
    """A flag takes no value, so help shows no ``<bool>`` type beside it."""
    return None if option.is_flag else _value_type(option, ctx)


_value_type = TyperOption.display_type_rich
TyperOption.display_type_rich = _flag_type  # type: ignore[assignment]


@functools.cache
def _full_app() -> typer.Typer:
    return build_app()


def __getattr__(name: str) -> Any:
    """``assistant.cli.app``: the app with every command, built on first use (tests use it)."""
    if name == "app":
        return _full_app()
    raise AttributeError(name)


def main() -> None:
    build_app(sys.argv[1] if len(sys.argv) > 1 else None)()
