"""HighLevel's per-location limits: a sliding burst window (100 per 10 s) and a daily budget."""

from __future__ import annotations

import math
import time
from collections import deque
from dataclasses import dataclass, field
from datetime import UTC, datetime


@dataclass
class Verdict:
    allowed: bool
    headers: dict[str, str]
    retry_after: int = 0


@dataclass
class RateLimiter:
    max_requests: int = 100
    window_seconds: float = 10.0
    daily_limit: int = 200_000
    day_seconds: int = 86_400  # HighLevel's day; shorter in rehearsals of a run that spans days
    _hits: dict[str, deque[float]] = field(default_factory=dict)
    _daily: dict[str, tuple[str, int]] = field(default_factory=dict)

    def reset(self) -> None:
        self._hits.clear()
        self._daily.clear()

    def check(self, location_id: str, now: float | None = None) -> Verdict:
        """Count one request for ``location_id`` unless a limit is reached; rejected ones do not count."""
        now = time.monotonic() if now is None else now
        hits = self._hits.setdefault(location_id, deque())
        while hits and hits[0] <= now - self.window_seconds:
            hits.popleft()
        today = str(int(datetime.now(UTC).timestamp()) // self.day_seconds)
        day, used = self._daily.get(location_id, (today, 0))
        if day != today:
            used = 0
        if used >= self.daily_limit:
            return Verdict(False, self._headers(len(hits), used), self._seconds_to_next_day())
        if len(hits) >= self.max_requests:
            retry = max(1, math.ceil(hits[0] + self.window_seconds - now))
            return Verdict(False, self._headers(len(hits), used), retry)
        hits.append(now)
        self._daily[location_id] = (today, used + 1)
        return Verdict(True, self._headers(len(hits), used + 1))

    def _headers(self, in_window: int, used_today: int) -> dict[str, str]:
        return {
            "X-RateLimit-Max": str(self.max_requests),
            "X-RateLimit-Remaining": str(max(0, self.max_requests - in_window)),
            "X-RateLimit-Interval-Milliseconds": str(round(self.window_seconds * 1000)),
            "X-RateLimit-Limit-Daily": str(self.daily_limit),
            "X-RateLimit-Daily-Remaining": str(max(0, self.daily_limit - used_today)),
        }

    def _seconds_to_next_day(self) -> int:
        """Days start at UTC midnight (multiples of ``day_seconds`` since the epoch)."""
        now = datetime.now(UTC).timestamp()
        return max(1, math.ceil(self.day_seconds - now % self.day_seconds))
