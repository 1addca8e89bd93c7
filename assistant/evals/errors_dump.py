"""Print every wrong proposal of the gold cases with its confidence and the evidence behind it.

``python -m assistant.evals.errors_dump [CASES_DIR] [--all]`` proposes every case with raw scores,
then prints, per wrong item (every item with ``--all``), whether its case is in the fit or the
held-out half, the raw and calibrated confidence and each calibration feature by name, followed
by the item's evidence lines. It is how to see which evidence could separate right from wrong.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from assistant.evals.calibration_samples import Sample, case_samples, split
from assistant.evals.cases import DEFAULT_CASES_DIR, discover_cases
from assistant.mapping.items import MappingDocument
from assistant.mapping.models import Proposal
from assistant.propose import calibration


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


def describe(sample: Sample, half: str, document: MappingDocument) -> str:
    named = ", ".join(f"{n}={v:.2f}" for n, v in sorted(sample.features.items()) if n != "bias")
    p = calibration.probability(sample.kind, sample.features)
    head = f"[{half}] {'RIGHT' if sample.right else 'WRONG'} {sample.case} {'/'.join(sample.key)} p={p:.2f}"
    return "\n".join([head, f"    {named}", *(f"    {line}" for line in _evidence(document, sample))])


def main(cases_dir: Path, show_all: bool) -> None:
    fit_cases, held_cases = split(discover_cases(cases_dir))
    with tempfile.TemporaryDirectory(prefix="hlmap-errors-") as tmp:
        for half, cases in (("fit", fit_cases), ("held", held_cases)):
            for case in cases:
                document, samples = case_samples(case, Path(tmp))
                for sample in samples:
                    if show_all or not sample.right:
                        print(describe(sample, half, document))


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--all"]
    main(Path(args[0]) if args else DEFAULT_CASES_DIR, "--all" in sys.argv[1:])
