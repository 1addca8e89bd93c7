"""Check a gold map against its case's data: every name it uses must exist.

A gold that names a column the export lacks, or a stage the destination lacks, would silently
score 0 for that entry; these checks turn it into a readable problem list instead.
"""

from __future__ import annotations

from assistant.evals.gold_models import UNMATCHED, Gold
from assistant.highlevel.state import DestinationState
from assistant.profile.models import TableProfile


def gold_problems(
    gold: Gold, profiles: list[TableProfile], destination: DestinationState, owner_keys: dict[str, set[str]]
) -> list[str]:
    """Problems of ``gold`` on this data; ``owner_keys`` maps a table to every value in it."""
    columns = {t.table: {c.column for c in t.columns if not c.column.startswith("_")} for t in profiles}
    problems: list[str] = []
    for obj in gold.objects:
        if obj not in columns:
            problems.append(f"objects.{obj}: no such source object")
    # an unmapped table (a child table most often) would silently go unscored
    unmapped = sorted(set(columns) - set(gold.objects))
    problems += [f"objects.{t}: source object has no object map" for t in unmapped]
    for obj, gold_columns in gold.fields.items():
        if obj not in columns:
            problems.append(f"fields.{obj}: no such source object")
            continue
        problems += [f"fields.{obj}.{c}: no such column" for c in gold_columns if c not in columns[obj]]
        problems += [
            f"fields.{obj}: column {c!r} is not covered" for c in sorted(columns[obj] - set(gold_columns))
        ]
    problems += _destination_problems(gold, destination)
    for obj, col, _value in gold.stages:
        if col not in columns.get(obj, set()):
            problems.append(f"stages.{obj}.{col}: no such column")
    for obj, key in gold.owners:
        if key not in owner_keys.get(obj, set()):
            problems.append(f"owners.{obj}.{key}: no such value in {obj}")
    return problems


def _destination_problems(gold: Gold, destination: DestinationState) -> list[str]:
    problems: list[str] = []
    keys = {cf.fieldKey for cf in destination.customFields}
    object_keys = {o.key for o in destination.customObjects}
    for obj, gold_columns in gold.fields.items():
        for col, column in gold_columns.items():
            for target in (t for reading in column.readings for t in reading):
                if target.key and target.key not in keys:
                    problems.append(f"fields.{obj}.{col}: custom field {target.key} not in the destination")
                if target.object_key and target.object_key not in object_keys:
                    problems.append(
                        f"fields.{obj}.{col}: custom object {target.object_key} not in the destination"
                    )
    stages = {(p.name.casefold(), s.name.casefold()) for p in destination.pipelines for s in p.stages}
    pipelines = {p.name.casefold() for p in destination.pipelines}
    for (obj, col, value), answers in gold.stages.items():
        for answer in answers:
            if answer.pipeline and answer.pipeline.casefold() not in pipelines:
                problems.append(
                    f"stages.{obj}.{col}.{value}: pipeline {answer.pipeline!r} not in the destination"
                )
            for stage in answer.stages:
                in_pipeline = (
                    answer.pipeline is None or (answer.pipeline.casefold(), stage.casefold()) in stages
                )
                if not in_pipeline or stage.casefold() not in {s for _, s in stages}:
                    problems.append(f"stages.{obj}.{col}.{value}: stage {stage!r} not in the destination")
    users = {u.id.casefold() for u in destination.users} | {
        (u.email or "").casefold() for u in destination.users
    }
    for (obj, key), owners in gold.owners.items():
        problems += [
            f"owners.{obj}.{key}: {a!r} is no destination user"
            for a in owners
            if a != UNMATCHED and a.casefold() not in users
        ]
    return problems
