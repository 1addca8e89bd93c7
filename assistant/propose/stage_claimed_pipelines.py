"""A pipeline named for another table's records is that table's, not this one's.

An export with two tables of deals (quotes and jobs, leads and deals) and a destination with a
pipeline for each lets each status column choose among the pipelines by how well the stage names
fit its values. Generic status words ('In Progress', 'Pending', 'Completed') fit a quote pipeline
about as well as a job pipeline, so a jobs table (perhaps under another name, 'tasks') could take
the 'Quotes' pipeline. When another stage-mapped table is named for a pipeline's records ('quotes'
for 'Quotes') and this table is not, that pipeline belongs to the other table: this column chooses
among the rest, if any has stages.
"""

from __future__ import annotations

from collections.abc import Iterable

from assistant.highlevel.state import Pipeline
from assistant.propose.stage_named_pipelines import names_records


def claimed_by_others(table: str, others: Iterable[str], pipeline: Pipeline) -> str | None:
    """The other table the pipeline is named for, when it is not named for ``table`` too."""
    if names_records(table, pipeline):
        return None
    return next((o for o in others if o != table and names_records(o, pipeline)), None)


def unclaimed_pipelines(table: str, others: Iterable[str], pipelines: list[Pipeline]) -> list[Pipeline]:
    """The pipelines left to ``table``'s status column once those named for other tables go; all of
    them when none with stages would be left."""
    staged = [p for p in pipelines if p.stages]
    mapped = list(others)
    left = [p for p in staged if claimed_by_others(table, mapped, p) is None]
    return left if left and len(left) < len(staged) else pipelines
