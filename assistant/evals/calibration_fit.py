"""Fit the proposer's confidence calibration on gold cases, and measure it on cases it never saw.

``python -m assistant.evals.calibration_fit [CASES_DIR]`` proposes every case with raw scores,
fits one logistic model per kind on the seed cases plus every other new case (sorted by name),
writes ``assistant/propose/calibration_weights.py`` and prints the calibration of the fit half and
of the held-out half separately: only the held-out figures say how honest the confidence is.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import numpy as np

from assistant.evals.calibration import Calibration, calibrate
from assistant.evals.cases import DEFAULT_CASES_DIR, Case, discover_cases
from assistant.evals.metrics import Judged
from assistant.evals.predictions import predictions_from_document
from assistant.evals.scorer import score_document
from assistant.ingest import ingest_paths
from assistant.profile import profile_workspace
from assistant.propose import calibration
from assistant.propose.engine import propose_offline
from assistant.propose.service import build_inputs
from assistant.settings import ProposeSettings
from assistant.workspace import Workspace

WEIGHTS_FILE = Path(calibration.__file__).with_name("calibration_weights.py")
Sample = tuple[str, list[float], bool]  # kind, features, right


def case_samples(case: Case, tmp: Path) -> list[Sample]:
    ws = Workspace(tmp / case.name).ensure()
    try:
        ingest_paths(ws, [case.source])
        profile_workspace(ws)
        inputs = build_inputs(ws, case.destination, None)
        inputs.calibrate = False
        document = propose_offline(inputs)
    finally:
        ws.close()
    features = calibration.item_features(document)
    judged = score_document(case.gold(), predictions_from_document(document)).judged
    return [(features[j.key][0], features[j.key][1], j.correct) for j in judged if j.key in features]


def split(cases: list[Case]) -> tuple[list[Case], list[Case]]:
    """Fit on the seed cases and every other new case; hold the rest out."""
    new = sorted((c for c in cases if c.group == "new"), key=lambda c: c.name)
    fit = [c for c in cases if c.group != "new"] + new[0::2]
    return fit, new[1::2]


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float = 0.5, steps: int = 4000) -> list[float]:
    """Plain gradient descent on the regularised log-loss (the bias is not regularised)."""
    w = np.zeros(x.shape[1])
    mask = np.ones_like(w)
    mask[0] = 0.0
    for _ in range(steps):
        p = 1 / (1 + np.exp(-np.clip(x @ w, -30, 30)))
        w -= 0.5 * ((x.T @ (p - y)) / len(y) + l2 * mask * w / len(y))
    return [round(float(v), 4) for v in w]


def fit(samples: list[Sample]) -> dict[str, list[float]]:
    weights: dict[str, list[float]] = {}
    for kind in sorted({k for k, _, _ in samples}):
        rows = [(f, r) for k, f, r in samples if k == kind]
        if len({r for _, r in rows}) < 2:
            continue  # every item right (or wrong): nothing to learn, the raw score stands
        x = np.array([calibration.expanded(f) for f, _ in rows])
        weights[kind] = fit_logistic(x, np.array([float(r) for _, r in rows]))
    return weights


def measured(samples: list[Sample], weights: dict[str, list[float]], threshold: float) -> Calibration:
    return calibrate([Judged(k, calibration.probability(k, f, weights), r) for k, f, r in samples], threshold)


def write_weights(weights: dict[str, list[float]]) -> None:
    names = [*calibration.FEATURES, "new_custom*custom_share", "(1-object_confidence)*custom_share"]
    lines = [
        '"""Fitted calibration weights: ``python -m assistant.evals.calibration_fit`` writes them."""',
        "",
        "# features, in order:",
        *[f"#   {name}" for name in names],
        "WEIGHTS: dict[str, list[float]] = {",
        *[f'    "{kind}": {w!r},' for kind, w in sorted(weights.items())],
        "}",
        "",
    ]
    WEIGHTS_FILE.write_text("\n".join(lines), encoding="utf-8")


def main(cases_dir: Path = DEFAULT_CASES_DIR) -> None:
    threshold = ProposeSettings().confidence_threshold
    fit_cases, held_cases = split(discover_cases(cases_dir))
    with tempfile.TemporaryDirectory(prefix="hlmap-calibrate-") as tmp:
        fit_samples = [s for c in fit_cases for s in case_samples(c, Path(tmp))]
        held_samples = [s for c in held_cases for s in case_samples(c, Path(tmp))]
    weights = fit(fit_samples)
    write_weights(weights)
    print(f"fit on: {', '.join(c.name for c in fit_cases)}")
    print(f"held out: {', '.join(c.name for c in held_cases)}")
    print("| set | judged | wrong | ECE | wrong below | all above |")
    print("|---|---|---|---|---|---|")
    for label, samples, w in (
        ("fit, raw scores", fit_samples, {}),
        ("fit, calibrated", fit_samples, weights),
        ("held out, raw scores", held_samples, {}),
        ("held out, calibrated", held_samples, weights),
    ):
        cal = measured(samples, w, threshold)
        cells = [label, cal.count, cal.wrong, cal.ece, cal.wrong_below, cal.all_above]
        print("| " + " | ".join(f"{v:.3f}" if isinstance(v, float) else str(v) for v in cells) + " |")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_CASES_DIR)
