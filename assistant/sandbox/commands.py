"""``hlmap sandbox serve``: the local HighLevel stand-in."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from assistant.sandbox.faults import FaultSettings
from assistant.sandbox.serve import ServeOptions, serve

sandbox_app = typer.Typer(
    help="A local HighLevel stand-in speaking the official API v2.", no_args_is_help=True
)


@sandbox_app.callback()
def sandbox_group() -> None:
    """A local HighLevel stand-in speaking the official API v2 (keeps ``serve`` a subcommand)."""


@sandbox_app.command("serve")
def serve_command(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port; 0 picks a free one.")] = 0,
    state: Annotated[
        Path | None, typer.Option(help="JSON file the state is saved to and reloaded from.")
    ] = None,
    seed: Annotated[Path | None, typer.Option(help="Destination-state JSON seeding the location.")] = None,
    token: Annotated[
        str | None, typer.Option(help="Location token to accept (generated if omitted).")
    ] = None,
    agency_token: Annotated[str | None, typer.Option(help="Agency token for agency-only operations.")] = None,
    faults_429: Annotated[float, typer.Option("--faults-429", min=0.0, max=1.0, help="Share of 429s.")] = 0.0,
    faults_5xx: Annotated[float, typer.Option("--faults-5xx", min=0.0, max=1.0, help="Share of 5xx.")] = 0.0,
    faults_drop: Annotated[
        float,
        typer.Option("--faults-drop", min=0.0, max=1.0, help="Share of writes committed, answer dropped."),
    ] = 0.0,
    faults_error_after: Annotated[
        float,
        typer.Option(
            "--faults-error-after-create",
            min=0.0,
            max=1.0,
            help="Share of creates committed, then answered with an error (400/404/409/422/5xx).",
        ),
    ] = 0.0,
    latency_ms: Annotated[int, typer.Option(min=0, help="Latency added to every request.")] = 0,
    fault_seed: Annotated[int | None, typer.Option(help="Seed making the faults reproducible.")] = None,
    rate_limit: Annotated[int, typer.Option(min=1, help="Burst limit per location.")] = 100,
    rate_window: Annotated[float, typer.Option(min=0.001, help="Burst window in seconds.")] = 10.0,
    daily_limit: Annotated[int, typer.Option(min=1, help="Daily limit per location.")] = 200_000,
    locations: Annotated[
        int,
        typer.Option(min=1, help="Locations of the agency: the seeded one and clones, each its own state."),
    ] = 1,
    location_seed: Annotated[
        list[Path] | None,
        typer.Option(
            "--location-seed",
            help="Destination-state JSON seeding the further locations, one per option, in turn.",
        ),
    ] = None,
) -> None:
    """Serve the stand-in until interrupted; prints its URL and the token to use."""
    faults = FaultSettings(faults_429, faults_5xx, faults_drop, faults_error_after, latency_ms, fault_seed)
    serve(
        ServeOptions(
            host=host,
            port=port,
            state_path=state,
            seed_path=seed,
            token=token,
            agency_token=agency_token,
            faults=faults,
            rate_limit=rate_limit,
            rate_window=rate_window,
            daily_limit=daily_limit,
            locations=locations,
            location_seeds=list(location_seed or []),
        )
    )


def register(app: typer.Typer) -> None:
    app.add_typer(sandbox_app, name="sandbox")
