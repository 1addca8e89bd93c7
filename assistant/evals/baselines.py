"""Peer baselines measured in the same run and scored by the same scorer.

Field maps: Valentine's matchers (PyPI ``valentine`` 1.0.x) on each source table's columns
against a target-side frame of the HighLevel standard fields (the same list the proposer picks
from) plus the destination's custom fields, restricted to the objects the gold says the table
lands in (an oracle object map: generous to the baseline). A target column valentine pairs with
a source column becomes that column's prediction; an unpaired source column is a skip.
Tags: OpenRefine's fingerprint key collision over the values the gold judges.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any

from assistant.evals.gold_models import Gold
from assistant.evals.predictions import PRED_SKIP, Predictions, PredTarget
from assistant.highlevel.state import DestinationState
from assistant.propose.tags_baseline import fingerprint_clusters
from assistant.propose.targets import standard_fields
from assistant.workspace import Workspace

SAMPLE_ROWS = 200

# Matchers that run without downloads. Cupid and Coma's instance matcher need NLTK corpora fetched
# at run time (not allowed here); JaccardDistance and DistributionBased compare instances only, and
# a destination being migrated into has no records to compare with.
MATCHERS: dict[str, tuple[str, dict[str, Any]]] = {
    "coma_schema": ("Coma", {"use_schema": True, "use_instances": False}),
    "similarity_flooding": ("SimilarityFlooding", {}),
}
THRESHOLDS = (0.0, 0.3, 0.5)


def valentine_available() -> str | None:
    """None when valentine imports, else why not."""
    try:
        importlib.import_module("valentine")
    except ImportError as exc:
        return f"valentine is not installed ({exc}); install the `eval` extra"
    return None


def tag_baseline(gold: Gold) -> Predictions:
    values = sorted({m for members in gold.tags.values() for m in members})
    return Predictions(tags=fingerprint_clusters(values))


@dataclass(frozen=True)
class TargetColumns:
    """Target-side column names (what valentine sees) and the prediction each stands for."""

    names: dict[str, PredTarget]


def target_columns(objects: set[str], destination: DestinationState | None) -> TargetColumns:
    names: dict[str, PredTarget] = {}
    for f in standard_fields():
        if f.object.value in objects:
            label = f.name if f.name not in names else f"{f.object.value} {f.name}"
            names[label] = PredTarget("standard", object=f.object.value, field=f.name)
    for cf in destination.customFields if destination else []:
        model = "company" if cf.model == "business" else cf.model
        wanted = model in objects or (model == "custom_object" and f"custom_object:{cf.objectKey}" in objects)
        if wanted and cf.name not in names:
            names[cf.name] = PredTarget("custom", model=model, data_type=cf.dataType, key=cf.fieldKey)
    return TargetColumns(names)


def _gold_objects(gold: Gold, table: str) -> set[str]:
    readings = gold.objects.get(table, ())
    out = {t for r in readings for t in r.include | r.allow}
    return out | {t.split(":", 1)[0] for t in out}


def _source_frame(ws: Workspace, table: str, columns: list[str]) -> Any:
    pandas: Any = importlib.import_module("pandas")
    quoted = ", ".join('"' + c.replace('"', '""') + '"' for c in columns)
    rows = ws.connect().execute(f'SELECT {quoted} FROM raw."{table}" LIMIT {SAMPLE_ROWS}').fetchall()
    return pandas.DataFrame(rows, columns=columns).fillna("")


# (source table, source column, what the paired target column stands for, valentine's score)
Pairing = tuple[str, str, PredTarget, float]


def valentine_pairs(
    ws: Workspace, gold: Gold, destination: DestinationState | None, matcher: str
) -> list[Pairing]:
    """Valentine's greedy one-to-one pairs for every gold table (the costly part: run once per matcher)."""
    valentine: Any = importlib.import_module("valentine")
    algorithms: Any = importlib.import_module("valentine.algorithms")
    pandas: Any = importlib.import_module("pandas")
    class_name, kwargs = MATCHERS[matcher]
    pairs: list[Pairing] = []
    for table, gold_columns in gold.fields.items():
        targets = target_columns(_gold_objects(gold, table), destination)
        if not targets.names or not ws.table_exists("raw", table):
            continue
        source = _source_frame(ws, table, list(gold_columns))
        target = pandas.DataFrame({name: [""] for name in targets.names})
        found = valentine.valentine_match(
            [source, target], getattr(algorithms, class_name)(**kwargs), df_names=["source", "target"]
        )
        for pair, score in found.one_to_one_greedy().items():
            if pair.target_column in targets.names:
                pairs.append((table, pair.source_column, targets.names[pair.target_column], float(score)))
    return pairs


def valentine_predictions(gold: Gold, pairs: list[Pairing], threshold: float) -> Predictions:
    """Pairs scoring above ``threshold`` are the predictions; every other gold column is a skip."""
    pred = Predictions()
    for table, gold_columns in gold.fields.items():
        for col in gold_columns:
            pred.add_field(table, col, PRED_SKIP)
    for table, column, target, score in pairs:
        if score > threshold:
            pred.fields[(table, column)] = {target}
    return pred
