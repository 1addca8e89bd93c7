"""Everything one running stand-in shares between requests."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from assistant.sandbox.faults import FaultInjector
from assistant.sandbox.oauth import OAuthApp
from assistant.sandbox.ratelimit import RateLimiter
from assistant.sandbox.store import Store


@dataclass
class Outcome:
    """What to answer: a JSON body, or ``drop`` to close the connection without a complete answer."""

    status: int
    body: Any
    headers: dict[str, str] = field(default_factory=dict)
    drop: bool = False


@dataclass
class SandboxContext:
    store: Store
    token: str
    agency_token: str
    limiter: RateLimiter = field(default_factory=RateLimiter)
    faults: FaultInjector = field(default_factory=FaultInjector)
    base_url: str = ""
    oauth: OAuthApp = field(default_factory=OAuthApp)
