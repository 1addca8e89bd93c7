"""Which proposals may be confirmed as they stand, and why not."""

from __future__ import annotations

from assistant.mapping.items import FieldMap, OwnerMatch, StageValueMap
from assistant.mapping.models import FieldKind, FieldModel, Proposal
from assistant.review.errors import ReviewError


def problem(item: Proposal, model_confirmed: FieldModel | None) -> str | None:
    """Why ``item`` cannot be accepted now, or None when it can."""
    if isinstance(item, FieldMap) and item.target.kind is FieldKind.CUSTOM_NEW:
        spec = item.target.custom_field
        if spec is None:
            return f"{item.id}: a new custom field needs its name, dataType and model"
        if model_confirmed is not spec.model:
            return (
                f"{item.id}: creates a {spec.model.value} custom field; the model is irreversible "
                "and must be confirmed explicitly"
            )
    return unexecutable(item)


def unexecutable(item: Proposal) -> str | None:
    """Why a confirmed ``item`` could not be executed (missing stage, missing user)."""
    if isinstance(item, StageValueMap) and not (item.pipeline_id and item.stage_id):
        return f"{item.id}: pick a pipeline and stage first (e)"
    if isinstance(item, OwnerMatch) and not (item.user_id or item.fallback_user_id):
        return f"{item.id}: pick a user or the fallback first (e)"
    return None


def check_acceptable(item: Proposal, model_confirmed: FieldModel | None) -> None:
    reason = problem(item, model_confirmed)
    if reason:
        raise ReviewError(reason)


def acceptable(item: Proposal, model_confirmed: FieldModel | None) -> bool:
    return problem(item, model_confirmed) is None


def broken(item: Proposal) -> bool:
    """A confirmed item the executor could not carry out."""
    return item.confirmed and unexecutable(item) is not None
