"""What a history map needs in the location before a run: a custom conversation provider.

HighLevel adds a message with its original date only through a conversation provider the location
has set up (``conversationProviderId`` is required by ``/conversations/messages/inbound`` and
``/outbound``), and no v2 endpoint lists or creates providers: an admin sets one up (a marketplace
app's custom conversation provider) and the workspace names it in ``execute.conversation_provider_id``.
``plan`` names that step in its pre-flight checklist; ``apply`` refuses a run before anything is
written while it is missing, unless ``execute.history_as_notes`` carries the rows as dated notes.
"""

from __future__ import annotations

import duckdb

from assistant.errors import HlmapError
from assistant.execute.calls import Call
from assistant.execute.messages import MessageError, message_of, request_of
from assistant.execute.specs import RecordSpec
from assistant.highlevel.state import DestinationState
from assistant.settings import ExecuteSettings

SETUP = (
    "set up a custom conversation provider in HighLevel (a marketplace app's Conversation Provider, "
    "installed in this location) and put its id in execute.conversation_provider_id "
    "(hlmap.toml, or HLMAP_EXECUTE__CONVERSATION_PROVIDER_ID); or set execute.history_as_notes = true "
    "to carry the rows as notes whose first line is the original date"
)


def message_count(con: duckdb.DuckDBPyConnection) -> tuple[int, int]:
    """(messages, distinct contacts) the compiled map sends as history."""
    row = con.execute(
        """SELECT count(*), count(DISTINCT json_extract_string("values", '$."ref:contactId"'))
        FROM exec.records WHERE target = 'message'"""
    ).fetchone()
    return (int(row[0]), int(row[1])) if row else (0, 0)


def provider_problem(settings: ExecuteSettings, dest: DestinationState | None) -> str | None:
    """Why the configured provider cannot carry history, or None when it can (as far as is known)."""
    provider = settings.conversation_provider_id
    if not provider:
        return "no conversation provider is set (execute.conversation_provider_id)"
    known = {p.id for p in dest.conversationProviders} if dest else set()
    if known and provider not in known:
        listed = ", ".join(sorted(known))
        return f"execute.conversation_provider_id {provider!r} is no provider of the location ({listed})"
    return None


def checklist_item(
    con: duckdb.DuckDBPyConnection, settings: ExecuteSettings, dest: DestinationState | None
) -> str | None:
    messages, contacts = message_count(con)
    if not messages:
        return None
    problem = provider_problem(settings, dest)
    head = (
        f"History: {messages} calls, e-mails and messages of {contacts} contacts go into their conversations"
    )
    if problem is None:
        return (
            f"{head} with their original dates through conversation provider "
            f"{settings.conversation_provider_id} (nothing is sent to the contacts)"
        )
    return f"{head}; {problem}: {SETUP}"


def refuse_without_provider(
    con: duckdb.DuckDBPyConnection, settings: ExecuteSettings, dest: DestinationState | None
) -> None:
    """One line, before anything is written, when history would have no provider to go through."""
    messages, _ = message_count(con)
    problem = provider_problem(settings, dest) if messages else None
    if problem is not None:
        raise HlmapError(f"{messages} history rows need a conversation provider: {problem}; {SETUP}")


def preview_call(spec: RecordSpec, values: dict[str, object], provider: str | None) -> Call:
    """The request of a planned message, as ``plan --show-requests`` shows it."""
    contact = f"<id of {values.get('ref:contactId')}>"
    provider = provider or "<execute.conversation_provider_id>"
    try:
        path, body = request_of(message_of(dict(values)), contact, "<its conversation>", provider)
    except MessageError as exc:
        return Call("message", "POST", "/conversations/messages/inbound", {}, {"not sent": str(exc)})
    return Call("message", "POST", path, {}, body)
