"""Decisions that point at the destination's real records: pipeline stages and users."""

from __future__ import annotations

from dataclasses import dataclass

from assistant.highlevel.state import DestinationState, User
from assistant.mapping.items import OwnerMatch, StageValueMap
from assistant.mapping.models import OpportunityStatus, Status
from assistant.review.core import SessionCore
from assistant.review.errors import ReviewError


@dataclass(frozen=True)
class StageChoice:
    label: str
    pipeline_id: str
    pipeline_name: str
    stage_id: str
    stage_name: str


class DestinationEdits(SessionCore):
    def _destination(self) -> DestinationState:
        if self.context.destination is None:
            raise ReviewError("no destination snapshot: run `hlmap target pull` (or seed one) first")
        return self.context.destination

    def stage_choices(self) -> list[StageChoice]:
        return [
            StageChoice(f"{p.name} › {s.name}", p.id, p.name, s.id, s.name)
            for p in self._destination().pipelines
            for s in p.stages
        ]

    def set_stage(self, item_id: str, pipeline_id: str, stage_id: str, status: OpportunityStatus) -> None:
        item = self.item(item_id)
        if not isinstance(item, StageValueMap):
            raise ReviewError(f"{item_id} is not a stage value")
        choice = next(
            (c for c in self.stage_choices() if (c.pipeline_id, c.stage_id) == (pipeline_id, stage_id)), None
        )
        if choice is None:
            raise ReviewError(f"stage {stage_id!r} of pipeline {pipeline_id!r} is not in the destination")

        def change() -> None:
            item.pipeline_id, item.pipeline_name = choice.pipeline_id, choice.pipeline_name
            item.stage_id, item.stage_name = choice.stage_id, choice.stage_name
            item.opportunity_status, item.flagged = status, False
            item.decide(Status.EDITED, self.who)

        self.apply_to(f"stage {item_id} -> {choice.label}", item, change)

    def users(self) -> list[User]:
        return [u for u in self._destination().users if not u.deleted]

    def set_owner(self, item_id: str, user_id: str, *, fallback: bool = False) -> None:
        """Match a source owner to a destination user, or send its records to the fallback user."""
        item = self.item(item_id)
        if not isinstance(item, OwnerMatch):
            raise ReviewError(f"{item_id} is not an owner match")
        user = next((u for u in self.users() if u.id == user_id), None)
        if user is None:
            raise ReviewError(f"user {user_id!r} is not in the destination")

        def change() -> None:
            if fallback:
                item.user_id = item.user_name = item.user_email = None
                item.fallback_user_id, item.method = user.id, "fallback"
            else:
                item.user_id, item.user_name, item.user_email = user.id, user.name, user.email
                item.method = "manual"
            item.decide(Status.EDITED, self.who)

        self.apply_to(f"owner {item_id} -> {user.name or user.id}", item, change)
