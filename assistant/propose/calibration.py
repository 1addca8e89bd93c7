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
from assistant.mapping.models import Proposal
from assistant.propose.calibration_features import Features, Key, expanded, item_features

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
        return ("fields", item.source_object, item.source_columns[0])
    if isinstance(item, StageValueMap):
        value = " ".join(item.source_value.split()).casefold()
        return ("stages", item.source_object, item.source_column, value)
    assert isinstance(item, OwnerMatch)
    return ("owners", item.source_object, item.source_key)


def calibrate_document(document: MappingDocument, threshold: float, weights: Weights | None = None) -> None:
    """Replace every judged item's raw score by its calibrated probability of being right.

    Calibration may send more items to a human, never fewer: an item the rules held below the
    review threshold (a flagged stage, an owner with no user, a doubtful skip) is never lifted.
    """
    feats = item_features(document)
    items: list[Proposal] = [*document.objects, *document.fields, *document.stages, *document.owners]
    calibrated = {}
    for item in items:
        key = _key(item)
        if key in feats:
            kind, vector = feats[key]
            calibrated[id(item)] = round(probability(kind, vector, weights), 4)
    for item in items:  # applied after every feature is read: features use the raw scores
        if id(item) in calibrated:
            held = item.confidence < threshold or getattr(item, "flagged", False)
            value = calibrated[id(item)]
            item.confidence = min(value, item.confidence) if held else value
