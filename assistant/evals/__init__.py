"""Eval suite and batch mode: gold maps, per-kind scores, peer baselines, batch proposals.

Public API:
  ``load_case(path) -> Case``, ``discover_cases(root, names) -> list[Case]``   (cases)
  ``score_document(gold, predictions) -> CaseScores``                            (scorer)
  ``predictions_from_document(document) -> Predictions``                        (predictions)
  ``run_eval(cases, backends, ...) -> EvalRun``                                  (runner)
  ``run_batch(sources_dir, out_dir, ...) -> list[BatchRow]``                     (batch)
"""
