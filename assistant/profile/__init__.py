"""Profiling: per-column facts computed in DuckDB SQL over whole columns.

``profile_workspace`` is loaded on first use, so registering the ``hlmap profile`` command (done
by every hlmap invocation) does not import the profiler.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from assistant.profile.profiler import profile_workspace

__all__ = ["profile_workspace"]


def __getattr__(name: str) -> Any:
    if name == "profile_workspace":
        from assistant.profile.profiler import profile_workspace

        return profile_workspace
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
