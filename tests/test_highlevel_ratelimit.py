"""The client-side rate limiter, driven by a fake clock (no real sleeping)."""

from __future__ import annotations

import asyncio

import pytest

from assistant.highlevel.ratelimit import DailyBudgetExhausted, RateLimiter


class FakeClock:
    def __init__(self) -> None:
        self.t = 1000.0
        self.slept: list[float] = []

    def now(self) -> float:
        return self.t

    async def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.t += seconds
        await asyncio.sleep(0)


def _max_in_any_window(stamps: list[float], window: float) -> int:
    return max(sum(1 for other in stamps if start <= other < start + window) for start in stamps)


def test_never_more_than_limit_in_any_window_and_no_slower_than_needed() -> None:
    clock = FakeClock()
    limiter = RateLimiter(100, 10.0, clock, margin=0.1)

    async def run() -> list[float]:
        return [await limiter.acquire() for _ in range(350)]

    stamps = asyncio.run(run())
    assert _max_in_any_window(stamps, 10.0) == 100
    # The 101st request waits exactly one window (+ margin) after the first, no longer.
    assert stamps[100] - stamps[0] == pytest.approx(10.1)
    assert stamps[-1] - stamps[0] == pytest.approx(30.3)
    assert limiter.usage.requests_sent == 350
    assert limiter.usage.waited_seconds == pytest.approx(30.3)


def test_concurrent_acquirers_share_one_window() -> None:
    clock = FakeClock()
    limiter = RateLimiter(10, 1.0, clock, margin=0.0)
    stamps: list[float] = []

    async def worker() -> None:
        for _ in range(5):
            stamps.append(await limiter.acquire())

    async def run() -> None:
        await asyncio.gather(*(worker() for _ in range(8)))

    asyncio.run(run())
    assert len(stamps) == 40
    assert _max_in_any_window(sorted(stamps), 1.0) == 10


def test_server_counting_more_than_we_sent_blocks_earlier() -> None:
    clock = FakeClock()
    limiter = RateLimiter(100, 10.0, clock, margin=0.0)

    async def run() -> float:
        await limiter.acquire()
        # Another app spent 60 of the location's burst: the server says only 39 remain.
        limiter.observe({"X-RateLimit-Remaining": "39", "X-RateLimit-Max": "100"})
        assert limiter.in_window() == 61
        for _ in range(39):
            await limiter.acquire()
        return await limiter.acquire()

    fortieth = asyncio.run(run())
    assert fortieth == pytest.approx(1010.0)  # had to wait for the window to roll over


def test_a_slow_answer_holds_its_slot_until_a_window_after_it_arrived() -> None:
    clock = FakeClock()
    limiter = RateLimiter(2, 10.0, clock, margin=0.0)

    async def run() -> float:
        first = await limiter.acquire()
        await limiter.acquire()
        clock.t += 3.0  # the server took 3 s to answer the first request
        limiter.settle(first)
        return await limiter.acquire()

    # The second send (at 1000) frees its slot at 1010, before the re-stamped first one (1013).
    assert asyncio.run(run()) == pytest.approx(1010.0)
    assert limiter.in_window() == 2


def test_answers_arriving_out_of_order_book_no_phantom_sends() -> None:
    clock = FakeClock()
    limiter = RateLimiter(100, 10.0, clock, margin=0.0)

    async def run() -> None:
        for _ in range(20):
            await limiter.acquire()
        # The 20th request's answer arrives first: the server has counted all 20 of ours.
        limiter.observe({"X-RateLimit-Remaining": "80"})
        # An early request's answer arrives late: the server had counted only 3 then.
        limiter.observe({"X-RateLimit-Remaining": "97"})

    asyncio.run(run())
    assert limiter.in_window() == 20


def test_lower_server_max_and_longer_interval_are_adopted() -> None:
    limiter = RateLimiter(100, 10.0, FakeClock())
    limiter.observe({"x-ratelimit-max": "50", "x-ratelimit-interval-milliseconds": "20000"})
    assert (limiter.limit, limiter.window) == (50, 20.0)
    assert limiter.usage.burst_limit == 50


def test_pause_holds_the_next_send() -> None:
    clock = FakeClock()
    limiter = RateLimiter(100, 10.0, clock)

    async def run() -> float:
        await limiter.acquire()
        limiter.pause(2.5)
        return await limiter.acquire()

    assert asyncio.run(run()) == pytest.approx(1002.5)


def test_daily_budget_is_tracked_and_enforced() -> None:
    limiter = RateLimiter(100, 10.0, FakeClock())

    async def run() -> None:
        await limiter.acquire()
        limiter.observe({"X-RateLimit-Limit-Daily": "200000", "X-RateLimit-Daily-Remaining": "2"})
        await limiter.acquire()
        await limiter.acquire()
        assert limiter.usage.daily_remaining == 0
        await limiter.acquire()

    with pytest.raises(DailyBudgetExhausted):
        asyncio.run(run())
    assert limiter.usage.daily_limit == 200000
    assert limiter.usage.requests_sent == 3
