"""Starting the stand-in: bind the socket, print where it listens and the token, run uvicorn."""

from __future__ import annotations

import logging
import socket
from dataclasses import dataclass, field
from pathlib import Path

import uvicorn

from assistant.highlevel.state import DestinationState, Location, LocationSettings, load_state
from assistant.sandbox.app import QuietDrops, SandboxApp
from assistant.sandbox.context import SandboxContext
from assistant.sandbox.faults import FaultInjector, FaultSettings
from assistant.sandbox.ids import new_id, new_token
from assistant.sandbox.ratelimit import RateLimiter
from assistant.sandbox.store import Store


@dataclass
class ServeOptions:
    host: str = "127.0.0.1"
    port: int = 0  # 0: any free port (the printed URL names it)
    state_path: Path | None = None
    seed_path: Path | None = None
    token: str | None = None
    agency_token: str | None = None
    faults: FaultSettings = field(default_factory=FaultSettings)
    rate_limit: int = 100
    rate_window: float = 10.0
    daily_limit: int = 200_000
    locations: int = 1  # the agency's locations: the seeded one, then clones of its seed
    location_seeds: list[Path] = field(default_factory=list)  # seeds of the further locations, in turn


def default_destination() -> DestinationState:
    """An empty sub-account for runs without ``--seed``: no pipelines, users or fields."""
    location = Location(
        id=new_id(),
        name="Stand-in location",
        companyId=new_id(),
        country="US",
        timezone="UTC",
        settings=LocationSettings(),
    )
    return DestinationState(location=location)


def build_context(options: ServeOptions) -> SandboxContext:
    seed = load_state(options.seed_path) if options.seed_path else default_destination()
    store = Store.open(seed, options.state_path)
    limiter = RateLimiter(options.rate_limit, options.rate_window, options.daily_limit)
    ctx = SandboxContext(
        store=store,
        token=options.token or new_token(),
        agency_token=options.agency_token or new_token(),
        limiter=limiter,
        faults=FaultInjector(options.faults),
    )
    seeds = [load_state(path) for path in options.location_seeds]
    ctx.agency.add_clones(seed, options.locations - 1, ctx.token, options.state_path, seeds)
    return ctx


def serve(options: ServeOptions) -> None:
    ctx = build_context(options)
    sock = socket.socket(socket.AF_INET6 if ":" in options.host else socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    # Accepted connections inherit this on Linux: without it, Nagle's algorithm and delayed ACKs
    # hold each small answer back ~40 ms.
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    sock.bind((options.host, options.port))
    port = sock.getsockname()[1]
    host = f"[{options.host}]" if ":" in options.host else options.host
    ctx.base_url = f"http://{host}:{port}"
    config = uvicorn.Config(
        SandboxApp(ctx, on_ready=lambda: _banner(ctx, options)),
        log_level="warning",
        lifespan="on",
        access_log=False,
    )
    server = uvicorn.Server(config)
    logging.getLogger("uvicorn.error").addFilter(QuietDrops())
    server.run(sockets=[sock])


def _banner(ctx: SandboxContext, options: ServeOptions) -> None:
    """Printed once the server handles signals: whoever waits for it may stop the stand-in at once."""
    # A local test token, printed once so a developer can curl the stand-in.
    print(f"HighLevel stand-in listening on {ctx.base_url}", flush=True)
    print(f"location: {ctx.store.location_id}  company: {ctx.store.location.get('companyId')}", flush=True)
    print(f"token: {ctx.token}", flush=True)
    print(f"agency token: {ctx.agency_token}", flush=True)
    for index, (location_id, token) in enumerate(ctx.agency.standing_tokens().items(), start=1):
        if index > 1:
            print(f"location {index}: {location_id}  token: {token}", flush=True)
    oauth = ctx.oauth
    print(f"oauth client: {oauth.client_id}  secret: {oauth.client_secret}", flush=True)
    print(f"refresh token: {oauth.first_refresh_token()}", flush=True)
    print(f"state: {options.state_path or 'in memory only'}", flush=True)
