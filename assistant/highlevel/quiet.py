"""Body properties that make HighLevel message people or run automations, set so a migration stays silent.

Moving history in must not book confirmations, send reminders or start appointment workflows, and
a past appointment must not be refused by the calendar's scheduling window or free-slot check.
Every body the client builds goes through :func:`quiet`, so no caller can turn these back on.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from assistant.highlevel.errors import JsonDict

_SILENT_APPOINTMENT = {"toNotify": False, "ignoreDateRange": True, "ignoreFreeSlotValidation": True}

QUIET: dict[tuple[str, str], dict[str, Any]] = {
    ("POST", "/calendars/events/appointments"): _SILENT_APPOINTMENT,
    ("PUT", "/calendars/events/appointments/{eventId}"): _SILENT_APPOINTMENT,
}

QUIET_KEYS = frozenset(key for switches in QUIET.values() for key in switches)


def quiet(method: str, template: str, body: Mapping[str, Any]) -> JsonDict:
    """``body`` with the operation's silencing properties forced to their silent values."""
    return {**body, **QUIET.get((method.upper(), template), {})}
