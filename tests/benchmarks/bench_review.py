"""Review responsiveness on a 2,000-proposal document, against a 200-proposal baseline.

Prints: time from start to the overview, the median time for a keypress (down, accept) to update
the table (wall time, and the UI process's CPU time for it: ``key_cpu``), time to open an object
screen, the session's own cost per decision, and how long the writer process takes to land a
save. Run: ``python -m tests.benchmarks.bench_review``.
"""

from __future__ import annotations

import asyncio
import statistics
import tempfile
import time
from pathlib import Path

from assistant.mapping import store
from assistant.review.app import ReviewApp
from assistant.review.persistence import BackgroundPersistence
from assistant.review.session import ReviewSession
from tests.review_data import big_document, context, write_workspace

KEYPRESSES = 7


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
        started = time.perf_counter()
        app.persistence.flush()
        saved = time.perf_counter() - started
    return {
        "ready": ready,
        "open": opened,
        "keypress": keypress,
        "key_cpu": keypress_cpu,
        "save_wait": saved,
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
