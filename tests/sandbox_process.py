"""Start the HighLevel stand-in as a real process on 127.0.0.1 for a test, and stop it after.

    with start_sandbox(seed=SEED) as sandbox:
        httpx.get(f"{sandbox.url}/contacts/{cid}", headers=sandbox.headers())

or, in a test module: ``sandbox = sandbox_fixture(seed=SEED)`` gives a module-scoped fixture.
"""

from __future__ import annotations

import functools
import json
import os
import re
import secrets
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

from assistant.sandbox.process import stop_gracefully

REPO_ROOT = Path(__file__).resolve().parent.parent

# The small destination (a DestinationState) the stand-in is seeded with when a test names none.
TEST_DESTINATION: dict[str, Any] = {
    "location": {
        "id": "Loc0Sandbox0Test0001",
        "name": "Stand-in test location",
        "companyId": "Cmp0Sandbox0Test0001",
        "country": "US",
        "timezone": "America/New_York",
        "settings": {"allowDuplicateContact": False, "allowDuplicateOpportunity": False},
    },
    "pipelines": [
        {
            "id": "Pip0Sales00000000001",
            "name": "Sales",
            "stages": [
                {"id": "Stg0New0000000000001", "name": "New", "position": 0},
                {"id": "Stg0Won0000000000001", "name": "Won", "position": 1},
            ],
        },
        {
            "id": "Pip0Service000000001",
            "name": "Service",
            "stages": [{"id": "Stg0Booked0000000001", "name": "Booked", "position": 0}],
        },
    ],
    "users": [
        {
            "id": "Usr0Ana0000000000001",
            "name": "Ana Ruiz",
            "firstName": "Ana",
            "lastName": "Ruiz",
            "email": "ana@example.com",
        },
        {
            "id": "Usr0Bob0000000000001",
            "name": "Bob Lee",
            "firstName": "Bob",
            "lastName": "Lee",
            "email": "Bob@Example.com",
        },
    ],
    "customFields": [
        {
            "id": "Fld0Budget0000000001",
            "name": "Budget",
            "fieldKey": "contact.budget",
            "dataType": "NUMERICAL",
            "model": "contact",
        },
        {
            "id": "Fld0Since00000000001",
            "name": "Customer since",
            "fieldKey": "contact.customer_since",
            "dataType": "DATE",
            "model": "contact",
        },
        {
            "id": "Fld0Tier000000000001",
            "name": "Tier",
            "fieldKey": "contact.tier",
            "dataType": "SINGLE_OPTIONS",
            "model": "contact",
            "picklistOptions": ["gold", "silver"],
        },
        {
            "id": "Fld0Services00000001",
            "name": "Services",
            "fieldKey": "contact.services",
            "dataType": "MULTIPLE_OPTIONS",
            "model": "contact",
            "picklistOptions": ["repair", "install"],
        },
        {
            "id": "Fld0Source0000000001",
            "name": "Lead source",
            "fieldKey": "opportunity.lead_source",
            "dataType": "TEXT",
            "model": "opportunity",
        },
        {
            "id": "Fld0PetName000000001",
            "name": "Pet name",
            "fieldKey": "custom_objects.pets.name",
            "dataType": "TEXT",
            "model": "custom_object",
            "objectKey": "custom_objects.pets",
        },
        {
            "id": "Fld0PetAge0000000001",
            "name": "Age",
            "fieldKey": "custom_objects.pets.age",
            "dataType": "NUMERICAL",
            "model": "custom_object",
            "objectKey": "custom_objects.pets",
        },
    ],
    "tags": [{"id": "Tag0Vip0000000000001", "name": "vip"}],
    "calendars": [{"id": "Cal0Visits0000000001", "name": "Site visits"}],
    "customObjects": [
        {
            "id": "Obj0Pets000000000001",
            "key": "custom_objects.pets",
            "labels": {"singular": "Pet", "plural": "Pets"},
        }
    ],
}


@functools.cache
def seed_destination_path() -> Path:
    """TEST_DESTINATION written once per test process to a temporary JSON file."""
    path = Path(tempfile.mkdtemp(prefix="hlmap-seed-")) / "destination.json"
    path.write_text(json.dumps(TEST_DESTINATION, indent=2), encoding="utf-8")
    return path


DEFAULT_SEED = seed_destination_path()  # the file holding TEST_DESTINATION

_BANNER = re.compile(r"listening on (http://\S+)")
_LOCATION = re.compile(r"location: (\S+)\s+company: (\S+)")
_AGENCY = re.compile(r"agency token: (\S+)")
_EXTRA = re.compile(r"location \d+: (\S+)\s+token: (\S+)")
_FAULT_FLAGS = {
    "rate429": "--faults-429",
    "rate5xx": "--faults-5xx",
    "dropAfterCommit": "--faults-drop",
    "errorAfterCreate": "--faults-error-after-create",
    "latencyMs": "--latency-ms",
    "seed": "--fault-seed",
}


@dataclass
class SandboxHandle:
    url: str
    token: str
    process: subprocess.Popen[bytes]
    location_id: str
    company_id: str
    agency_token: str
    log_path: Path
    tokens: dict[str, str] = field(default_factory=dict)  # every location id -> its standing token

    def headers(self, version: str = "2021-07-28", token: str | None = None) -> dict[str, str]:
        return {"Authorization": f"Bearer {token or self.token}", "Version": version}

    def client(self, version: str = "2021-07-28", **kwargs: Any) -> httpx.Client:
        return httpx.Client(base_url=self.url, headers=self.headers(version), **kwargs)

    def admin(self, method: str, path: str, json: Any = None, location: str | None = None) -> Any:
        """An admin request; ``location`` picks another location of the agency."""
        params = {"locationId": location} if location else None
        response = httpx.request(
            method,
            f"{self.url}/_sandbox/{path}",
            json=json,
            params=params,
            headers=self.headers(token=self.agency_token),
            timeout=30,
        )
        response.raise_for_status()
        return response.json()

    def stop(self) -> int:
        """Terminate gracefully (the stand-in saves its state file on the way out)."""
        return stop_gracefully(self.process)


def _command(
    seed: Path | None,
    state: Path | None,
    faults: dict[str, Any] | None,
    token: str,
    rate_limit: int,
    rate_window: float,
    locations: int = 1,
) -> list[str]:
    command = [
        sys.executable,
        "-m",
        "assistant.sandbox",
        "serve",
        "--host",
        "127.0.0.1",
        "--port",
        "0",
        "--token",
        token,
        "--rate-limit",
        str(rate_limit),
        "--rate-window",
        str(rate_window),
        "--locations",
        str(locations),
    ]
    if seed is not None:
        command += ["--seed", str(seed)]
    if state is not None:
        command += ["--state", str(state)]
    for key, value in (faults or {}).items():
        if key not in _FAULT_FLAGS:
            raise ValueError(f"unknown fault {key!r}; known: {', '.join(_FAULT_FLAGS)}")
        if value is not None:
            command += [_FAULT_FLAGS[key], str(value)]
    return command


def _wait_ready(
    process: subprocess.Popen[bytes], log_path: Path, token: str, timeout: float, locations: int = 1
) -> SandboxHandle:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(
                f"stand-in exited with {process.returncode}:\n{log_path.read_text(errors='replace')}"
            )
        text = log_path.read_text(errors="replace")
        url, where, agency = _BANNER.search(text), _LOCATION.search(text), _AGENCY.search(text)
        extra = dict(_EXTRA.findall(text))
        if url and where and agency and len(extra) == locations - 1:
            handle = SandboxHandle(
                url.group(1), token, process, where.group(1), where.group(2), agency.group(1), log_path
            )
            handle.tokens = {handle.location_id: token, **extra}
            try:
                if (
                    httpx.get(f"{handle.url}/_sandbox/state", headers=handle.headers(), timeout=2).status_code
                    == 200
                ):
                    return handle
            except httpx.TransportError:
                pass
        time.sleep(0.05)
    raise RuntimeError(f"stand-in not ready after {timeout}s:\n{log_path.read_text(errors='replace')}")


@contextmanager
def start_sandbox(
    seed: Path | None = None,
    state: Path | None = None,
    faults: dict[str, Any] | None = None,
    rate_limit: int = 100,
    rate_window: float = 10.0,
    token: str | None = None,
    timeout: float = 30.0,
    locations: int = 1,
) -> Iterator[SandboxHandle]:
    """Run ``python -m assistant.sandbox serve`` on a free loopback port until the block ends.

    ``seed`` defaults to TEST_DESTINATION; with ``state`` pointing at an existing file, the saved state wins.

    ``faults`` keys: rate429, rate5xx, dropAfterCommit, errorAfterCreate (shares 0..1), latencyMs, seed.
    """
    token = token or f"test-{secrets.token_hex(12)}"
    log_dir = Path(tempfile.mkdtemp(prefix="hlmap-sandbox-"))
    log_path = log_dir / "sandbox.log"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            _command(
                seed or seed_destination_path(), state, faults, token, rate_limit, rate_window, locations
            ),
            stdout=log,
            stderr=subprocess.STDOUT,
            cwd=REPO_ROOT,
            env=env,
        )
    try:
        handle = _wait_ready(process, log_path, token, timeout, locations)
        yield handle
    finally:
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=5)


def sandbox_fixture(
    seed: Path | None = None,
    faults: dict[str, Any] | None = None,
    rate_limit: int = 100,
    rate_window: float = 10.0,
    scope: str = "module",
    locations: int = 1,
) -> Callable[..., Any]:
    """A pytest fixture (assign it to a module-level name) yielding a running ``SandboxHandle``.

    ``seed=None`` seeds TEST_DESTINATION.
    """

    @pytest.fixture(scope=scope)  # type: ignore[call-overload,untyped-decorator]
    def _sandbox() -> Iterator[SandboxHandle]:
        with start_sandbox(
            seed=seed, faults=faults, rate_limit=rate_limit, rate_window=rate_window, locations=locations
        ) as handle:
            yield handle

    return _sandbox  # type: ignore[no-any-return]
