"""The plan's pipeline setup step, rehearsed on the stand-in before anything is accepted.

HighLevel's API cannot create pipelines, so a source pipeline the destination lacks is a setup
step: on a real location an admin creates it in HighLevel's pipeline settings before the run (the
plan's checklist names it, and `apply` holds its rows until then). The demo plays that admin on
its rehearsal location, loudly: it creates the pipeline through the stand-in's admin interface,
with the stages in the order the export defines them, and pulls the snapshot again so the
proposals see it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb
import httpx
from rich.console import Console

from assistant.errors import HlmapError
from assistant.ingest.table_names import outermost
from assistant.mapping import store
from assistant.mapping.items import FieldMap, MappingDocument
from assistant.mapping.models import TargetObject
from assistant.transforms.sqltext import cleaned, ident
from assistant.workspace import Workspace


@dataclass(frozen=True)
class PipelineToCreate:
    name: str
    stages: list[str]
    source_object: str
    rows: int
    order_from: str  # where the stage order comes from


def _maps(doc: MappingDocument, field: str) -> list[FieldMap]:
    return [f for f in doc.fields if f.target.object == TargetObject.OPPORTUNITY and f.target.field == field]


def pipelines_to_create(workspace: Path) -> list[PipelineToCreate]:
    """Each source pipeline the proposals found no destination for, with the stages its rows use."""
    ws = Workspace(workspace)
    try:
        doc, con = store.load(ws), ws.connect()
        out: list[PipelineToCreate] = []
        for pipeline_map in _maps(doc, "pipelineId"):
            table = pipeline_map.source_object
            stage_map = next((f for f in _maps(doc, "pipelineStageId") if f.source_object == table), None)
            if stage_map is None:
                continue
            for name in [str(n) for n in pipeline_map.transform.params.get("unmatched") or []]:
                stage = cleaned(stage_map.source_columns[0])
                used = con.execute(
                    f"""SELECT {stage} AS v, count(*) FROM raw.{ident(table)} src
                    WHERE {cleaned(pipeline_map.source_columns[0])} = ? AND v IS NOT NULL
                    GROUP BY v ORDER BY min(src."_row")""",
                    [name],
                ).fetchall()
                if not used:
                    continue
                values = [str(v) for v, _ in used]
                defined = _source_definition(con, name, values)
                stages, order_from = (
                    (defined, "the export's own pipeline definition")
                    if defined
                    else (
                        values,
                        "first use in the rows (the export defines no stage order)",
                    )
                )
                out.append(PipelineToCreate(name, stages, table, sum(int(n) for _, n in used), order_from))
        return out
    finally:
        ws.close()


def _text_columns(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    rows = con.execute(
        """SELECT column_name FROM information_schema.columns WHERE table_schema = 'raw' AND table_name = ?
        AND data_type = 'VARCHAR' AND NOT starts_with(column_name, '_') ORDER BY ordinal_position""",
        [table],
    ).fetchall()
    return [str(r[0]) for r in rows]


def _source_definition(con: duckdb.DuckDBPyConnection, name: str, values: list[str]) -> list[str] | None:
    """The stages, in order, of a pipeline the export defines (a row named ``name`` whose child rows
    hold every stage value the records use), else None."""
    children = con.execute(
        """SELECT DISTINCT table_name FROM information_schema.columns WHERE table_schema = 'raw'
        AND column_name = '_parent_row' ORDER BY table_name"""
    ).fetchall()
    for (child,) in children:
        parent = outermost(str(child))[0]
        named = " OR ".join(f"lower(trim(p.{ident(c)})) = lower(?)" for c in _text_columns(con, parent))
        if not named or parent == child:
            continue
        for column in _text_columns(con, str(child)):
            rows = con.execute(
                f"""SELECT trim(c.{ident(column)}) FROM raw.{ident(str(child))} c
                JOIN raw.{ident(parent)} p ON c."_parent_row" = p."_row" WHERE {named} ORDER BY c."_row" """,
                [name] * named.count("?"),
            ).fetchall()
            stages = [str(r[0]) for r in rows if r[0]]
            if stages and set(values) <= set(stages):
                return stages
    return None


def rehearse_pipeline_setup(
    missing: list[PipelineToCreate], *, url: str, token: str, location_id: str, console: Console
) -> None:
    """Create each pipeline on the stand-in as an admin would in HighLevel, and say so loudly."""
    console.rule(
        "[bold yellow]Setup step from the plan, REHEARSED on the stand-in (a person does it on HighLevel)"
    )
    for p in missing:
        console.print(
            f"REHEARSAL: creating pipeline '{p.name}' with stages {', '.join(p.stages)} "
            f"(order: {p.order_from}) on the stand-in location {location_id} through its admin "
            "interface (POST /_sandbox/pipelines), "
            f"so its {p.rows} {p.source_object} rows can land. HighLevel's API cannot create pipelines: on a "
            "real location an admin creates it in the location's pipeline settings before `hlmap apply`, "
            "which holds those rows until then.",
            style="bold yellow",
            markup=False,
        )
        try:
            answer = httpx.post(
                f"{url}/_sandbox/pipelines",
                params={"locationId": location_id},  # an agency token reaches each of its locations
                json={"name": p.name, "stages": p.stages},
                headers={"Authorization": f"Bearer {token}"},
                timeout=30,
            )
        except httpx.HTTPError as exc:
            raise HlmapError(f"the stand-in did not create pipeline {p.name!r}: {exc}") from exc
        if answer.status_code != 201:
            raise HlmapError(
                f"the stand-in refused pipeline {p.name!r}: {answer.status_code} {answer.text[:200]}"
            )
