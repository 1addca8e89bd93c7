"""A shared map's pipeline decisions in another client's location: the same pipeline and stage by name.

Every HighLevel location has ids of its own, so a stage decided as "Sales / Won" in one client's
location is that location's stage id. In another location the same decision names the pipeline and
stage of the same names. A pipeline this location lacks is named as its setup step (``unmatched`` on
the pipeline map) and the decisions of its stages wait without ids (confirming asks for a stage) until
an admin creates it and the map is proposed again, or its values are mapped elsewhere: rows are never
sent with another location's ids.
"""

from __future__ import annotations

from typing import Any

from assistant.highlevel.state import DestinationState, Pipeline
from assistant.mapping.items import MappingDocument, StageValueMap
from assistant.mapping.models import Evidence, TargetObject


def _named(pipelines: list[Pipeline], name: str | None) -> Pipeline | None:
    wanted = (name or "").strip().casefold()
    return next((p for p in pipelines if p.name.strip().casefold() == wanted), None)


def _resolve(item: StageValueMap, destination: DestinationState) -> str | None:
    """This location's id for the item's pipeline (ids moved in place), or None when it lacks it."""
    pipeline = _named(destination.pipelines, item.pipeline_name)
    stage = next((s for s in pipeline.stages if s.name == item.stage_name), None) if pipeline else None
    if pipeline is None or stage is None:
        item.evidence = [
            Evidence(
                source="shared map", detail=f"this location has no '{item.pipeline_name} / {item.stage_name}'"
            ),
            *item.evidence,
        ]
        item.pipeline_id = item.stage_id = None  # held until the setup step, never another location's id
        return None
    item.pipeline_id, item.stage_id = pipeline.id, stage.id
    shown = f"'{pipeline.name} / {stage.name}' by name in this location"
    item.evidence = [Evidence(source="shared map", detail=shown), *item.evidence]
    return pipeline.id


def _pipeline_names(document: MappingDocument) -> set[str]:
    """The source pipeline names a proposal of this export saw (matched or not)."""
    names: set[str] = set()
    for field in document.fields:
        if field.target.object == TargetObject.OPPORTUNITY and field.target.field == "pipelineId":
            params = field.transform.params
            names |= {*(params.get("values") or {}), *(params.get("unmatched") or [])}
    return names


def resolve_in_location(
    document: MappingDocument, destination: DestinationState, fresh: MappingDocument
) -> list[str]:
    """Point the shared stage and pipeline decisions at this location's ids, by name (in place);
    answers the names of the pipelines this location lacks (its setup steps). Only what this
    export holds (``fresh``: its own proposal) is looked for: a value it never uses stays as decided."""
    here = {p.id for p in destination.pipelines}
    held = {item.id for item in fresh.stages}
    moved: dict[str, str | None] = {}  # the shared location's pipeline id -> this location's
    names: dict[str, str] = {}
    for item in document.stages:
        if item.pipeline_id and item.pipeline_id not in here and item.id in held:
            old = item.pipeline_id
            names[old] = item.pipeline_name or old
            moved[old] = _resolve(item, destination) or moved.get(old)
    missing = {names[old] for old, new in moved.items() if new is None}
    for field in document.fields:
        if field.target.object != TargetObject.OPPORTUNITY or field.target.field != "pipelineId":
            continue
        params: dict[str, Any] = dict(field.transform.params)
        values = params.get("values")
        if not isinstance(values, dict):
            continue
        used = _pipeline_names(fresh)
        lacking = [n for n, pid in values.items() if pid not in here and not moved.get(pid) and n in used]
        params["values"] = {n: moved.get(p) or p for n, p in values.items() if n not in lacking}
        params["unmatched"] = sorted({*(params.get("unmatched") or []), *lacking})
        field.transform = field.transform.model_copy(update={"params": params})
        missing |= set(lacking)
    return sorted(missing)
