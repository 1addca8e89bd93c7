"""Tell the engineer about a daily-budget pause, on screen and where `hlmap status` can read it."""

from __future__ import annotations

from pathlib import Path

from assistant.execute.printing import print_daily_pause
from assistant.highlevel.client import HighLevelClient
from assistant.run_pause import clear_pause, record_pause


def show_daily_pause(hl: HighLevelClient, root: Path, location_id: str) -> None:
    clear_pause(root)  # left by a run stopped while it waited; this run starts with a fresh budget

    def paused(wait: float) -> None:
        print_daily_pause(wait)
        record_pause(root, location_id, wait)

    hl.transport.limiter.on_daily_pause = paused
    hl.transport.limiter.on_daily_resume = lambda: clear_pause(root)
