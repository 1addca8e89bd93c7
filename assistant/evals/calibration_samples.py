"""Propose gold cases with raw scores and pair every judged item with its features and verdict.

Shared by the calibration fit and the error dump, so both look at exactly the same items.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from assistant.evals.cases import Case
from assistant.evals.predictions import predictions_from_document
from assistant.evals.scorer import score_document
from assistant.ingest import ingest_paths
from assistant.mapping.items import MappingDocument
from assistant.profile import profile_workspace
from assistant.propose.calibration_features import Features, item_features
from assistant.propose.engine import propose_offline
from assistant.propose.service import build_inputs
from assistant.workspace import Workspace

Key = tuple[str, ...]


@dataclass(frozen=True)
class Sample:
    case: str
    key: Key
    kind: str
    features: Features
    right: bool
    first_seen: bool = False  # judged on the case's first-seen proposal (``first_seen``), not today's


def raw_document(case: Case, tmp: Path) -> MappingDocument:
    """The offline proposal of a case before calibration (raw rule scores)."""
    ws = Workspace(tmp / case.name).ensure()
    try:
        ingest_paths(ws, [case.source])
        profile_workspace(ws)
        inputs = build_inputs(ws, case.destination, None)
        inputs.calibrate = False
        return propose_offline(inputs)
    finally:
        ws.close()


def judged_samples(case: Case, document: MappingDocument, first_seen: bool = False) -> list[Sample]:
    """Every judged item of a raw document with its features and its verdict against the gold."""
    features = item_features(document)
    judged = score_document(case.gold(), predictions_from_document(document)).judged
    return [
        Sample(case.name, j.key, features[j.key][0], features[j.key][1], j.correct, first_seen)
        for j in judged
        if j.key in features
    ]


def case_samples(case: Case, tmp: Path) -> tuple[MappingDocument, list[Sample]]:
    document = raw_document(case, tmp)
    return document, judged_samples(case, document)


def split(cases: list[Case]) -> tuple[list[Case], list[Case]]:
    """Fit on the seed cases and every other new case (sorted by name); hold the rest out."""
    new = sorted((c for c in cases if c.group == "new"), key=lambda c: c.name)
    fit = [c for c in cases if c.group != "new"] + new[0::2]
    return fit, new[1::2]
