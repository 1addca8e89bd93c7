"""First-seen proposals: kept per case, read back against today's gold, weighed in the fit."""

from __future__ import annotations

import gzip
from pathlib import Path

import numpy as np
import pytest

from assistant.errors import HlmapError
from assistant.evals import calibration_fit
from assistant.evals.calibration import Calibration
from assistant.evals.calibration_fit import fit, fit_logistic, write_weights
from assistant.evals.calibration_samples import Sample
from assistant.evals.cases import DEFAULT_CASES_DIR, GROUP_NEW, discover_cases, load_case
from assistant.evals.first_seen import SNAPSHOT_FILE, first_seen_samples, load_snapshot
from assistant.propose import calibration, first_seen_hint
from evals import first_seen as snapshot_tool

ROOT = Path(__file__).parents[1]
CASES_DIR = ROOT / DEFAULT_CASES_DIR


def test_a_snapshot_of_the_code_at_hand_reads_back_as_written(tmp_path: Path) -> None:
    case_dir = CASES_DIR / "tiny_example"
    document = snapshot_tool.propose_with(ROOT, case_dir)
    copy = tmp_path / "tiny_example"
    copy.mkdir()
    snapshot_tool.write_snapshot(copy, "abc1234", document)
    commit, loaded = load_snapshot(copy / SNAPSHOT_FILE)
    assert commit == "abc1234"
    tables = {p.stem for p in (case_dir / "source").iterdir()}
    assert {o.source_object for o in loaded.objects} == tables  # the raw proposal, every table
    assert loaded.fields


def test_every_new_case_keeps_its_first_seen_proposal() -> None:
    # without it the case can never again say how the proposer did before rules knew it
    missing = [
        c.name
        for c in discover_cases(CASES_DIR)
        if c.group == GROUP_NEW and not (c.root / SNAPSHOT_FILE).exists()
    ]
    assert not missing, f"run `python -m evals.first_seen {' '.join(missing)}` before any proposer change"


def test_a_first_seen_proposal_is_judged_by_todays_gold() -> None:
    case = load_case(CASES_DIR / "fergus")
    samples = first_seen_samples([case])
    assert samples and all(s.first_seen and s.case == "fergus" for s in samples)
    # first seen, the proposer got a quarter of Fergus wrong; the gold judges that proposal, not today's
    wrong = sum(not s.right for s in samples)
    assert 15 <= wrong <= 35


def test_a_damaged_snapshot_is_one_line_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / SNAPSHOT_FILE
    path.write_bytes(gzip.compress(b'{"commit": "abc", "document": {"objects": "nonsense"}}'))
    with pytest.raises(HlmapError, match=str(path)):
        load_snapshot(path)
    path.write_bytes(b"not gzip")
    with pytest.raises(HlmapError, match="not a first-seen snapshot"):
        load_snapshot(path)


def test_a_weight_counts_as_that_many_copies_of_the_row() -> None:
    rng = np.random.default_rng(7)
    x = np.column_stack([np.ones(40), rng.normal(size=40)])
    y = (x[:, 1] + rng.normal(scale=0.8, size=40) > 0).astype(float)
    weight = np.where(np.arange(40) < 10, 3.0, 1.0)
    copies = np.concatenate([np.arange(40), np.repeat(np.arange(10), 2)])
    assert fit_logistic(x, y, weight=weight) == pytest.approx(fit_logistic(x[copies], y[copies]), abs=1e-3)


def test_first_seen_errors_pull_the_fit_down(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(calibration_fit, "FIRST_SEEN_WEIGHT", 3.0)

    def rows(first_seen: bool, wrong: int) -> list[Sample]:
        return [
            Sample("c", ("fields", "t", str(i)), "fields", {"bias": 1.0, "raw": 0.97}, i >= wrong, first_seen)
            for i in range(10)
        ]

    today = rows(False, 1)  # one in ten wrong once rules knew the case
    seen = rows(True, 4)  # four in ten wrong the first time
    features = {"bias": 1.0, "raw": 0.97}
    alone = calibration.probability("fields", features, fit(today))
    both = calibration.probability("fields", features, fit(today + seen))
    assert both < alone - 0.1
    monkeypatch.setattr(calibration_fit, "FIRST_SEEN_WEIGHT", 0.0)
    assert calibration.probability("fields", features, fit(today + seen)) == pytest.approx(alone)


def test_the_fit_keeps_its_first_seen_tradeoff_for_propose(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "weights.json"
    below = Calibration(count=10, wrong=4, ece=0.1, wrong_below=0.5, all_above=0.8, bins=())
    caught = Calibration(count=10, wrong=4, ece=0.1, wrong_below=0.9, all_above=0.35, bins=())
    write_weights({"fields": {"bias": 1.0}}, path, first_seen=[(0.7, below), (0.85, caught)])
    monkeypatch.setattr(first_seen_hint, "WEIGHTS_FILE", path)
    first_seen_hint.first_seen_tradeoff.cache_clear()
    try:
        line = first_seen_hint.unseen_export_hint(0.7)
        assert line is not None
        assert "50% of the wrong proposals fell below the review threshold 0.70" in line
        assert "at 0.85 90% did, with 35% of proposals above it" in line
        assert "at 0.85" not in (first_seen_hint.unseen_export_hint(0.85) or "")
    finally:
        first_seen_hint.first_seen_tradeoff.cache_clear()


def test_no_measured_tradeoff_means_no_hint(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "weights.json"
    write_weights({"fields": {"bias": 1.0}}, path)
    monkeypatch.setattr(first_seen_hint, "WEIGHTS_FILE", path)
    first_seen_hint.first_seen_tradeoff.cache_clear()
    try:
        assert first_seen_hint.unseen_export_hint(0.7) is None
    finally:
        first_seen_hint.first_seen_tradeoff.cache_clear()
