"""Burst limit headers and 429s, fault injection (flags, admin endpoint, seeds) and persistence."""

from __future__ import annotations

import time
from pathlib import Path

import httpx
import pytest

from tests.sandbox_process import SandboxHandle, sandbox_fixture, start_sandbox

sandbox = sandbox_fixture(rate_limit=100_000)
LOC = "Loc0Sandbox0Test0001"
RATE_HEADERS = (
    "X-RateLimit-Max",
    "X-RateLimit-Remaining",
    "X-RateLimit-Interval-Milliseconds",
    "X-RateLimit-Limit-Daily",
    "X-RateLimit-Daily-Remaining",
)


@pytest.fixture(autouse=True)
def _clean(sandbox: SandboxHandle) -> None:
    sandbox.admin(
        "POST", "faults", {"rate429": 0, "rate5xx": 0, "dropAfterCommit": 0, "latencyMs": 0, "seed": None}
    )
    sandbox.admin("POST", "limits", {"max": 100_000, "windowSeconds": 10, "daily": 200_000})
    sandbox.admin("POST", "reset")


def test_burst_limit_counts_down_then_answers_429_with_retry_after(sandbox: SandboxHandle) -> None:
    sandbox.admin("POST", "limits", {"max": 5, "windowSeconds": 2})
    with sandbox.client(timeout=10) as api:
        answers = [api.get("/opportunities/pipelines", params={"locationId": LOC}) for _ in range(6)]
        assert [a.status_code for a in answers] == [200] * 5 + [429]
        assert [a.headers["X-RateLimit-Remaining"] for a in answers] == ["4", "3", "2", "1", "0", "0"]
        for answer in answers:
            assert all(name in answer.headers for name in RATE_HEADERS)
        assert answers[0].headers["X-RateLimit-Max"] == "5"
        assert answers[0].headers["X-RateLimit-Interval-Milliseconds"] == "2000"
        assert answers[0].headers["X-RateLimit-Limit-Daily"] == "200000"
        assert int(answers[4].headers["X-RateLimit-Daily-Remaining"]) == 200_000 - 5
        limited = answers[5]
        assert limited.json()["statusCode"] == 429 and 1 <= int(limited.headers["Retry-After"]) <= 2
        time.sleep(int(limited.headers["Retry-After"]) + 0.1)
        assert api.get("/opportunities/pipelines", params={"locationId": LOC}).status_code == 200


def test_daily_budget_runs_out_with_429(sandbox: SandboxHandle) -> None:
    sandbox.admin("POST", "limits", {"daily": 3})
    with sandbox.client(timeout=10) as api:
        answers = [api.get("/opportunities/pipelines", params={"locationId": LOC}) for _ in range(4)]
    assert [a.status_code for a in answers] == [200, 200, 200, 429]
    assert [a.headers["X-RateLimit-Daily-Remaining"] for a in answers] == ["2", "1", "0", "0"]
    assert int(answers[3].headers["Retry-After"]) >= 1
    sandbox.admin("POST", "limits", {"daily": 200_000})


def test_injected_429_and_5xx_happen_before_any_write(sandbox: SandboxHandle) -> None:
    with sandbox.client(timeout=10) as api:
        sandbox.admin("POST", "faults", {"rate429": 1.0})
        limited = api.post("/contacts/", json={"locationId": LOC, "email": "f1@example.com"})
        assert (
            limited.status_code == 429
            and "Retry-After" in limited.headers
            and "X-RateLimit-Max" in limited.headers
        )
        sandbox.admin("POST", "faults", {"rate429": 0, "rate5xx": 1.0})
        failed = api.post("/contacts/", json={"locationId": LOC, "email": "f1@example.com"})
        assert failed.status_code in (500, 502, 503)
    assert sandbox.admin("GET", "state")["counts"]["contacts"] == 0


def test_commit_then_drop_creates_the_record_but_the_client_hears_nothing(sandbox: SandboxHandle) -> None:
    sandbox.admin("POST", "faults", {"dropAfterCommit": 1.0})
    with sandbox.client(timeout=5) as api:
        with pytest.raises(httpx.TransportError):
            api.post("/contacts/", json={"locationId": LOC, "email": "dropped@example.com"})
        read = api.get("/opportunities/pipelines", params={"locationId": LOC})
        assert read.status_code == 200  # reads are answered; only committed writes are dropped
    records = sandbox.admin("GET", "records/contacts")["records"]
    assert [r["email"] for r in records] == ["dropped@example.com"]


def test_latency_is_added(sandbox: SandboxHandle) -> None:
    sandbox.admin("POST", "faults", {"latencyMs": 300})
    with sandbox.client(timeout=10) as api:
        started = time.monotonic()
        assert api.get("/opportunities/pipelines", params={"locationId": LOC}).status_code == 200
        assert time.monotonic() - started >= 0.3


def test_bad_fault_settings_are_refused(sandbox: SandboxHandle) -> None:
    answer = httpx.post(f"{sandbox.url}/_sandbox/faults", json={"rate429": 2}, headers=sandbox.headers())
    assert answer.status_code == 400 and "between 0 and 1" in answer.json()["message"]
    unknown = httpx.post(f"{sandbox.url}/_sandbox/faults", json={"chaos": 1}, headers=sandbox.headers())
    assert unknown.status_code == 400
    assert httpx.get(f"{sandbox.url}/_sandbox/state").status_code == 401


def _statuses(handle: SandboxHandle, count: int) -> list[int]:
    with handle.client(timeout=10) as api:
        return [
            api.get("/opportunities/pipelines", params={"locationId": LOC}).status_code for _ in range(count)
        ]


def test_seeded_faults_from_flags_repeat_exactly() -> None:
    faults = {"rate429": 0.3, "rate5xx": 0.2, "seed": 7}
    with start_sandbox(faults=faults, rate_limit=100_000) as first:
        sequence = _statuses(first, 40)
    with start_sandbox(faults=faults, rate_limit=100_000) as second:
        assert _statuses(second, 40) == sequence
    assert 429 in sequence and 200 in sequence and any(s >= 500 for s in sequence)


def test_state_survives_a_restart(tmp_path: Path) -> None:
    state = tmp_path / "state.json"
    with start_sandbox(state=state) as first:
        with first.client(timeout=10) as api:
            contact = api.post("/contacts/", json={"locationId": LOC, "email": "kept@example.com"}).json()[
                "contact"
            ]
            api.post(f"/contacts/{contact['id']}/notes", json={"body": "remember me"})
        first.stop()
    assert state.exists()
    with start_sandbox(state=state, seed=None) as second, second.client(timeout=10) as api:
        assert api.get(f"/contacts/{contact['id']}").json()["contact"]["email"] == "kept@example.com"
        assert [n["body"] for n in api.get(f"/contacts/{contact['id']}/notes").json()["notes"]] == [
            "remember me"
        ]
        second.admin("POST", "reset")
        assert api.get(f"/contacts/{contact['id']}").status_code == 400
        assert len(api.get("/opportunities/pipelines", params={"locationId": LOC}).json()["pipelines"]) == 2
