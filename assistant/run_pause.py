"""The daily-budget pause of a running apply, kept in a small file beside the database.

A paused run holds the workspace database open (DuckDB allows one writer process), so
``hlmap status`` in another terminal reads the pause from this file instead.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

PAUSE_FILE = "daily-pause.json"


@dataclass(frozen=True)
class DailyPause:
    location_id: str
    paused_at: datetime
    resumes_at: datetime

    def describe(self, now: datetime) -> str:
        since = f"since {self.paused_at:%Y-%m-%d %H:%M} UTC"
        if self.resumes_at > now:
            left = (self.resumes_at - now).total_seconds() / 3600
            return (
                f"daily request budget of location {self.location_id} spent {since}; the run resumes "
                f"by itself at {self.resumes_at:%Y-%m-%d %H:%M:%S} UTC (in {left:.2f} h)"
            )
        # the reset has passed and the run did not clear the file: it was stopped while waiting
        return (
            f"daily request budget of location {self.location_id} spent {since}; it reset at "
            f"{self.resumes_at:%Y-%m-%d %H:%M:%S} UTC, but the run did not resume (stopped?): "
            "run the same `hlmap apply` again to continue"
        )


def record_pause(root: Path, location_id: str, wait_seconds: float) -> None:
    now = datetime.now(UTC)
    data = {
        "location_id": location_id,
        "paused_at": now.isoformat(),
        "resumes_at": (now + timedelta(seconds=wait_seconds)).isoformat(),
    }
    (root / PAUSE_FILE).write_text(json.dumps(data), encoding="utf-8")


def clear_pause(root: Path) -> None:
    (root / PAUSE_FILE).unlink(missing_ok=True)


def read_pause(root: Path) -> DailyPause | None:
    path = root / PAUSE_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return DailyPause(
            str(data["location_id"]),
            datetime.fromisoformat(data["paused_at"]),
            datetime.fromisoformat(data["resumes_at"]),
        )
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):
        return None  # a half-written or foreign file says nothing reliable about the run
