"""What ``hlmap propose`` says when no confirmed map knows the export's headers.

The calibration fit measures, held out, how the confidence did on each case's first-seen proposal
(an export nobody had configured) and keeps that trade-off in ``calibration_weights.json``. On a
new platform the engineer should know how many errors the review threshold lets through, and
which threshold would catch most of them: a figure, not a promise.
"""

from __future__ import annotations

import json
from functools import cache

from assistant.propose.calibration import WEIGHTS_FILE

CATCHES_MOST = 0.85  # the share of wrong proposals a suggested threshold must send to review


@cache
def first_seen_tradeoff() -> tuple[tuple[float, float, float], ...]:
    """(threshold, share of wrong proposals below it, share of all at or above it), as measured."""
    rows = json.loads(WEIGHTS_FILE.read_text(encoding="utf-8")).get("first_seen_held_out", [])
    return tuple((float(r["threshold"]), float(r["wrong_below"]), float(r["all_above"])) for r in rows)


def unseen_export_hint(threshold: float) -> str | None:
    """One line for an export no confirmed map knows; None when nothing was measured."""
    rows = first_seen_tradeoff()
    if not rows:
        return None
    _, below, _ = min(rows, key=lambda r: abs(r[0] - threshold))
    line = (
        f"first seen: on exports nobody had configured, {below:.0%} of the wrong proposals fell below "
        f"the review threshold {threshold:.2f} (measured held out)"
    )
    higher = [r for r in rows if r[0] > threshold and r[1] >= CATCHES_MOST]
    if higher:
        t, caught, above = higher[0]
        line += (
            f"; at {t:.2f} {caught:.0%} did, with {above:.0%} of proposals above it "
            f"(propose.confidence_threshold)"
        )
    return line
