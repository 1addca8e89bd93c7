"""Progress bars per pass, with the ETA the rate limit implies (not the noisy measured speed)."""

from __future__ import annotations

import threading
from types import TracebackType

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn

# Without a terminal (CI logs, files) the bars cannot redraw: a plain line this often instead.
PLAIN_EVERY_SECONDS = 30.0


class PassProgress:
    def __init__(
        self,
        console: Console,
        per_second: float,
        enabled: bool = True,
        plain_every: float = PLAIN_EVERY_SECONDS,
    ) -> None:
        self._console = console
        self._plain_every = plain_every
        self._plain = enabled and not console.is_terminal
        self._stop = threading.Event()
        self._ticker: threading.Thread | None = None
        self._per_second = per_second
        self._bars = Progress(
            TextColumn("{task.description:<28}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("ETA {task.fields[eta]}"),
            console=console,
            disable=not enabled,
        )
        self._tasks: dict[str, TaskID] = {}

    def add(self, name: str, total: int) -> None:
        self._tasks[name] = self._bars.add_task(name, total=total, eta=self._eta(total))

    def update(self, name: str, handled: int) -> None:
        task = self._tasks.get(name)
        if task is not None:
            total = self._bars.tasks[task].total or 0
            self._bars.update(task, completed=handled, eta=self._eta(int(total) - handled))

    def finish(self, name: str) -> None:
        """A pass that ended: its rows merged into a parent or skipped send nothing, yet it is done."""
        task = self._tasks.get(name)
        if task is not None:
            self._bars.update(task, completed=self._bars.tasks[task].total or 0, eta=self._eta(0))

    def _eta(self, remaining: int) -> str:
        seconds = int(max(0, remaining) / self._per_second)
        return f"{seconds // 60}:{seconds % 60:02d}"

    def plain_line(self) -> str:
        parts = [
            f"{t.description} {int(t.completed)}/{int(t.total or 0)} ETA {t.fields.get('eta', '?')}"
            for t in self._bars.tasks
            if not t.finished
        ]
        return "progress: " + ("; ".join(parts) or "finishing")

    def _tick(self) -> None:
        while not self._stop.wait(self._plain_every):
            self._console.print(self.plain_line(), markup=False, highlight=False)

    def __enter__(self) -> PassProgress:
        self._bars.__enter__()
        if self._plain:
            self._ticker = threading.Thread(target=self._tick, name="hlmap-progress", daemon=True)
            self._ticker.start()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._stop.set()
        if self._ticker is not None:
            self._ticker.join()
        self._bars.__exit__(exc_type, exc, tb)
