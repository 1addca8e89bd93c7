"""What it takes to re-run a printed demo step after the demo has stopped its stand-in.

The steps were printed with the stand-in's ``--base-url``; its token travelled in the
environment. The token goes to an env file in the user's config folder (mode 0600, never in
the workspace or the output), and the demo prints the one line that brings the same stand-in
back on the same port with its saved state, so each printed ``hlmap …`` line works as printed.
"""

from __future__ import annotations

import hashlib
import os
import shlex
from pathlib import Path
from urllib.parse import urlsplit


def env_path(workspace: Path) -> Path:
    """One env file per demo workspace, under ``$XDG_CONFIG_HOME/hlmap`` (``~/.config/hlmap``)."""
    config = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    tag = hashlib.sha256(str(workspace.resolve()).encode()).hexdigest()[:10]
    return config / "hlmap" / f"demo-{tag}.env"


def save_env(workspace: Path, env: dict[str, str]) -> Path:
    """Write ``env`` (the token among it) readable by this user only."""
    path = env_path(workspace)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.writelines(f"export {name}={shlex.quote(value)}\n" for name, value in sorted(env.items()))
    os.chmod(path, 0o600)  # an older file keeps its mode through O_TRUNC
    return path


def rerun_lines(env_file: Path, url: str, state: Path, rate_limit: int) -> list[str]:
    """The shell lines that bring the stand-in back exactly where the printed steps expect it."""
    port = urlsplit(url).port or 0
    serve = (
        f"hlmap sandbox serve --state {shlex.quote(str(state))} --port {port} "
        f'--token "$HIGHLEVEL_TOKEN" --rate-limit {rate_limit} &'
    )
    return [f". {shlex.quote(str(env_file))}", serve]
