"""Apply against the stand-in at HighLevel's real limit (100 requests per 10 s): how close to the limit the
executor runs, and how many requests each migrated contact costs.

    python -m tests.benchmarks.bench_execute_throughput [--contacts 400]

The first window's burst is excluded: sustained req/s is measured from the 101st request on and
compared with the limit's 10 req/s (target ≥ 0.95). Requests per contact counts every request of the
run — schema included — over the contacts created (target ≤ 1.05).
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from pathlib import Path

from assistant.execute.apply import run_apply
from assistant.execute.prepare import prepare
from assistant.highlevel.auth import Secret
from assistant.highlevel.client import HighLevelClient
from assistant.mapping import store
from assistant.mapping.models import TargetObject
from assistant.workspace import Workspace
from tests.sandbox_process import start_sandbox
from tests.test_execute_support import document, load_raw

LIMIT, WINDOW = 100, 10.0


def contacts_only(root: Path, count: int) -> Workspace:
    ws = Workspace(root).ensure()
    clients = [
        (f"C{i}", f"Cliente {i} García López", f"c{i}@example.com", f"6{10000000 + i * 37:08d}", "",
         "VIP" if i % 3 == 0 else "", "Bob", "05/03/2021", f"B{i}")
        for i in range(1, count + 1)
    ]  # fmt: skip
    load_raw(ws, clients)
    doc = document()
    doc.objects = [o for o in doc.objects if o.source_object == "clients"]
    doc.objects[0].targets = [t for t in doc.objects[0].targets if t.object == TargetObject.CONTACT]
    doc.fields = [
        f for f in doc.fields if f.source_object == "clients" and f.target.object == TargetObject.CONTACT
    ]
    store.save_confirmed(ws, doc, by="bench")
    return ws


async def timed_run(ws: Workspace, url: str, token: str, location: str) -> tuple[list[float], int, int, int]:
    stamps: list[float] = []

    async def on_request(_request: object) -> None:
        stamps.append(time.perf_counter())

    hl = HighLevelClient(url, location, Secret(token), requests_per_window=LIMIT, window_seconds=WINDOW,
                         event_hooks={"request": [on_request]})  # fmt: skip
    async with hl:
        summary = await run_apply(ws, prepare(ws), hl, "full")
    created = sum(p.done for p in summary.passes if p.name.startswith("contact:"))
    return stamps, summary.requests, created, hl.usage().rate_limited


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--contacts", type=int, default=400)
    count = parser.parse_args().contacts
    with tempfile.TemporaryDirectory() as tmp, start_sandbox(rate_limit=LIMIT, rate_window=WINDOW) as sandbox:
        ws = contacts_only(Path(tmp) / "ws", count)
        stamps, requests, created, limited = asyncio.run(
            timed_run(ws, sandbox.url, sandbox.token, sandbox.location_id)
        )
        steady = stamps[LIMIT:]
        rate = (len(steady) - 1) / (steady[-1] - steady[0]) if len(steady) > 1 else 0.0
        limit_rate = LIMIT / WINDOW
        print(f"requests sent            {requests} ({created} contacts created)")
        print(f"run time                 {stamps[-1] - stamps[0]:.1f} s")
        print(
            f"sustained after burst    {rate:.2f} req/s = {rate / limit_rate:.3f} of the limit "
            "(target ≥ 0.95)"
        )
        print(f"requests per contact     {requests / max(created, 1):.3f} (target ≤ 1.05)")
        print(f"429 answers received     {limited}")
        ws.close()


if __name__ == "__main__":
    main()
