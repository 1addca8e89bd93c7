"""Print every wrong proposal of the gold cases with its confidence and the evidence behind it.

``python -m assistant.evals.errors_dump [CASES_DIR] [--all] [--held-out]`` proposes every case with
raw scores, then prints, per wrong item (every item with ``--all``), whether its case is in the fit
or the held-out half, the raw and calibrated confidence and each calibration feature by name,
followed by the item's evidence lines. It is how to see which evidence could separate right from
wrong. With ``--held-out`` the confidence shown is the one the held-out calibration gives (weights
fitted outside the case's platform family, without the holds written from its own errors), so the
wrong items at or above the threshold are the ones a reviewer would trust on an unseen export.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from assistant.evals.calibration_fit import fit
from assistant.evals.calibration_loco import held_out_judged, held_out_weights
from assistant.evals.calibration_samples import Sample, case_samples, split
from assistant.evals.cases import DEFAULT_CASES_DIR, discover_cases
from assistant.evals.gold_models import Gold
from assistant.evals.predictions import field_target
from assistant.mapping.items import MappingDocument
from assistant.mapping.models import Proposal
from assistant.propose import calibration
from assistant.settings import ProposeSettings


def _evidence(document: MappingDocument, sample: Sample) -> list[str]:
    kind, obj = sample.key[0], sample.key[1]
    items: list[Proposal] = []
    if kind == "fields":
        items += [f for f in document.fields if f.source_object == obj and sample.key[2] in f.source_columns]
    elif kind == "objects":
        items += [o for o in document.objects if o.source_object == obj]
    return [f"{e.source}: {e.detail}" for item in items for e in item.evidence] + [
        f"alt {a.target} {a.score:.2f}" for item in items for a in item.alternatives[:3]
    ]


def _answers(document: MappingDocument, sample: Sample, gold: Gold) -> str:
    """What the proposal said and what the gold map accepts, for a field."""
    if sample.key[0] != "fields":
        return ""
    obj, column = sample.key[1], sample.key[2]
    said = [
        field_target(f).label()
        for f in document.fields
        if f.source_object == obj and column in f.source_columns
    ]
    wanted = gold.fields.get(obj, {}).get(column)
    accepts = " | ".join(" + ".join(t.label() for t in r) for r in wanted.readings) if wanted else "?"
    return f"\n    proposed {' + '.join(said)}; gold {accepts}"


def describe(
    sample: Sample, half: str, document: MappingDocument, gold: Gold | None = None, p: float | None = None
) -> str:
    named = ", ".join(f"{n}={v:.2f}" for n, v in sorted(sample.features.items()) if n != "bias")
    # the confidence the proposer writes: the fitted probability, then any hold for review
    if p is None:
        threshold = ProposeSettings().confidence_threshold
        p = calibration.confidence_for(sample.kind, sample.features, threshold)[0]
    head = f"[{half}] {'RIGHT' if sample.right else 'WRONG'} {sample.case} {'/'.join(sample.key)} p={p:.2f}"
    head += _answers(document, sample, gold) if gold else ""
    return "\n".join([head, f"    {named}", *(f"    {line}" for line in _evidence(document, sample))])


def main(cases_dir: Path, show_all: bool) -> None:
    fit_cases, held_cases = split(discover_cases(cases_dir))
    with tempfile.TemporaryDirectory(prefix="hlmap-errors-") as tmp:
        for half, cases in (("fit", fit_cases), ("held", held_cases)):
            for case in cases:
                document, samples = case_samples(case, Path(tmp))
                for sample in samples:
                    if show_all or not sample.right:
                        print(describe(sample, half, document, case.gold()))


def held_out(cases_dir: Path, show_all: bool) -> None:
    """Every wrong item with the confidence the held-out calibration gives it."""
    cases = discover_cases(cases_dir)
    threshold = ProposeSettings().confidence_threshold
    with tempfile.TemporaryDirectory(prefix="hlmap-errors-") as tmp:
        proposed = {c.name: case_samples(c, Path(tmp)) for c in cases}
    samples = [s for _, found in proposed.values() for s in found]
    weights = held_out_weights(samples, fit, {c.name: c.family for c in cases})
    ablated = {c.name: c.written_from_errors for c in cases}
    judged = iter(held_out_judged(samples, weights, threshold, ablated))
    for case in cases:
        document, found = proposed[case.name]
        for sample in found:
            p = next(judged)[1].confidence
            if show_all or not sample.right:
                print(describe(sample, f"held out, {case.group}", document, case.gold(), p))


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    where = Path(args[0]) if args else DEFAULT_CASES_DIR
    if "--held-out" in sys.argv[1:]:
        held_out(where, "--all" in sys.argv[1:])
    else:
        main(where, "--all" in sys.argv[1:])
