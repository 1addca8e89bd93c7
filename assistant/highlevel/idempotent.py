"""Creates that never duplicate a record when their answer is lost or wrong.

When a create times out, loses its connection, or answers with any error (a 5xx, but also a 400,
404 or 422: HighLevel has answered errors for creates that it still made), HighLevel may hold the
record. Before resending or giving up, the client waits a backoff, asks a *lookup* whether the
record exists (by email/phone, by name within a contact and pipeline, or by a source id the caller
knows how to find), and takes the record it finds. Server errors and lost answers are then resent;
refusals are raised. A duplicate error's ``meta.contactId`` / ``meta.existingId`` is read as
"already there, here is its id". 429s never reach here: HighLevel refuses them before processing,
so the transport resends them as they are.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from assistant.highlevel.errors import (
    AnswerLost,
    ApiError,
    CreateOutcomeUnknown,
    DuplicateContact,
    DuplicateOpportunity,
    HighLevelError,
    JsonDict,
    ServerError,
)
from assistant.highlevel.transport import Params, Transport

Lookup = Callable[[], Awaitable[JsonDict | None]]
"""Returns the record if it already exists in HighLevel, else None."""


class CreateOutcome(StrEnum):
    CREATED = "created"  # HighLevel answered the create
    RECOVERED = "recovered"  # the answer was lost; a lookup or duplicate error found our record
    EXISTING = "existing"  # the first answer was a duplicate error: the record was there before


@dataclass(frozen=True)
class CreateResult:
    id: str
    outcome: CreateOutcome
    record: JsonDict
    attempts: int

    @property
    def created_by_us(self) -> bool:
        """True when this run made the record (so a rollback may delete it)."""
        return self.outcome is not CreateOutcome.EXISTING


def record_id(record: Mapping[str, Any]) -> str:
    """A record's id, wherever HighLevel put it (``id``, ``_id``, ``fileId``...)."""
    for key in ("id", "_id", "fileId", "existingId", "contactId"):
        value = record.get(key)
        if isinstance(value, str) and value:
            return value
    return ""


async def create_once(
    transport: Transport,
    template: str,
    body: JsonDict,
    *,
    unwrap: Callable[[JsonDict], JsonDict],
    lookup: Lookup | None,
    path_params: Mapping[str, str] | None = None,
    params: Params | None = None,
    files: Mapping[str, Any] | None = None,
) -> CreateResult:
    """POST ``body`` to ``template`` without ever creating the record twice.

    With ``files`` the body travels as multipart form fields beside the files.
    """
    lost = 0
    while True:
        try:
            answer = await transport.request(
                "POST",
                template,
                path_params=path_params,
                params=params,
                json_body=None if files else body,
                data=body if files else None,
                files=files,
                retry_lost=False,
            )
        except (DuplicateContact, DuplicateOpportunity) as exc:
            existing = exc.contact_id if isinstance(exc, DuplicateContact) else exc.existing_id
            outcome = CreateOutcome.RECOVERED if lost else CreateOutcome.EXISTING
            return CreateResult(existing, outcome, {"id": existing, **exc.meta}, lost + 1)
        except (AnswerLost, ServerError) as exc:
            lost += 1
            if lookup is None:
                raise CreateOutcomeUnknown(
                    f"{exc}; the record has no email, phone or source id to check whether it was created"
                ) from exc
            # Give a slow server time to finish the write before asking whether it happened.
            await transport.limiter.clock.sleep(transport.policy.backoff(lost - 1))
            found = await lookup()
            if found is not None and record_id(found):
                return CreateResult(record_id(found), CreateOutcome.RECOVERED, found, lost)
            if lost > transport.policy.max_retries:
                raise
            continue
        except ApiError as exc:  # a refusal: yet HighLevel may have made the record before answering
            if lookup is None:
                raise
            try:
                found = await lookup()
            except HighLevelError:
                raise exc from None  # the lookup cannot run either (a bad token, say): report the refusal
            if found is not None and record_id(found):
                return CreateResult(record_id(found), CreateOutcome.RECOVERED, found, lost + 1)
            raise
        record = unwrap(answer)
        return CreateResult(record_id(record), CreateOutcome.CREATED, record, lost + 1)
