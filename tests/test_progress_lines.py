"""Without a terminal, a long run still says how far it is, on a plain line at a fixed interval."""

from __future__ import annotations

import io
import time

from rich.console import Console

from assistant.execute.progress import PLAIN_EVERY_SECONDS, PassProgress


def test_plain_progress_lines_without_a_terminal() -> None:
    sink = io.StringIO()
    console = Console(file=sink, force_terminal=False, width=200)
    with PassProgress(console, per_second=10.0, plain_every=0.05) as bars:
        bars.add("contact:clients", 100)
        bars.update("contact:clients", 40)
        time.sleep(0.3)
    lines = [line for line in sink.getvalue().splitlines() if line.startswith("progress:")]
    assert len(lines) >= 2
    assert "progress: contact:clients 40/100 ETA 0:06" in lines
    assert PLAIN_EVERY_SECONDS <= 30  # the promise made to CI logs


def test_no_plain_lines_on_a_terminal() -> None:
    sink = io.StringIO()
    console = Console(file=sink, force_terminal=True, width=200)
    with PassProgress(console, per_second=10.0, plain_every=0.05) as bars:
        bars.add("contact:clients", 100)
        time.sleep(0.2)
    assert "progress:" not in sink.getvalue()


def test_a_finished_pass_leaves_the_plain_line_even_when_it_sent_nothing() -> None:
    """Addresses merged into their contacts write no record of their own: the pass must not read as
    stuck at 0/100 for the rest of the run."""
    sink = io.StringIO()
    console = Console(file=sink, force_terminal=False, width=200)
    with PassProgress(console, per_second=10.0, plain_every=60) as bars:
        bars.add("contact:addresses", 100)
        bars.add("contact:clients", 50)
        bars.finish("contact:addresses")
        bars.update("contact:clients", 10)
        assert bars.plain_line() == "progress: contact:clients 10/50 ETA 0:04"
