"""Calibrated confidence: evidence features, the committed weights, and the fit script."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from assistant.evals import calibration_fit
from assistant.mapping.items import (
    CustomFieldSpec,
    FieldMap,
    FieldTarget,
    MappingDocument,
    ObjectMap,
    ObjectTarget,
)
from assistant.mapping.models import (
    Alternative,
    DataType,
    Evidence,
    FieldKind,
    FieldModel,
    TargetObject,
)
from assistant.propose.calibration import WEIGHTS_FILE, calibrate_document, fitted_weights
from assistant.propose.calibration_features import item_features

PERSON_NAMES = "semantic type person_name (90% of values), 0% empty, 9 distinct"
CASES_DIR = Path(__file__).resolve().parent.parent / "evals" / "cases"


def _document() -> MappingDocument:
    """A table whose object map barely beat its runner-up, a clear e-mail and a doubtful custom field."""
    table = ObjectMap(
        id="object:people",
        source_object="people",
        targets=[ObjectTarget(object=TargetObject.COMPANY)],
        confidence=0.56,
        alternatives=[Alternative(target="contact", score=0.55)],
    )
    clear = FieldMap(
        id="field:people.Email",
        source_object="people",
        source_columns=["Email"],
        target=FieldTarget(kind=FieldKind.STANDARD, object=TargetObject.COMPANY, field="email"),
        confidence=0.97,
        evidence=[
            Evidence(source="candidate", detail="name similarity 1.00 ('Email' vs 'email')"),
            Evidence(source="candidate", detail="vocabulary concept 'email'"),
            Evidence(source="candidate", detail="100% of values are email"),
        ],
    )
    spec = CustomFieldSpec(
        name="Client", field_key="business.client", data_type=DataType.TEXT, model=FieldModel.COMPANY
    )
    doubtful = FieldMap(
        id="field:people.Client",
        source_object="people",
        source_columns=["Client"],
        target=FieldTarget(kind=FieldKind.CUSTOM_NEW, object=TargetObject.COMPANY, custom_field=spec),
        confidence=0.8,
        evidence=[
            Evidence(
                source="profile", detail="semantic type person_name (90% of values), 0% empty, 9 distinct"
            )
        ],
    )
    return MappingDocument(project="t", objects=[table], fields=[clear, doubtful])


def test_features_read_object_margin_and_name_versus_value_evidence() -> None:
    feats = item_features(_document())
    _, clear = feats[("fields", "people", "Email")]
    _, doubtful = feats[("fields", "people", "Client")]
    assert abs(clear["object_margin"] - 0.01) < 1e-9
    assert clear["name_similarity"] == 1.0 and clear["value_share"] == 1.0 and clear["vocabulary_hit"] == 1.0
    assert doubtful["type_person_name"] == 1.0 and doubtful["no_candidate_evidence"] == 1.0
    assert doubtful["new_custom"] == 1.0 and clear["new_custom"] == 0.0


def test_committed_weights_send_a_wrong_looking_proposal_below_a_clear_one() -> None:
    # a kind whose judged items are all right in the cases gets no model (its raw score stands)
    assert {"fields", "stages"} <= set(fitted_weights())
    doc = _document()
    calibrate_document(doc, 0.7)
    clear, doubtful = doc.fields
    assert doubtful.confidence < clear.confidence
    assert doubtful.confidence < 0.7  # a custom field holding person names on a doubtful table: a human looks


def test_the_weights_are_plain_json_of_named_coefficients() -> None:
    data = json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))
    for weights in data["weights"].values():
        assert "bias" in weights and all(isinstance(v, float) for v in weights.values())


def test_fit_script_runs_on_a_tiny_case_and_writes_loadable_weights(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cases = tmp_path / "cases"
    shutil.copytree(CASES_DIR / "tiny_example", cases / "tiny_example")
    weights = calibration_fit.main(cases, dry_run=True)
    out = capsys.readouterr().out
    assert "fit on: tiny_example" in out and "| threshold | wrong below | right above | all above |" in out
    assert "| tiny_example (example, family tiny_example) | 27 |" in out
    target = tmp_path / "weights.json"
    calibration_fit.write_weights({"fields": {"bias": 1.5, "raw": 2.0}, **weights}, target)
    assert json.loads(target.read_text())["weights"]["fields"] == {"bias": 1.5, "raw": 2.0}


def test_a_nested_list_and_a_header_word_the_values_do_not_bear_out_are_named() -> None:
    doc = _document()
    clear = doc.fields[0]
    nested = clear.model_copy(
        update={
            "id": "field:people__emails.address",
            "source_object": "people__emails",
            "source_columns": ["address"],
            "evidence": [Evidence(source="candidate", detail="vocabulary concept 'email'")],
        }
    )
    doc.fields.append(nested)
    feats = item_features(doc)
    _, flat = feats[("fields", "people", "Email")]
    _, merged = feats[("fields", "people__emails", "address")]
    assert flat["nested_table"] == 0.0 and merged["nested_table"] == 1.0
    # the e-mail's values say e-mail too; the nested one rests on the header word alone
    assert flat["vocabulary_without_values"] == 0.0 and merged["vocabulary_without_values"] == 1.0
