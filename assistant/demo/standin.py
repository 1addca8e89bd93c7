"""Start the local HighLevel stand-in as a real process for the demo, and stop it after."""

from __future__ import annotations

import re
import secrets
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from assistant.errors import HlmapError
from assistant.sandbox.process import stop_gracefully

_BANNER = re.compile(r"listening on (http://\S+)")
_LOCATION = re.compile(r"location: (\S+)")


@dataclass
class StandIn:
    url: str
    location_id: str
    token: str
    process: subprocess.Popen[str]
    log_path: Path

    def stop(self) -> None:
        """Terminate gracefully so the stand-in saves its state file on the way out."""
        stop_gracefully(self.process)


def start_standin(
    seed: Path, state: Path, log_path: Path, rate_limit: int, *, timeout: float = 60.0
) -> StandIn:
    """Launch ``python -m assistant.sandbox serve`` on a free loopback port and wait for its banner."""
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
    log = log_path.open("w", encoding="utf-8")
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=log, text=True)
    url = location = None
    deadline = time.monotonic() + timeout
    assert process.stdout is not None
    while time.monotonic() < deadline and (url is None or location is None):
        line = process.stdout.readline()
        if not line:
            break
        log.write(line)
        url = url or _match(_BANNER, line)
        location = location or _match(_LOCATION, line)
    if url is None or location is None:
        process.kill()
        raise HlmapError(f"the local HighLevel stand-in did not start; see {log_path}")
    # Keep draining its output into the log so a full pipe can never stall the server.
    threading.Thread(target=_drain, args=(process.stdout, log), daemon=True).start()
    return StandIn(url=url, location_id=location, token=token, process=process, log_path=log_path)


def _drain(stream: IO[str], log: IO[str]) -> None:
    for line in stream:
        log.write(line)
    log.close()


def _match(pattern: re.Pattern[str], line: str) -> str | None:
    found = pattern.search(line)
    return found.group(1) if found else None
