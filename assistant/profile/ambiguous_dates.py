"""Day/month dates a column's own order cannot settle.

A column of ISO dates with a few typed by hand ('05/12/2022') has no day/month order of its own: a
value whose parts are both 12 or under reads as May 12 and as 5 December. The executor leaves such a
value unread rather than guess; the profile counts them so the map can say what those rows take.
"""

from __future__ import annotations

from assistant.profile.stats import ColumnStats


def ambiguous_day_month(stats: ColumnStats) -> tuple[float, str] | None:
    """Share of the sampled values that read both ways, with the evidence line; None when none do."""
    either = stats.counts.get("dmy_like", 0) - stats.counts.get("first_gt12", 0)
    either -= stats.counts.get("second_gt12", 0)
    if either <= 0 or not stats.sample_nonblank:
        return None
    line = f"{either} value(s) read as day/month and as month/day (no part above 12): not read as dates"
    return round(either / stats.sample_nonblank, 4), line
