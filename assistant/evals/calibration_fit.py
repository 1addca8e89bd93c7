"""Fit the proposer's confidence calibration on gold cases, and measure it on cases it never saw.

``python -m assistant.evals.calibration_fit [CASES_DIR] [--dry-run]`` proposes every case with raw
scores, fits one logistic model per kind on every case, writes
``assistant/propose/calibration_weights.json`` (not with ``--dry-run``) and prints, per case group,
the calibration of the raw scores, of the fit, and leave one case out: each case judged by weights
fitted on all the others. Only the leave-one-case-out figures say how honest the confidence is on
an export nobody configured; the trade-off curve (per threshold, the share of wrong new-case
proposals below it and of all new-case proposals at or above it) is measured the same way.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

import numpy as np

from assistant.evals.calibration import Calibration, calibrate
from assistant.evals.calibration_loco import final_confidence, grouped, held_out_judged, held_out_weights
from assistant.evals.calibration_samples import Sample, case_samples
from assistant.evals.cases import DEFAULT_CASES_DIR, discover_cases
from assistant.evals.metrics import Judged
from assistant.propose import calibration
from assistant.propose.calibration_features import expanded
from assistant.settings import ProposeSettings

CURVE = (0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95)


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float = 1.0, steps: int = 6000) -> list[float]:
    """Plain gradient descent on the regularised log-loss (the bias is not regularised)."""
    w = np.zeros(x.shape[1])
    mask = np.ones_like(w)
    mask[0] = 0.0
    for _ in range(steps):
        p = 1 / (1 + np.exp(-np.clip(x @ w, -30, 30)))
        w -= 0.5 * ((x.T @ (p - y)) / len(y) + l2 * mask * w / len(y))
    return [round(float(v), 4) for v in w]


def fit(samples: list[Sample]) -> calibration.Weights:
    weights: calibration.Weights = {}
    for kind in sorted({s.kind for s in samples}):
        rows = [s for s in samples if s.kind == kind]
        if len({s.right for s in rows}) < 2:
            continue  # every item right (or wrong): nothing to learn, the raw score stands
        names = sorted({n for s in rows for n in expanded(s.features)} - {"bias"})
        names = ["bias", *names]
        x = np.array([[expanded(s.features).get(n, 0.0) for n in names] for s in rows])
        w = fit_logistic(x, np.array([float(s.right) for s in rows]))
        weights[kind] = {n: v for n, v in zip(names, w, strict=True) if v != 0.0}
    return weights


def measured(samples: list[Sample], weights: calibration.Weights, threshold: float) -> Calibration:
    """Raw scores as the rules wrote them (no weights), else the confidence the proposer writes."""
    judged = [
        Judged(s.kind, final_confidence(s, weights, threshold) if weights else s.features["raw"], s.right)
        for s in samples
    ]
    return calibrate(judged, threshold)


def write_weights(weights: calibration.Weights, path: Path = calibration.WEIGHTS_FILE) -> None:
    data = {"fitted_by": "python -m assistant.evals.calibration_fit", "weights": weights}
    path.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def _row(cells: list[object]) -> str:
    return "| " + " | ".join(f"{v:.3f}" if isinstance(v, float) else str(v) for v in cells) + " |"


def _cal_row(label: str, cal: Calibration) -> str:
    return _row([label, cal.count, cal.wrong, cal.ece, cal.wrong_below, cal.all_above])


def report(samples: list[Sample], groups: dict[str, str], weights: calibration.Weights) -> None:
    threshold = ProposeSettings().confidence_threshold
    print("| set | judged | wrong | ECE | wrong below | all above |")
    print("|---|---|---|---|---|---|")
    for group in sorted(set(groups.values())):
        inside = [s for s in samples if groups[s.case] == group]
        for label, w in (("raw scores", {}), ("fit on every case", weights)):
            print(_cal_row(f"{group}, {label}", measured(inside, w, threshold)))
    loco = held_out_weights(samples, fit)
    judged = held_out_judged(samples, loco, threshold)
    for group, cal in grouped(judged, groups, threshold).items():
        print(_cal_row(f"{group}, leave one case out", cal))
    print("\nTrade-off, leave one case out, new cases: threshold, wrong below, all above")
    print("| threshold | wrong below | all above |")
    print("|---|---|---|")
    for t in CURVE:
        new = [(c, j) for c, j in held_out_judged(samples, loco, t) if groups[c] == "new"]
        cal = grouped(new, {c: "new" for c, _ in new}, t)["all"]
        print(_row([t, cal.wrong_below, cal.all_above]))


def main(cases_dir: Path = DEFAULT_CASES_DIR, dry_run: bool = False) -> calibration.Weights:
    cases = discover_cases(cases_dir)
    with tempfile.TemporaryDirectory(prefix="hlmap-calibrate-") as tmp:
        samples = [s for c in cases for s in case_samples(c, Path(tmp))[1]]
    weights = fit(samples)
    if not dry_run:
        write_weights(weights)
    print(f"fit on: {', '.join(c.name for c in cases)}")
    report(samples, {c.name: c.group for c in cases}, weights)
    return weights


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--dry-run"]
    main(Path(args[0]) if args else DEFAULT_CASES_DIR, "--dry-run" in sys.argv[1:])
