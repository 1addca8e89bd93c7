"""Fault injection for reliability tests: 429s, 5xx, latency, "commit then drop the answer", and
"commit then answer an error" (HighLevel has answered creates with errors and still made the record)."""

from __future__ import annotations

import random
from dataclasses import asdict, dataclass, field
from typing import Any, ClassVar


@dataclass
class FaultSettings:
    rate_429: float = 0.0  # share of requests answered 429 before anything happens
    rate_5xx: float = 0.0  # share answered 500/502/503 before anything happens
    rate_drop: float = 0.0  # share of successful writes whose answer is never delivered
    rate_error_after: float = 0.0  # share of successful creates answered with an error all the same
    latency_ms: int = 0  # added to every request
    seed: int | None = None  # makes the sequence of faults reproducible

    _FIELDS: ClassVar[dict[str, str]] = {
        "rate429": "rate_429",
        "rate5xx": "rate_5xx",
        "dropAfterCommit": "rate_drop",
        "errorAfterCreate": "rate_error_after",
        "latencyMs": "latency_ms",
        "seed": "seed",
    }

    def to_json(self) -> dict[str, Any]:
        values = asdict(self)
        return {public: values[private] for public, private in self._FIELDS.items()}

    def updated(self, changes: dict[str, Any]) -> FaultSettings:
        """A copy with the JSON keys of ``changes`` applied; unknown keys or bad values raise ValueError."""
        values = asdict(self)
        for key, value in changes.items():
            if key not in self._FIELDS:
                raise ValueError(f"unknown fault setting {key!r}; known: {', '.join(self._FIELDS)}")
            values[self._FIELDS[key]] = value
        settings = FaultSettings(**values)
        settings.validate()
        return settings

    def validate(self) -> None:
        for name in ("rate_429", "rate_5xx", "rate_drop", "rate_error_after"):
            share = getattr(self, name)
            if not isinstance(share, int | float) or isinstance(share, bool) or not 0 <= share <= 1:
                raise ValueError(f"{name} must be a number between 0 and 1, got {share!r}")
        if not isinstance(self.latency_ms, int) or self.latency_ms < 0:
            raise ValueError(f"latency_ms must be a non-negative integer, got {self.latency_ms!r}")
        if self.seed is not None and not isinstance(self.seed, int):
            raise ValueError(f"seed must be an integer, got {self.seed!r}")


@dataclass
class FaultInjector:
    settings: FaultSettings = field(default_factory=FaultSettings)
    _random: random.Random = field(default_factory=random.Random)

    def __post_init__(self) -> None:
        self.configure(self.settings)

    def configure(self, settings: FaultSettings) -> None:
        settings.validate()
        self.settings = settings
        self._random = random.Random(settings.seed)

    def before(self) -> int | None:
        """Status of a fault to answer instead of handling the request (429 or 5xx), or None."""
        roll = self._random.random()
        if roll < self.settings.rate_429:
            return 429
        if roll < self.settings.rate_429 + self.settings.rate_5xx:
            return self._random.choice((500, 502, 503))
        return None

    def drop_after_commit(self) -> bool:
        return self.settings.rate_drop > 0 and self._random.random() < self.settings.rate_drop

    def error_after_create(self) -> int | None:
        """Status of an error to answer for a create that was committed, or None.

        Every class a client sees: refusals (400, 404, 409, 422) as well as server errors.
        """
        rate = self.settings.rate_error_after
        if rate <= 0 or self._random.random() >= rate:
            return None
        return self._random.choice(ERROR_AFTER_CREATE)


ERROR_AFTER_CREATE = (400, 404, 409, 422, 500, 502, 503)
