"""Entry point shared by ``hlmap fixtures`` and ``fixtures/generate.py``."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from assistant.fixturegen import contractor_plus, perfect_books, stel_order
from assistant.fixturegen.sinks import write_json

DEFAULT_SEED = 20250115
Generator = Callable[[int, int, Path], dict[str, Any]]
PLATFORMS: dict[str, tuple[Generator, int]] = {
    "stel_order": (stel_order.generate, stel_order.DEFAULT_ROWS),
    "contractor_plus": (contractor_plus.generate, contractor_plus.DEFAULT_ROWS),
    "perfect_books": (perfect_books.generate, perfect_books.DEFAULT_ROWS),
}
_GENERATED = ("source", "ui_export", "destination.json", "manifest.json")  # all we ever write per platform


def repo_fixtures_dir() -> Path:
    return Path(__file__).resolve().parents[2] / "fixtures"


def default_out(*, scaled: bool) -> Path:
    """Committed fixtures live in fixtures/; scaled ones in the git-ignored fixtures/scaled/."""
    return repo_fixtures_dir() / "scaled" if scaled else repo_fixtures_dir()


def generate_platform(
    platform: str, out: Path, *, seed: int = DEFAULT_SEED, rows: int | None = None
) -> dict[str, Any]:
    """Regenerate ``out/<platform>`` from scratch and return its manifest (also written as manifest.json)."""
    make, default_rows = PLATFORMS[platform]
    folder = out / platform
    for name in _GENERATED:  # remove only what the generator owns, so stale files cannot linger
        target = folder / name
        if target.is_dir():
            shutil.rmtree(target)
        elif target.exists():
            target.unlink()
    manifest = make(seed, rows or default_rows, folder)
    write_json(folder / "manifest.json", manifest)
    return manifest
