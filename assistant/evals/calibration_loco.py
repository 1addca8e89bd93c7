"""Leave-one-case-out calibration: the honest measure of how confidence carries to a new export.

Each case's items are scored by weights fitted on every other case, so no case is ever judged by
weights that saw it. A platform the repository does not hold is in exactly that position, which is
why this figure, not the fit's, is the one to quote.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from assistant.evals.calibration import Calibration, calibrate
from assistant.evals.calibration_samples import Sample
from assistant.evals.metrics import Judged
from assistant.propose import calibration

Fitter = Callable[[list[Sample]], calibration.Weights]


def final_confidence(sample: Sample, weights: calibration.Weights, threshold: float) -> float:
    """The confidence the proposer would write for the sample under these weights."""
    return calibration.confidence_for(sample.kind, sample.features, threshold, weights)[0]


def held_out_weights(samples: Sequence[Sample], fitter: Fitter) -> dict[str, calibration.Weights]:
    """Per case, the weights fitted on every other case."""
    cases = sorted({s.case for s in samples})
    return {case: fitter([s for s in samples if s.case != case]) for case in cases}


def held_out_judged(
    samples: Sequence[Sample], weights: dict[str, calibration.Weights], threshold: float
) -> list[tuple[str, Judged]]:
    """Every sample judged by the weights that never saw its case: (case, judged item)."""
    return [
        (s.case, Judged(s.kind, final_confidence(s, weights[s.case], threshold), s.right)) for s in samples
    ]


def grouped(
    judged: Sequence[tuple[str, Judged]], groups: dict[str, str], threshold: float
) -> dict[str, Calibration]:
    """Calibration per case group (seed, new, example) and over every case (``all``)."""
    out = {
        group: calibrate((j for case, j in judged if groups.get(case) == group), threshold)
        for group in sorted(set(groups.values()))
    }
    out["all"] = calibrate((j for _, j in judged), threshold)
    return out
