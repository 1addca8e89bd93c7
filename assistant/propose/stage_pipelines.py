"""Which destination pipeline a status column's values belong to.

A pipeline is chosen for the whole value set of a column, never value by value: 'Pendiente' of
a quote pipeline must not wander into another pipeline that happens to have a 'Pendiente de
renovar' stage. When the same rows carry a pipeline column, each value follows the pipeline
those rows name; a source pipeline with no destination counterpart leaves its values unplaced,
so they are flagged for a human rather than forced into a pipeline that means something else.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz

from assistant.highlevel.state import Pipeline
from assistant.propose.normalize import normalise
from assistant.propose.stage_match import GOOD_STAGE, stage_score

SAME_PIPELINE_NAME = 0.8
# A source pipeline with no destination of its name needs most of its values, and more than one, to
# find a good stage: on a small export one won outcome ('Signed') of two values is a coin toss, and
# every pipeline has a won stage.
MIN_COVERAGE = 0.5
MIN_FITTING_VALUES = 2


@dataclass(frozen=True)
class PipelineChoice:
    pipeline: Pipeline | None
    reason: str
    source_pipeline: str | None = None


def pipeline_for(value: str, pipelines: list[Pipeline]) -> Pipeline | None:
    """The destination pipeline a source pipeline name refers to (close names only)."""
    scored = [(fuzz.token_set_ratio(normalise(value), normalise(p.name)) / 100, p) for p in pipelines]
    best = max(scored, key=lambda pair: pair[0], default=None)
    return best[1] if best is not None and best[0] >= SAME_PIPELINE_NAME else None


def best_stage_score(value: str, pipeline: Pipeline) -> float:
    return max((stage_score(value, s) for s in pipeline.stages), default=0.0)


def coverage(values: list[str], pipeline: Pipeline) -> float:
    """Share of the values that find a good stage in the pipeline."""
    if not values:
        return 0.0
    return sum(best_stage_score(v, pipeline) >= GOOD_STAGE for v in values) / len(values)


def choose_pipeline(label: str, values: list[str], pipelines: list[Pipeline]) -> Pipeline | None:
    """The pipeline whose stages fit the whole value set best; its name resembling ``label`` helps."""

    def fit(p: Pipeline) -> float:
        return (
            sum(best_stage_score(v, p) for v in values)
            + 0.5 * fuzz.token_set_ratio(normalise(label), normalise(p.name)) / 100
        )

    return max((p for p in pipelines if p.stages), key=fit, default=None)


def column_choice(label: str, values: list[str], pipelines: list[Pipeline]) -> PipelineChoice:
    chosen = choose_pipeline(label, values, pipelines)
    if chosen is None:
        return PipelineChoice(None, "the destination has no pipeline with stages; an admin must create one")
    share = coverage(values, chosen)
    return PipelineChoice(chosen, f"'{chosen.name}' fits {share:.0%} of the column's values best")


def _for_source_pipeline(name: str, values: list[str], pipelines: list[Pipeline]) -> PipelineChoice:
    usable = [p for p in pipelines if p.stages]
    named = pipeline_for(name, usable)
    if named is not None:
        return PipelineChoice(named, f"source pipeline '{name}' is the destination's '{named.name}'", name)
    fitted = choose_pipeline(name, values, usable)
    share = coverage(values, fitted) if fitted is not None else 0.0
    if fitted is not None and share > MIN_COVERAGE and share * len(values) >= MIN_FITTING_VALUES:
        why = f"source pipeline '{name}': its stages fit '{fitted.name}' ({share:.0%} of values)"
        return PipelineChoice(fitted, why, name)
    return PipelineChoice(
        None,
        f"source pipeline '{name}' has no destination counterpart (best fit covers {share:.0%} of its "
        "values) and HighLevel's API cannot create pipelines: an admin creates it before the run, or "
        "its values are mapped into an existing pipeline (the alternatives)",
        name,
    )


def choices_by_value(
    label: str,
    values: list[str],
    rows: list[tuple[str, str]],
    pipelines: list[Pipeline],
) -> tuple[dict[str, PipelineChoice], dict[str, PipelineChoice]]:
    """Each status value's pipeline, and each source pipeline's destination.

    ``rows`` pairs (status value, source pipeline name) per record when a pipeline column exists.
    """
    whole = column_choice(label, values, pipelines)
    if not rows:
        return dict.fromkeys(values, whole), {}
    by_pipeline: dict[str, Counter[str]] = defaultdict(Counter)
    for status, source_pipeline in rows:
        by_pipeline[source_pipeline][status] += 1
    decided = {name: _for_source_pipeline(name, list(c), pipelines) for name, c in by_pipeline.items()}
    out: dict[str, PipelineChoice] = {}
    for value in values:
        homes = [(counts[value], name) for name, counts in by_pipeline.items() if counts[value]]
        # A value seen under several source pipelines follows the one holding most of its rows.
        out[value] = decided[max(homes)[1]] if homes else whole
    return out, decided
