"""Textual messages the review app posts after each decision (named for what happened)."""

from __future__ import annotations

from pathlib import Path

from textual.message import Message


class DecisionMade(Message):
    """Base of every decision message; ``description`` says what changed."""

    def __init__(self, description: str, item_ids: tuple[str, ...] = ()) -> None:
        super().__init__()
        self.description = description
        self.item_ids = item_ids


class ProposalAccepted(DecisionMade):
    pass


class ProposalRejected(DecisionMade):
    pass


class ProposalEdited(DecisionMade):
    pass


class TagClustersChanged(DecisionMade):
    pass


class DecisionUndone(DecisionMade):
    pass


class DecisionRefused(Message):
    def __init__(self, reason: str) -> None:
        super().__init__()
        self.reason = reason


class MappingConfirmed(Message):
    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
