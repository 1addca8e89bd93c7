"""``--use``: a source object switched to one of its alternatives, as keys 1-3 do in the review.

``--use ordinaryInvoices=2`` takes the second alternative (numbered as ``--use TABLE=?`` lists
them), ``--use "ordinaryInvoices=file + contact"`` the one with that label. The object's line table
follows and the field maps of both are proposed again, pending a decision.
"""

from __future__ import annotations

from assistant.errors import HlmapError
from assistant.review.session import ReviewSession


def use_alternative(session: ReviewSession, text: str) -> str:
    table, sep, wanted = text.partition("=")
    table, wanted = table.strip().removeprefix("object:"), wanted.strip()
    if not sep or not table or not wanted:
        raise HlmapError(f"--use {text!r}: write TABLE=N (the alternative's number) or TABLE=LABEL")
    item_id = f"object:{table}"
    if not any(o.id == item_id for o in session.document.objects):
        raise HlmapError(f"--use {text!r}: no source object {table!r} in the mapping")
    listed = session.object_alternatives(item_id)
    labels = [a.target for a in session.document.find(item_id).alternatives]
    if wanted.isdigit() and 1 <= int(wanted) <= len(labels):
        index = int(wanted) - 1
    elif wanted.lower() in (label.lower() for label in labels):
        index = [label.lower() for label in labels].index(wanted.lower())
    else:
        raise HlmapError(f"--use {text!r}: {table} has the alternatives {'; '.join(listed) or 'none'}")
    session.choose_object_alternative(item_id, index)
    return f"{item_id} → {labels[index]} (its field maps proposed again, pending)"
