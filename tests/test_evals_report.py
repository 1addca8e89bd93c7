"""The report puts backends and baselines side by side with their ratio, and never invents a score."""

from __future__ import annotations

from assistant.evals.metrics import PRF, CaseScores
from assistant.evals.report import markdown
from assistant.evals.runner import FINGERPRINT, VALENTINE, EvalRun


def row(text: str, label: str) -> list[str]:
    line = next(line for line in text.splitlines() if line.startswith(f"| {label} |"))
    return [cell.strip() for cell in line.strip("|").split("|")]


def test_overall_table_shows_ratio_to_each_baseline_and_dashes_for_nothing_scored() -> None:
    ours = CaseScores(fields=PRF(tp=9, fp=1, fn=1), tags=PRF(tp=4, fp=0, fn=0))  # field F1 0.9, tags F1 1.0
    peer = CaseScores(fields=PRF(tp=3, fp=2, fn=2))  # field F1 0.6
    tags = CaseScores(tags=PRF(tp=2, fp=0, fn=2))  # tags F1 0.667
    run = EvalRun(
        backends=["offline"],
        cases=["a"],
        scores={"offline": {"a": ours}, VALENTINE: {"a": peer}, FINGERPRINT: {"a": tags}},
    )
    text = markdown(run)
    assert row(text, "metric") == [
        "metric",
        "offline",
        "valentine",
        "fingerprint",
        "offline/valentine",
        "offline/fingerprint",
    ]
    assert row(text, "field F1") == ["field F1", "0.900", "0.600", "", "1.50×", ""]
    assert row(text, "tags pairwise F1") == ["tags pairwise F1", "1.000", "", "0.667", "", "1.50×"]
    assert row(text, "stages acc") == ["stages acc", "–", "", "", "", ""]  # no stage in the gold
