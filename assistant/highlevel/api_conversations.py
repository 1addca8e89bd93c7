"""Conversations and the history messages added to them with their original date.

There is deliberately no call to ``POST /conversations/messages`` here: that endpoint sends an SMS
or e-mail to the customer, and a migration records history, it never contacts anyone. Messages go
through ``/conversations/messages/inbound`` (any type, either direction) and ``/outbound`` (calls).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from assistant.highlevel.api_common import delete
from assistant.highlevel.errors import JsonDict
from assistant.highlevel.idempotent import CreateResult, create_once
from assistant.highlevel.transport import Transport

INBOUND = "/conversations/messages/inbound"
OUTBOUND = "/conversations/messages/outbound"
MESSAGE_PAGE = 100
EXPORT = "/conversations/messages/export"
EXPORT_PAGE = 500  # the spec's maximum for the location-wide export


def _conversation(answer: JsonDict) -> JsonDict:
    wrapped = answer.get("conversation")
    return wrapped if isinstance(wrapped, dict) else answer


def _message(answer: JsonDict) -> JsonDict:
    return {**answer, "id": answer.get("messageId") or answer.get("id")}


class ConversationsApi:
    def __init__(self, transport: Transport, location_id: str) -> None:
        self._t = transport
        self._location = location_id

    async def find(self, contact_id: str) -> JsonDict | None:
        """The contact's conversation (HighLevel keeps one per contact), or None."""
        params: dict[str, str | int] = {"locationId": self._location, "contactId": contact_id, "limit": 100}
        answer = await self._t.request("GET", "/conversations/search", params=params)
        found = [c for c in answer.get("conversations") or [] if isinstance(c, dict)]
        return next((c for c in found if c.get("contactId") == contact_id), None)

    async def create(self, contact_id: str) -> CreateResult:
        """A conversation for the contact. HighLevel answers a second create with a 400 that does
        not name the existing one ("… already exists!"), so the lookup finds it by the contact."""
        body = {"locationId": self._location, "contactId": contact_id}
        return await create_once(
            self._t, "/conversations/", body, unwrap=_conversation, lookup=lambda: self.find(contact_id)
        )

    async def add(self, path: str, body: JsonDict, lookup: Callable[[], Any] | None = None) -> CreateResult:
        """Add one history message (``path`` is INBOUND or OUTBOUND); ``lookup`` finds it when an
        answer is lost, so it is never added twice."""
        return await create_once(self._t, path, body, unwrap=_message, lookup=lookup)

    async def messages(self, conversation_id: str) -> list[JsonDict]:
        """Every message of the conversation, newest first, page after page."""
        found: list[JsonDict] = []
        last: str | None = None
        while True:
            params: dict[str, Any] = {"limit": MESSAGE_PAGE}
            if last:
                params["lastMessageId"] = last
            answer = await self._t.request(
                "GET",
                "/conversations/{conversationId}/messages",
                path_params={"conversationId": conversation_id},
                params=params,
            )
            inner = answer.get("messages")
            page_holder = inner if isinstance(inner, dict) else answer  # the service nests the page
            page = [m for m in page_holder.get("messages") or [] if isinstance(m, dict)]
            found.extend(page)
            last = str(page_holder.get("lastMessageId") or "")
            if not page or not page_holder.get("nextPage") or not last:
                return found

    async def export_page(
        self, channel: str | None = None, cursor: str | None = None
    ) -> tuple[list[JsonDict], str | None]:
        """One page (up to 500) of the location's messages and the cursor of the next (None after the
        last). Without ``channel`` HighLevel exports every message but e-mails; "Email" exports those."""
        params: dict[str, Any] = {"locationId": self._location, "limit": EXPORT_PAGE}
        params.update({k: v for k, v in (("channel", channel), ("cursor", cursor)) if v})
        answer = await self._t.request("GET", EXPORT, params=params)
        found = [m for m in answer.get("messages") or [] if isinstance(m, dict)]
        return found, str(answer["nextCursor"]) if answer.get("nextCursor") else None

    async def delete(self, conversation_id: str) -> bool:
        """Delete the conversation and every message in it (False when it was already gone)."""
        return await delete(self._t, "/conversations/{conversationId}", {"conversationId": conversation_id})
