"""What one scan learns about one column: counts, lengths, top values and detector hits."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class ColumnStats:
    name: str
    position: int
    row_count: int
    nonblank: int = 0
    distinct: int = 0
    distinct_exact: bool = True
    min_len: int | None = None
    max_len: int | None = None
    avg_len: float | None = None
    min_text: str | None = None
    max_text: str | None = None
    top: list[tuple[str, int]] = field(default_factory=list)  # exact counts, most frequent first
    counts: dict[str, int] = field(default_factory=dict)  # detector name → matching sampled values
    sample_nonblank: int = 0  # non-blank values the detectors saw
    tokens: dict[str, tuple[int, int]] = field(default_factory=dict)  # separator → (items, distinct items)

    def share(self, detector: str) -> float:
        return self.counts.get(detector, 0) / self.sample_nonblank if self.sample_nonblank else 0.0
