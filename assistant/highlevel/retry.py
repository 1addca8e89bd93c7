"""Retry policy: which failures are retried, how long to wait, and how many times.

429 means HighLevel did not process the request, so it is always safe to send again and has its
own, larger bound. 5xx, timeouts and dropped connections may or may not have been processed; they
are retried with exponential backoff and jitter, at most ``max_retries`` times, and a create whose
answer was lost is first looked up (see ``idempotent.py``) rather than resent blindly.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

import httpx


@dataclass
class RetryPolicy:
    max_retries: int = 5
    """Retries after a 5xx, a timeout or a dropped connection."""

    max_rate_limited: int = 30
    """Retries after a 429 (never processed by the server, so always safe to resend)."""

    base_delay: float = 0.5
    max_delay: float = 30.0
    rng: random.Random = field(default_factory=random.Random)

    def backoff(self, attempt: int) -> float:
        """Delay before retry number ``attempt`` (0-based): exponential, capped, with equal jitter."""
        ceiling = min(self.max_delay, self.base_delay * (2**attempt))
        return float(ceiling / 2 + self.rng.uniform(0, ceiling / 2))


def retry_after_seconds(headers: Mapping[str, str], now: datetime | None = None) -> float | None:
    """The ``Retry-After`` header as seconds (it may be a number or an HTTP date), else None."""
    lowered = {key.lower(): value for key, value in headers.items()}
    raw = lowered.get("retry-after")
    if raw is None:
        return None
    try:
        return max(0.0, float(raw))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(raw)
    except (TypeError, ValueError):
        return None
    reference = now or datetime.now(UTC)
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - reference).total_seconds())


def rate_limit_wait(headers: Mapping[str, str], default_window: float, backoff: float) -> float:
    """How long to hold sends after a 429.

    Retry-After wins. Without it, a 429 whose headers still show requests remaining in the burst
    is not about the burst window, so a short backoff will do; otherwise wait out the interval.
    """
    explicit = retry_after_seconds(headers)
    if explicit is not None:
        return explicit
    lowered = {key.lower(): value for key, value in headers.items()}
    try:
        remaining = int(lowered.get("x-ratelimit-remaining", "0"))
        interval = float(lowered.get("x-ratelimit-interval-milliseconds", default_window * 1000)) / 1000
    except ValueError:
        return default_window
    return backoff if remaining > 0 else interval


def burst_exhausted(headers: Mapping[str, str]) -> bool:
    """True when a 429 comes with no burst left (or says nothing): every send must hold, not just this one."""
    lowered = {key.lower(): value for key, value in headers.items()}
    try:
        return int(lowered.get("x-ratelimit-remaining", "0")) <= 0
    except ValueError:
        return True


def was_never_sent(exc: httpx.TransportError) -> bool:
    """True when the request provably never reached the server (safe to resend as is)."""
    return isinstance(exc, httpx.ConnectError | httpx.ConnectTimeout | httpx.PoolTimeout)
