"""The client's sustained request rate against the stand-in's REAL burst limit (100 per 10 s).

Run: ``python -m tests.benchmarks.bench_client [--seconds 60] [--workers 20] [--baseline-seconds 20]``

Starts the stand-in as a process with its default limit, then creates contacts from ``--workers``
concurrent tasks for ``--seconds``. Prints the sustained rate (measured from the send after the first
burst allowance of 100 to the last full burst) as a ratio of the limit's 10 requests/s — target
>= 0.95 — and the share of answers that were 429 — target < 1 %. In the same run, a baseline
client with no limiter (plain httpx, it only obeys Retry-After) shows what the limiter saves. Asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import time
from dataclasses import dataclass

import httpx

from assistant.highlevel.auth import Secret
from assistant.highlevel.client import HighLevelClient
from tests.sandbox_process import SandboxHandle, start_sandbox

LIMIT, WINDOW = 100, 10.0


@dataclass
class Figures:
    label: str
    seconds: float
    requests: int
    steady_requests: int
    steady_seconds: float
    rate_limited: int
    created: int

    @property
    def sustained_rate(self) -> float:
        return self.steady_requests / self.steady_seconds if self.steady_seconds > 0 else 0.0

    def show(self) -> None:
        share = self.rate_limited / self.requests if self.requests else 0.0
        print(
            f"{self.label:9} {self.seconds:6.1f} s  requests {self.requests:5}  contacts {self.created:5}  "
            f"overall {self.requests / self.seconds:5.2f}/s  sustained {self.sustained_rate:5.2f}/s "
            f"= {self.sustained_rate / (LIMIT / WINDOW):.3f} x limit  429s {self.rate_limited:4} "
            f"({share:.2%})"
        )


def _steady(sent: list[float]) -> tuple[int, float]:
    """Requests and seconds from the send after the first burst allowance to the last full burst.

    The first LIMIT sends are free (the window starts empty); from send number LIMIT+1 on, a client
    can only sustain LIMIT per window, so the rate is measured between send LIMIT and send k*LIMIT.
    """
    last = (len(sent) - 1) // LIMIT * LIMIT
    if last <= LIMIT:
        return 0, 0.0
    return last - LIMIT, sent[last] - sent[LIMIT]


async def _run(sandbox: SandboxHandle, label: str, seconds: float, workers: int, per_window: int) -> Figures:
    sent: list[float] = []

    async def stamp(request: httpx.Request) -> None:
        sent.append(time.monotonic())

    hl = HighLevelClient(
        sandbox.url,
        sandbox.location_id,
        Secret(sandbox.token),
        requests_per_window=per_window,
        window_seconds=WINDOW,
        event_hooks={"request": [stamp]},
    )
    created = 0
    start = time.monotonic()
    stop_at = start + seconds

    async def worker(worker_id: int) -> None:
        nonlocal created
        n = 0
        while time.monotonic() < stop_at:
            n += 1
            email = f"{label}-{worker_id}-{n}@example.com"
            await hl.contacts.create({"firstName": f"W{worker_id}", "lastName": f"N{n}", "email": email})
            created += 1

    async with hl:
        await asyncio.gather(*(worker(i) for i in range(workers)))
        end = time.monotonic()
    count, span = _steady(sorted(sent))
    return Figures(label, end - start, len(sent), count, span, hl.usage().rate_limited, created)


async def _naive(sandbox: SandboxHandle, seconds: float, workers: int) -> Figures:
    """Baseline: the same creates with no client-side limiter, only obeying each 429's Retry-After."""
    sent: list[float] = []
    limited = created = 0
    start = time.monotonic()
    stop_at = start + seconds
    headers = {"Authorization": f"Bearer {sandbox.token}", "Version": "2021-07-28"}
    async with httpx.AsyncClient(base_url=sandbox.url, headers=headers, timeout=30) as http:

        async def worker(worker_id: int) -> None:
            nonlocal limited, created
            n = 0
            while time.monotonic() < stop_at:
                n += 1
                body = {"locationId": sandbox.location_id, "email": f"naive-{worker_id}-{n}@example.com"}
                while True:
                    sent.append(time.monotonic())
                    answer = await http.post("/contacts/", json=body)
                    if answer.status_code != 429:
                        created += 1
                        break
                    limited += 1
                    await asyncio.sleep(float(answer.headers.get("Retry-After", "1")))

        await asyncio.gather(*(worker(i) for i in range(workers)))
    count, span = _steady(sorted(sent))
    return Figures("naive", time.monotonic() - start, len(sent), count, span, limited, created)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--workers", type=int, default=20)
    parser.add_argument("--baseline-seconds", type=float, default=20.0)
    args = parser.parse_args()
    with start_sandbox(rate_limit=LIMIT, rate_window=WINDOW) as sandbox:
        # What this machine lets the stand-in serve at all: below 10 req/s the ratio measures the host.
        sandbox.admin("POST", "limits", {"max": 1_000_000})
        capacity = asyncio.run(_run(sandbox, "capacity", WINDOW + 5, args.workers, 1_000_000))
        print(f"stand-in capacity without a limit: {capacity.sustained_rate:.1f} requests/s")
        sandbox.admin("POST", "limits", {"max": LIMIT, "windowSeconds": WINDOW})
        sandbox.admin("POST", "reset")
        print(f"stand-in {sandbox.url}: limit {LIMIT} requests per {WINDOW:.0f} s; {args.workers} workers")
        ours = asyncio.run(_run(sandbox, "client", args.seconds, args.workers, LIMIT))
        ours.show()
        # Let the window drain and start the baseline on a fresh limiter.
        sandbox.admin("POST", "reset")
        if args.baseline_seconds > 0:
            asyncio.run(_naive(sandbox, args.baseline_seconds, args.workers)).show()
    share = ours.rate_limited / ours.requests if ours.requests else 0.0
    print(
        f"\nsustained rate / 10 req/s = {ours.sustained_rate / (LIMIT / WINDOW):.3f} (target >= 0.95); "
        f"429 share = {share:.2%} (target < 1%)"
    )


if __name__ == "__main__":
    main()
