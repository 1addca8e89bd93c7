"""A status whose own words name another pipeline's records ('estimate_sent' beside 'scheduled').

One status column may serve two pipelines with no pipeline column beside it: a job export writes the
estimate's steps ('estimate_scheduled', 'estimate_sent') in the same column as the job's. The column
keeps one pipeline for its values, except a value that names another destination pipeline's records
(a kin of that pipeline's name, 'Estimates') and not the column's, when that pipeline has a stage
for it: such a value says which pipeline it belongs to.
"""

from __future__ import annotations

from assistant.highlevel.state import Pipeline
from assistant.propose.normalize import tokens
from assistant.propose.stage_match import GOOD_STAGE, kin_words
from assistant.propose.stage_pipelines import PipelineChoice, best_stage_score

# Words of a pipeline's name that say nothing about which records it holds.
GENERIC = frozenset({"pipeline", "pipelines", "sales", "main", "default", "board", "process", "flow"})


def names_records(value: str, pipeline: Pipeline) -> bool:
    """The value's words name the records the pipeline holds ('estimate_sent', 'jobs' for 'Jobs')."""
    words = [w for w in tokens(pipeline.name) if w not in GENERIC and len(w) >= 3]
    return any(kin_words(v, w) for v in tokens(value) for w in words)


def named_pipeline(value: str, chosen: Pipeline | None, pipelines: list[Pipeline]) -> PipelineChoice | None:
    """The other pipeline the value names, when it has a stage for the value; None otherwise."""
    if chosen is None or names_records(value, chosen):
        return None
    named = [p for p in pipelines if p.id != chosen.id and p.stages and names_records(value, p)]
    if len(named) != 1 or best_stage_score(value, named[0]) < GOOD_STAGE:
        return None
    why = f"'{value}' names the records of '{named[0].name}', which has a stage for it"
    return PipelineChoice(named[0], why)


def with_named_pipelines(
    choices: dict[str, PipelineChoice], pipelines: list[Pipeline]
) -> dict[str, PipelineChoice]:
    """Each value's pipeline once values naming another pipeline are moved there. A column that so
    serves two pipelines also moves a value its pipeline has no stage for to the other one that has
    ('new' beside 'estimate_sent' is the estimate's 'New Request', a job pipeline has no new stage)."""
    out = {v: named_pipeline(v, c.pipeline, pipelines) or c for v, c in choices.items()}
    used = {c.pipeline.id: c.pipeline for c in out.values() if c.pipeline is not None}
    if len(used) < 2:
        return out
    for value, choice in out.items():
        if choice.pipeline is None or best_stage_score(value, choice.pipeline) >= GOOD_STAGE:
            continue
        fitting = [
            p
            for p in used.values()
            if p.id != choice.pipeline.id and best_stage_score(value, p) >= GOOD_STAGE
        ]
        if len(fitting) == 1:
            why = f"the column serves '{fitting[0].name}' too, and only it has a stage for '{value}'"
            out[value] = PipelineChoice(fitting[0], why)
    return out
