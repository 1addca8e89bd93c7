"""The demo's last line says what the read-back found, not only the reconciliation's verdict.

Reconciliation counts rows and values against the source export; the read-back compares what
HighLevel holds with what was written. A value HighLevel kept from a record it already had (its
duplicate rule matched the contact) is no loss the engineer did not decide, but it did not arrive
as written either, so the closing line names how many and where each one is listed.
"""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

NOT_AS_WRITTEN = ("differs", "missing")


def readback_summary(reports: Path) -> str:
    """'every value read back as written', or how many written values differ or are missing, by cause."""
    path = reports / "verification-differences.csv"
    causes: Counter[str] = Counter()
    if path.exists():
        with path.open(encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                if row.get("outcome") in NOT_AS_WRITTEN:
                    causes[(row.get("note") or "no cause recorded").split(":")[0]] += 1
    if not causes:
        return "every written value read back as written (or listed as not readable)"
    total = sum(causes.values())
    by_cause = "; ".join(f"{n}: {cause}" for cause, n in causes.most_common())
    return f"{total} written values not read back as written ({by_cause}), each in {path}"
