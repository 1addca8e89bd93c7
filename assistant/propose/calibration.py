"""Confidence that means the probability of being right.

The rules' raw scores say how well a column matched a target, not how often such a proposal is
right. A small logistic model per kind turns each proposal's raw score plus document evidence
(``calibration_features``) into a probability. Its weights are plain data fitted on gold cases
(``python -m assistant.evals.calibration_fit``) and kept in ``calibration_weights.json``.
"""

from __future__ import annotations

import json
import math
from functools import cache
from pathlib import Path

from assistant.mapping.items import FieldMap, MappingDocument, ObjectMap, OwnerMatch, StageValueMap
from assistant.mapping.models import Evidence, Proposal
from assistant.propose.calibration_agreement import (
    MIN_DISAGREEMENTS,
    REVIEW_CAP,
    disagreements,
)
from assistant.propose.calibration_features import Features, Key, expanded, item_features, map_key

MAX_CONFIDENCE = 0.97  # as the rules: no proposal from evidence is certain
WEIGHTS_FILE = Path(__file__).with_name("calibration_weights.json")
Weights = dict[str, dict[str, float]]


@cache
def fitted_weights() -> Weights:
    data = json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))
    return {kind: {k: float(v) for k, v in w.items()} for kind, w in data["weights"].items()}


def probability(kind: str, features: Features, weights: Weights | None = None) -> float:
    w = (fitted_weights() if weights is None else weights).get(kind)
    if w is None:
        return features["raw"]  # no fitted model for this kind: the raw score stands
    z = sum(weight * expanded(features).get(name, 0.0) for name, weight in w.items())
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


def _key(item: Proposal) -> Key:
    if isinstance(item, ObjectMap):
        return ("objects", item.source_object)
    if isinstance(item, FieldMap):
        return map_key(item)
    if isinstance(item, StageValueMap):
        value = " ".join(item.source_value.split()).casefold()
        return ("stages", item.source_object, item.source_column, value)
    assert isinstance(item, OwnerMatch)
    return ("owners", item.source_object, item.source_key)


def confidence_for(
    kind: str, features: Features, threshold: float, weights: Weights | None = None
) -> tuple[float, list[str]]:
    """The confidence to write, and why a field map is held for review (empty when it is not).

    Calibration may send more items to a human, never fewer: an item the rules held below the
    review threshold (a flagged stage, an owner with no user, a doubtful skip) is never lifted. A
    field map its own evidence contradicts is held below the threshold too.
    """
    value = min(probability(kind, features, weights), MAX_CONFIDENCE)
    raw = features.get("raw", value)
    if raw < threshold or features.get("flagged", 0.0) > 0:
        value = min(value, raw)
    held = disagreements(features) if kind in ("fields", "objects") else []
    if len(held) >= MIN_DISAGREEMENTS:
        value = min(value, REVIEW_CAP, threshold - 0.05)
    else:
        held = []
    return round(value, 4), held


def calibrate_document(document: MappingDocument, threshold: float, weights: Weights | None = None) -> None:
    """Replace every judged item's raw score by its calibrated probability of being right."""
    feats = item_features(document)
    items: list[Proposal] = [*document.objects, *document.fields, *document.stages, *document.owners]
    calibrated = {}
    for item in items:
        key = _key(item)
        if key in feats:
            kind, vector = feats[key]
            calibrated[id(item)] = confidence_for(kind, vector, threshold, weights)
    for item in items:  # applied after every feature is read: features use the raw scores
        if id(item) in calibrated:
            item.confidence, held = calibrated[id(item)]
            if held:
                detail = "held for review, the evidence contradicts the map: " + "; ".join(held)
                item.evidence.append(Evidence(source="calibration", detail=detail))
