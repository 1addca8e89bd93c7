"""The stand-in's in-memory data, seeded from a destination state and persisted to one JSON file."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from assistant.errors import HlmapError
from assistant.highlevel.state import DestinationState
from assistant.sandbox.errors import JsonDict, NotFoundError
from assistant.sandbox.ids import new_id
from assistant.sandbox.seed import seed_tables

TABLES = (
    "contacts",
    "tasks",
    "notes",
    "businesses",
    "opportunities",
    "pipelines",
    "users",
    "calendars",
    "appointments",
    "customFields",
    "objectFields",
    "fieldFolders",
    "tags",
    "lostReasons",
    "objectSchemas",
    "records",
    "associations",
    "relations",
    "medias",
    "products",
    "prices",
    "invoices",
    "estimates",
    "conversations",
    "messages",  # conversation messages (history added with its original date)
    "conversationProviders",  # custom conversation providers set up in the location
    "customerMessages",  # every send/charge call: recorded, never delivered
    "notifications",  # messages and automation runs HighLevel would have sent (not an API table)
)

_FORMAT_VERSION = 1


class Store:
    """Tables of records keyed by id, plus the location; ``dirty`` tells the flusher to save."""

    def __init__(self, seed: DestinationState, path: Path | None = None) -> None:
        self.path = path
        self._seed = seed.model_dump(mode="json")
        self.location: JsonDict = {}
        self.tables: dict[str, dict[str, JsonDict]] = {}
        self.dirty = False
        self.reset()

    def reset(self) -> None:
        """Back to the seeded destination state: every record written since is dropped."""
        self.location, seeded = seed_tables(DestinationState.model_validate(self._seed))
        self.tables = {name: {} for name in TABLES}
        for name, records in seeded.items():
            self.tables[name].update({record["id"]: record for record in records})
        self.dirty = True

    @property
    def location_id(self) -> str:
        return str(self.location["id"])

    def table(self, name: str) -> dict[str, JsonDict]:
        return self.tables[name]

    def insert(self, name: str, record: JsonDict) -> JsonDict:
        record.setdefault("id", new_id())
        self.tables[name][record["id"]] = record
        self.dirty = True
        return record

    def get(self, name: str, record_id: str, what: str) -> JsonDict:
        """The record, or a "<what> not found" error answer."""
        record = self.tables[name].get(record_id)
        if record is None:
            raise NotFoundError(what)
        return record

    def remove(self, name: str, record_id: str) -> JsonDict | None:
        self.dirty = True
        return self.tables[name].pop(record_id, None)

    def touch(self) -> None:
        self.dirty = True

    def where(self, name: str, **equal: Any) -> list[JsonDict]:
        return [r for r in self.tables[name].values() if all(r.get(k) == v for k, v in equal.items())]

    def counts(self) -> dict[str, int]:
        return {name: len(records) for name, records in self.tables.items()}

    # persistence -------------------------------------------------------------------------------
    def save(self) -> None:
        """Write atomically (temp file + rename) so a crash never leaves half a state file."""
        if self.path is None:
            self.dirty = False
            return
        payload = {
            "format": _FORMAT_VERSION,
            "seed": self._seed,
            "location": self.location,
            "tables": self.tables,
        }
        temporary = self.path.with_name(self.path.name + ".tmp")
        temporary.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
        os.replace(temporary, self.path)
        self.dirty = False

    @classmethod
    def open(cls, seed: DestinationState, path: Path | None) -> Store:
        """A store reloaded from ``path`` when it exists, else freshly seeded."""
        if path is None or not path.exists():
            return cls(seed, path)
        try:
            payload = json.loads(path.read_text(encoding="utf-8"))
            store = cls(DestinationState.model_validate(payload["seed"]), path)
            store.location = payload["location"]
            for name in TABLES:
                store.tables[name] = dict(payload["tables"].get(name, {}))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise HlmapError(f"{path}: not a stand-in state file ({exc})") from exc
        store.dirty = False
        return store
