"""``ReviewSession``: every decision the review can make, headless (the TUI and ``--yes`` use it).

    session = open_session(workspace, who="ana")          # loads document + context
    session.accept_above(0.8)                              # accept what is confident enough
    session.reject_pending(); session.confirm()            # -> mapping.confirmed.yaml

Each call saves the document straight away with ``who``; ``undo()`` reverts the last one.
"""

from __future__ import annotations

from assistant.mapping import journal
from assistant.review.context import ReviewContext, load_context
from assistant.review.destination_edits import DestinationEdits
from assistant.review.field_edits import FieldEdits
from assistant.review.object_edits import ObjectEdits
from assistant.review.object_switch import ObjectSwitch
from assistant.review.persistence import Persistence, WorkspacePersistence, load_document
from assistant.review.selected import SelectedEdits
from assistant.review.tag_edits import TagEdits
from assistant.workspace import Workspace


class ReviewSession(FieldEdits, TagEdits, DestinationEdits, SelectedEdits, ObjectEdits, ObjectSwitch):
    """Accept, reject, edit, tag clusters, stages, owners, selections, duplicate choices, object
    alternatives, undo and confirm."""


def open_session(
    workspace: Workspace,
    who: str,
    *,
    persistence: Persistence | None = None,
    context: ReviewContext | None = None,
) -> ReviewSession:
    journal.recover_leftover(workspace)  # a killed review's last decisions; refused while it is open
    document = load_document(workspace)
    return ReviewSession(
        document,
        who,
        persistence or WorkspacePersistence(workspace),
        context if context is not None else load_context(workspace),
        bulk_floor=workspace.settings.propose.confidence_threshold,
    )
