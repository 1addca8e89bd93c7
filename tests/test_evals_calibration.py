"""Calibration, retrieval recall@k and the scorer fixes of the eval suite."""

from __future__ import annotations

from pathlib import Path

from assistant.evals.calibration import by_kind, calibrate
from assistant.evals.cases import load_case
from assistant.evals.gold_models import GoldColumn, GoldTarget
from assistant.evals.metrics import PRF, Judged
from assistant.evals.pipeline import run_pipeline
from assistant.evals.predictions import Predictions, PredTarget
from assistant.evals.retrieval import recall_at_k
from assistant.evals.scorer import score_document
from assistant.highlevel.state import load_state
from assistant.mapping.items import MappingDocument, StageValueMap
from assistant.propose.calibration import calibrate_document

CASES_DIR = Path(__file__).resolve().parent.parent / "evals" / "cases"


def test_tag_f1_is_zero_when_every_gold_pair_is_missed() -> None:
    assert PRF(tp=0, fp=0, fn=3).f1 == 0.0
    assert PRF().f1 is None  # nothing to score stays undefined


def test_reliability_ece_and_threshold_shares() -> None:
    items = [Judged("fields", 0.95, True)] * 6 + [Judged("fields", 0.95, False)] * 2
    items += [Judged("fields", 0.35, False)] * 2
    cal = calibrate(items, 0.7)
    # bin 0.9-1.0: 8 items, mean 0.95, 75 % right; bin 0.3-0.4: 2 items, mean 0.35, 0 % right
    assert cal.ece is not None and abs(cal.ece - (8 * 0.2 + 2 * 0.35) / 10) < 1e-9
    assert cal.wrong_below == 0.5 and cal.all_above == 0.8
    assert by_kind(items, 0.7)["stages"].ece is None


def test_custom_field_on_another_model_than_the_standard_gold_counts_against_model_accuracy() -> None:
    gold = load_case(CASES_DIR / "tiny_example").gold()
    gold.fields = {"customers": {"E-mail": GoldColumn(((GoldTarget("standard", "contact", "email"),),))}}
    pred = Predictions()
    pred.add_field("customers", "E-mail", PredTarget("custom", model="opportunity", data_type="TEXT"))
    scores = score_document(gold, pred, frozenset({"fields"}))
    assert scores.cf_model.total == 1 and scores.cf_model.correct == 0


def test_recall_at_k_on_the_tiny_case(tmp_path: Path) -> None:
    case = load_case(CASES_DIR / "tiny_example")
    result = run_pipeline(case.source, case.destination, tmp_path / "ws", "offline")
    recall = recall_at_k(case.gold(), result.document, result.profiles, load_state(case.destination))
    assert set(recall) == {1, 3, 5}
    assert recall[5].total > 0 and recall[5].value == 1.0
    assert (recall[1].value or 0) <= (recall[3].value or 0) <= (recall[5].value or 0)


def test_calibration_lowers_a_doubtful_item_and_never_lifts_a_flagged_one() -> None:
    doc = MappingDocument(project="t")
    sure = StageValueMap(
        id="s1", source_object="d", source_column="Stage", source_value="Won", confidence=0.9
    )
    flagged = StageValueMap(
        id="s2", source_object="d", source_column="Stage", source_value="Odd", confidence=0.3, flagged=True
    )
    doc.stages = [sure, flagged]
    weights = {"stages": {"bias": 5.0}}  # a model that believes every stage is right
    calibrate_document(doc, 0.7, weights)
    assert sure.confidence == 0.97 and flagged.confidence == 0.3  # no evidence makes a proposal certain
    doc.stages[0].confidence = 0.9
    calibrate_document(doc, 0.7, {"stages": {"bias": -5.0}})
    assert sure.confidence < 0.01
