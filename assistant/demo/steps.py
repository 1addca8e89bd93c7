"""Each demo step runs the real ``hlmap`` command in a child process, echoed as the user would type it."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from rich.console import Console

from assistant.errors import HlmapError


class StepRunner:
    """Runs ``hlmap`` subcommands against one workspace; stops the demo at the first failure."""

    def __init__(self, workspace: Path, console: Console, env: dict[str, str] | None = None) -> None:
        self.workspace = workspace
        self.console = console
        self.env = {**os.environ, **(env or {})}

    def run(
        self,
        title: str,
        args: Sequence[str],
        *,
        interactive: bool = False,
        output: Path | None = None,
        allow: tuple[int, ...] = (),
    ) -> int:
        """Run one step; with ``output`` its long printout goes to that file instead of the screen.

        Answers the exit status; any but 0 and ``allow`` (a verdict such as "not clean") stops the demo.
        """
        shown = " ".join(["hlmap", *args, "-w", str(self.workspace)])
        self.console.rule(f"[bold]{title}")
        self.console.print(f"$ {shown}", style="dim", markup=False, highlight=False)
        command = [sys.executable, "-m", "assistant", *args, "-w", str(self.workspace)]
        stdin = None if interactive else subprocess.DEVNULL
        if output is None:
            result = subprocess.run(command, env=self.env, stdin=stdin)
        else:
            output.parent.mkdir(parents=True, exist_ok=True)
            with output.open("w", encoding="utf-8") as sink:
                result = subprocess.run(command, env={**self.env, "COLUMNS": "160"}, stdin=stdin, stdout=sink)
            self.console.print(f"  written to {output}", markup=False)
        if result.returncode != 0 and result.returncode not in allow:
            raise HlmapError(f"demo stopped: `{shown}` exited with {result.returncode}")
        return result.returncode
