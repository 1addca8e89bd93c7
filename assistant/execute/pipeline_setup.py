"""Source pipelines HighLevel lacks: a setup step before the run, and the reason their rows wait.

HighLevel's v2 API reads pipelines but cannot create them. When the map's pipeline column names a
source pipeline with no destination counterpart (the proposal lists it as ``unmatched``), its rows
whose stage has no decision are held back. The plan's pre-flight checklist asks the admin to create
that pipeline with the stages its rows use, or to map those stages into an existing pipeline, and
every held row says so instead of only "no stage decision".
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from assistant.mapping.items import FieldMap, MappingDocument
from assistant.mapping.models import TargetObject
from assistant.transforms.sqltext import cleaned, ident, lit

HELD_FIELD = "pipelineId"  # the key a stage without a decision holds its record back on


@dataclass(frozen=True)
class MissingPipeline:
    source_object: str
    pipeline_column: str
    stage_column: str
    name: str
    stages: list[tuple[str, int]]  # (stage value, rows) of the rows waiting for it
    example: str | None  # an existing stage its first value could go to instead ("Sales/New")

    @property
    def rows(self) -> int:
        return sum(n for _, n in self.stages)


def _maps(doc: MappingDocument, field: str) -> list[FieldMap]:
    return [
        f
        for f in doc.fields
        if f.confirmed and f.target.object == TargetObject.OPPORTUNITY and f.target.field == field
    ]


def missing_pipelines(con: duckdb.DuckDBPyConnection, doc: MappingDocument) -> list[MissingPipeline]:
    """Each unmatched source pipeline with the held rows waiting for it, per stage value."""
    out: list[MissingPipeline] = []
    for pipeline_map in _maps(doc, "pipelineId"):
        unmatched = [str(n) for n in pipeline_map.transform.params.get("unmatched") or []]
        table = pipeline_map.source_object
        stage_map = next((f for f in _maps(doc, "pipelineStageId") if f.source_object == table), None)
        if not unmatched or stage_map is None:
            continue
        pipeline, stage = pipeline_map.source_columns[0], stage_map.source_columns[0]
        for name in unmatched:
            rows = con.execute(
                f"""SELECT {cleaned(stage)} AS v, count(*) FROM raw.{ident(table)} src
                JOIN exec.transform_errors e ON e.source_object = ? AND e."row" = src."_row"
                    AND e.target = 'opportunity' AND e.field = ? AND e.held
                WHERE {cleaned(pipeline)} = ? AND v IS NOT NULL GROUP BY v ORDER BY v""",
                [table, HELD_FIELD, name],
            ).fetchall()
            if rows:
                stages = [(str(v), int(n)) for v, n in rows]
                example = _alternative(doc, table, stage, stages[0][0])
                out.append(MissingPipeline(table, pipeline, stage, name, stages, example))
    return out


def _alternative(doc: MappingDocument, table: str, column: str, value: str) -> str | None:
    item = next(
        (
            s
            for s in doc.stages
            if (s.source_object, s.source_column, s.source_value) == (table, column, value)
        ),
        None,
    )
    if item is None or not item.alternatives:
        return None
    return "/".join(part.strip() for part in item.alternatives[0].target.split(" / "))


def explain_held(con: duckdb.DuckDBPyConnection, missing: list[MissingPipeline]) -> None:
    """Each row held for a missing pipeline names it, and the two ways to carry the row."""
    for m in missing:
        why = (
            f"its source pipeline '{m.name}' has no HighLevel pipeline and HighLevel's API cannot create "
            f"one: held until an admin creates '{m.name}' (then `hlmap target pull` and `hlmap propose`) "
            f"or its stage "
        )
        con.execute(
            f"""UPDATE exec.transform_errors e SET error = {lit(why)} || '''' || {cleaned(m.stage_column)}
            || ''' is mapped into an existing pipeline (hlmap decide --stage)'
            FROM raw.{ident(m.source_object)} src
            WHERE e.source_object = ? AND e."row" = src."_row" AND e.target = 'opportunity'
            AND e.field = ? AND e.held AND {cleaned(m.pipeline_column)} = ?""",
            [m.source_object, HELD_FIELD, m.name],
        )


def setup_item(missing: list[MissingPipeline]) -> str | None:
    """The checklist line: what the admin creates before the run, or the decision that replaces it."""
    if not missing:
        return None
    parts = []
    for m in missing:
        stages = ", ".join(v for v, _ in m.stages)
        parts.append(f"'{m.name}' with stages {stages} ({m.rows} {m.source_object} rows wait for it)")
    first = missing[0]
    example = first.example or "PIPELINE/STAGE"
    return (
        "Pipelines: HighLevel's API cannot create pipelines. Create "
        + "; ".join(parts)
        + " in the location's pipeline settings, then `hlmap target pull` and `hlmap propose`; or map "
        + "those stages into an existing pipeline, e.g. `hlmap decide --stage "
        + f'"{first.source_object}.{first.stage_column}:{first.stages[0][0]}={example}"`'
    )
