"""A contact's tasks, notes and tags (the tag endpoints add or remove, never replace)."""

from __future__ import annotations

from assistant.highlevel.limits import note_body_max
from assistant.sandbox.errors import JsonDict, NotFoundError, unprocessable
from assistant.sandbox.ids import new_id, now_iso
from assistant.sandbox.registry import Call, clean, handles
from assistant.sandbox.rules import normalise_tags, register_location_tags

SPEC = "contacts"
_TASK_KEYS = ("title", "body", "dueDate", "completed", "assignedTo")
_NOTE_KEYS = ("body", "userId", "title", "color", "pinned")


def _contact(call: Call) -> JsonDict:
    return call.store.get("contacts", call.path["contactId"], "Contact")


def _child(call: Call, table: str, key: str, what: str) -> JsonDict:
    contact = _contact(call)
    record = call.store.get(table, call.path[key], what)
    if record.get("contactId") != contact["id"]:
        raise NotFoundError(what)  # another contact's task or note
    return record


@handles(SPEC, "get-all-tasks")
def list_tasks(call: Call) -> JsonDict:
    contact = _contact(call)
    return {"tasks": [clean(t) for t in call.store.where("tasks", contactId=contact["id"])]}


@handles(SPEC, "create-task")
def create_task(call: Call) -> JsonDict:
    contact = _contact(call)
    task = {"id": new_id(), "contactId": contact["id"], "dateAdded": now_iso()}
    task.update({k: call.json[k] for k in _TASK_KEYS if k in call.json})
    call.store.insert("tasks", task)
    return {"task": clean(task)}


@handles(SPEC, "get-task")
def get_task(call: Call) -> JsonDict:
    return {"task": clean(_child(call, "tasks", "taskId", "Task"))}


@handles(SPEC, "update-task")
def update_task(call: Call) -> JsonDict:
    task = _child(call, "tasks", "taskId", "Task")
    task.update({k: call.json[k] for k in _TASK_KEYS if k in call.json})
    call.store.touch()
    return {"task": clean(task)}


@handles(SPEC, "update-task-completed")
def complete_task(call: Call) -> JsonDict:
    task = _child(call, "tasks", "taskId", "Task")
    task["completed"] = call.json["completed"]
    call.store.touch()
    return {"task": clean(task)}


@handles(SPEC, "delete-task")
def delete_task(call: Call) -> JsonDict:
    call.store.remove("tasks", _child(call, "tasks", "taskId", "Task")["id"])
    return {"succeded": True}


@handles(SPEC, "get-all-notes")
def list_notes(call: Call) -> JsonDict:
    contact = _contact(call)
    return {"notes": [clean(n) for n in call.store.where("notes", contactId=contact["id"])]}


def _check_note_body(call: Call) -> None:
    """HighLevel refuses a note body past its length bound rather than keeping part of it."""
    body = call.json.get("body")
    if isinstance(body, str) and len(body) > note_body_max():
        raise unprocessable([f"body must be shorter than or equal to {note_body_max()} characters"])


@handles(SPEC, "create-note")
def create_note(call: Call) -> JsonDict:
    _check_note_body(call)
    contact = _contact(call)
    note = {"id": new_id(), "contactId": contact["id"], "dateAdded": now_iso()}
    note.update({k: call.json[k] for k in _NOTE_KEYS if k in call.json})
    call.store.insert("notes", note)
    return {"note": clean(note)}


@handles(SPEC, "get-note")
def get_note(call: Call) -> JsonDict:
    return {"note": clean(_child(call, "notes", "id", "Note"))}


@handles(SPEC, "update-note")
def update_note(call: Call) -> JsonDict:
    _check_note_body(call)
    note = _child(call, "notes", "id", "Note")
    note.update({k: call.json[k] for k in _NOTE_KEYS if k in call.json})
    call.store.touch()
    return {"note": clean(note)}


@handles(SPEC, "delete-note")
def delete_note(call: Call) -> JsonDict:
    call.store.remove("notes", _child(call, "notes", "id", "Note")["id"])
    return {"succeded": True}


@handles(SPEC, "add-tags")
def add_tags(call: Call) -> JsonDict:
    contact = _contact(call)
    added = normalise_tags(call.json["tags"])
    contact["tags"] = normalise_tags([*contact.get("tags", []), *added])
    register_location_tags(call.store, added)
    call.store.touch()
    return {"tags": contact["tags"]}


@handles(SPEC, "remove-tags")
def remove_tags(call: Call) -> JsonDict:
    contact = _contact(call)
    removed = set(normalise_tags(call.json["tags"]))
    contact["tags"] = [t for t in contact.get("tags", []) if t not in removed]
    call.store.touch()
    return {"tags": contact["tags"]}
