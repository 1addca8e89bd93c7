"""Test-wide isolation: the memory of confirmed maps is a user-wide file (``~/.config/hlmap``), so
tests neither read nor write it unless they point ``memory.path`` somewhere of their own; and the
output width is the runner's business, not the tests': a parallel worker inherits ``COLUMNS=80``,
which would fold the lines the command line leaves whole in a pipe."""

from __future__ import annotations

import os

os.environ.setdefault("HLMAP_MEMORY__ENABLED", "false")
for _name in ("COLUMNS", "LINES"):
    os.environ.pop(_name, None)
