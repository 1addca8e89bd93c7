"""The evidence a calibrated confidence is computed from, per judged item, by name.

Every feature is generic document evidence: how sure the table's object map is and how far ahead
of its runner-up, whether the table's columns mostly fell to new custom fields (the object map
probably missed what the table is), whether name and value evidence agree, whether several columns
compete for one target, whether another map reads the column too (``calibration_reads``), and what
the profile says the column holds.
"""

from __future__ import annotations

import re
from collections import Counter

from assistant.ingest.table_names import is_nested
from assistant.mapping.items import FieldMap, MappingDocument, ObjectMap
from assistant.mapping.models import FieldKind, Proposal, TransformKind
from assistant.propose.calibration_agreement import agreement, disagreements
from assistant.propose.calibration_caps import FIELD_CAPS, field_caps, object_caps
from assistant.propose.calibration_reads import read_elsewhere, read_twice
from assistant.propose.normalize import reads_as_key

Key = tuple[str, ...]
Features = dict[str, float]

_NAME_SIMILARITY = re.compile(r"name similarity ([0-9.]+)")
_VALUE_SHARE = re.compile(r"([0-9]+)% of values are")
_SEMANTIC = re.compile(r"semantic type (\w+) \(([0-9]+)% of values\), ([0-9]+)% empty, ([0-9]+) distinct")
# the profile types whose column names say little about where they land
_OPAQUE_TYPES = ("identifier", "foreign_key", "picklist", "person_name", "text")
# catch-all standard targets any text can land on: a match there says little
_GENERIC_TARGETS = frozenset({"name", "title", "description", "body", "notes"})
UNSURE = 0.7  # an object map below the default review threshold: its record type waits for a human


def margin(item: Proposal) -> float:
    """How far ahead of its best alternative the item is (negative: an alternative scored higher)."""
    scores = sorted((a.score for a in item.alternatives), reverse=True)
    return item.confidence - scores[0] if scores else item.confidence


def object_margin(o: ObjectMap) -> float:
    chosen = {t.object.value for t in o.targets}
    others = [a.score for a in o.alternatives if a.target not in chosen]
    return o.confidence - max(others, default=0.0)


def _target_key(f: FieldMap) -> str:
    t = f.target
    if t.kind == FieldKind.STANDARD:
        return f"{t.object}.{t.field}"
    return f"{t.kind}.{t.custom_field.field_key if t.custom_field else ''}"


def _evidence(f: FieldMap) -> Features:
    text = " | ".join(f"{e.source}: {e.detail}" for e in f.evidence)
    sim = [float(m) for m in _NAME_SIMILARITY.findall(text)]
    values = [float(m) / 100 for m in _VALUE_SHARE.findall(text)]
    out: Features = {
        "name_similarity": max(sim, default=0.0),
        "value_share": max(values, default=0.0),
        "vocabulary_hit": float("vocabulary" in text),
        "no_candidate_evidence": float("candidate:" not in text and "vocabulary" not in text),
    }
    semantic = _SEMANTIC.search(text)
    if semantic:
        kind = semantic.group(1)
        out.update({f"type_{t}": float(kind == t) for t in _OPAQUE_TYPES})
        out["type_share"] = float(semantic.group(2)) / 100
        out["empty_share"] = float(semantic.group(3)) / 100
    # name evidence without value evidence, or the reverse: the two disagree on the target
    out["name_without_values"] = float(out["name_similarity"] >= 0.6 and not values and bool(semantic))
    # a vocabulary word in the header that the values do not bear out: first seen, often wrong
    out["vocabulary_without_values"] = float(bool(out["vocabulary_hit"]) and out["value_share"] < 0.5)
    return out


def map_key(f: FieldMap) -> Key:
    """A field map's own key: a column read by several maps is judged once, each map is scored alone."""
    return ("map", f.id)


def item_features(document: MappingDocument) -> dict[Key, tuple[str, Features]]:
    """Per judged item (keyed as the evals key it): its kind and named features, from the raw document."""
    objects = {o.source_object: o for o in document.objects}
    custom = Counter(f.source_object for f in document.fields if f.target.kind == FieldKind.CUSTOM_NEW)
    total = Counter(f.source_object for f in document.fields)
    competing = Counter(
        (f.source_object, _target_key(f)) for f in document.fields if f.target.kind == FieldKind.STANDARD
    )
    out: dict[Key, tuple[str, Features]] = {}

    def table(name: str) -> Features:
        obj = objects.get(name)
        return {
            "bias": 1.0,
            "object_confidence": obj.confidence if obj else 0.5,
            "object_margin": object_margin(obj) if obj else 0.0,
            "custom_share": custom[name] / total[name] if total[name] else 0.0,
        }

    mains = {o.source_object: o.targets[0].object for o in document.objects if o.targets}
    clashes = {f.id for f in document.fields if agreement(f, mains.get(f.source_object))["name_kind_clash"]}
    held: set[str] = set()  # tables whose object map its evidence contradicts
    elsewhere = read_elsewhere(document)
    for o in document.objects:
        feats = {**table(o.source_object), "raw": o.confidence, **object_caps(o, document, clashes)}
        out[("objects", o.source_object)] = ("objects", feats)
        if disagreements(feats):
            held.add(o.source_object)
    for f in document.fields:
        main = objects[f.source_object].targets[0].object if f.source_object in objects else None
        feats = {
            **table(f.source_object),
            **_evidence(f),
            "raw": f.confidence,
            "margin": margin(f),
            "new_custom": float(f.target.kind == FieldKind.CUSTOM_NEW),
            "existing_custom": float(f.target.kind == FieldKind.CUSTOM_EXISTING),
            "skip": float(f.target.kind == FieldKind.SKIP),
            "secondary": float(f.target.object is not None and main is not None and f.target.object != main),
            # a nested list merged into its parent: several entries per record, one field to fill
            "nested_table": float(is_nested(f.source_object)),
            "competing": float(competing[(f.source_object, _target_key(f))] > 1),
            "key_like_name": float(any(reads_as_key(c) for c in f.source_columns)),
            "generic_target": float(f.target.field in _GENERIC_TARGETS),
            "composed": float(f.transform.kind == TransformKind.CONCAT),
            "value_map": float(f.transform.kind == TransformKind.VALUE_MAP),
            "read_elsewhere": float(read_twice(f, elsewhere)),
            **agreement(f, main),
            **field_caps(f, document),
            "object_held": float(f.source_object in held),
            "object_unsure": float(
                f.source_object in objects and objects[f.source_object].confidence < UNSURE
            ),
        }
        out[map_key(f)] = ("fields", feats)  # the map's own evidence: what its confidence is read from
        for c in f.source_columns:  # a column is judged by its least sure map: any map's cap holds it
            column = ("fields", f.source_object, c)
            earlier = out[column][1] if column in out else {}
            caps = {n: max(feats[n], earlier.get(n, 0.0)) for n in FIELD_CAPS}
            out[column] = ("fields", {**feats, **caps})
    for s in document.stages:
        key = ("stages", s.source_object, s.source_column, " ".join(s.source_value.split()).casefold())
        feats = {**table(s.source_object), "raw": s.confidence, "margin": margin(s)}
        out[key] = ("stages", {**feats, "flagged": float(s.flagged)})
    for w in document.owners:
        feats = {**table(w.source_object), "raw": w.confidence, "no_user": float(w.user_id is None),
                 "by_name": float(w.method == "name")}  # fmt: skip
        out[("owners", w.source_object, w.source_key)] = ("owners", feats)
    return out


def expanded(features: Features) -> Features:
    """The features plus interactions: a doubtful object map weighs on every field it carries."""
    share, doubt = features.get("custom_share", 0.0), 1 - features.get("object_confidence", 1.0)
    new_custom = features.get("new_custom", 0.0)
    return {
        **features,
        "new_custom*custom_share": new_custom * share,
        "object_doubt*custom_share": doubt * share,
        "new_custom*opaque_name": new_custom * features.get("no_candidate_evidence", 0.0),
        "new_custom*person_name": new_custom * features.get("type_person_name", 0.0),
        "new_custom*key_like_name": new_custom * features.get("key_like_name", 0.0),
        "composed*key_like_name": features.get("composed", 0.0) * features.get("key_like_name", 0.0),
    }
