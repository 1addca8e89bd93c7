"""Stopping a stand-in process the way it expects: terminate, so it saves its state file."""

from __future__ import annotations

import subprocess
from typing import Any


def stop_gracefully(process: subprocess.Popen[Any], timeout: float = 15.0) -> int:
    """Terminate and wait; kill only when it does not exit in time. Returns the exit code."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)
    return int(process.returncode)
