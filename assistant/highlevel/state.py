"""The destination state: a snapshot of one HighLevel sub-account (location).

Keys and shapes follow HighLevel's own API responses (camelCase) so that the same file can be
written by ``hlmap target pull`` from the live API, seeded into the local stand-in, and shipped
with a fixture. Unknown keys are kept (``extra="allow"``) so nothing HighLevel returns is lost.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from assistant.errors import HlmapError


class _ApiModel(BaseModel):
    model_config = ConfigDict(extra="allow", populate_by_name=True)


class LocationSettings(_ApiModel):
    allowDuplicateContact: bool = False
    allowDuplicateOpportunity: bool = False


class Location(_ApiModel):
    id: str
    name: str = ""
    companyId: str | None = None
    country: str | None = None
    timezone: str | None = None
    email: str | None = None  # the business's own email and phone (its business profile)
    phone: str | None = None
    settings: LocationSettings = Field(default_factory=LocationSettings)


class Stage(_ApiModel):
    id: str
    name: str
    position: int | None = None


class Pipeline(_ApiModel):
    id: str
    name: str
    stages: list[Stage] = Field(default_factory=list)


class User(_ApiModel):
    id: str
    name: str = ""
    firstName: str | None = None
    lastName: str | None = None
    email: str | None = None
    deleted: bool = False


class CustomField(_ApiModel):
    """A location custom field (model contact/opportunity) or a custom-fields API field."""

    id: str
    name: str
    fieldKey: str
    dataType: str
    model: str = "contact"  # contact | opportunity | company | custom_object
    picklistOptions: list[str] = Field(default_factory=list)
    objectKey: str | None = None


class Tag(_ApiModel):
    id: str
    name: str


class Calendar(_ApiModel):
    id: str
    name: str


class LostReason(_ApiModel):
    """A reason a lost opportunity can carry (set up in HighLevel; API v2 only reads them)."""

    id: str
    name: str


class ConversationProvider(_ApiModel):
    """A custom conversation provider set up in the location (a marketplace app's provider); messages
    added with their original date need one. No v2 endpoint lists them, so ``target pull`` leaves the
    list empty and ``execute.conversation_provider_id`` names the provider."""

    id: str
    name: str = ""
    type: str = ""  # SMS, Email, Call


class CustomObjectSchema(_ApiModel):
    id: str
    key: str  # "custom_objects.invoice"
    labels: dict[str, str] = Field(default_factory=dict)  # {"singular": ..., "plural": ...}


class DestinationState(_ApiModel):
    location: Location
    pipelines: list[Pipeline] = Field(default_factory=list)
    users: list[User] = Field(default_factory=list)
    customFields: list[CustomField] = Field(default_factory=list)
    tags: list[Tag] = Field(default_factory=list)
    calendars: list[Calendar] = Field(default_factory=list)
    customObjects: list[CustomObjectSchema] = Field(default_factory=list)
    lostReasons: list[LostReason] = Field(default_factory=list)
    # The native documents the location takes ("invoice", "estimate"), as `target pull` found its
    # invoices API answering; a snapshot without the key offers none.
    nativeDocuments: list[str] = Field(default_factory=list)
    conversationProviders: list[ConversationProvider] = Field(default_factory=list)

    def takes_native(self, kind: str) -> bool:
        return kind in self.nativeDocuments

    def user_by_email(self, email: str) -> User | None:
        wanted = email.strip().lower()
        return next((u for u in self.users if (u.email or "").lower() == wanted), None)


def load_state(path: Path) -> DestinationState:
    """Read a destination-state JSON file, naming the file and field on error."""
    try:
        return DestinationState.model_validate(json.loads(path.read_text(encoding="utf-8")))
    except FileNotFoundError as exc:
        raise HlmapError(f"{path}: destination state file not found") from exc
    except (json.JSONDecodeError, ValidationError) as exc:
        raise HlmapError(f"{path}: not a valid destination state: {exc}") from exc


def save_state(state: DestinationState, path: Path) -> None:
    path.write_text(
        json.dumps(state.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
