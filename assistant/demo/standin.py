"""Start the local HighLevel stand-in as a real process for the demo, and stop it after."""

from __future__ import annotations

import re
import secrets
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from assistant.errors import HlmapError
from assistant.sandbox.process import stop_gracefully

_BANNER = re.compile(r"listening on (http://\S+)")
_LOCATION = re.compile(r"location: (\S+)")
_AGENCY = re.compile(r"agency token: (\S+)")
_FURTHER = re.compile(r"location \d+: (\S+)")
_LAST = "state: "  # the banner's last line: every location has been named by then


@dataclass
class StandIn:
    url: str
    location_id: str
    token: str
    process: subprocess.Popen[str]
    log_path: Path
    agency_token: str = ""
    locations: list[str] = field(default_factory=list)  # every location of the agency, the seeded one first

    def stop(self) -> None:
        """Terminate gracefully so the stand-in saves its state file on the way out."""
        stop_gracefully(self.process)


def start_standin(
    seed: Path,
    state: Path,
    log_path: Path,
    rate_limit: int,
    *,
    timeout: float = 60.0,
    location_seeds: Sequence[Path] = (),
) -> StandIn:
    """Launch ``python -m assistant.sandbox serve`` on a free loopback port and wait for its banner.

    With ``location_seeds`` the stand-in is an agency: one more location per seed, seeded from it.
    """
    token = f"demo-{secrets.token_hex(12)}"  # a local stand-in token, never a HighLevel credential
    command = [
        sys.executable,
        "-m",
        "assistant.sandbox",
        "serve",
        "--host",
        "127.0.0.1",
        "--port",
        "0",
        "--seed",
        str(seed),
        "--state",
        str(state),
        "--token",
        token,
        "--rate-limit",
        str(rate_limit),
    ]
    if location_seeds:
        command += ["--locations", str(len(location_seeds) + 1)]
        command += [arg for path in location_seeds for arg in ("--location-seed", str(path))]
    log = log_path.open("w", encoding="utf-8")
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=log, text=True)
    url = location = agency = None
    further: list[str] = []
    deadline = time.monotonic() + timeout
    assert process.stdout is not None
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        log.write(line)
        if not line or line.startswith(_LAST):
            break
        url = url or _match(_BANNER, line)
        location = location or _match(_LOCATION, line)
        agency = agency or _match(_AGENCY, line)
        further += [found] if (found := _match(_FURTHER, line)) else []
    if url is None or location is None or len(further) != len(location_seeds):
        process.kill()
        raise HlmapError(f"the local HighLevel stand-in did not start; see {log_path}")
    # Keep draining its output into the log so a full pipe can never stall the server.
    threading.Thread(target=_drain, args=(process.stdout, log), daemon=True).start()
    return StandIn(
        url=url,
        location_id=location,
        token=token,
        process=process,
        log_path=log_path,
        agency_token=agency or "",
        locations=[location, *further],
    )


def _drain(stream: IO[str], log: IO[str]) -> None:
    for line in stream:
        log.write(line)
    log.close()


def _match(pattern: re.Pattern[str], line: str) -> str | None:
    found = pattern.search(line)
    return found.group(1) if found else None
