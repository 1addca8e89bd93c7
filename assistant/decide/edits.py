"""``--set`` and ``--owner``: one proposal pointed at a target the engineer names.

Each resolves its names against the same choices the review UI offers (catalog fields, the
destination's custom fields, pipelines, stages and users), so nothing else can be chosen.
"""

from __future__ import annotations

from assistant.cli_common import listed
from assistant.errors import HlmapError, did_you_mean
from assistant.mapping.items import FieldMap, OwnerMatch
from assistant.mapping.models import FieldKind
from assistant.review.errors import ReviewError
from assistant.review.session import ReviewSession
from assistant.review.targets import MODEL_FOR_OBJECT


def split_edit(flag: str, text: str, shape: str) -> tuple[str, str]:
    left, sep, right = text.rpartition("=")
    if not sep or not left.strip() or not right.strip():
        raise HlmapError(f"{flag} {text!r}: write {shape}")
    return left.strip(), right.strip()


def set_field(session: ReviewSession, text: str) -> str:
    """``clients.Phone=contact.phone``: the field proposal of clients.Phone gets that target."""
    where, label = split_edit("--set", text, "OBJECT.COLUMN=TARGET, e.g. clients.Phone=contact.phone")
    item = _field(session, where, text)
    choices = session.choices(item.id)
    choice = next((c for c in choices if c.label == label), None)
    if choice is None:
        hint = did_you_mean(label, [c.label for c in choices])
        raise HlmapError(f"--set {text!r}: {label!r} is not a target in the catalog or the destination{hint}")
    # Naming "contact: new custom field" states the model the field is created with.
    model = (
        MODEL_FOR_OBJECT.get(choice.object) if choice.kind is FieldKind.CUSTOM_NEW and choice.object else None
    )
    session.edit_target(item.id, label, model_confirmed=model)
    return f"{item.id} → {label}"


def _field(session: ReviewSession, where: str, text: str) -> FieldMap:
    wanted = where.removeprefix("field:")
    exact = [f for f in session.document.fields if f.id == f"field:{wanted}"]
    obj, _, column = wanted.partition(".")
    found = exact or [
        f for f in session.document.fields if f.source_object == obj and column in f.source_columns
    ]
    if len(found) == 1:
        return found[0]
    if found:
        ids = ", ".join(f.id for f in found)
        raise HlmapError(f"--set {text!r}: {where} feeds several proposals ({ids}); name one by its id")
    hint = did_you_mean(f"field:{wanted}", [f.id for f in session.document.fields])
    raise HlmapError(f"--set {text!r}: no field proposal for {where}{hint}")


def set_owner(session: ReviewSession, text: str) -> str:
    """``jobs.u9=ana@acme.test`` (a user's email, name or id) or ``jobs.u9=fallback:owner@acme.test``."""
    where, who = split_edit(
        "--owner", text, "OBJECT.KEY=USER or OBJECT.KEY=fallback:USER (email, name or id)"
    )
    fallback = who.startswith("fallback:")
    who = who.removeprefix("fallback:").strip()
    item = _owner(session, where, text)
    try:
        users = session.users()
    except ReviewError as exc:
        raise HlmapError(f"--owner {text!r}: {exc}") from None
    user = next(
        (
            u
            for u in users
            if who.casefold() in {(u.email or "").casefold(), (u.name or "").casefold(), u.id.casefold()}
        ),
        None,
    )
    if user is None:
        known = [u.email or u.name or u.id for u in users]
        raise HlmapError(f"--owner {text!r}: no destination user {who!r} (users{listed(known)})")
    session.set_owner(item.id, user.id, fallback=fallback)
    return f"{item.id} → {'fallback ' if fallback else ''}{user.email or user.name or user.id}"


def _owner(session: ReviewSession, where: str, text: str) -> OwnerMatch:
    wanted = where.removeprefix("owner:")
    obj, _, key = wanted.partition(".")
    for item in session.document.owners:
        if item.id == f"owner:{wanted}" or (
            item.source_object == obj and key in {item.source_key, item.source_name, item.source_email}
        ):
            return item
    hint = did_you_mean(f"owner:{wanted}", [o.id for o in session.document.owners])
    raise HlmapError(f"--owner {text!r}: no owner proposal for {where}{hint}")
