"""The first-seen part of the calibration report: the figure to quote for an unseen platform.

Each case's first-seen proposal (``first_seen``) is judged by weights fitted outside its platform
family. No rule had been written from its errors when it was proposed and no weight saw its family,
so this is as close as the repository gets to a platform nobody configured.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from assistant.evals.calibration import Calibration
from assistant.evals.calibration_loco import grouped, held_out_judged
from assistant.evals.calibration_samples import Sample
from assistant.propose import calibration

Row = Callable[[str, Calibration], str]


def first_seen_section(
    samples: Sequence[Sample],
    held: Mapping[str, calibration.Weights],
    threshold: float,
    curve: Sequence[tuple[float, Calibration]],
    row: Row,
    head: str,
) -> list[str]:
    """The report's lines; ``curve`` is ``first_seen_curve`` of the same samples, measured once."""
    seen = [s for s in samples if s.first_seen]
    if not seen:
        return ["\nNo case holds a first-seen proposal (python -m evals.first_seen CASE)."]
    lines = [
        "\nFirst seen, held out: each case's first-seen proposal (the code of the commit that added",
        "it, before any rule was written from its errors) judged by weights fitted outside its",
        "platform family. The figure to quote for a platform nobody configured.\n",
        head,
    ]
    judged = held_out_judged(seen, dict(held), threshold)
    per_case = grouped(judged, {s.case: s.case for s in seen}, threshold)
    lines += [row(f"{case} (first seen)", cal) for case, cal in per_case.items() if case != "all"]
    lines.append(row("**every case, first seen, held out**", per_case["all"]))
    lines += ["\nTrade-off, first seen, held out: threshold, wrong below, right above, all above"]
    lines += ["| threshold | wrong below | right above | all above |", "|---|---|---|---|"]
    for t, cal in curve:
        lines.append(f"| {t:.3f} | {cal.wrong_below:.3f} | {cal.right_above:.3f} | {cal.all_above:.3f} |")
    return lines


def first_seen_curve(
    samples: Sequence[Sample], held: Mapping[str, calibration.Weights], curve: Sequence[float]
) -> list[tuple[float, Calibration]]:
    """Per threshold, the calibration of every first-seen proposal judged held out."""
    seen = [s for s in samples if s.first_seen]
    return [(t, grouped(held_out_judged(seen, dict(held), t), {}, t)["all"]) for t in curve]
