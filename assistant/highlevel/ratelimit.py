"""Client-side rate limiting for one HighLevel location.

HighLevel allows a burst of N requests per window (100 per 10 s) and a daily budget per app and
location. The limiter keeps a log of request times (the send, moved to the answer's arrival once
it comes) and blocks *before* sending whenever another request would put more than N inside any
window, so the server's limit is never the throttle. The server's ``X-RateLimit-*`` headers
steer it: a lower ``Max`` or a longer interval is adopted, and when the server has counted more
requests than this client sent (another app or process sharing the quota) the difference is
booked as phantom sends that expire with the window.
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Protocol

from assistant.highlevel.errors import HighLevelError


class Clock(Protocol):
    def now(self) -> float: ...

    async def sleep(self, seconds: float) -> None: ...


class MonotonicClock:
    def now(self) -> float:
        return time.monotonic()

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(seconds)


class DailyBudgetExhausted(HighLevelError):
    """HighLevel reported no requests left today for this location."""


@dataclass
class Usage:
    """What the client spent, as reported by ``client.usage()``."""

    requests_sent: int = 0
    rate_limited: int = 0  # 429 answers received
    waited_seconds: float = 0.0  # time spent blocked by the limiter
    daily_limit: int | None = None
    daily_remaining: int | None = None
    burst_limit: int = 0
    window_seconds: float = 0.0
    daily_pauses: int = 0  # times the daily budget ran out and sends waited for its reset
    daily_paused_seconds: float = 0.0


def _int_header(headers: Mapping[str, str], name: str) -> int | None:
    value = headers.get(name)
    try:
        return int(float(value)) if value is not None else None
    except ValueError:
        return None


class RateLimiter:
    """Sliding-window limiter: at most ``limit`` sends in any ``window`` seconds."""

    def __init__(self, limit: int, window: float, clock: Clock | None = None, margin: float = 0.1) -> None:
        self.limit = limit
        self.window = window
        # The server stamps a request when it arrives, a little after we stamp it: keep a margin.
        self.margin = margin
        self.clock: Clock = clock or MonotonicClock()
        self._sent: deque[float] = deque()
        self._paused_until = 0.0
        self._lock = asyncio.Lock()
        self.usage = Usage(burst_limit=limit, window_seconds=window)
        self.wait_for_daily_reset = False  # else a spent daily budget raises DailyBudgetExhausted
        self.daily_reset_wait: float | None = None  # the server's Retry-After on a daily 429
        self.on_daily_pause: Callable[[float], None] | None = None  # told how long sends will wait
        self.on_daily_resume: Callable[[], None] | None = None  # told when sends go again

    def _span(self) -> float:
        return self.window + self.margin

    def _prune(self, now: float) -> None:
        while self._sent and self._sent[0] <= now - self._span():
            self._sent.popleft()

    def in_window(self) -> int:
        self._prune(self.clock.now())
        return len(self._sent)

    def delay_needed(self) -> float:
        """Seconds to wait before the next send is allowed (0 when it may go now)."""
        now = self.clock.now()
        self._prune(now)
        wait = max(0.0, self._paused_until - now)
        if len(self._sent) >= self.limit:
            oldest_that_must_expire = self._sent[len(self._sent) - self.limit]
            wait = max(wait, oldest_that_must_expire + self._span() - now)
        return wait

    async def acquire(self) -> float:
        """Block until a send is allowed, book it, and return its send time."""
        async with self._lock:
            if self.usage.daily_remaining is not None and self.usage.daily_remaining <= 0:
                await self._wait_for_new_day()
            while (wait := self.delay_needed()) > 0:
                self.usage.waited_seconds += wait
                await self.clock.sleep(wait)
            sent_at = self.clock.now()
            self._sent.append(sent_at)
            self.usage.requests_sent += 1
            if self.usage.daily_remaining is not None:
                self.usage.daily_remaining -= 1
            return sent_at

    async def _wait_for_new_day(self) -> None:
        """Hold every send until the daily budget resets (Retry-After, else the next UTC midnight)."""
        if not self.wait_for_daily_reset:
            raise DailyBudgetExhausted(
                "HighLevel reports the daily request budget for this location is spent"
            )
        wait = self.daily_reset_wait
        if wait is None:  # our own count says spent: let one request ask HighLevel when the day resets
            return
        self.usage.daily_pauses += 1
        self.usage.daily_paused_seconds += wait
        if self.on_daily_pause is not None:
            self.on_daily_pause(wait)
        await self.clock.sleep(wait)
        if self.on_daily_resume is not None:
            self.on_daily_resume()
        self.usage.daily_remaining = None  # the next answer's headers tell the new day's budget
        self.daily_reset_wait = None

    def daily_spent(self, retry_after: float | None) -> None:
        """A 429 said the day's budget is spent: the next send waits ``retry_after`` seconds (else
        until the next UTC midnight)."""
        now = datetime.now(UTC)
        midnight = 86_400 - (now.hour * 3600 + now.minute * 60 + now.second) + 1.0
        self.usage.daily_remaining = 0
        self.daily_reset_wait = midnight if retry_after is None else retry_after

    def settle(self, sent_at: float) -> None:
        """Re-stamp a finished request at the moment its answer (or failure) arrived.

        The server counts a request when it handles it, somewhere between our send and its answer;
        under load that can be long after the send. Counting it from the answer keeps the server's
        window and ours from disagreeing, at the cost of one round trip per window.
        """
        try:
            self._sent.remove(sent_at)
        except ValueError:
            return  # already pruned out of the window
        self._sent.append(self.clock.now())

    def pause(self, seconds: float) -> None:
        """Hold every send for ``seconds`` (a 429's Retry-After or the rest of the interval)."""
        self._paused_until = max(self._paused_until, self.clock.now() + max(0.0, seconds))

    def observe(self, headers: Mapping[str, str]) -> None:
        """Adopt what the server's ``X-RateLimit-*`` headers say."""
        lowered = {key.lower(): value for key, value in headers.items()}
        server_max = _int_header(lowered, "x-ratelimit-max")
        if server_max is not None and 0 < server_max < self.limit:
            self.limit = self.usage.burst_limit = server_max
        interval_ms = _int_header(lowered, "x-ratelimit-interval-milliseconds")
        if interval_ms is not None and interval_ms / 1000 > self.window:
            self.window = self.usage.window_seconds = interval_ms / 1000
        daily_limit = _int_header(lowered, "x-ratelimit-limit-daily")
        if daily_limit is not None:
            self.usage.daily_limit = daily_limit
        daily_remaining = _int_header(lowered, "x-ratelimit-daily-remaining")
        if daily_remaining is not None:
            self.usage.daily_remaining = daily_remaining
        remaining = _int_header(lowered, "x-ratelimit-remaining")
        if remaining is not None:
            self._book_foreign_sends(remaining)

    def _book_foreign_sends(self, remaining: int) -> None:
        # Compare with everything we sent in the window, in flight included: answers arrive out of
        # order, so only a server count above all of our sends means someone else shares the quota.
        now = self.clock.now()
        self._prune(now)
        missing = min(self.limit - remaining, self.limit) - len(self._sent)
        self._sent.extend([now] * max(0, missing))
