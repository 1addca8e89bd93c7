"""Source rows that travel as notes on their contact instead of as their own record.

Each fallback (later child rows, kept opportunities, extra phones and emails, documents whose
contact lacks details, history without a conversation provider) writes its notes the same way:
one ``exec.records`` row per note, sent by a note spec standing in the place of the record's own.
"""

from __future__ import annotations

import hashlib
import json

from assistant.execute.specs import PASSES, RecordSpec, Ref
from assistant.mapping.models import TargetObject

INSERT_RECORD = "INSERT INTO exec.records VALUES (?, ?, ?, ?, ?, ?, ?)"
NoteRecord = tuple[str, str, object, object, int, str, str]


def note_record(
    kind: str, source_object: str, key: object, row: object, body: str, contact: object
) -> NoteRecord:
    """The ``exec.records`` row of one note; its digest is what a delta compares to see it unchanged."""
    text = json.dumps({"body": body, "ref:contactId": contact}, ensure_ascii=False, separators=(",", ":"))
    return (kind, source_object, key, row, PASSES[kind], text, hashlib.md5(text.encode()).hexdigest())


def notes_spec(spec: RecordSpec, kind: str, role: str, refs: list[Ref]) -> RecordSpec:
    """The spec that sends ``spec``'s rows as notes: its object map kept, its target a note with ``role``."""
    target = spec.object_target.model_copy(update={"object": TargetObject.NOTE, "role": role})
    return RecordSpec(kind, spec.source_object, spec.object_map, target, refs=refs)
