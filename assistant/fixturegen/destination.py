"""Building blocks for a destination state: HighLevel-shaped records with HighLevel-style ids."""

from __future__ import annotations

import random
from typing import Any

from assistant.fixturegen.people import ascii_slug
from assistant.fixturegen.rng import hl_id, record_rng
from assistant.highlevel.state import DestinationState


class DestinationBuilder:
    """Collects one sub-account's pipelines, users, fields, tags, calendars and custom objects."""

    def __init__(self, seed: int, platform: str, *, name: str, country: str, timezone: str) -> None:
        self._rng: random.Random = record_rng(seed, platform, "destination")
        self.location_id = hl_id(self._rng)
        self.data: dict[str, Any] = {
            "location": {
                "id": self.location_id,
                "name": name,
                "companyId": hl_id(self._rng),
                "country": country,
                "timezone": timezone,
                "settings": {"allowDuplicateContact": False, "allowDuplicateOpportunity": False},
            },
            "pipelines": [],
            "users": [],
            "customFields": [],
            "tags": [],
            "calendars": [],
            "customObjects": [],
            "nativeDocuments": ["invoice", "estimate"],  # every HighLevel location has both
        }

    def business_contact(self, email: str, phone: str) -> None:
        """The location's own email and phone (its business profile), as GET /locations/{id} answers."""
        self.data["location"].update({"email": email, "phone": phone})

    def pipeline(self, name: str, stages: list[str]) -> None:
        self.data["pipelines"].append(
            {
                "id": hl_id(self._rng),
                "name": name,
                "locationId": self.location_id,
                "stages": [{"id": hl_id(self._rng), "name": s, "position": n} for n, s in enumerate(stages)],
            }
        )

    def user(self, first: str, last: str, email: str, role: str = "user") -> None:
        self.data["users"].append(
            {
                "id": hl_id(self._rng),
                "name": f"{first} {last}",
                "firstName": first,
                "lastName": last,
                "email": email,
                "deleted": False,
                "roles": {"type": "account", "role": role},
            }
        )

    def field(
        self,
        name: str,
        data_type: str,
        model: str = "contact",
        options: tuple[str, ...] = (),
        object_key: str | None = None,
    ) -> None:
        prefix = object_key or model
        entry: dict[str, Any] = {
            "id": hl_id(self._rng),
            "name": name,
            "fieldKey": f"{prefix}.{ascii_slug(name, '_')}",
            "dataType": data_type,
            "model": model,
            "picklistOptions": list(options),
            "locationId": self.location_id,
            "position": len(self.data["customFields"]),
        }
        if object_key:
            entry["objectKey"] = object_key
        self.data["customFields"].append(entry)

    def tags(self, *names: str) -> None:
        self.data["tags"].extend(
            {"id": hl_id(self._rng), "name": n, "locationId": self.location_id} for n in names
        )

    def calendar(self, name: str) -> None:
        self.data["calendars"].append({"id": hl_id(self._rng), "name": name, "locationId": self.location_id})

    def custom_object(self, singular: str, plural: str) -> str:
        key = f"custom_objects.{ascii_slug(singular, '_')}"
        self.data["customObjects"].append(
            {
                "id": "".join(self._rng.choices("0123456789abcdef", k=24)),
                "key": key,
                "standard": False,
                "labels": {"singular": singular, "plural": plural},
                "locationId": self.location_id,
                "primaryDisplayProperty": f"{key}.name",
            }
        )
        return key

    def build(self) -> dict[str, Any]:
        """The state as JSON data, checked against the shared model so a typo cannot ship."""
        DestinationState.model_validate(self.data)
        return self.data
