"""``hlmap eval`` without the terminal: run every backend on every case, then the baselines.

Each case runs in a fresh temporary workspace per backend. Baselines read the raw tables of the
first backend's workspace (the same ingested data) and are scored by the same scorer.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.evals.baselines import (
    MATCHERS,
    THRESHOLDS,
    tag_baseline,
    valentine_available,
    valentine_pairs,
    valentine_predictions,
)
from assistant.evals.cases import GROUPS, Case
from assistant.evals.gold_models import Gold
from assistant.evals.metrics import CaseScores
from assistant.evals.pipeline import run_pipeline
from assistant.evals.predictions import predictions_from_document
from assistant.evals.retrieval import recall_at_k
from assistant.evals.scorer import score_document
from assistant.highlevel.state import load_state
from assistant.workspace import Workspace

VALENTINE = "valentine"
FINGERPRINT = "fingerprint"


@dataclass
class EvalRun:
    backends: list[str]
    cases: list[str] = field(default_factory=list)
    groups: dict[str, str] = field(default_factory=dict)  # case -> seed | new | example
    scores: dict[str, dict[str, CaseScores]] = field(default_factory=dict)  # system -> case -> scores
    valentine_configs: dict[str, float | None] = field(default_factory=dict)  # config -> overall field F1
    valentine_choice: str | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def systems(self) -> list[str]:
        baselines = [s for s in (VALENTINE, FINGERPRINT) if s in self.scores]
        return self.backends + baselines

    def overall(self, system: str, group: str | None = None) -> CaseScores:
        """Every case added up, or only the cases of one group."""
        total = CaseScores()
        for case, scores in self.scores.get(system, {}).items():
            if group is None or self.groups.get(case) == group:
                total.add(scores)
        return total

    @property
    def present_groups(self) -> list[str]:
        return [g for g in GROUPS if g in self.groups.values()]

    def to_json(self) -> dict[str, Any]:
        return {
            "backends": self.backends,
            "cases": self.cases,
            "groups": self.groups,
            "systems": {
                s: {
                    "cases": {c: sc.to_json() for c, sc in self.scores[s].items()},
                    "overall": self.overall(s).to_json(),
                    "by_group": {g: self.overall(s, g).to_json() for g in self.present_groups},
                }
                for s in self.systems
            },
            "valentine": {"chosen": self.valentine_choice, "field_f1_by_config": self.valentine_configs},
            "notes": self.notes,
        }


def run_eval(
    cases: list[Case],
    backends: list[str],
    *,
    model: str | None = None,
    baselines: bool = True,
    work_dir: Path | None = None,
    progress: Callable[[str], None] | None = None,
) -> EvalRun:
    run = EvalRun(
        backends=list(backends), cases=[c.name for c in cases], groups={c.name: c.group for c in cases}
    )
    with tempfile.TemporaryDirectory(prefix="hlmap-eval-", dir=work_dir) as tmp:
        valentine_runs: dict[str, dict[str, CaseScores]] = {}
        for case in cases:
            gold = case.gold()
            for backend in backends:
                if progress:
                    progress(f"{case.name}: {backend}")
                result = run_pipeline(
                    case.source, case.destination, Path(tmp) / case.name / backend, backend, model
                )
                scores = score_document(gold, predictions_from_document(result.document))
                scores.cost = result.cost
                scores.retrieval = recall_at_k(
                    gold, result.document, result.profiles, load_state(case.destination)
                )
                run.scores.setdefault(backend, {})[case.name] = scores
            if not baselines:
                continue
            run.scores.setdefault(FINGERPRINT, {})[case.name] = score_document(
                gold, tag_baseline(gold), frozenset({"tags"})
            )
            if valentine_available() is None:
                if progress:
                    progress(f"{case.name}: valentine")
                _valentine_case(Workspace(Path(tmp) / case.name / backends[0]), case, gold, valentine_runs)
        if baselines:
            _choose_valentine(run, valentine_runs)
    for backend in backends:
        model_errors = run.overall(backend).cf_model.errors
        if model_errors:  # a custom field's model cannot be changed after creation: every miss is listed
            run.notes.append(f"{backend}: custom field model below 100 %: {'; '.join(model_errors)}")
    return run


def _valentine_case(ws: Workspace, case: Case, gold: Gold, runs: dict[str, dict[str, CaseScores]]) -> None:
    """Every matcher at every threshold on one case, over the raw tables the backend ingested."""
    try:
        destination = load_state(case.destination)
        for name in MATCHERS:
            started = time.perf_counter()
            pairs = valentine_pairs(ws, gold, destination, name)
            seconds = time.perf_counter() - started
            for threshold in THRESHOLDS:
                scores = score_document(
                    gold, valentine_predictions(gold, pairs, threshold), frozenset({"fields"})
                )
                scores.cost.seconds = seconds
                runs.setdefault(f"{name}@{threshold}", {})[case.name] = scores
    finally:
        ws.close()


def _choose_valentine(run: EvalRun, runs: dict[str, dict[str, CaseScores]]) -> None:
    """Keep the matcher configuration with the best overall field F1, measured on these cases."""
    reason = valentine_available()
    if reason is not None:
        run.notes.append(f"valentine baseline skipped: {reason}")
        return
    best: tuple[float, str] | None = None
    for config, per_case in runs.items():
        total = CaseScores()
        for scores in per_case.values():
            total.add(scores)
        f1 = total.fields.f1
        run.valentine_configs[config] = f1
        if f1 is not None and (best is None or f1 > best[0]):
            best = (f1, config)
    if best is not None:
        run.valentine_choice = best[1]
        run.scores[VALENTINE] = runs[best[1]]
        run.notes.append(
            f"valentine: best matcher on these cases is {best[1]} (matcher@score threshold); "
            "Cupid and Coma's instance matcher are left out (they download NLTK corpora at run time)"
        )
