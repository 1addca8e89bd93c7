"""Score predictions against a gold map, per kind.

Field maps are scored over (source column -> target) pairs. A skip is not a pair: a column
gold skips but the proposal maps gives a false positive per proposed target; a column gold maps
but the proposal skips (or leaves out) gives a false negative per gold target. A custom-field
proposal matches a gold custom target when the model is right and the dataType compatible.
"""

from __future__ import annotations

from itertools import combinations

from assistant.evals.gold_models import (
    UNMATCHED,
    Gold,
    GoldColumn,
    GoldTarget,
    Reading,
    StageAnswer,
    compatible,
)
from assistant.evals.metrics import PRF, CaseScores, Judged
from assistant.evals.owner_scope import owners_unused
from assistant.evals.predictions import Predictions, PredStage, PredTarget, norm_value, owner_for


def matches(gold: GoldTarget, pred: PredTarget) -> bool:
    if gold.kind == "standard":
        return pred.kind == "standard" and pred.object == gold.object and pred.field == gold.field
    if gold.kind != "custom" or pred.kind != "custom" or not _model_ok(gold, pred):
        return False
    if gold.key is not None and pred.key != gold.key:
        return False
    return compatible(pred.data_type or "", gold.data_types)


def _model_ok(gold: GoldTarget, pred: PredTarget) -> bool:
    if pred.model != gold.model:
        return False
    return gold.object_key is None or (pred.key or "").startswith(gold.object_key + ".")


def _pairs(reading: Reading, proposed: set[PredTarget]) -> PRF:
    wanted = [g for g in reading if g.kind != "skip"]
    free = sorted((p for p in proposed if p.kind != "skip"), key=lambda p: p.label())
    tp = 0
    for g in wanted:
        hit = next((p for p in free if matches(g, p)), None)
        if hit is not None:
            free.remove(hit)
            tp += 1
    return PRF(tp=tp, fp=len(free), fn=len(wanted) - tp)


def best_reading(column: GoldColumn, proposed: set[PredTarget]) -> tuple[Reading, PRF]:
    """The reading the proposal fits best: most right pairs, then fewest wrong ones."""
    scored = [(r, _pairs(r, proposed)) for r in column.readings]
    return max(scored, key=lambda rp: (rp[1].tp - rp[1].fp - rp[1].fn, rp[1].tp))


def score_fields(gold: Gold, pred: Predictions, scores: CaseScores) -> None:
    for obj, columns in gold.fields.items():
        for col, column in columns.items():
            proposed = pred.fields.get((obj, col), set())
            reading, prf = best_reading(column, proposed)
            scores.fields.add(prf)
            if prf.fp or prf.fn:
                got = ", ".join(sorted(p.label() for p in proposed)) or "nothing"
                want = " + ".join(g.label() for g in reading)
                scores.field_errors.append(f"{obj}.{col}: gold {want}; proposed {got}")
            elif reading[0].kind == "skip":
                scores.skips_agreed += 1
            _judge(scores, pred, ("fields", obj, col), not (prf.fp or prf.fn))
            _score_custom(obj, col, reading, proposed, scores)
        scores.unscored_columns += sum(1 for (o, c) in pred.fields if o == obj and c not in columns)


def _judge(scores: CaseScores, pred: Predictions, key: tuple[str, ...], correct: bool) -> None:
    """Keep the confidence of a judged proposal beside its verdict (for calibration)."""
    confidence = pred.confidence.get(key)
    if confidence is not None:
        scores.judged.append(Judged(key[0], confidence, correct, key))


MODELS = frozenset({"contact", "opportunity", "company", "custom_object"})


def _score_custom(
    obj: str, col: str, reading: Reading, proposed: set[PredTarget], scores: CaseScores
) -> None:
    customs = [p for p in proposed if p.kind == "custom"]
    if customs and all(g.kind == "standard" for g in reading):
        # a standard field's object is a model too: a custom field on another model is a model error
        wanted = {g.object for g in reading if g.object in MODELS}
        if wanted:
            got = ", ".join(sorted(f"{p.model}/{p.data_type}" for p in customs))
            scores.cf_model.record(
                all(p.model in wanted for p in customs),
                f"{obj}.{col}: gold standard on {'|'.join(sorted(wanted))}; proposed {got}",
            )
    for g in (g for g in reading if g.kind == "custom"):
        if not customs:
            continue
        right_model = [p for p in customs if _model_ok(g, p)]
        got = ", ".join(sorted(f"{p.model}/{p.data_type}" for p in customs))
        scores.cf_model.record(bool(right_model), f"{obj}.{col}: gold model {g.model}; proposed {got}")
        if right_model and g.data_types:
            ok = any(p.data_type in g.data_types for p in right_model)
            scores.cf_type.record(ok, f"{obj}.{col}: gold dataType {'|'.join(g.data_types)}; proposed {got}")


def score_objects(gold: Gold, pred: Predictions, scores: CaseScores) -> None:
    for obj, readings in gold.objects.items():
        proposed = pred.objects.get(obj)
        ok = proposed is not None and any(r.accepts(proposed) for r in readings)
        _judge(scores, pred, ("objects", obj), ok)
        want = " | ".join("+".join(sorted(r.include)) for r in readings)
        scores.objects.record(
            ok, f"{obj}: gold {want}; proposed {'+'.join(sorted(proposed or [])) or 'nothing'}"
        )


def stage_ok(answer: StageAnswer, pred: PredStage | None) -> bool:
    if pred is None:
        return False
    if answer.flag:  # a status column's value map (no stage, no pipeline) decides; it flags nothing
        return pred.flagged or (pred.stage is None and pred.pipeline is not None)
    if pred.stage is None:
        if answer.stages or pred.flagged:
            return False  # only a status-only answer is met without a stage
    elif answer.stages and norm_value(pred.stage) not in {norm_value(s) for s in answer.stages}:
        return False
    if answer.status is not None and pred.status != answer.status:
        return False
    return answer.pipeline is None or norm_value(pred.pipeline or "") == norm_value(answer.pipeline)


def score_stages(gold: Gold, pred: Predictions, scores: CaseScores) -> None:
    for (obj, col, value), answers in gold.stages.items():
        got = pred.stages.get((obj, col, norm_value(value)))
        shown = (
            "nothing"
            if got is None
            else f"{got.pipeline}/{got.stage}/{got.status}{' flagged' if got.flagged else ''}"
        )
        ok = any(stage_ok(a, got) for a in answers)
        _judge(scores, pred, ("stages", obj, col, norm_value(value)), ok)
        scores.stages.record(ok, f"{obj}.{col}={value}: proposed {shown}")


def cluster_pairs(clusters: list[list[str]], universe: set[str]) -> set[frozenset[str]]:
    pairs: set[frozenset[str]] = set()
    for cluster in clusters:
        known = sorted({m for m in cluster if m in universe})
        pairs.update(frozenset(p) for p in combinations(known, 2))
    return pairs


def score_tags(gold: Gold, pred: Predictions, scores: CaseScores) -> None:
    """Pairwise P/R/F1 over the values the gold knows; other proposed tags are not judged."""
    if not gold.tags:
        return
    universe = {m for members in gold.tags.values() for m in members}
    gold_pairs = cluster_pairs(list(gold.tags.values()), universe)
    pred_pairs = cluster_pairs(pred.tags, universe)
    scores.tags.add(
        PRF(tp=len(gold_pairs & pred_pairs), fp=len(pred_pairs - gold_pairs), fn=len(gold_pairs - pred_pairs))
    )


def score_owners(gold: Gold, pred: Predictions, scores: CaseScores) -> None:
    for (obj, key), answers in gold.owners.items():
        where, got = owner_for(pred, obj, key)
        if got is None and owners_unused(gold, pred, obj):
            continue  # no owner reading taken, rightly: nothing would consume the match
        wanted = {a.casefold() for a in answers}
        if got is None:
            ok, shown = False, "nothing"
        elif got.user_id is None:
            ok, shown = UNMATCHED in wanted, UNMATCHED
        else:
            ok = got.user_id.casefold() in wanted or (got.user_email or "").casefold() in wanted
            shown = got.user_email or got.user_id
        _judge(scores, pred, ("owners", *where), ok)
        scores.owners.record(ok, f"{obj}.{key}: gold {' | '.join(answers)}; proposed {shown}")


ALL_KINDS = frozenset({"objects", "fields", "stages", "tags", "owners"})


def score_document(gold: Gold, pred: Predictions, kinds: frozenset[str] = ALL_KINDS) -> CaseScores:
    """Score the kinds asked for; a baseline that only matches fields is scored on fields only."""
    scores = CaseScores()
    steps = {
        "objects": score_objects,
        "fields": score_fields,
        "stages": score_stages,
        "tags": score_tags,
        "owners": score_owners,
    }
    for kind, step in steps.items():
        if kind in kinds:
            step(gold, pred, scores)
    return scores
