"""Counts that add up across cases, and the ratios computed from them.

Ratios are None when undefined (nothing to score), never a made-up 0 or 1, so an empty gold
section shows as "–" instead of a perfect score.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


def ratio(num: int, den: int) -> float | None:
    return num / den if den else None


@dataclass
class PRF:
    """Precision / recall / F1 over pairs."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: PRF) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float | None:
        return ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float | None:
        return ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if r == 0:  # every gold pair missed: 0, even when nothing was proposed (precision undefined)
            return 0.0
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }


@dataclass
class Accuracy:
    correct: int = 0
    total: int = 0
    errors: list[str] = field(default_factory=list)

    def record(self, ok: bool, what: str) -> None:
        self.total += 1
        self.correct += int(ok)
        if not ok:
            self.errors.append(what)

    def add(self, other: Accuracy) -> None:
        self.correct += other.correct
        self.total += other.total
        self.errors += other.errors

    @property
    def value(self) -> float | None:
        return ratio(self.correct, self.total)

    def to_json(self) -> dict[str, Any]:
        return {"correct": self.correct, "total": self.total, "accuracy": self.value, "errors": self.errors}


@dataclass
class Cost:
    calls: int = 0
    tokens_in: int = 0
    tokens_out: int = 0
    seconds: float = 0.0

    def add(self, other: Cost) -> None:
        self.calls += other.calls
        self.tokens_in += other.tokens_in
        self.tokens_out += other.tokens_out
        self.seconds += other.seconds

    @property
    def tokens(self) -> int:
        return self.tokens_in + self.tokens_out

    def to_json(self) -> dict[str, Any]:
        return {
            "calls": self.calls,
            "tokens_in": self.tokens_in,
            "tokens_out": self.tokens_out,
            "tokens": self.tokens,
            "seconds": round(self.seconds, 3),
        }


@dataclass(frozen=True)
class Judged:
    """One proposal the gold judges: its kind, the proposer's confidence, and whether it was right."""

    kind: str  # fields | objects | stages | owners
    confidence: float
    correct: bool
    key: tuple[str, ...] = ()  # (kind, source object, column or value ...), as the proposer keys it


@dataclass
class CaseScores:
    """Every kind's score for one case and one backend (or baseline)."""

    fields: PRF = field(default_factory=PRF)
    field_errors: list[str] = field(default_factory=list)
    skips_agreed: int = 0  # gold skip and proposal skip: a true negative, outside P/R
    unscored_columns: int = 0  # proposed columns of a gold table the gold does not mention
    objects: Accuracy = field(default_factory=Accuracy)
    cf_model: Accuracy = field(default_factory=Accuracy)
    cf_type: Accuracy = field(default_factory=Accuracy)
    stages: Accuracy = field(default_factory=Accuracy)
    tags: PRF = field(default_factory=PRF)
    owners: Accuracy = field(default_factory=Accuracy)
    cost: Cost = field(default_factory=Cost)
    judged: list[Judged] = field(default_factory=list)
    retrieval: dict[int, Accuracy] = field(default_factory=dict)  # k -> gold targets among the top k

    def add(self, other: CaseScores) -> None:
        self.fields.add(other.fields)
        self.field_errors += other.field_errors
        self.skips_agreed += other.skips_agreed
        self.unscored_columns += other.unscored_columns
        for name in ("objects", "cf_model", "cf_type", "stages", "owners"):
            getattr(self, name).add(getattr(other, name))
        self.tags.add(other.tags)
        self.cost.add(other.cost)
        self.judged += other.judged
        for k, acc in other.retrieval.items():
            self.retrieval.setdefault(k, Accuracy()).add(acc)

    def to_json(self) -> dict[str, Any]:
        return {
            "fields": {
                **self.fields.to_json(),
                "skips_agreed": self.skips_agreed,
                "unscored_columns": self.unscored_columns,
                "errors": self.field_errors,
            },
            "objects": self.objects.to_json(),
            "custom_field_model": self.cf_model.to_json(),
            "custom_field_data_type": self.cf_type.to_json(),
            "stages": self.stages.to_json(),
            "tags": self.tags.to_json(),
            "owners": self.owners.to_json(),
            "cost": self.cost.to_json(),
            "retrieval_recall_at_k": {str(k): acc.to_json() for k, acc in sorted(self.retrieval.items())},
            "judged": [[j.kind, round(j.confidence, 4), j.correct] for j in self.judged],
        }
