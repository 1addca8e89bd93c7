"""Stopping every location of a fan-out at once."""

from __future__ import annotations

import asyncio
import threading


class Halt:
    """Ctrl-C reaches only the main thread: it stops every location's run on that run's own loop."""

    def __init__(self) -> None:
        self._runs: list[tuple[asyncio.AbstractEventLoop, asyncio.Event]] = []
        self._lock = threading.Lock()
        self.halted = False

    def event(self) -> asyncio.Event:
        stop = asyncio.Event()
        with self._lock:
            self._runs.append((asyncio.get_running_loop(), stop))
            if self.halted:
                stop.set()
        return stop

    def all(self) -> None:
        with self._lock:
            self.halted = True
            for loop, stop in self._runs:
                loop.call_soon_threadsafe(stop.set)
