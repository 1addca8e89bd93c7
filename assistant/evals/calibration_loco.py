"""Held-out calibration: the honest measure of how confidence carries to an export nobody configured.

Each case is scored by weights fitted on every case outside its platform family (by default the
case alone), so no fitted weight ever saw the platform it is judged on. Rules are held out too: a
hold written from a case's own errors (``written_from_errors`` in its ``case.toml``) is switched
off when that case is scored, as if it had never been written. A platform the repository does not
hold is in exactly that position, which is why this figure, not the fit's, is the one to quote.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

from assistant.evals.calibration import Calibration, calibrate
from assistant.evals.calibration_samples import Sample
from assistant.evals.metrics import Judged
from assistant.propose import calibration

Fitter = Callable[[list[Sample]], calibration.Weights]


def final_confidence(sample: Sample, weights: calibration.Weights, threshold: float) -> float:
    """The confidence the proposer would write for the sample under these weights."""
    return calibration.confidence_for(sample.kind, sample.features, threshold, weights)[0]


def _family(case: str, families: Mapping[str, str] | None) -> str:
    return (families or {}).get(case, case)


def held_out_weights(
    samples: Sequence[Sample], fitter: Fitter, families: Mapping[str, str] | None = None
) -> dict[str, calibration.Weights]:
    """Per case, the weights fitted on every case of another platform family."""
    out: dict[str, calibration.Weights] = {}
    by_family: dict[str, calibration.Weights] = {}
    for case in sorted({s.case for s in samples}):
        family = _family(case, families)
        if family not in by_family:
            by_family[family] = fitter([s for s in samples if _family(s.case, families) != family])
        out[case] = by_family[family]
    return out


def without_own_rules(sample: Sample, ablated: Mapping[str, frozenset[str]] | None) -> Sample:
    """The sample as a proposer without the holds written from its own case's errors would see it."""
    off = (ablated or {}).get(sample.case, frozenset())
    if not off & sample.features.keys():
        return sample
    return replace(sample, features={n: 0.0 if n in off else v for n, v in sample.features.items()})


def held_out_judged(
    samples: Sequence[Sample],
    weights: dict[str, calibration.Weights],
    threshold: float,
    ablated: Mapping[str, frozenset[str]] | None = None,
) -> list[tuple[str, Judged]]:
    """Every sample judged by weights and rules that never saw its case: (case, judged item)."""
    out = []
    for s in samples:
        blind = without_own_rules(s, ablated)
        out.append((s.case, Judged(s.kind, final_confidence(blind, weights[s.case], threshold), s.right)))
    return out


def grouped(
    judged: Sequence[tuple[str, Judged]], groups: Mapping[str, str], threshold: float
) -> dict[str, Calibration]:
    """Calibration per case group (seed, new, example, or per case) and over every case (``all``)."""
    out = {
        group: calibrate((j for case, j in judged if groups.get(case) == group), threshold)
        for group in sorted(set(groups.values()))
    }
    out["all"] = calibrate((j for _, j in judged), threshold)
    return out
