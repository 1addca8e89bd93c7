"""Confidence that means the probability of being right.

The rules' raw scores say how well a column matched a target, not how often such a proposal is
right. A small logistic model turns each proposal's raw score plus document-level evidence into a
probability: how sure the table's object map is, whether the table's columns mostly fell to new
custom fields (the object map probably missed what the table is), whether the item lands on the
table's main object, how far ahead of its runner-up it is. Its weights are fitted on gold cases
(``python -m assistant.evals.calibration_fit``) and kept in ``calibration_weights.py``.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping

from assistant.mapping.items import FieldMap, MappingDocument
from assistant.mapping.models import FieldKind, Proposal
from assistant.propose import calibration_weights

Key = tuple[str, ...]
FEATURES = ("bias", "raw", "object_confidence", "custom_share", "new_custom", "skip", "secondary",
            "margin", "flagged", "by_name")  # fmt: skip


def _margin(item: Proposal) -> float:
    scores = sorted((a.score for a in item.alternatives), reverse=True)
    return item.confidence - scores[0] if scores else item.confidence


def item_features(document: MappingDocument) -> dict[Key, tuple[str, list[float]]]:
    """Per judged item (keyed as the evals key it): its kind and feature vector, from the raw document."""
    objects = {o.source_object: o for o in document.objects}
    custom = Counter(f.source_object for f in document.fields if f.target.kind == FieldKind.CUSTOM_NEW)
    total = Counter(f.source_object for f in document.fields)
    out: dict[Key, tuple[str, list[float]]] = {}

    def table(name: str) -> tuple[float, float]:
        obj = objects.get(name)
        return (obj.confidence if obj else 0.5), custom[name] / total[name] if total[name] else 0.0

    for o in document.objects:
        conf, share = table(o.source_object)
        out[("objects", o.source_object)] = ("objects", [1, o.confidence, conf, share, 0, 0, 0, 0, 0, 0])
    for f in document.fields:
        conf, share = table(f.source_object)
        out.update(
            {
                ("fields", f.source_object, c): ("fields", _field(f, conf, share, objects))
                for c in f.source_columns
            }
        )
    for s in document.stages:
        conf, share = table(s.source_object)
        key = ("stages", s.source_object, s.source_column, " ".join(s.source_value.split()).casefold())
        out[key] = ("stages", [1, s.confidence, conf, share, 0, 0, 0, _margin(s), float(s.flagged), 0])
    for w in document.owners:
        conf, share = table(w.source_object)
        out[("owners", w.source_object, w.source_key)] = (
            "owners",
            [1, w.confidence, conf, share, 0, float(w.user_id is None), 0, 0, 0, float(w.method == "name")],
        )
    return out


def _field(f: FieldMap, conf: float, share: float, objects: Mapping[str, object]) -> list[float]:
    obj = objects.get(f.source_object)
    main = getattr(obj, "targets", [None])[0] if obj is not None and getattr(obj, "targets", None) else None
    secondary = f.target.object is not None and main is not None and f.target.object != main.object
    return [1, f.confidence, conf, share, float(f.target.kind == FieldKind.CUSTOM_NEW),
            float(f.target.kind == FieldKind.SKIP), float(secondary), _margin(f), 0, 0]  # fmt: skip


def expanded(features: list[float]) -> list[float]:
    """The features plus two interactions: a doubtful object map weighs on every field it carries."""
    _, _, obj_conf, share, new_custom = features[:5]
    return [*features, new_custom * share, (1 - obj_conf) * share]


def probability(kind: str, features: list[float], weights: dict[str, list[float]] | None = None) -> float:
    w = (calibration_weights.WEIGHTS if weights is None else weights).get(kind)
    if w is None:
        return features[1]  # no fitted model for this kind: the raw score stands
    z = sum(a * b for a, b in zip(w, expanded(features), strict=True))
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


def calibrate_document(
    document: MappingDocument, threshold: float, weights: dict[str, list[float]] | None = None
) -> None:
    """Replace every judged item's raw score by its calibrated probability of being right.

    Calibration may send more items to a human, never fewer: an item the rules held below the
    review threshold (a flagged stage, an owner with no user, a doubtful skip) is never lifted.
    """
    feats = item_features(document)
    items: list[tuple[Key, Proposal]] = [(("objects", o.source_object), o) for o in document.objects]
    items += [(("fields", f.source_object, f.source_columns[0]), f) for f in document.fields]
    items += [(("stages", s.source_object, s.source_column, " ".join(s.source_value.split()).casefold()), s)
              for s in document.stages]  # fmt: skip
    items += [(("owners", w.source_object, w.source_key), w) for w in document.owners]
    for key, item in items:
        if key in feats:
            kind, vector = feats[key]
            calibrated = round(probability(kind, vector, weights), 4)
            held = item.confidence < threshold or getattr(item, "flagged", False)
            item.confidence = min(calibrated, item.confidence) if held else calibrated
