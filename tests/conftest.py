"""Test-wide isolation: the memory of confirmed maps is a user-wide file (``~/.config/hlmap``), so
tests neither read nor write it unless they point ``memory.path`` somewhere of their own."""

from __future__ import annotations

import os

os.environ.setdefault("HLMAP_MEMORY__ENABLED", "false")
