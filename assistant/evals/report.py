"""The eval report as Markdown: per case and system, then overall side by side with ratios."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from assistant.evals.calibration import calibrate
from assistant.evals.calibration_report import calibration_section
from assistant.evals.metrics import CaseScores
from assistant.evals.runner import FINGERPRINT, VALENTINE, EvalRun
from assistant.mapping.store import write_atomic
from assistant.settings import ProposeSettings

THRESHOLD = ProposeSettings().confidence_threshold

Metric = Callable[[CaseScores], float | None]

METRICS: list[tuple[str, Metric, bool]] = [  # (label, value, is a share)
    ("field P", lambda s: s.fields.precision, True),
    ("field R", lambda s: s.fields.recall, True),
    ("field F1", lambda s: s.fields.f1, True),
    ("objects acc", lambda s: s.objects.value, True),
    ("custom model acc", lambda s: s.cf_model.value, True),
    ("custom dataType acc", lambda s: s.cf_type.value, True),
    ("stages acc", lambda s: s.stages.value, True),
    ("tags pairwise P", lambda s: s.tags.precision, True),
    ("tags pairwise R", lambda s: s.tags.recall, True),
    ("tags pairwise F1", lambda s: s.tags.f1, True),
    ("owners acc", lambda s: s.owners.value, True),
    ("retrieval recall@1", lambda s: s.retrieval[1].value if 1 in s.retrieval else None, True),
    ("retrieval recall@3", lambda s: s.retrieval[3].value if 3 in s.retrieval else None, True),
    ("retrieval recall@5", lambda s: s.retrieval[5].value if 5 in s.retrieval else None, True),
    ("ECE (all kinds)", lambda s: calibrate(s.judged, THRESHOLD).ece, True),
    ("wrong below threshold", lambda s: calibrate(s.judged, THRESHOLD).wrong_below, True),
    ("all above threshold", lambda s: calibrate(s.judged, THRESHOLD).all_above, True),
    ("LLM calls", lambda s: float(s.cost.calls), False),
    ("tokens", lambda s: float(s.cost.tokens), False),
    ("seconds", lambda s: s.cost.seconds, False),
]
_RATIO_BASE = {
    "field P": VALENTINE,
    "field R": VALENTINE,
    "field F1": VALENTINE,
    "tags pairwise P": FINGERPRINT,
    "tags pairwise R": FINGERPRINT,
    "tags pairwise F1": FINGERPRINT,
}


def fmt(value: float | None, share: bool = True) -> str:
    if value is None:
        return "–"
    return f"{value:.3f}" if share else f"{value:.1f}" if value % 1 else f"{int(value)}"


def _ratio(ours: float | None, base: float | None) -> str:
    if ours is None or base is None:
        return "–"
    return "∞" if base == 0 and ours > 0 else "–" if base == 0 else f"{ours / base:.2f}×"


def group_table(run: EvalRun) -> str:
    """Each backend's overall scores per group of cases, side by side (seed vs new)."""
    groups = run.present_groups
    cols = [(b, g) for b in run.backends for g in groups]
    head = ["metric", *[f"{b}: {g} cases" for b, g in cols]]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    totals = {(b, g): run.overall(b, g) for b, g in cols}
    for label, metric, share in METRICS:
        lines.append("| " + " | ".join([label, *[fmt(metric(totals[c]), share) for c in cols]]) + " |")
    return "\n".join(lines)


def overall_table(run: EvalRun) -> str:
    systems = run.systems
    ratios = [(b, base) for b in run.backends for base in (VALENTINE, FINGERPRINT) if base in run.scores]
    head = ["metric", *systems, *[f"{b}/{base}" for b, base in ratios]]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    totals = {s: run.overall(s) for s in systems}
    for label, metric, share in METRICS:
        cells = [fmt(metric(totals[s]), share) if _applies(s, label) else "" for s in systems]
        ratio_cells = [
            _ratio(metric(totals[b]), metric(totals[base])) if _RATIO_BASE.get(label) == base else ""
            for b, base in ratios
        ]
        lines.append("| " + " | ".join([label, *cells, *ratio_cells]) + " |")
    return "\n".join(lines)


def _applies(system: str, label: str) -> bool:
    if system in (VALENTINE, FINGERPRINT) and (label.startswith("retrieval") or "threshold" in label):
        return False
    if system == VALENTINE:
        return label.startswith("field") or label == "seconds"
    if system == FINGERPRINT:
        return label.startswith("tags")
    return True


def case_table(run: EvalRun) -> str:
    short = [m for m in METRICS if m[0] not in ("field P", "field R", "tags pairwise P", "tags pairwise R")]
    head = ["case", "system", *[m[0] for m in short]]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for case in run.cases:
        for system in run.systems:
            scores = run.scores[system].get(case)
            if scores is None:
                continue
            cells = [
                fmt(metric(scores), share) if _applies(system, label) else ""
                for label, metric, share in short
            ]
            lines.append("| " + " | ".join([case, system, *cells]) + " |")
    return "\n".join(lines)


def markdown(run: EvalRun) -> str:
    parts = ["## Seed cases vs new cases", "", group_table(run), ""] if run.present_groups else []
    parts += ["## Overall", "", overall_table(run), "", "## Per case", "", case_table(run)]
    parts += ["", calibration_section(run, THRESHOLD)]
    if run.notes:
        parts += ["", *[f"- {n}" for n in run.notes]]
    return "\n".join(parts) + "\n"


def write_reports(run: EvalRun, out_dir: Path) -> tuple[Path, Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    md, js = out_dir / "eval.md", out_dir / "eval.json"
    write_atomic(md, "# Eval\n\n" + markdown(run))
    write_atomic(js, json.dumps(run.to_json(), indent=2, ensure_ascii=False) + "\n")
    return md, js
