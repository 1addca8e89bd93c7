"""The calibration part of the eval report: per kind and group, then the reliability table."""

from __future__ import annotations

from assistant.evals.calibration import KINDS, Calibration, by_kind, calibrate
from assistant.evals.runner import EvalRun


def _f(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def _row(label: str, cal: Calibration) -> str:
    cells = [label, str(cal.count), str(cal.wrong), _f(cal.ece), _f(cal.wrong_below), _f(cal.all_above)]
    return "| " + " | ".join(cells) + " |"


def calibration_section(run: EvalRun, threshold: float) -> str:
    lines = [
        f"## Calibration (review threshold {threshold:g})",
        "",
        "Goal: at least 90 % of wrong proposals below the threshold, at least 60 % of all above it.",
        "The shipped weights were fitted on these cases, so these figures are in-sample; for an export",
        "nobody configured read the held-out ones (`python -m assistant.evals.calibration_fit --dry-run`).",
        "",
        "| backend / group / kind | judged | wrong | ECE | wrong below | all above |",
        "|---|---|---|---|---|---|",
    ]
    for backend in run.backends:
        for group in run.present_groups:
            cals = by_kind(run.overall(backend, group).judged, threshold)
            lines += [_row(f"{backend} / {group} / {kind}", cals[kind]) for kind in (*KINDS, "all")]
    lines += ["", "Reliability (all kinds, every case): share right per confidence bin.", ""]
    lines += ["| backend | bin | judged | mean confidence | share right |", "|---|---|---|---|---|"]
    for backend in run.backends:
        for b in calibrate(run.overall(backend).judged, threshold).bins:
            if b.count:
                label = f"{b.low:.1f}–{b.high:.1f}"
                lines.append(
                    f"| {backend} | {label} | {b.count} | {_f(b.mean_confidence)} | {_f(b.accuracy)} |"
                )
    return "\n".join(lines)
