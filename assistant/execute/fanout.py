"""One confirmed plan into many sub-accounts at once, in one process.

HighLevel's limit is per location, so N locations written side by side go N times faster. Each
location runs on its own asyncio event loop in its own thread: its ledger commits each status
change to disk before and after every request (kill -9 safety), and those waits, which would
queue up behind each other on one loop, overlap across threads (DuckDB releases the GIL). Each has
its own client (rate limiter and token) and workspace ledger, and catches everything it meets, so
one location's failure or revoked token never stops the others.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from assistant.execute.apply import run_apply
from assistant.execute.diff import sample_diff, write_reports
from assistant.execute.fanout_halt import Halt
from assistant.execute.fanout_targets import Target
from assistant.execute.gate import check_mode, check_preflight
from assistant.execute.ledger import failed_operations
from assistant.execute.prepare import Prepared, prepare, source_zone
from assistant.execute.sample import choose_sample
from assistant.execute.verify.command import location_country, run_verification
from assistant.highlevel.client import HighLevelClient
from assistant.highlevel.credentials import connect


@dataclass
class FanOutOptions:
    mode: str  # sample | full | delta
    sample: int = 0
    skip_sample: bool = False
    preflight_ok: bool = False
    who: str | None = None
    verify: bool = True
    progress_seconds: float = 10.0


@dataclass
class LocationResult:
    location_id: str
    workspace: str
    status: str = "pending"  # pending, running, done, interrupted, failed
    run_id: str = ""
    created: int = 0
    failed: int = 0
    requests: int = 0
    seconds: float = 0.0
    agreement: float | None = None  # share of written values read back equal (full runs)
    error: str = ""
    client: HighLevelClient | None = field(default=None, repr=False)  # live, for the progress line

    def requests_now(self) -> int:
        return self.client.usage().requests_sent if self.client else self.requests


def one_line(exc: BaseException) -> str:
    """An error as one line for the summary (no traceback reaches the user)."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 300 else text[:297] + "..."


def _prepared(target: Target, options: FanOutOptions, result: LocationResult) -> Prepared | None:
    try:
        check_mode(target.workspace.connect(), target.location_id, options.mode, options.skip_sample)
        prepared = prepare(target.workspace)
        check_preflight(
            target.workspace, target.location_id, prepared, options.mode, options.preflight_ok, options.who
        )
        return prepared
    except Exception as exc:  # isolation: this location is reported, the others go on
        result.status, result.error = "failed", one_line(exc)
        return None


async def _run(
    target: Target,
    prepared: Prepared,
    options: FanOutOptions,
    result: LocationResult,
    use_env: bool,
    halt: Halt,
) -> None:
    ws, started = target.workspace, time.monotonic()
    result.status = "running"
    try:
        async with connect(ws.settings.highlevel, target.location_id, use_env=use_env) as (hl, agency):
            result.client = hl
            await hl.check_token()
            con = ws.connect()
            selection = choose_sample(con, prepared.specs, options.sample) if options.sample else None
            summary = await run_apply(
                ws,
                prepared,
                hl,
                options.mode,
                selection=selection,
                sample_size=options.sample,
                agency=agency,
                stop=halt.event(),
            )
            result.run_id, result.status = summary.run_id, summary.status
            result.created = sum(p.done for p in summary.passes)
            result.failed = sum(p.failed for p in summary.passes)
            reasons = [*summary.problems, *([summary.stopped_by] if summary.stopped_by else [])]
            if reasons:
                result.error = one_line(Exception("; ".join(reasons)))
            if options.mode == "sample" and summary.status == "done":
                ids, country, zone = summary.field_ids, location_country(ws), source_zone(ws)
                rows = await sample_diff(hl, con, summary.run_id, prepared.specs, ids, country, zone)
                failed = failed_operations(con, summary.run_id)
                write_reports(rows, ws.reports_dir, summary.run_id, failed, summary.problems)
            if options.mode == "full" and summary.status == "done" and options.verify:
                result.agreement = (await run_verification(hl, ws)).agreement
            result.requests = hl.usage().requests_sent + (agency.requests_sent() if agency else 0)
    except Exception as exc:  # isolation: a refused token, a lost connection, a full disk...
        result.status, result.error = "failed", one_line(exc)
        if result.client is not None:
            result.requests = result.client.usage().requests_sent
    finally:
        result.client = None
        result.seconds = time.monotonic() - started


async def _tick(
    results: list[LocationResult], started: float, every: float, say: Callable[[str], None]
) -> None:
    while True:
        await asyncio.sleep(every)
        say(progress_line(results, time.monotonic() - started))


def progress_line(results: list[LocationResult], elapsed: float) -> str:
    """All locations on one line: how many run, finished and failed, requests and their rate."""
    count = {
        s: sum(1 for r in results if r.status == s) for s in ("running", "done", "failed", "interrupted")
    }
    requests = sum(r.requests_now() for r in results)
    rate = requests / elapsed if elapsed > 0 else 0.0
    return (
        f"apply: {len(results)} locations · {count['running']} running, {count['done']} done, "
        f"{count['failed']} failed, {count['interrupted']} interrupted · {requests:,} requests "
        f"· {rate:.1f}/s · {elapsed:.0f} s"
    )


Ready = list[tuple[Target, Prepared, LocationResult]]


def prepare_all(targets: list[Target], options: FanOutOptions) -> tuple[list[LocationResult], Ready]:
    """Gate and compile every location (CPU work, done before the sends so it never stalls them)."""
    results = [LocationResult(t.location_id, str(t.workspace.root)) for t in targets]
    ready = [(t, p, r) for t, r in zip(targets, results, strict=True) if (p := _prepared(t, options, r))]
    return results, ready


async def send_all(
    results: list[LocationResult], ready: Ready, options: FanOutOptions, say: Callable[[str], None]
) -> float:
    """Run every ready location, each on its own loop and thread; answers the wall-clock seconds."""
    started = time.monotonic()
    ticker = asyncio.create_task(_tick(results, started, options.progress_seconds, say))
    use_env = len(results) == 1  # one environment token cannot open several locations
    loop, halt = asyncio.get_running_loop(), Halt()
    pool = ThreadPoolExecutor(max_workers=max(1, len(ready)), thread_name_prefix="location")
    runs = [
        loop.run_in_executor(pool, asyncio.run, _run(t, p, options, r, use_env, halt)) for t, p, r in ready
    ]
    try:
        await asyncio.gather(*runs)
    except asyncio.CancelledError:  # Ctrl-C: each run ledgers its request in flight and ends interrupted
        halt.all()
        say("stopping: each location finishes its request in flight; apply again to continue")
    finally:
        pool.shutdown(wait=True)
        ticker.cancel()
    elapsed = time.monotonic() - started
    say(progress_line(results, elapsed))
    return elapsed


async def fan_out(
    targets: list[Target], options: FanOutOptions, say: Callable[[str], None]
) -> tuple[list[LocationResult], float]:
    """Run every target; answers each location's result and the wall-clock seconds of the sends."""
    results, ready = prepare_all(targets, options)
    return results, await send_all(results, ready, options, say)
