"""Review responsiveness on a 2,000-proposal document, against a 200-proposal baseline.

Prints: time from start to the overview, time to open an object screen, the session's own cost
per decision, and how long the writer process takes to land a save. Keypresses are measured two
ways. ``keypress`` (with ``key_cpu``, the UI process's CPU time) is Textual's pilot pressing
``down`` then ``a`` and pausing: the pilot sleeps at least 20 ms five times in that, so it holds
100 ms of the harness's own waiting. ``down_ms`` and ``accept_ms`` (``*_cpu_ms``) time one key
from the moment it is sent until the app has handled it and the repaint is composed, with no
fixed waits: what the engineer waits for. The cursor runs past the screen's height so the table
scrolls. Run: ``python -m tests.benchmarks.bench_review``.
"""

from __future__ import annotations

import asyncio
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual import events
from textual.pilot import Pilot

from assistant.mapping import store
from assistant.review.app import ReviewApp
from assistant.review.persistence import BackgroundPersistence
from assistant.review.session import ReviewSession
from tests.review_data import big_document, context, write_workspace

KEYPRESSES = 7
ANSWERS = 30  # single keys timed one by one: enough to scroll the table past its first screen


async def answered(
    app: ReviewApp, pilot: Pilot[Any], key: str, done: Callable[[], bool]
) -> tuple[float, float]:
    """Wall and CPU seconds from sending ``key`` until ``done()`` holds and the repaint is composed."""
    started, started_cpu = time.perf_counter(), time.process_time()
    assert app._driver is not None
    app._driver.send_message(events.Key(key, key if len(key) == 1 else None))
    while not done():
        await asyncio.sleep(0)  # yield to the app without a timed sleep
    for _ in range(2):  # messages the key caused (row highlighted → detail pane) are handled too
        await pilot._wait_for_screen()
    app.screen._on_timer_update()  # compose what changed now rather than at the next 60 Hz tick
    return time.perf_counter() - started, time.process_time() - started_cpu


async def single_keys(app: ReviewApp, pilot: Pilot[Any]) -> dict[str, float]:
    downs, accepts = [], []
    for _ in range(ANSWERS):
        table = app.screen.query_one("DataTable")
        if table.cursor_row >= table.row_count - 1:  # type: ignore[attr-defined]
            await pilot.press("home")  # the last row: `down` would not move, start over from the top
        row = table.cursor_row  # type: ignore[attr-defined]
        downs.append(await answered(app, pilot, "down", lambda: table.cursor_row == row + 1))  # type: ignore[attr-defined]  # noqa: B023
        posted = len(app.messages_posted)
        accepts.append(await answered(app, pilot, "a", lambda: len(app.messages_posted) > posted))  # noqa: B023
        await pilot.pause()
    ms = 1000.0
    return {
        "down_ms": statistics.median(w for w, _ in downs) * ms,
        "down_cpu_ms": statistics.median(c for _, c in downs) * ms,
        "accept_ms": statistics.median(w for w, _ in accepts) * ms,
        "accept_cpu_ms": statistics.median(c for _, c in accepts) * ms,
    }


async def app_figures(size: int) -> dict[str, float]:
    root = Path(tempfile.mkdtemp(prefix="bench-review-"))
    app = ReviewApp(write_workspace(root, big_document(size)), "bench", context=context())
    started = time.perf_counter()
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        ready = time.perf_counter() - started
        started = time.perf_counter()
        await pilot.press("enter")
        await pilot.pause()
        opened = time.perf_counter() - started
        presses, cpu = [], []
        for _ in range(KEYPRESSES):  # the median of several: one sample is noise on a shared machine
            started, started_cpu = time.perf_counter(), time.process_time()
            await pilot.press("down", "a")
            await pilot.pause()
            presses.append(time.perf_counter() - started)
            cpu.append(time.process_time() - started_cpu)  # work of the UI process, not idle waits
        keypress, keypress_cpu = statistics.median(presses), statistics.median(cpu)
        single = await single_keys(app, pilot)
        started = time.perf_counter()
        app.persistence.flush()
        saved = time.perf_counter() - started
    return {
        "ready": ready,
        "open": opened,
        "keypress": keypress,
        "key_cpu": keypress_cpu,
        "save_wait": saved,
        **single,
    }


def session_figures(size: int) -> dict[str, float]:
    root = Path(tempfile.mkdtemp(prefix="bench-session-"))
    workspace = write_workspace(root, big_document(size))
    background = BackgroundPersistence(workspace)
    session = ReviewSession(store.load(workspace), "bench", background, context())
    ids = [f.id for f in session.document.fields[:20]]
    started = time.perf_counter()
    for item_id in ids:
        session.accept(item_id)
    per_decision = (time.perf_counter() - started) / len(ids)
    started = time.perf_counter()
    background.flush()
    flushed = time.perf_counter() - started
    background.close()
    return {"decision": per_decision, "flush": flushed}


def main() -> None:
    for label, figures in (
        ("session", {n: session_figures(n) for n in (200, 2000)}),
        ("app", {n: asyncio.run(app_figures(n)) for n in (200, 2000)}),
    ):
        small, big = figures[200], figures[2000]
        for key in small:
            ratio = big[key] / small[key] if small[key] else float("nan")
            print(f"{label:8} {key:10} 200: {small[key]:8.3f}   2000: {big[key]:8.3f}   ratio {ratio:5.1f}x")


if __name__ == "__main__":
    main()
