"""Progress bars per pass, with the ETA the rate limit implies (not the noisy measured speed)."""

from __future__ import annotations

from types import TracebackType

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn


class PassProgress:
    def __init__(self, console: Console, per_second: float, enabled: bool = True) -> None:
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

    def _eta(self, remaining: int) -> str:
        seconds = int(max(0, remaining) / self._per_second)
        return f"{seconds // 60}:{seconds % 60:02d}"

    def __enter__(self) -> PassProgress:
        self._bars.__enter__()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._bars.__exit__(exc_type, exc, tb)
