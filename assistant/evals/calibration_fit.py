"""Fit the proposer's confidence calibration on gold cases, and measure it on cases it never saw.

``python -m assistant.evals.calibration_fit [CASES_DIR] [--dry-run]`` proposes every case with raw
scores, fits one logistic model per kind on every case and on every case's first-seen proposal
(``first_seen``), writes
``assistant/propose/calibration_weights.json`` (not with ``--dry-run``) and prints, per case group,
the calibration of the raw scores, of the fit, and held out: each case judged by weights fitted on
the cases of every other platform family, with the holds written from its own errors switched off
(``calibration_loco``), and last each case's first-seen proposal judged the same way
(``calibration_first_seen``): the figure to quote for an export nobody configured, since rules
written from a case's errors make even its held-out figure in-sample. The trade-off curves (per
threshold, the share of wrong proposals below it, of right ones and of all at or above it) too.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

import numpy as np

from assistant.errors import HlmapError
from assistant.evals.calibration import Calibration, calibrate
from assistant.evals.calibration_first_seen import first_seen_curve, first_seen_section
from assistant.evals.calibration_loco import final_confidence, grouped, held_out_judged, held_out_weights
from assistant.evals.calibration_samples import Sample, case_samples
from assistant.evals.cases import DEFAULT_CASES_DIR, Case, discover_cases
from assistant.evals.first_seen import first_seen_samples
from assistant.evals.metrics import Judged
from assistant.propose import calibration
from assistant.propose.calibration_agreement import ALWAYS_HELD
from assistant.propose.calibration_features import expanded
from assistant.settings import ProposeSettings

CURVE = (0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95)
# How much a first-seen proposal weighs in the fit against today's proposal of a case. 3 puts more
# of the errors on unseen platforms below the threshold (evals/README.md, "First seen"), but a refit
# on today's 62 cases also sends the seeds' composed record names (number + title) below 0.7, so the
# demo's --yes would hold their deals and tasks: 0 until that is settled (same README section).
FIRST_SEEN_WEIGHT = 0.0


def fit_logistic(
    x: np.ndarray, y: np.ndarray, l2: float = 1.0, steps: int = 6000, weight: np.ndarray | None = None
) -> list[float]:
    """Plain gradient descent on the regularised, weighted log-loss (the bias is not regularised)."""
    w = np.zeros(x.shape[1])
    mask = np.ones_like(w)
    mask[0] = 0.0
    sw = np.ones(len(y)) if weight is None else weight
    total = float(sw.sum())
    for _ in range(steps):
        p = 1 / (1 + np.exp(-np.clip(x @ w, -30, 30)))
        w -= 0.5 * ((x.T @ (sw * (p - y))) / total + l2 * mask * w / total)
    return [round(float(v), 4) for v in w]


def fit(samples: list[Sample]) -> calibration.Weights:
    weights: calibration.Weights = {}
    for kind in sorted({s.kind for s in samples}):
        rows = [s for s in samples if s.kind == kind]
        if len({s.right for s in rows}) < 2:
            continue  # every item right (or wrong): nothing to learn, the raw score stands
        # a hold caps its items below the threshold by itself; as a weight it would soak up what the
        # evidence beside it should earn, and a held-out case scores without its own holds
        names = sorted({n for s in rows for n in expanded(s.features)} - {"bias", *ALWAYS_HELD})
        names = ["bias", *names]
        x = np.array([[expanded(s.features).get(n, 0.0) for n in names] for s in rows])
        sw = np.array([FIRST_SEEN_WEIGHT if s.first_seen else 1.0 for s in rows])
        w = fit_logistic(x, np.array([float(s.right) for s in rows]), weight=sw)
        weights[kind] = {n: v for n, v in zip(names, w, strict=True) if v != 0.0}
    return weights


def measured(samples: list[Sample], weights: calibration.Weights, threshold: float) -> Calibration:
    """Raw scores as the rules wrote them (no weights), else the confidence the proposer writes."""
    judged = [
        Judged(s.kind, final_confidence(s, weights, threshold) if weights else s.features["raw"], s.right)
        for s in samples
    ]
    return calibrate(judged, threshold)


def _share(value: float | None) -> float:
    return round(value or 0.0, 3)


def write_weights(
    weights: calibration.Weights,
    path: Path = calibration.WEIGHTS_FILE,
    first_seen: list[tuple[float, Calibration]] | None = None,
) -> None:
    data: dict[str, object] = {"fitted_by": "python -m assistant.evals.calibration_fit", "weights": weights}
    if first_seen:  # what `hlmap propose` tells an engineer on headers no confirmed map knows
        data["first_seen_held_out"] = [
            {"threshold": t, "wrong_below": _share(c.wrong_below), "all_above": _share(c.all_above)}
            for t, c in first_seen
        ]
    path.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def _row(cells: list[object]) -> str:
    return "| " + " | ".join(f"{v:.3f}" if isinstance(v, float) else str(v) for v in cells) + " |"


def _cal_row(label: str, cal: Calibration) -> str:
    return _row([label, cal.count, cal.wrong, cal.ece, cal.wrong_below, cal.right_above, cal.all_above])


_HEAD = "| set | judged | wrong | ECE | wrong below | right above | all above |\n" + "|---" * 7 + "|"


def report(
    every: list[Sample], cases: list[Case], weights: calibration.Weights
) -> list[tuple[float, Calibration]]:
    """Print the tables; return the first-seen trade-off measured held out."""
    threshold = ProposeSettings().confidence_threshold
    groups = {c.name: c.group for c in cases}
    samples = [s for s in every if not s.first_seen]  # today's proposals; first seen reported apart
    print(_HEAD)
    for group in sorted(set(groups.values())):
        inside = [s for s in samples if groups[s.case] == group]
        for label, w in (("raw scores", {}), ("fit on every case", weights)):
            print(_cal_row(f"{group}, {label}", measured(inside, w, threshold)))
    families = {c.name: c.family for c in cases}
    ablated = {c.name: c.written_from_errors for c in cases}
    held = held_out_weights(every, fit, families)
    judged = held_out_judged(samples, held, threshold, ablated)
    print("\nHeld out: each case scored by weights fitted outside its platform family, without the")
    print("holds written from its own errors (case.toml written_from_errors).\n")
    print(_HEAD)
    for c in cases:
        cal = grouped(judged, {c.name: "one"}, threshold)["one"]
        off = f", {len(c.written_from_errors)} holds off" if c.written_from_errors else ""
        print(_cal_row(f"{c.name} ({c.group}, family {c.family}{off})", cal))
    for group, cal in grouped(judged, groups, threshold).items():
        print(_cal_row(f"**{group}, held out**", cal))
    for group in ("new", "seed"):
        print(f"\nTrade-off, held out, {group} cases: threshold, wrong below, right above, all above")
        print("| threshold | wrong below | right above | all above |\n|---|---|---|---|")
        for t in CURVE:
            at_t = [(c, j) for c, j in held_out_judged(samples, held, t, ablated) if groups[c] == group]
            cal = grouped(at_t, {c: group for c, _ in at_t}, t)["all"]
            print(_row([t, cal.wrong_below, cal.right_above, cal.all_above]))
    curve = first_seen_curve(every, held, CURVE)
    print("\n".join(first_seen_section(every, held, threshold, curve, _cal_row, _HEAD)))
    return curve


def main(cases_dir: Path = DEFAULT_CASES_DIR, dry_run: bool = False) -> calibration.Weights:
    cases = discover_cases(cases_dir)
    with tempfile.TemporaryDirectory(prefix="hlmap-calibrate-") as tmp:
        samples = [s for c in cases for s in case_samples(c, Path(tmp))[1]]
    samples += first_seen_samples(cases)  # what the proposer did before rules knew each case
    weights = fit(samples)
    print(f"fit on: {', '.join(c.name for c in cases)}")
    curve = report(samples, cases, weights)
    if not dry_run:
        write_weights(weights, first_seen=curve)
    return weights


USAGE = "usage: python -m assistant.evals.calibration_fit [CASES_DIR] [--dry-run]"

if __name__ == "__main__":
    if {"-h", "--help"} & set(sys.argv[1:]):
        print(USAGE + "\n  fits confidence weights on every case; --dry-run reports, writes nothing")
        sys.exit(0)
    args = [a for a in sys.argv[1:] if a != "--dry-run"]
    try:
        main(Path(args[0]) if args else DEFAULT_CASES_DIR, "--dry-run" in sys.argv[1:])
    except HlmapError as error:  # one line, no traceback
        sys.exit(f"calibration_fit: {error}\n{USAGE}")
