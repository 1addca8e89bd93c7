"""Held-out calibration: no fitted weight and no hold rule sees the case it is scored on."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assistant.errors import HlmapError
from assistant.evals import errors_dump
from assistant.evals.calibration_fit import fit
from assistant.evals.calibration_loco import grouped, held_out_judged, held_out_weights
from assistant.evals.calibration_samples import Sample
from assistant.evals.cases import DEFAULT_CASES_DIR, load_case

CASES_DIR = Path(__file__).parents[1] / DEFAULT_CASES_DIR


def _sample(case: str, right: bool, **features: float) -> Sample:
    feats = {"bias": 1.0, "raw": 0.9, **features}
    return Sample(case, ("fields", case, str(len(features))), "fields", feats, right)


def test_a_platform_family_is_held_out_together() -> None:
    samples = [_sample(c, True) for c in ("a1", "a2", "b", "c")]
    fitted_on: list[frozenset[str]] = []

    def fitter(rows: list[Sample]) -> dict[str, dict[str, float]]:
        fitted_on.append(frozenset(s.case for s in rows))
        return {"fields": {"bias": 2.0}}

    weights = held_out_weights(samples, fitter, {"a1": "a", "a2": "a"})
    # a1 and a2 share one fit that saw neither of them; b and c each a fit without themselves
    assert sorted(map(sorted, fitted_on)) == [["a1", "a2", "b"], ["a1", "a2", "c"], ["b", "c"]]
    assert weights["a1"] is weights["a2"]


def test_a_hold_written_from_a_case_is_off_when_that_case_is_scored() -> None:
    # the hold ('sibling_tie') sends the wrong item below the threshold ...
    samples = [_sample("x", False, sibling_tie=1.0), _sample("y", False, sibling_tie=1.0)]
    weights = {"x": {"fields": {"bias": 3.0}}, "y": {"fields": {"bias": 3.0}}}
    judged = held_out_judged(samples, weights, 0.7, {"x": frozenset({"sibling_tie"})})
    conf = {case: j.confidence for case, j in judged}
    # ... except on the case it was written from, which is scored as if it had never been written
    assert conf["y"] < 0.7 <= conf["x"]
    cal = grouped(judged, {"x": "new", "y": "seed"}, 0.7)
    assert cal["new"].wrong_below == 0.0 and cal["seed"].wrong_below == 1.0


def test_right_above_counts_only_right_items() -> None:
    samples = [_sample("x", True), _sample("x", True, sibling_tie=1.0), _sample("x", False)]
    judged = held_out_judged(samples, {"x": {"fields": {"bias": 3.0}}}, 0.7)
    cal = grouped(judged, {"x": "new"}, 0.7)["new"]
    assert cal.right_above == 0.5 and cal.all_above == 2 / 3 and cal.wrong_below == 0.0


def _case(tmp_path: Path, toml: str) -> Path:
    root = tmp_path / "acme"
    (root / "source").mkdir(parents=True, exist_ok=True)
    (root / "destination.json").write_text("{}")
    (root / "gold.yaml").write_text("{}")
    (root / "case.toml").write_text(toml)
    return root


def test_case_toml_names_the_family_and_the_holds_written_from_it(tmp_path: Path) -> None:
    case = load_case(_case(tmp_path, 'family = "acme-crm"\nwritten_from_errors = ["sibling_tie"]\n'))
    assert case.family == "acme-crm" and case.written_from_errors == {"sibling_tie"}
    assert load_case(_case(tmp_path, "")).family == "acme"


def test_an_unknown_hold_rule_is_one_clear_line(tmp_path: Path) -> None:
    with pytest.raises(HlmapError, match=r"case.toml: written_from_errors: no hold rule named sibling_tye"):
        load_case(_case(tmp_path, 'written_from_errors = ["sibling_tye"]\n'))


def test_the_error_dump_shows_the_held_out_confidence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cases = tmp_path / "cases"
    shutil.copytree(CASES_DIR / "tiny_example", cases / "tiny_example")
    errors_dump.held_out(cases, show_all=True)
    out = capsys.readouterr().out
    assert "[held out, example] RIGHT tiny_example fields/" in out


def test_the_fit_weighs_the_evidence_beside_a_hold_not_the_hold_itself() -> None:
    # every wrong item is both held ('read_two_ways') and read elsewhere: the evidence that carries
    held = [_sample(c, False, read_two_ways=1.0, read_elsewhere=1.0) for c in ("p", "q", "r")]
    right = [_sample(c, True) for c in ("p", "q", "r") for _ in range(4)]
    weights = fit(held + right)["fields"]
    assert "read_two_ways" not in weights  # the hold caps its items by itself
    assert weights["read_elsewhere"] < -1.0
