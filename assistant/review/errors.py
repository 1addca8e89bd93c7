"""Why a review decision was refused."""

from __future__ import annotations

from assistant.errors import HlmapError


class ReviewError(HlmapError):
    """A decision that cannot be applied (invalid target, blocking items, unknown id)."""
