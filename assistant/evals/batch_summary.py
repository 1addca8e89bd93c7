"""What one batch proposal amounts to: counts, shares, a confidence histogram, work for a human."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from assistant.evals.metrics import Cost
from assistant.mapping.items import MappingDocument
from assistant.mapping.models import FieldKind, Status

BINS: tuple[tuple[str, float, float], ...] = (
    ("<0.5", 0.0, 0.5),
    ("0.5-0.7", 0.5, 0.7),
    ("0.7-0.9", 0.7, 0.9),
    (">=0.9", 0.9, 1.01),
)


@dataclass
class BatchRow:
    source: str
    status: str = "done"  # done | resumed | failed
    objects: int = 0
    columns: int = 0
    standard: int = 0
    custom: int = 0
    skipped: int = 0
    histogram: dict[str, int] = field(default_factory=dict)
    needs_human: int = 0
    calls: int = 0
    tokens: int = 0
    seconds: float = 0.0
    error: str | None = None

    def share(self, count: int) -> float | None:
        return count / self.columns if self.columns else None

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data.update(
            standard_share=self.share(self.standard),
            custom_share=self.share(self.custom),
            skipped_share=self.share(self.skipped),
        )
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> BatchRow:
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**known)


def summarize(
    source: str, document: MappingDocument, threshold: float, cost: Cost, seconds: float
) -> BatchRow:
    """One row per source. A column counts as standard if any of its targets is a standard field,
    else custom if any is a custom field, else skipped; it needs a human when any of its proposals
    is below the confidence threshold."""
    kinds: dict[tuple[str, str], set[FieldKind]] = {}
    low: set[tuple[str, str]] = set()
    histogram = {label: 0 for label, _, _ in BINS}
    for item in document.fields:
        if item.status == Status.REJECTED:
            continue
        label = next(name for name, lo, hi in BINS if lo <= item.confidence < hi)
        histogram[label] += 1
        for column in item.source_columns:
            key = (item.source_object, column)
            kinds.setdefault(key, set()).add(item.target.kind)
            if item.confidence < threshold:
                low.add(key)
    row = BatchRow(
        source=source,
        objects=len(document.objects),
        columns=len(kinds),
        histogram=histogram,
        needs_human=len(low),
        calls=cost.calls,
        tokens=cost.tokens,
        seconds=round(seconds, 2),
    )
    for found in kinds.values():
        if FieldKind.STANDARD in found:
            row.standard += 1
        elif found & {FieldKind.CUSTOM_NEW, FieldKind.CUSTOM_EXISTING}:
            row.custom += 1
        else:
            row.skipped += 1
    return row


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value:.0%}"


def summary_markdown(rows: list[BatchRow]) -> str:
    head = [
        "source",
        "status",
        "objects",
        "columns",
        "standard",
        "custom",
        "skipped",
        *[f"conf {label}" for label, _, _ in BINS],
        "needs human",
        "calls",
        "tokens",
        "seconds",
    ]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in rows:
        cells = [
            r.source,
            r.status if not r.error else f"failed: {r.error}",
            str(r.objects),
            str(r.columns),
            _pct(r.share(r.standard)),
            _pct(r.share(r.custom)),
            _pct(r.share(r.skipped)),
            *[str(r.histogram.get(label, 0)) for label, _, _ in BINS],
            str(r.needs_human),
            str(r.calls),
            str(r.tokens),
            f"{r.seconds:.1f}",
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"
