"""An agency migration from one process: N locations × M contacts into the stand-in at HighLevel's real
per-location limit (100 requests per 10 s), through the same fan-out as ``hlmap apply --locations``.

    python -m tests.benchmarks.bench_agency [--locations 20] [--contacts 100]

Prints the aggregate request rate against N × 10 requests/s (wall clock, first burst included, and
sustained: requests after each location's first window of 100), requests per contact (schema and
token requests included), and CPU seconds per 1,000 requests during the sends, apart: this process
(hlmap's executor) and the stand-in's process (HighLevel's side, a test double that shares the machine
here). Keep N × M ≤ 100,000 on a shared machine.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import resource
import tempfile
import time
from pathlib import Path

from assistant.execute.fanout import FanOutOptions, LocationResult, Ready, prepare_all, send_all
from assistant.execute.fanout_targets import targets_for
from tests.benchmarks.bench_execute_throughput import contacts_only
from tests.sandbox_process import start_sandbox

LIMIT, WINDOW = 100, 10.0


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _process_cpu(pid: int) -> float:
    """User + system CPU seconds of another process, from /proc (0 where there is none)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def _send(
    results: list[LocationResult], ready: Ready, options: FanOutOptions
) -> tuple[float, float, dict[str, list[float]]]:
    """The sends alone: wall seconds, this process's CPU seconds, and when each request was counted."""
    stamps: dict[str, list[float]] = {r.location_id: [] for r in results}

    async def watch() -> None:  # requests per location as their counters move, every 50 ms
        seen: dict[str, int] = {}
        while True:
            now = time.perf_counter()
            for r in results:
                count = r.requests_now()
                stamps[r.location_id] += [now] * (count - seen.get(r.location_id, 0))
                seen[r.location_id] = count
            await asyncio.sleep(0.05)

    watcher = asyncio.create_task(watch())
    started_cpu = _cpu()
    elapsed = await send_all(results, ready, options, lambda _line: None)
    watcher.cancel()
    return elapsed, _cpu() - started_cpu, stamps


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--locations", type=int, default=20)
    parser.add_argument("--contacts", type=int, default=100)
    args = parser.parse_args()
    if args.locations * args.contacts > 100_000:
        raise SystemExit("keep locations × contacts at most 100,000")
    with (
        tempfile.TemporaryDirectory() as tmp,
        start_sandbox(rate_limit=LIMIT, rate_window=WINDOW, locations=args.locations) as sandbox,
    ):
        os.environ["HIGHLEVEL_AGENCY_TOKEN"] = sandbox.agency_token
        os.environ.pop("HIGHLEVEL_TOKEN", None)
        ws = contacts_only(Path(tmp) / "ws", args.contacts)
        ws.close()
        pairs = [(ws.root, location) for location in sandbox.tokens]
        targets = targets_for(pairs, sandbox.url)
        options = FanOutOptions("full", skip_sample=True, preflight_ok=True, who="bench", verify=False)
        results, ready = prepare_all(targets, options)
        stand_in_before = _process_cpu(sandbox.process.pid)
        elapsed, cpu, stamps = asyncio.run(_send(results, ready, options))
        stand_in_cpu = _process_cpu(sandbox.process.pid) - stand_in_before
    requests = sum(r.requests for r in results)
    created = sum(r.created for r in results)
    ceiling = args.locations * LIMIT / WINDOW
    after_burst = [t for ts in stamps.values() for t in ts[LIMIT:]]
    sustained = (
        (len(after_burst) - 1) / (max(after_burst) - min(after_burst)) if len(after_burst) > 1 else 0.0
    )
    failed = [r for r in results if r.status != "done" or r.failed]
    print(f"locations × contacts     {args.locations} × {args.contacts} ({created} contacts created)")
    print(f"locations not clean      {len(failed)}" + (f" (first: {failed[0].error})" if failed else ""))
    print(
        f"requests sent            {requests} in {elapsed:.1f} s "
        f"(first burst of {LIMIT} per location included)"
    )
    print(
        f"aggregate rate           {requests / elapsed:.1f} req/s "
        f"= {requests / elapsed / ceiling:.2f} × N × 10 req/s"
    )
    if after_burst:
        print(f"sustained after burst    {sustained:.1f} req/s = {sustained / ceiling:.2f} × N × 10 req/s")
    else:
        print("sustained after burst    (every location finished inside its first window: raise --contacts)")
    print(f"requests per contact     {requests / max(created, 1):.3f} (token and schema requests included)")
    per = 1000 / max(requests, 1)
    print(f"CPU of hlmap (apply)     {cpu:.2f} s = {cpu * per:.2f} CPU s per 1,000 requests")
    side = stand_in_cpu
    print(f"CPU of the stand-in      {side:.2f} s = {side * per:.2f} CPU s per 1,000 requests")
    print(f"load average at the end  {' '.join(f'{v:.1f}' for v in os.getloadavg())}")


if __name__ == "__main__":
    main()
