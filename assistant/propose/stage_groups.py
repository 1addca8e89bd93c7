"""Status codes that carry their pipeline as a prefix ('C1:NEW', 'C1:WON' beside 'NEW', 'WON').

Some exports write one status column for several pipelines and tell them apart by a short prefix
before a colon. Each prefix (and the bare codes) is then a source pipeline of its own: its values
are read without the prefix, and distinct source pipelines go to distinct destination pipelines,
the assignment whose stages fit all values best, so a second pipeline's 'NEW' does not fall into
the first pipeline only because both have a new stage.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import defaultdict

from assistant.highlevel.state import Pipeline
from assistant.propose.stage_pipelines import PipelineChoice, best_stage_score

_PREFIXED = re.compile(r"^([A-Za-z]{0,3}[0-9]{1,3}):(\S.*)$")
MAX_ASSIGNMENTS = 5040  # 7 pipelines or groups: beyond that the column keeps one pipeline


def bare(value: str) -> str:
    """The status without its pipeline prefix: 'C1:NEW' -> 'NEW'."""
    found = _PREFIXED.match(value.strip())
    return found.group(2) if found else value


def _prefix(value: str) -> str:
    found = _PREFIXED.match(value.strip())
    return found.group(1) if found else ""


def prefix_groups(values: list[str]) -> dict[str, list[str]]:
    """Prefix -> its values ('' for the bare ones), when at least two values share one prefix and a
    bare code also stands without it; empty otherwise (the prefix is then part of the value)."""
    groups: dict[str, list[str]] = defaultdict(list)
    for value in values:
        groups[_prefix(value)].append(value)
    prefixed = [g for p, g in groups.items() if p]
    shared = any(len(g) >= 2 for g in prefixed)
    bares = {bare(v) for g in prefixed for v in g}
    overlap = bool(bares & set(groups.get("", [])))
    return dict(groups) if shared and (overlap or len(prefixed) >= 2) else {}


def group_choices(groups: dict[str, list[str]], pipelines: list[Pipeline]) -> dict[str, PipelineChoice]:
    """Each value's pipeline: distinct groups on distinct pipelines, the best-fitting assignment."""
    usable = [p for p in pipelines if p.stages]
    names = sorted(groups)
    if len(names) > len(usable) or math.perm(len(usable), len(names)) > MAX_ASSIGNMENTS:
        return {}

    def fit(group: str, pipeline: Pipeline) -> float:
        return sum(best_stage_score(bare(v), pipeline) for v in groups[group])

    best = max(
        itertools.permutations(usable, len(names)),
        key=lambda chosen: sum(fit(g, p) for g, p in zip(names, chosen, strict=True)),
    )
    out: dict[str, PipelineChoice] = {}
    for group, pipeline in zip(names, best, strict=True):
        label = f"codes prefixed '{group}:'" if group else "codes without a prefix"
        why = f"{label} are one source pipeline: its stages fit '{pipeline.name}' best"
        out |= {value: PipelineChoice(pipeline, why, group or None) for value in groups[group]}
    return out
