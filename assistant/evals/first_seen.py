"""First-seen proposals: what the proposer wrote on each case before anyone read its errors.

``evals/cases/<case>/first_seen.json.gz`` (written by ``python -m evals.first_seen``) keeps the raw
document an earlier commit proposed. Judged against today's gold with today's features, it is the
only sample of how the proposer does on a platform nobody configured once rules have been written
from the case's own errors: the calibration fit learns from it and reports it held out.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from pydantic import ValidationError

from assistant.errors import HlmapError
from assistant.evals.calibration_samples import Sample, judged_samples
from assistant.evals.cases import Case
from assistant.mapping.items import MappingDocument

SNAPSHOT_FILE = "first_seen.json.gz"


def load_snapshot(path: Path) -> tuple[str, MappingDocument]:
    """The commit that proposed it, and the raw document."""
    try:
        data = json.loads(gzip.decompress(path.read_bytes()))
        return str(data["commit"]), MappingDocument.model_validate(data["document"])
    except (OSError, ValueError, KeyError, ValidationError) as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise HlmapError(f"{path}: not a first-seen snapshot ({first})") from exc


def first_seen_samples(cases: list[Case]) -> list[Sample]:
    """Every judged item of every case's first-seen proposal, marked first seen."""
    out: list[Sample] = []
    for case in cases:
        path = case.root / SNAPSHOT_FILE
        if path.exists():
            out += judged_samples(case, load_snapshot(path)[1], first_seen=True)
    return out
